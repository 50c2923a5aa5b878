"""`teiedition convert` from the command line: outputs, overwrite protection, bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from teiedition.cli import cli

from conftest import FIXED_DATE, SEED_META, SEED_TEXT


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    text = tmp_path / "page.txt"
    shutil.copy(SEED_TEXT, text)
    shutil.copy(SEED_META, tmp_path / "page.toml")
    return text


def run(runner, *args: str):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_convert_writes_tei_beside_the_source(runner, seed_copy: Path) -> None:
    result = run(runner, "convert", seed_copy, "--date", FIXED_DATE)
    assert result.exit_code == 0, result.output
    out = seed_copy.with_suffix(".xml")
    root = etree.parse(str(out)).getroot()
    assert root.tag.endswith("TEI")
    assert "5 paragraphs, 0 quotations, 5 notes (63-67)" in result.stderr


def test_convert_to_stdout(runner, seed_copy: Path) -> None:
    result = run(runner, "convert", seed_copy, "-o", "-", "--date", FIXED_DATE, "-q")
    assert result.exit_code == 0
    assert result.stdout.startswith("<?xml version='1.0' encoding='UTF-8'?>")
    assert result.stderr == ""
    assert not seed_copy.with_suffix(".xml").exists()


def test_refuses_to_overwrite_without_force(runner, seed_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "edited.xml"
    out.write_text("<edited by hand/>")
    result = run(runner, "convert", seed_copy, "-o", out)
    assert result.exit_code == 1
    assert "use --force" in result.stderr
    assert out.read_text() == "<edited by hand/>"
    result = run(runner, "convert", seed_copy, "-o", out, "--force")
    assert result.exit_code == 0
    assert out.read_text().startswith("<?xml")


def test_output_is_deterministic(runner, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1768435200")  # 2026-01-15
    run(runner, "convert", seed_copy, "-o", tmp_path / "a.xml")
    run(runner, "convert", seed_copy, "-o", tmp_path / "b.xml", "--date", FIXED_DATE)
    a, b = (tmp_path / "a.xml").read_bytes(), (tmp_path / "b.xml").read_bytes()
    assert a == b
    assert b'when="2026-01-15"' in a


def test_bom_and_windows_line_endings_are_accepted(runner, seed_copy: Path,
                                                   tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbf" + seed_copy.read_bytes().replace(b"\n", b"\r\n"))
    shutil.copy(SEED_META, tmp_path / "crlf.toml")
    run(runner, "convert", seed_copy, "-o", tmp_path / "lf.xml", "--date", FIXED_DATE)
    result = run(runner, "convert", crlf, "-o", tmp_path / "crlf.xml", "--date", FIXED_DATE)
    assert result.exit_code == 0
    lf_body = (tmp_path / "lf.xml").read_text().split("<text>")[1]
    assert (tmp_path / "crlf.xml").read_text().split("<text>")[1] == lf_body


def test_missing_metadata_gives_a_minimal_header_and_a_warning(runner, tmp_path: Path) -> None:
    page = tmp_path / "bare.txt"
    page.write_text("A page without metadata. 1\n|\n")
    result = run(runner, "convert", page, "--date", FIXED_DATE)
    assert result.exit_code == 0
    assert "warning: no metadata file (bare.toml)" in result.stderr
    root = etree.parse(str(page.with_suffix(".xml"))).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "und"


def test_verbose_lists_findings(runner, tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("It began. 4 It went on. 5 And 1954. 99 Then it ended. 6\n|\n")
    quiet = run(runner, "convert", page, "-o", "-", "--date", FIXED_DATE)
    assert "1 note-skipped (--verbose lists them)" in quiet.stderr
    loud = run(runner, "convert", page, "-o", "-", "--date", FIXED_DATE, "--verbose")
    assert "p.txt:1: warning: '99' looks like a note reference" in loud.stderr


def test_notes_file(runner, tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("It began. 4 It went on. 5\n|\n")
    notes = tmp_path / "notes.txt"
    notes.write_text("| 4. The first note.\n| 6. Never referenced.\n")
    result = run(runner, "convert", page, "--notes", notes, "-o", "-", "--date", FIXED_DATE,
                 "-v")
    assert result.exit_code == 0
    assert "The first note.</note>" in result.stdout
    assert "no text for note 5" in result.stderr
    assert "never references: 6" in result.stderr


# Bad input: one clear line naming the file, a non-zero exit, no output file.

def bad(runner, tmp_path: Path, *args) -> tuple[int, str]:
    out = tmp_path / "out.xml"
    result = run(runner, "convert", *args, "-o", out)
    assert not out.exists(), "a failed conversion must not leave an output file"
    assert not list(tmp_path.glob(".out.xml.*")), "no temporary file may be left"
    return result.exit_code, result.stderr


def test_missing_file(runner, tmp_path: Path) -> None:
    code, err = bad(runner, tmp_path, tmp_path / "nope.txt")
    assert code == 2 and f"{tmp_path / 'nope.txt'}: text not found" in err


def test_directory(runner, tmp_path: Path) -> None:
    code, err = bad(runner, tmp_path, tmp_path)
    assert code == 2 and "is a directory" in err


def test_unreadable_file(runner, tmp_path: Path, monkeypatch) -> None:
    page = tmp_path / "locked.txt"
    page.write_text("Text.")

    def denied(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", denied)  # root can read any mode, so simulate
    code, err = bad(runner, tmp_path, page)
    assert code == 2 and "locked.txt: permission denied" in err


def test_empty_file(runner, tmp_path: Path) -> None:
    page = tmp_path / "empty.txt"
    page.write_text("  \n|\n" [:3])
    code, err = bad(runner, tmp_path, page)
    assert code == 2 and "empty.txt: the text file is empty" in err


def test_not_utf8_says_where(runner, tmp_path: Path) -> None:
    page = tmp_path / "latin1.txt"
    page.write_bytes("First line.\nZhou Enlai visited Moscow in 1954, caf\u00e9.\n".encode("latin-1"))
    code, err = bad(runner, tmp_path, page)
    assert code == 2
    assert "latin1.txt:2:39: not UTF-8: byte 0xe9" in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_file_saved_as_utf16_or_utf32_with_its_mark_is_read(runner, tmp_path: Path,
                                                               encoding: str) -> None:
    """Windows' Notepad saves "Unicode" as UTF-16 with a byte-order mark: its NUL bytes are
    half of each character, not binary data."""
    source = tmp_path / "chapter.md"
    text = "# Zhou Enlai\n\nZhou Enlai went to Gen\u00e8ve in 1954.\n"
    mark = {"utf-16-be": "\ufeff"}.get(encoding, "")  # Python's utf-16/32 write their own
    source.write_bytes((mark + text).encode(encoding))
    result = run(runner, "convert", source, "-o", "-", "-q")
    assert result.exit_code == 0, result.stderr
    root = etree.fromstring(result.stdout.encode("utf-8"))
    assert root.xpath("string(//*[local-name()='body']//*[local-name()='p'])") == \
        "Zhou Enlai went to Gen\u00e8ve in 1954."


def test_binary_data(runner, tmp_path: Path) -> None:
    page = tmp_path / "image.txt"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, err = bad(runner, tmp_path, page)
    assert code == 2 and "binary data" in err


def test_metadata_not_toml(runner, seed_copy: Path, tmp_path: Path) -> None:
    seed_copy.with_suffix(".toml").write_text("[edition\ntitle = 1\n")
    code, err = bad(runner, tmp_path, seed_copy)
    assert code == 2 and "page.toml: not valid TOML" in err and "line 1" in err


def test_metadata_unknown_and_missing_keys(runner, seed_copy: Path, tmp_path: Path) -> None:
    meta = seed_copy.with_suffix(".toml")
    text = meta.read_text().replace('licence = "CC BY 4.0"\n', 'licence_typo = "x"\n')
    meta.write_text(text.replace("year = 1998", 'year = "1998"'))
    code, err = bad(runner, tmp_path, seed_copy)
    assert code == 2
    assert "unknown key 'edition.licence_typo'" in err
    assert "missing key 'edition.licence'" in err
    assert "'source.year' must be an integer, not a string" in err


def test_explicit_metadata_must_exist(runner, seed_copy: Path, tmp_path: Path) -> None:
    code, err = bad(runner, tmp_path, seed_copy, "--meta", tmp_path / "none.toml")
    assert code == 2 and "none.toml: metadata not found" in err


def test_malformed_notes_file(runner, seed_copy: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Endnotes\n| 63. Text.\n")
    code, err = bad(runner, tmp_path, seed_copy, "--notes", notes)
    assert code == 2 and "notes.txt:1: expected a note line" in err


def test_bad_date(runner, seed_copy: Path, tmp_path: Path) -> None:
    code, err = bad(runner, tmp_path, seed_copy, "--date", "25/11/2026")
    assert code == 2 and "--date" in err


def test_version_and_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "teiedition", "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.startswith("teiedition, version ")


def test_only_separators(runner, tmp_path: Path) -> None:
    page = tmp_path / "bars.txt"
    page.write_text("|\n|\n")
    code, err = bad(runner, tmp_path, page)
    assert code == 2 and "bars.txt: no text" in err


def test_output_gets_ordinary_permissions(runner, seed_copy: Path, tmp_path: Path) -> None:
    import os
    old = os.umask(0o022)
    try:
        out = tmp_path / "new.xml"
        run(runner, "convert", seed_copy, "-o", out)
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o664)
        run(runner, "convert", seed_copy, "-o", out, "--force")
        assert out.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)
