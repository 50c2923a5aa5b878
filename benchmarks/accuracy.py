"""Accuracy of `convert` on real tagged letters and diaries, on English cases, and on the
book's pages: precision, recall and F1 per kind; prints a table (issue 14).

    python benchmarks/accuracy.py              # the table
    python benchmarks/accuracy.py --markdown   # as docs/accuracy.md keeps it
    python benchmarks/accuracy.py --details    # also each file's misses and extras

For each text of ../shared/tei/tagged/ (see its MANIFEST.tsv) and of
benchmarks/cases/ (English letters and a diary, written and tagged for this
evaluation): its plain text (one paragraph per block element, notes left out) is
converted with an editor's register built from the entries the file points to
(their name elements only: preferred and listed variant names, never the forms
the text uses; and persons' sex where recorded), in the file's language, with
the letter's date from its header as ``text.date``. Mentions are matched one to
one when they overlap and have the same kind. Names count when their text is
capitalised (the editors also tag pronouns and role nouns, ``lui``, ``ma
fille``, which no register names); precision is scored only on files whose
tagging is exhaustive (MANIFEST ``exhaustive = yes``): on the others an untagged
name is not known to be wrong. A date's value is right when its normalised
attributes equal the editors' (``@when`` or ``@when-iso``; ``from``/``to``).

Three rows sum persons and places:

- ``names`` counts every capitalised mention the editors tagged, the first
  reading of the issue's "names (capitalised mentions)";
- ``proper names`` counts those that are names: a mention is left out when every
  capitalised word of it is a role word, capitalised for the language's
  spelling or for courtesy and not for being a name. A role word is (1) a title
  or form of address of the converter's table (``shortforms.TITLES``:
  ``Monsieur``, ``Madame``, ``Padre``, ``Frau``), (2) a word the same text
  also writes in lower case (a common word of its language: ``Le roi``,
  ``Padre suddetto``), or (3) a word of :data:`ROLE_WORDS`, nouns of kinship,
  address and station that German capitalises as every noun and that letters
  capitalise out of courtesy (``Vater``, ``Bruder``, ``Vostra Paternità``).
  ``Tschechow``, ``M. de Poissy``, ``Gerty`` or ``Frau Diel`` stay names,
  whether a register can find them or not;
- ``named`` counts only those that are a form of their entry's name (a
  capitalised word of the mention begins a word of one of the entry's names, or
  the other way round: ``Br.`` and ``Schnitzlers`` are, ``Vater``,
  ``Monsieur``, ``Vostra Paternità`` and ``Tschechow`` are not), which is what a
  register can find.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TAGGED = ROOT.parent / "shared" / "tei" / "tagged"
CASES = HERE / "cases"
sys.path.insert(0, str(HERE))

from goldtei import (TEI_NS, Mention, Paragraph, document_date, editor_register,  # noqa: E402
                     load, paragraphs)

KINDS = ("person", "place", "date")
#: The rows that sum persons and places: every capitalised mention, the proper names, the
#: named ones (see the module's docstring).
SUMS = ("names", "proper names", "named")
#: Nouns of kinship, address and station, lower-case, by language: capitalised in German as
#: every noun, and in letters out of courtesy, they are role words, not names (a mention made
#: only of such words and titles is not a proper name). Data, by category, not by file.
ROLE_WORDS = {
    "de": frozenset("""
        vater väterchen papa mutter mütterchen mama eltern bruder brüderchen schwester
        schwesterchen sohn söhne tochter töchter kind kinder onkel oheim tante neffe nichte
        vetter base enkel enkelin gatte gattin mann weib großvater großmutter schwager
        schwägerin schwiegervater schwiegermutter freund freundin nachbar nachbarin
        verstorbene verstorbnen verstorbenen selige seligen rendant rendanten diener dienerin
        magd knecht kronprinz kronprinzessin kaiserin majestät hoheit excellenz exzellenz
        gnaden durchlaucht""".split()),
    "en": frozenset("""
        father papa pa mother mamma mama ma parents brother sister son daughter uncle aunt
        nephew niece cousin husband wife grandfather grandmother grandpapa grandmamma
        friend neighbour neighbor majesty highness excellency lordship ladyship""".split()),
    "fr": frozenset("""
        père mère papa maman frère sœur soeur fils fille oncle tante neveu nièce cousin
        cousine mari femme ami amie voisin voisine mesdames messieurs mesdemoiselles
        majesté altesse excellence éminence roi reine dauphin dauphine cardinal""".split()),
    "it": frozenset("""
        padre madre fratello sorella figlio figlia zio zia nipote cugino cugina marito
        moglie amico amica vicino vostra vostro sua suo paternità signoria eccellenza
        eminenza santità reverendo reverendissimo illustrissimo osservandissimo molto
        prete lettore camerlingo medici medico città""".split()),
}
TAGS = {"persName": "person", "placeName": "place", "date": "date"}


@dataclass
class Score:
    """Counts for one kind: gold mentions found, gold total, predictions right, predicted."""

    found: int = 0
    gold: int = 0
    right: int = 0
    predicted: int = 0
    values_right: int = 0
    values: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("found", "gold", "right", "predicted", "values_right", "values"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.extras += other.extras


@dataclass
class FileResult:
    name: str
    exhaustive: bool
    scores: dict[str, Score]
    notes_made: int
    text_kept: bool


def convert_paragraphs(paras: list[Paragraph], language: str, register_xml: bytes | None,
                       date: str | None) -> tuple[list[list[Mention]], int, bool]:
    """Convert the plain text; return each paragraph's predicted mentions, the number of
    notes made, and whether every paragraph's text came out unchanged."""
    from teiedition import Provenance, convert, minimal_metadata
    from teiedition.register import read_register
    meta = replace(minimal_metadata("evaluation"), language=language, date=date,
                   starts_mid_paragraph=False)
    register = read_register(register_xml, path="editor-register.xml") if register_xml \
        else None
    source = "\n\n".join(p.text for p in paras) + "\n"
    tree = convert(source, meta, Provenance("evaluation.txt", "2026-01-01", "0.1.0"),
                   register=register).tree
    body = tree.find(f".//{{{TEI_NS}}}body")
    blocks = [b for b in body.iter(f"{{{TEI_NS}}}p", f"{{{TEI_NS}}}quote")]
    out, kept = [], len(blocks) == len(paras)
    for block, para in zip(blocks, paras, strict=False):
        found: list[Mention] = []
        pieces, offset = _pieces(block), 0
        for kind, text, attrs in pieces:
            if kind:
                found.append(Mention(kind, offset, offset + len(text), text,
                                     (attrs.get("ref") or "").lstrip("#") or None,
                                     {k: v for k, v in attrs.items() if k in
                                      ("when", "from", "to", "notBefore", "notAfter")}))
            offset += len(text)
        kept = kept and "".join(t for _, t, _ in pieces) == para.text
        out.append(found)
    return out, len(tree.findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}note")), kept


