"""What a command loads: each command imports its own library only (the commands are
loaded lazily), so that a quick `validate` does not pay for the converter, HTML and PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import teiedition
from teiedition.cli import COMMANDS, command

CASES = Path(__file__).parent / "cases" / "schema"

PROBE = """
import json, sys
from teiedition.cli import cli
try:
    cli(sys.argv[1:], prog_name="teiedition")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("teiedition", "typst", "pypdf")))))
"""


def loaded_by(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("args, not_loaded", [
    (("validate", "--help"), {"teiedition.render", "teiedition.convert", "teiedition.pipeline",
                              "teiedition.serve", "teiedition.workflow"}),
    (("validate", "--no-worker", str(CASES / "note-sequence.001.xml")),
     {"teiedition.render", "teiedition.convert", "teiedition.workflow"}),
    (("html", str(Path(__file__).parent / "cases" / "tei" / "apparatus.001.xml"), "-o",
      "{tmp}"), {"teiedition.render.typeset", "typst", "pypdf", "teiedition.convert",
                 "teiedition.workflow", "teiedition.validate"}),
    (("convert", "--help"), {"teiedition.render", "teiedition.workflow", "teiedition.serve"}),
    (("--version",), {"teiedition.render", "teiedition.convert", "teiedition.validate"}),
])
def test_a_command_loads_its_own_library_only(args: tuple[str, ...], not_loaded: set[str],
                                              tmp_path: Path) -> None:
    assert not loaded_by(*(a.format(tmp=tmp_path) for a in args)) & not_loaded


def test_every_command_is_listed_and_loads() -> None:
    from teiedition.cli import cli
    import click
    assert cli.list_commands(click.Context(cli)) == sorted(COMMANDS)
    for name in COMMANDS:
        assert command(name).name == name


def test_the_package_exports_load_on_first_use() -> None:
    for name in teiedition.__all__:
        assert getattr(teiedition, name) is not None
    with pytest.raises(AttributeError):
        teiedition.no_such_name  # noqa: B018


def test_convert_is_the_function_whenever_the_subpackage_loads() -> None:
    """``teiedition.convert`` names the library's function, not the subpackage of the same
    name, whether the subpackage was imported before the name was asked or after."""
    program = ("import teiedition.convert.reader, teiedition\n"
               "from teiedition import convert\n"
               "import teiedition.convert.names\n"
               "assert callable(convert) and teiedition.convert is convert, teiedition.convert\n")
    subprocess.run([sys.executable, "-c", program], check=True)
