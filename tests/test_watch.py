"""`validate --watch`: files checked again as they are saved, with the schemas compiled once."""

from __future__ import annotations

import shutil
from pathlib import Path

from teiedition.cli import validate as validate_command_module
from teiedition.cli import cli
from teiedition.validate import Validator
from teiedition.validate.watch import check_files, iter_changes

from conftest import CASES

VALID = CASES / "schema" / "valid-minimal.001.xml"
INVALID = CASES / "schema" / "ref-resolves.001.xml"


def test_changes_are_seen_once_each(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(VALID, tmp_path / "a.xml")
    edits = iter([
        lambda: None,                                                   # nothing saved
        lambda: shutil.copy(INVALID, tmp_path / "a.xml"),               # a.xml saved
        lambda: shutil.copy(VALID, tmp_path / "sub" / "b.xml"),         # b.xml added
    ])
    changes = list(iter_changes([str(tmp_path)], sleep=lambda _: next(edits)(), rounds=3))
    assert changes == [[tmp_path / "a.xml"], [tmp_path / "sub" / "b.xml"]]


def test_check_files_reports_unreadable_and_large_files(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * 2_000_001)
    reports, unreadable = check_files(Validator(["project"]), [VALID, big, tmp_path / "gone.xml"],
                                      max_bytes=2_000_000)
    assert [r.valid for r in reports] == [True]
    assert [str(e) for e in unreadable][0].endswith("2 MB is larger than --max-size 2 MB; "
                                                    "not validated")
    assert len(unreadable) == 2


def test_watch_checks_saved_files_again(runner, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.xml"
    shutil.copy(VALID, target)
    compiled = []
    original = Validator.__init__
    monkeypatch.setattr(Validator, "__init__",
                        lambda self, *a, **k: compiled.append(a) or original(self, *a, **k))

    def saved(paths, **kwargs):
        shutil.copy(INVALID, target)
        yield [target]
    monkeypatch.setattr(validate_command_module, "iter_changes", saved)
    result = runner.invoke(cli, ["validate", "--watch", str(target)])
    assert result.stderr.count("1 file, 1 valid") == 1
    assert result.stderr.count("1 file, 0 valid") == 1
    assert "[ref-resolves]" in result.stdout
    assert len(compiled) == 1
    assert result.exit_code == 0  # the exit code is the first check's: the watch was stopped


def test_ctrl_c_ends_the_watch_with_130(runner, monkeypatch) -> None:
    def interrupted(paths, **kwargs):
        raise KeyboardInterrupt
        yield
    monkeypatch.setattr(validate_command_module, "iter_changes", interrupted)
    assert runner.invoke(cli, ["validate", "--watch", str(VALID)]).exit_code == 130