def etree_local(node) -> str:
    from lxml import etree
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _pieces(block) -> list[tuple[str | None, str, dict[str, str]]]:
    """The block's text in pieces: (kind or None, text, attributes), notes left out."""
    pieces: list[tuple[str | None, str, dict[str, str]]] = [(None, block.text or "", {})]
    for child in block:
        local = etree_local(child)
        if local != "note":
            pieces.append((TAGS.get(local), "".join(child.itertext()), dict(child.attrib)))
        pieces.append((None, child.tail or "", {}))
    return pieces


def score(gold: list[Mention], predicted: list[Mention], kind: str,
          only: str | None = None) -> Score:
    """Match mentions of ``kind`` one to one by overlap; count the capitalised gold mentions,
    or with ``only`` those whose flag of that name (``named``, ``proper``) is set."""
    result = Score()
    golds = [m for m in gold if m.kind == kind]
    preds = [m for m in predicted if m.kind == kind]
    counted = [m for m in golds if kind == "date" or m.text[:1].isupper()
               and (only is None or getattr(m, only))]
    used: set[int] = set()
    for pred in preds:
        match = next((i for i, g in enumerate(golds) if i not in used
                      and g.start < pred.end and pred.start < g.end), None)
        result.predicted += 1
        if match is None:
            result.extras.append(pred.text)
            continue
        used.add(match)
        result.right += 1
        g = golds[match]
        if g in counted:
            result.found += 1
        if kind == "date" and g.value:
            result.values += 1
            result.values_right += _same_value(g.value, pred.value)
    result.gold = len(counted)
    result.misses = [g.text for i, g in enumerate(golds) if i not in used and g in counted]
    if kind == "date":  # a gold value never matched is a value not given
        result.values += sum(1 for i, g in enumerate(golds) if i not in used and g.value)
    return result


