"""Compare the HTML (and the Typst source) two revisions make of the same TEI, page by page.

    python benchmarks/html_ab.py [REV_A [REV_B]]     (default: main and the working tree)

Each revision (a git revision, or "." for the working tree) renders, in a process of its own:
every file of ../shared/tei/corpus/ and every test case (tests/cases/tei/) alone, with all
the pages of `html` (the text page and the edition's pages), and again with
--warn-unhandled (the pages and the messages); the text page of an edition with a search
index (its names carry their entry's name as a title; the index itself is pagefind's,
not made here); all the corpus files together
as one edition (a teiCorpus of them, as `build` makes its edition pages); and the Typst
source of each file, with and without the chronology. The script prints each page that
differs and exits 1 if any does (a speed change must leave every byte as it was, issue 13).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Run inside each revision's source (PYTHONPATH), so it may use only what both revisions have.
RENDER = """
import hashlib, json, sys
from pathlib import Path
from teiedition.render import html_pages, html_text_page, typst_source
from teiedition.render.typeset import PdfContents
from teiedition.xmlparse import parse_tei

def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

def attempt(make):
    try:
        return make()
    except Exception as err:  # a failure is a result to compare too
        return {"error": type(err).__name__ + ": " + str(err)[:300]}

corpus, cases = json.loads(sys.argv[1])
out = {}
trees = {}
for path in map(Path, corpus + cases):
    tree = attempt(lambda: parse_tei(path.read_bytes(), path=str(path)))
    if isinstance(tree, dict):
        out[path.name] = tree
        continue
    if str(path) in corpus:
        trees[path.stem] = tree
    html = attempt(lambda: {name: digest(page) for name, page in html_pages(
        [(path.stem, tree)], access_date="2026-01-01").pages.items()})
    warned = attempt(lambda: html_pages([(path.stem, tree)], access_date="2026-01-01",
                                        warn_unhandled=True))
    if not isinstance(warned, dict):
        warned = {"pages": {name: digest(page) for name, page in warned.pages.items()},
                  "messages": digest(json.dumps(warned.messages))}
    searched = attempt(lambda: {name: digest(page) for name, page in html_text_page(
        path.stem, tree, access_date="2026-01-01", search=True).pages.items()})
    typst = {str(chronology): attempt(lambda: digest(typst_source(
        tree, contents=PdfContents(chronology=chronology)))) for chronology in (False, True)}
    out[path.name] = {"html": html, "warned": warned, "searched": searched, "typst": typst}
out["(corpus as one edition)"] = attempt(lambda: {name: digest(page) for name, page in
    html_pages(list(trees.items()), access_date="2026-01-01").pages.items()})
json.dump(out, sys.stdout, sort_keys=True)
"""


def source(revision: str, into: Path) -> Path:
    """The source tree of ``revision`` ("." is the working tree)."""
    if revision == ".":
        return ROOT
    archive = into / "source.tar"
    subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), revision],
                   check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def render(tree: Path, files: tuple[list[str], list[str]]) -> dict:
    done = subprocess.run([sys.executable, "-c", RENDER, json.dumps(files)],
                          capture_output=True, text=True, cwd=tree,
                          env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout)


def differences(a: object, b: object, where: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [line for key in sorted(set(a) | set(b))
                for line in differences(a.get(key), b.get(key), f"{where}/{key}")]
    return [] if a == b else [f"{where}: {a} != {b}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", nargs="?", default="main")
    parser.add_argument("b", nargs="?", default=".")
    args = parser.parse_args()
    corpus = sorted(str(p) for p in (SHARED / "tei" / "corpus").glob("*.xml"))
    cases = sorted(str(p) for p in (ROOT / "tests" / "cases" / "tei").glob("*.xml"))
    with tempfile.TemporaryDirectory() as scratch:
        results = []
        for name, revision in (("a", args.a), ("b", args.b)):
            folder = Path(scratch, name)
            folder.mkdir()
            results.append(render(source(revision, folder), (corpus, cases)))
    found = differences(*results)
    for line in found:
        print(line)
    pages = sum(len(v.get("html", v)) + len(v.get("warned", {}).get("pages", {}))
                + len(v.get("searched", {})) + len(v.get("typst", {}))
                for v in results[0].values())
    print(f"{args.a} against {args.b}: {len(results[0])} inputs, {pages} pages and sources, "
          f"{len(found)} different", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
