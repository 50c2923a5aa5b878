"""A/B of the renderings: every real TEI file and test case through two copies of xslt/.

    python scripts/render_ab.py OLD_XSLT NEW_XSLT [--shared ../shared]

For a change to the stylesheets that must not change what they make (issue 13's speed
rounds): renders each file of ../shared/tei/corpus/ and tests/cases/tei/ with the
stylesheets of each folder (e.g. a copy of main's xslt/ and this tree's) and compares the
text page, the text page with a search index (its names carry titles) and the unhandled
and unresolved messages, the edition's pages, and the Typst source. Prints each output
that differs, with the first lines of its diff, and exits 1 if any does. A development
tool: the product does not use it.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from teiedition.render.html import html_pages, html_text_page
from teiedition.render.typeset import typst_source
from teiedition.xmlparse import parse_tei
from teiedition.xslt import Stylesheets

ROOT = Path(__file__).resolve().parents[1]


def renderings(path: Path, sheets: Stylesheets) -> dict[str, str]:
    """Every output of one file, by name; a failure is an output too (its message)."""
    tree = parse_tei(path.read_bytes(), path=str(path))
    out: dict[str, str] = {}
    try:
        edition = html_pages([(path.stem, tree)], access_date="2026-01-01", stylesheets=sheets)
        out.update(edition.pages)
        out["messages"] = "\n".join(edition.messages)
        # (The search index itself comes from pagefind, which the stylesheets do not touch.)
        page = html_text_page(path.stem, tree, access_date="2026-01-01", search=True,
                              warn_unhandled=True, stylesheets=sheets)
        out.update({f"search: {name}": text for name, text in page.pages.items()})
        out["search: messages"] = "\n".join(page.messages)
    except Exception as err:  # noqa: BLE001 (a failure is compared like an output)
        out["html error"] = f"{type(err).__name__}: {err}"
    try:
        out["typst"] = typst_source(tree, stylesheets=sheets)
    except Exception as err:  # noqa: BLE001
        out["typst error"] = f"{type(err).__name__}: {err}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, help="a folder of stylesheets (html.xsl, typst.xsl)")
    parser.add_argument("new", type=Path, help="the folder to compare with it")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    sheets = [Stylesheets({"html": folder / "html.xsl", "typst": folder / "typst.xsl"})
              for folder in (args.old, args.new)]
    files = sorted((args.shared / "tei" / "corpus").glob("*.xml")) + \
        sorted((ROOT / "tests" / "cases" / "tei").glob("*.xml"))
    compared = differ = 0
    for path in files:
        old, new = (renderings(path, s) for s in sheets)
        for name in sorted(set(old) | set(new)):
            compared += 1
            if old.get(name) == new.get(name):
                continue
            differ += 1
            print(f"{path.name}: {name} differs")
            lines = difflib.unified_diff(*((text or "").replace("><", ">\n<").splitlines()
                                           for text in (old.get(name), new.get(name))),
                                         lineterm="", n=1)
            for line in list(lines)[2:22]:
                print("    " + line[:200])
    print(f"{len(files)} files, {compared} outputs compared, {differ} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