def _same_value(gold: dict[str, str], ours: dict[str, str]) -> bool:
    return all(ours.get(k) == v for k, v in gold.items()) and bool(ours)


def evaluate_file(path: Path, language: str, exhaustive: bool,
                  registers: list[Path]) -> FileResult:
    root = load(path)
    paras = paragraphs(root, language)
    refs = {m.ref for p in paras for m in p.mentions if m.ref}
    register = editor_register(refs, [load(r) for r in registers] + [root])
    _mark_named(paras, register)
    _mark_proper(paras)
    by_language: dict[str, list[int]] = {}
    for i, p in enumerate(paras):
        by_language.setdefault(p.language, []).append(i)
    predicted: list[list[Mention]] = [[] for _ in paras]
    notes, kept = 0, True
    for lang, indices in by_language.items():
        found, n, ok = convert_paragraphs([paras[i] for i in indices], lang, register,
                                          document_date(root))
        notes, kept = notes + n, kept and ok
        for i, mentions in zip(indices, found, strict=False):
            predicted[i] = mentions
    scores = {kind: Score() for kind in KINDS + SUMS}
    for para, pred in zip(paras, predicted, strict=True):
        for kind in KINDS:
            scores[kind].add(score(para.mentions, pred, kind))
        for kind in ("person", "place"):
            scores["names"].add(score(para.mentions, pred, kind))
            scores["proper names"].add(score(para.mentions, pred, kind, only="proper"))
            scores["named"].add(score(para.mentions, pred, kind, only="named"))
    return FileResult(path.name, exhaustive, scores, notes, kept)


def _mark_named(paras: list[Paragraph], register_xml: bytes) -> None:
    """Mark the gold mentions that are a form of their entry's name (see the docstring)."""
    import re
    from teiedition.register import read_register
    words: dict[str, set[str]] = {}
    for entry in read_register(register_xml, path="editor-register.xml").entries:
        words[entry.id] = {w.lower() for n in entry.names for w in re.findall(r"\w+", n.text)
                           if w[:1].isupper()}
    for para in paras:
        for m in para.mentions:
            own = words.get(m.ref or "", set())
            said = {w.lower() for w in re.findall(r"\w+", m.text) if w[:1].isupper()}
            m.named = any(a.startswith(b) or b.startswith(a) for a in said for b in own)


def _mark_proper(paras: list[Paragraph]) -> None:
    """Mark the gold mentions that are proper names: not made only of role words (titles,
    words the text also writes in lower case, :data:`ROLE_WORDS`; see the docstring)."""
    import re
    from teiedition.convert.shortforms import TITLES
    lower: dict[str, set[str]] = {}
    for para in paras:
        lower.setdefault(para.language, set()).update(
            w for w in re.findall(r"\w+", para.text) if w[:1].islower())
    for para in paras:
        roles = TITLES | lower[para.language] | ROLE_WORDS.get(para.language, frozenset())
        for m in para.mentions:
            words = [w.lower() for w in re.findall(r"\w+", m.text) if w[:1].isupper()]
            # A role word inflected (``Vaters``) is a role word still.
            m.proper = any(w not in roles and w.removesuffix("s") not in roles for w in words)


