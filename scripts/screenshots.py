"""Screenshots of real TEI rendered by teiedition, for docs/rendering.md (issue 13).

    python scripts/screenshots.py [--shared ../shared] [-o docs/images]

Renders a drama, a letter, an inscription with its reading switch, a table and a verse
text from ../shared/tei/corpus/ to HTML (screenshot of the page in headless Chromium,
through Playwright) and to PDF (a page rendered to PNG with PyMuPDF), and writes
docs/images/real-NAME-html.png and real-NAME-pdf.png; and the chronology of three of
them, docs/images/chronology-html.png and (the appendix of their book's PDF)
docs/images/chronology-pdf.png. Needs Debian's chromium and the
test extra (playwright, pymupdf). A development tool: the product does not use it.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: name → (corpus file, what to show in the HTML: a CSS selector scrolled to, the reading
#: to switch to or None, the PDF page to render: its number counted from 1, or words on it).
SHOTS = {
    "drama": ("sophocles-ichneutae.xml", ".tei-sp", None, 3),
    "letter": ("seward-letter.xml", ".tei-closer", None, 3),
    "inscription": ("isic000781.xml", ".reading-switch", "diplomatic", 3),
    "table": ("testsimple4.xml", "table.tei-table", None, "Tables may have cells"),
    "verse": ("vergil-eclogues.xml", ".tei-lg", None, 3),
}


CHRONOLOGY = ("russia.xml", "1937-1945.xml", "seward-letter.xml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()

    import pymupdf
    from playwright.sync_api import sync_playwright

    from teiedition.render import html_pages, pdf
    from teiedition.xmlparse import parse_tei

    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 900, "height": 700})
        for name, (file, selector, reading, pdf_page) in SHOTS.items():
            path = args.shared / "tei" / "corpus" / file
            tree = parse_tei(path.read_bytes(), path=str(path))
            folder = Path(tmp) / name
            folder.mkdir()
            for page_name, text in html_pages([(path.stem, tree)]).pages.items():
                (folder / page_name).write_text(text, encoding="utf-8")
            page.goto((folder / f"{path.stem}.html").as_uri())
            if reading:
                page.get_by_label(reading.capitalize()).click()
            page.locator(selector).first.scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -40)")
            page.screenshot(path=str(args.output / f"real-{name}-html.png"))
            document = pymupdf.open(stream=pdf(tree, standard="none").data, filetype="pdf")
            number = min(pdf_page, len(document)) - 1 if isinstance(pdf_page, int) else next(
                i for i, p in enumerate(document) if pdf_page in " ".join(p.get_text().split()))
            document[number].get_pixmap(dpi=80).save(str(args.output / f"real-{name}-pdf.png"))
            print(f"{name}: {file} -> real-{name}-html.png, real-{name}-pdf.png")
        # The chronology of an edition of three of the files (issue 17).
        folder = Path(tmp) / "chronology"
        folder.mkdir()
        files = [args.shared / "tei" / "corpus" / f for f in CHRONOLOGY]
        documents = [(f.stem, parse_tei(f.read_bytes(), path=str(f))) for f in files]
        for page_name, text in html_pages(documents).pages.items():
            (folder / page_name).write_text(text, encoding="utf-8")
        page.goto((folder / "chronology.html").as_uri())
        page.screenshot(path=str(args.output / "chronology-html.png"))
        print(f"chronology: {', '.join(CHRONOLOGY)} -> chronology-html.png")
        browser.close()
    chronology_pdf(documents, args.output / "chronology-pdf.png")


def chronology_pdf(documents, target: Path) -> None:
    """The first page of the chronology appendix of the edition's book of ``documents``
    (a stem and a parsed tree each), as PNG."""
    import pymupdf

    from teiedition.render import PdfContents, edition_book, pdf

    printed = pdf(edition_book(documents), standard="none", contents=PdfContents(chronology=True))
    document = pymupdf.open(stream=printed.data, filetype="pdf")
    first = next(i for i, page in enumerate(document) if "\nChronology\n" in page.get_text())
    document[first].get_pixmap(dpi=80).save(str(target))
    print(f"chronology: -> {target.name}")


if __name__ == "__main__":
    main()
