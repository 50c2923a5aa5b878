"""Regenerate docs/cli.md from the commands' --help texts (tests/test_docs.py checks it).

    python scripts/cli_docs.py          # rewrite docs/cli.md
    python scripts/cli_docs.py --check  # exit 1 when docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from teiedition.cli import COMMANDS, cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def render() -> str:
    runner = CliRunner()
    parts = ["# Command-line reference\n",
             "Generated from the `--help` texts by `python scripts/cli_docs.py`; "
             "do not edit by hand.\n"]
    for args in [[], *[[name] for name in sorted(COMMANDS)]]:
        result = runner.invoke(cli, [*args, "--help"], prog_name="teiedition",
                               terminal_width=88)
        title = " ".join(["teiedition", *args])
        parts.append(f"## `{title}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")
