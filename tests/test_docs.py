"""Documentation matches the code: metadata keys, CLI reference, README commands."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from teiedition.cli import COMMANDS, cli
from teiedition.cli import command as cli_command
from teiedition.metadata import keys_table

from conftest import ROOT


def test_every_metadata_key_is_documented() -> None:
    assert keys_table() in (ROOT / "docs" / "metadata.md").read_text(encoding="utf-8")


def test_cli_reference_is_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_docs.py"), "--check"])
    assert result.returncode == 0, "docs/cli.md is stale: run python scripts/cli_docs.py"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    command = cli_command(name)
    assert command.help and len(command.help) > 80
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{name} {param.opts} has no help"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_subpackage_is_shipped() -> None:
    """pyproject.toml lists the packages by hand (schema/ and xslt/ are mapped into the
    package); a subpackage missing there works in an editable install and breaks a wheel."""
    import tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    assert found <= listed, f"not shipped: {sorted(found - listed)}"


def test_code_passes_the_linter() -> None:
    """ruff (configured in pyproject.toml) finds nothing in the code, tests and scripts."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed")
    result = subprocess.run([ruff, "check", "src", "tests", "benchmarks", "scripts"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
