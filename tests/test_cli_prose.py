"""The command line for prose (issue 14): convert --note-markers, the metadata's note_markers
and date, and suggest's ambiguous short forms."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from teiedition.cli import cli
from teiedition.tei import TEI_NS

from conftest import FIXED_DATE

LETTER = "Bath, July 1st. 1820.\n\nDear Sir, we dined with Mrs. Hofland. 2 Guests came. 3\n"
REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
<person xml:id="b-hofland"><persName>Barbara Hofland</persName></person>
<person xml:id="t-hofland"><persName>Thomas Hofland</persName></person>
</listPerson></standOff></TEI>"""
META = """[edition]\ntitle = "Letters"\neditors = ["A. Editor"]\npublisher = "P"
licence = "CC BY 4.0"\n[text]\ntitle = "A letter"\nlanguage = "en"\n{extra}
[source]\nbook_title = "Letters"\nyear = 1820\nrights = "public domain"\n"""


def convert(tmp_path: Path, *args: str, extra: str = "") -> str:
    page = tmp_path / "letter.txt"
    page.write_text(LETTER, encoding="utf-8")
    (tmp_path / "letter.toml").write_text(META.format(extra=extra), encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(page), "-o", "-", "--date", FIXED_DATE,
                                      "-q", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_note_markers_from_the_metadata_and_the_flag(tmp_path: Path) -> None:
    # "2 Guests came. 3" looks like a chain of two notes; the editor says there are none.
    assert "<note " in convert(tmp_path)
    assert "<note " not in convert(tmp_path, extra='note_markers = "none"')
    assert "<note " not in convert(tmp_path, "--note-markers", "none")
    assert "<note " in convert(tmp_path, "--note-markers", "numbers",
                               extra='note_markers = "none"')  # the flag wins
    assert "2 Guests came. 3</p>" in convert(tmp_path, "--note-markers", "none")


def test_a_bad_note_markers_value_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["convert", str(tmp_path / "x.txt"), "--note-markers",
                                      "roman"])
    assert result.exit_code == 2 and "roman" in result.output


def test_suggest_lists_ambiguous_short_forms(tmp_path: Path) -> None:
    page = tmp_path / "letter.txt"
    page.write_text(LETTER, encoding="utf-8")
    (tmp_path / "register.xml").write_text(REGISTER, encoding="utf-8")
    draft = tmp_path / "draft.xml"
    result = CliRunner().invoke(cli, ["suggest", str(page), "-o", str(draft),
                                      "--date", FIXED_DATE])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if "\tHofland\t" in x)
    assert line.startswith("1\tperson\tHofland\t") and line.endswith(
        "ambiguous: b-hofland t-hofland")
    names = [n.text for n in etree.parse(str(draft)).iter(f"{{{TEI_NS}}}persName")]
    assert "Hofland" not in names  # no new entry for it: the register has its persons
    data = json.loads(CliRunner().invoke(cli, ["suggest", str(page), "--format", "json"]).stdout)
    assert next(s for s in data if s["name"] == "Hofland")["ambiguous"] == [
        "b-hofland", "t-hofland"]
