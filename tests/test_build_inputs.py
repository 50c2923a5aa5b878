"""`teiedition build` with every kind of input: Word, Markdown and a book's pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from teiedition.workflow import BuildOptions, build

from conftest import SEED_META, SEEDS
from test_markdown import FRONT
from wordfixtures import image_run, make_docx, para

DATE = "2026-01-15"
TEI = "{http://www.tei-c.org/ns/1.0}"


def test_an_edition_of_word_markdown_and_pages_builds(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copy(SEEDS / "register.xml", folder / "register.xml")
    meta = SEED_META.read_text(encoding="utf-8")
    rel = ('<Relationship Id="rImg" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/image" Target="media/image1.png"/>')
    (folder / "letter.docx").write_bytes(make_docx(
        para("Zhou Enlai in Geneva", "Berschrift1") + para("Zhou Enlai wrote to Mao in 1954.")
        + f"<w:p>{image_run('rImg')}</w:p>", media={"word/media/image1.png": b"\x89PNG data"},
        extra_rels=rel))
    (folder / "letter.toml").write_text(meta, encoding="utf-8")
    (folder / "chapter.md").write_text(FRONT + "# Geneva\n\nMolotov spoke.[^1]\n\n"
                                       "[^1]: A note.\n", encoding="utf-8")
    (folder / "page-045.txt").write_text("leaders in Beijing read the govern-\n|\n",
                                         encoding="utf-8")
    (folder / "page-046.txt").write_text("ment's speech with alarm. 63\n|\n", encoding="utf-8")
    (folder / "pages.toml").write_text(meta.replace(
        "[source]", 'pages = ["page-045.txt", "page-046.txt"]\n\n[source]'), encoding="utf-8")
    out = tmp_path / "out"
    report = build(folder, out, BuildOptions(date=DATE, pdf=True))
    assert report.ok, json.dumps(json.loads((out / "build.json").read_text()), indent=1)
    assert sorted(p.name for p in (out / "tei").iterdir()) == [
        "chapter.xml", "letter-media", "letter.xml", "pages.xml"]
    assert (out / "tei" / "letter-media" / "image1.png").read_bytes() == b"\x89PNG data"
    pages = (out / "tei" / "pages.xml").read_text(encoding="utf-8")
    assert 'govern<pb n="46" break="no"/>ment' in pages
    letter = (out / "tei" / "letter.xml").read_text(encoding="utf-8")
    assert '<persName ref="#zhou-enlai" resp="#teiedition">Zhou Enlai</persName> wrote' in letter
    for stem in ("chapter", "letter", "pages"):
        assert (out / "html" / f"{stem}.html").is_file()
        assert (out / "pdf" / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
    again = build(folder, out, BuildOptions(date=DATE, pdf=True))
    assert {s.status for d in again.documents for s in d.steps} == {"up-to-date"}