def manifest() -> list[tuple[Path, str, bool, list[Path]]]:
    """(text file, language, exhaustive, register files) for the shared files and the cases."""
    files = []
    if (TAGGED / "MANIFEST.tsv").exists():
        with open(TAGGED / "MANIFEST.tsv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["role"] != "text":
                    continue
                registers = [TAGGED / r.strip() for r in row["register_file"].split(";")
                             if r.strip().endswith(".xml")]
                language = row["language"]
                files.append((TAGGED / row["file"], language, row["exhaustive"] == "yes",
                              registers))
    for path in sorted(CASES.glob("*.xml")):
        files.append((path, "en", True, []))
    return files


def book_rows() -> list[tuple[str, float, float]]:
    """Names and dates on the book's pages (tests/cases/names and the seed): precision and
    recall over (kind, text, register id), as tests/test_names.py counts them."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_names import ELEMENTS, SEED_DATES, SEED_NAMES, load_page  # noqa: E402
    from teiedition import Provenance, convert, minimal_metadata, parse_metadata
    from teiedition.register import read_register
    from lxml import etree
    prov = Provenance("page.txt", "2026-01-01", "0.1.0")
    pages_register = read_register((ROOT / "tests/cases/names/register.xml").read_bytes(),
                                   path="register.xml")
    found: Counter = Counter()
    gold: Counter = Counter()

    def tags(tree) -> list[tuple[str, ...]]:
        body = tree.find(f".//{{{TEI_NS}}}body")
        return [(ELEMENTS[etree.QName(e).localname], "".join(e.itertext()), e.get("ref")[1:])
                for e in body.iter(*(f"{{{TEI_NS}}}{n}" for n in ELEMENTS)) if e.get("ref")]
    for page in sorted((ROOT / "tests/cases/names").glob("*.txt")):
        text, expected = load_page(page)
        found.update(tags(convert(text, minimal_metadata("page"), prov,
                                  register=pages_register).tree))
        gold.update(expected)
    seed = ROOT / "seeds/westad-1998-chen-yang-golden-age"
    meta = parse_metadata(seed.with_suffix(".toml").read_text(encoding="utf-8"))
    tree = convert(seed.with_suffix(".txt").read_text(encoding="utf-8"), meta, prov,
                   register=read_register((ROOT / "seeds/register.xml").read_bytes(),
                                          path="register.xml")).tree
    found.update(tags(tree))
    gold.update(SEED_NAMES)
    hits = sum((found & gold).values())
    dates = [("".join(d.itertext()), {k: v for k, v in d.attrib.items() if k != "resp"})
             for d in tree.find(f".//{{{TEI_NS}}}body").iter(f"{{{TEI_NS}}}date")]
    date_hits = sum(1 for d in dates if d in SEED_DATES)
    return [("book pages: names", hits / max(1, sum(found.values())),
             hits / sum(gold.values())),
            ("book seed: dates", date_hits / max(1, len(dates)), date_hits / len(SEED_DATES))]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def table(results: list[FileResult], markdown: bool) -> str:
    rows = [("file", "kind", "gold", "found", "recall", "precision", "F1", "values right")]
    totals = {kind: (Score(), Score()) for kind in KINDS + SUMS}  # (all, exhaustive files)
    for result in results:
        for kind in KINDS + SUMS:
            s = result.scores[kind]
            totals[kind][0].add(s)
            if result.exhaustive:
                totals[kind][1].add(s)
            if (s.gold or s.predicted) and kind in KINDS:
                rows.append(_row(result.name + ("" if result.exhaustive else " (partial)"),
                                 kind, s, result.exhaustive))
    for kind in KINDS + SUMS:
        all_files, exhaustive = totals[kind]
        merged = replace(all_files, right=exhaustive.right, predicted=exhaustive.predicted)
        rows.append(_row("ALL", kind, merged, True))
    notes = sum(r.notes_made for r in results)
    lost = [r.name for r in results if not r.text_kept]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        if markdown:
            lines.append("| " + " | ".join(str(c) for c in row) + " |")
            if n == 0:
                lines.append("|" + "|".join(" --- " for _ in row) + "|")
        else:
            lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    lines.append("")
    lines.append(f"notes made in texts without note numbers: {notes}; files whose text "
                 f"changed: {', '.join(lost) or 'none'}")
    return "\n".join(lines)


def _row(name: str, kind: str, s: Score, exhaustive: bool) -> tuple:
    recall = s.found / s.gold if s.gold else 1.0
    precision = s.right / s.predicted if s.predicted else 1.0
    values = f"{s.values_right}/{s.values} = {s.values_right / s.values:.2f}" if s.values \
        else ""
    return (name, kind, s.gold, s.found, f"{recall:.2f}",
            f"{precision:.2f}" if exhaustive else "-",
            f"{_f1(precision, recall):.2f}" if exhaustive else "-", values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--details", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    results = [evaluate_file(*entry) for entry in manifest() if entry[0].exists()]
    print(table(results, args.markdown))
    print()
    for name, precision, recall in book_rows():
        print(f"{name}: precision {precision:.2f}, recall {recall:.2f}")
    if args.details:
        for result in results:
            for kind in KINDS:
                s = result.scores[kind]
                if s.misses or (s.extras and result.exhaustive):
                    print(f"\n{result.name} {kind}\n  missed: {s.misses}\n  extra: {s.extras}")


if __name__ == "__main__":
    main()
