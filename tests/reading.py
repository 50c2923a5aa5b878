"""Reading TEI and its outputs as a reader sees them, for the tests of real TEI (issue 13).

Words are compared as a reader sees them: element boundaries add no space, line and block
breaks do (a verse line, a paragraph, <lb/> unless it breaks inside a word). The TEI side
takes the reading a page shows by default: the normalised reading of a choice, the lemma
of an apparatus entry; notes are compared on their own. Editorial brackets are not part of
words on either side.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata

from lxml import etree, html

TEI = "{http://www.tei-c.org/ns/1.0}"

#: Elements that a reader sees as a block or a line of their own (a break before and after).
BLOCKS = set("""p ab l lg head div div1 div2 div3 div4 div5 div6 div7 item list table row cell sp
speaker stage opener closer salute dateline signed postscript address addrLine figure
castList castItem castGroup role roleDesc titlePage titlePart docTitle docAuthor docDate
docImprint byline epigraph trailer argument floatingText quote cit bibl listBibl biblStruct
label front back body group u entry sense form listPerson person listPlace place
listOrg org listEvent event fw u writing""".split())
#: Lines of a title page, which stay in the line among their parent's words ("By the late
#: <docAuthor>John Evelyn</docAuthor>").
TITLE_LINES = {"docAuthor", "docDate", "docEdition", "titlePart"}
#: Readings that the default view does not show in the line.
HIDDEN = {"sic", "orig", "abbr", "am"}
_SIGLA = re.compile(r"[\[\]()⟨⟩{}‹›⸢⸣⸤⸥⸌⸍⟦⟧|]")
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text: compatibility forms folded (the Arabic presentation forms a PDF
    holds), combining marks dropped (a PDF's text layer may put them apart)."""
    text = unicodedata.normalize("NFKD", _SIGLA.sub("", text))
    return WORD.findall("".join(c for c in text if not unicodedata.combining(c)))


def tei_reading(element: etree._Element) -> tuple[list[str], list[list[str]]]:
    """The words of a TEI text as its reading shows them, and the words of each of its
    notes and apparatus readings (which the outputs put elsewhere)."""
    notes: list[list[str]] = []
    parts: list[str] = []
    _read(element, parts, notes, top=True)
    return words("".join(parts)), notes


def _read(el: etree._Element, parts: list[str], notes: list[list[str]], top: bool = False,
          among_readings: bool = False) -> None:
    # (The white space between a choice's readings lays out the file: no view shows it, so
    # it parts no word: "co<choice> <corr>n</corr> <sic/> </choice>fichado" is one word.)
    tail = "" if among_readings and not (el.tail or "").strip() else el.tail or ""
    if not isinstance(el.tag, str):
        parts.append(tail)
        return
    name = etree.QName(el).localname if el.tag.startswith(TEI) else ""
    aside = name == "note" or (name in ("rdg", "lem") and _chosen(el) is not el)
    # (An index entry marks a place for the index: it is no words of the text.)
    hidden = name in ("am", "figDesc", "index") or (
        name in HIDDEN and el.getparent() is not None
        and etree.QName(el.getparent()).localname == "choice" and _has_both(el.getparent()))
    if aside and not top:
        own: list[str] = []
        _read(el, own, notes, top=True)
        notes.append(words("".join(own)))
    elif not hidden:
        block = name in BLOCKS and not (name in TITLE_LINES and _among_words(el))
        # A pointer with a target shows where it leads between the words around it: it
        # parts them (what it shows is not a word of the text).
        pointer = (name == "ptr" or (name == "ref" and not "".join(el.itertext()).strip())) \
            and bool((el.get("target") or "").strip())
        # A ruby gloss is set over its base, apart from the line's words.
        block = block or pointer or name == "rt"
        # A space, a gap (its mark stands between the letters around it) and a line break
        # between words part words.
        if block or name in ("space", "gap") or (name == "lb" and el.get("break") != "no"):
            parts.append(" ")
        # Readings that are all shown (a reading and a segment, two unclear ones) are as
        # many words apart.
        readings = name == "choice"
        shown_all = readings and not _has_both(el)
        parts.append("" if readings and not (el.text or "").strip() else el.text or "")
        for child in el:
            parts.append(" " if shown_all and isinstance(child.tag, str) else "")
            _read(child, parts, notes, among_readings=readings)
        if block:
            parts.append(" ")
    if not top:
        parts.append(tail)


def _among_words(el: etree._Element) -> bool:
    parent = el.getparent()
    return parent is not None and any(
        (t or "").strip() for t in [parent.text] + [c.tail for c in parent])


def _has_both(choice: etree._Element) -> bool:
    names = {etree.QName(c).localname for c in choice if isinstance(c.tag, str)}
    return bool(names & {"sic", "orig", "abbr"}) and bool(names & {"corr", "reg", "expan"})


def _chosen(reading: etree._Element) -> etree._Element | None:
    app = reading.getparent()
    while app is not None and app.tag != f"{TEI}app":
        app = app.getparent()
    if app is None:
        return reading
    for tag in ("lem", "rdg"):
        found = app.find(f".//{TEI}{tag}")
        if found is not None:
            return found
    return None


_HTML_BLOCKS = set("p div section li dt dd h1 h2 h3 h4 h5 h6 br td th tr table blockquote figure "
                   "figcaption ul ol dl header footer main aside nav caption".split())
#: What a reader of the default (normalised) view does not see in the line.
_HTML_SKIP = ("note-popover", "noteref", "permalink", "reading-diplomatic", "line-number",
              "fragment", "break", "item-n", "pointer-label")


def html_reading(element: html.HtmlElement) -> list[str]:
    """The words of an HTML element as the default view shows them in the line."""
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            parts.append(el.tail or "")
            return
        classes = (el.get("class") or "").split()
        if any(c in classes for c in _HTML_SKIP):
            parts.append(" " if "pointer-label" in classes else "")
            parts.append(el.tail or "")
            return
        block = el.tag in _HTML_BLOCKS or "block" in classes or el.tag == "rt"
        parts.append(" " if block else "")
        parts.append(el.text or "")
        for child in el:
            walk(child)
        parts.append(" " if block else "")
        parts.append(el.tail or "")

    walk(element)
    return words("".join(parts))


def in_order(source: list[str], output: list[str]) -> float:
    """The share of the source's words that the output has in the same order: the better
    of two matchings (each a lower bound of the best one): difflib's, and a walk that
    looks for each word a little ahead of the last one found (:func:`_walk`)."""
    if not source:
        return 1.0
    matcher = difflib.SequenceMatcher(None, source, output, autojunk=False)
    aligned = sum(block.size for block in matcher.get_matching_blocks()) / len(source)
    return max(aligned, _walk(source, output))


def _walk(source: list[str], output: list[str], window: int = 600) -> float:
    """The share of the source's words that the output has in the same order: each word is
    looked for a little ahead of the last one found (notes at the foot of a page, running
    heads and markers may stand between). A far match counts only when the next words
    follow it, so that a common word in a note cannot pull the reading ahead; a word not
    found is counted missing and the search goes on from where it was."""
    if not source:
        return 1.0
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(output):
        positions.setdefault(word, []).append(index)

    def next_at(word: str, start: int, limit: int) -> int | None:
        candidates = positions.get(word, ())
        i = bisect.bisect_left(candidates, start)
        return candidates[i] if i < len(candidates) and candidates[i] < limit else None

    def confirmed(i: int, at: int) -> bool:
        for word in source[i + 1:i + 4]:
            found = next_at(word, at + 1, at + 80)
            if found is None:
                return False
            at = found
        return True

    found, at = 0, 0
    for i, word in enumerate(source):
        candidates = positions.get(word, ())
        j = bisect.bisect_left(candidates, at)
        while j < len(candidates) and candidates[j] < at + window:
            c = candidates[j]
            if c - at < 40 or confirmed(i, c):
                found += 1
                at = c + 1
                break
            j += 1
    return found / len(source)


def contains(needle: list[str], haystack: list[str]) -> bool:
    """Whether the words of ``needle`` appear in ``haystack`` in order."""
    it = iter(haystack)
    return all(any(word == w for w in it) for word in needle)


def links_in_links(page: str) -> list[str]:
    """The links and buttons that stand inside a link, as the page is written (HTML allows
    none; a browser's parser breaks the outer link in two and leaves an empty one)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Reader(HTMLParser):
        depth = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("a", "button") and self.depth:
                found.append(f"{tag} {dict(attrs).get('href', '')}")
            if tag == "a":
                self.depth += 1

        def handle_endtag(self, tag):
            if tag == "a":
                self.depth = max(0, self.depth - 1)

    Reader().feed(page)
    return found
