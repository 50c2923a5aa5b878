"""Reading a Word document (.docx) into the document model.

The package is opened by :mod:`.package` (safely), its styles read by :mod:`.wordstyles`,
the content of each paragraph by :mod:`.wordruns`. This module reads the blocks: paragraphs,
headings (which open nested divisions), quotations, lists (nested by their level), tables
(with spans, header rows, nested tables), and the figures and text boxes anchored in
paragraphs. Footnotes and endnotes stand at their reference, numbered as Word numbers them.
"""

from __future__ import annotations

import email
import email.policy
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from ..errors import InputError
from ..model import (Block, Cell, Document, Finding, Item, ListBlock, Node,
                     Row, Table)
from .htmltext import html_document
from .outline import Heading, nest_divisions
from .package import open_package
from .wordruns import MC_NS, R_NS, NoteNumbering, Options, Paragraph, WordState, nest
from .wordstyles import W, Styles, is_on, wval

_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
_CHOICE = f"{{{MC_NS}}}Choice"
_NOTE_TYPES_SKIPPED = ("separator", "continuationSeparator", "continuationNotice")


@dataclass(frozen=True)
class WordDocument:
    """What a Word document gives: the model, and its images (url → bytes) to write."""

    document: Document
    media: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True)
class _Para:
    """A paragraph before the lists are built: what it is, and its content."""

    kind: Literal["p", "quote"]
    inlines: tuple
    listing: tuple[int, bool, str] | None = None  # (list level, numbered, numbering id)


def read_docx(data: bytes, *, path: str = "<docx>", changes: str = "accept",
              comments: str = "drop", media_folder: str = "media") -> WordDocument:
    """Read a Word document. ``changes``: ``accept`` (the reading text) or ``markup``
    (add/del); ``comments``: ``drop`` (with a warning) or ``keep`` (as notes); images are
    given as ``media_folder/NAME`` urls with their bytes."""
    pkg = open_package(data, path=path)
    main = pkg.xml(pkg.main)
    body = main.find(W + "body") if main is not None else None
    if body is None:
        raise InputError("not a Word document: its main part has no body", path=path)
    rels = pkg.relationships(pkg.main)
    parts = {rel.type: rel.target for rel in rels.values() if not rel.external}
    styles = Styles.read(pkg.xml(parts["styles"]) if "styles" in parts else None,
                         pkg.xml(parts["numbering"]) if "numbering" in parts else None)
    settings = pkg.xml(parts["settings"]) if "settings" in parts else None
    comment_part = pkg.xml(parts["comments"]) if "comments" in parts else None
    state = WordState(
        pkg, styles, Options(changes, comments, media_folder),  # type: ignore[arg-type]
        _dominant_language(body, styles),
        {kind: _notes_by_id(pkg.xml(parts[kind + "s"]) if kind + "s" in parts else None, kind)
         for kind in ("footnote", "endnote")},
        {"footnote": _note_format(settings, body, "footnotePr", "decimal"),
         "endnote": _note_format(settings, body, "endnotePr", "lowerRoman")},
        {c.get(W + "id") or "": c for c in (comment_part.iter(W + "comment")
                                            if comment_part is not None else ())})
    reader = _BlockReader(state)
    nodes = nest_divisions(reader.blocks(body, rels, headings=True), _lists)
    findings = [Finding("docx", message) for message in pkg.warnings + state.warnings]
    if state.comments and comments == "drop":
        findings.append(Finding("comments-dropped", f"{len(state.comments)} comment"
                                f"{'s' if len(state.comments) != 1 else ''} dropped (keep "
                                "them as notes with --comments keep)"))
    document = Document(tuple(nodes), tuple(state.notes), tuple(findings), unit="document",
                        revisers=tuple((i, name) for name, i in state.revisers.items()),
                        revisions=tuple(state.revisions))
    return WordDocument(document, tuple(state.media.values()))


class _BlockReader:
    """Reads the block content of the body, a table cell or a text box, in order."""

    def __init__(self, state: WordState) -> None:
        self.state = state

    def blocks(self, container: etree._Element, rels: dict, headings: bool = False) -> list:
        """The blocks of a body, cell or text box: _Para records, tables and figures."""
        out: list = []
        carried: list = []  # a paragraph's content that Word joins to the next
        for child in container:
            tag = child.tag
            if tag == W + "p":
                reader = Paragraph(self.state, rels, self._box_blocks)
                reader.pieces.extend(carried)
                carried = []
                reader.read(child)
                ppr = child.find(W + "pPr")
                if _is_drop_cap(ppr) or self.state.options.changes == "accept" and \
                        ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None:
                    # Word joins it to the next paragraph: a deleted paragraph mark; a drop
                    # cap, the first letter of the next paragraph set in a frame of its own.
                    carried = reader.pieces
                    out.extend(reader.blocks_after)
                    continue
                para = self._para(ppr, nest(reader.pieces), headings)
                if para is not None:
                    out.append(para)
                out.extend(reader.blocks_after)
                if ppr is not None and ppr.find(W + "sectPr") is not None:
                    self._section_ends()
                continue
            if carried and tag in (W + "tbl", W + "sdt", W + "customXml", W + "sdtContent",
                                   _ALTERNATE, W + "altChunk"):
                # Nothing to join to: the carried text stands as a paragraph, in its place.
                out.extend(self._carried(carried, headings))
                carried = []
            if tag == W + "tbl":
                out.append(self._table(child, rels))
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent"):
                out.extend(self.blocks(child, rels, headings))
            elif tag == W + "altChunk":
                out.extend(self._imported(child, rels))
            elif tag == _ALTERNATE:  # what Word shows is the first choice
                choice = child.find(_CHOICE)
                out.extend(self.blocks(choice, rels, headings) if choice is not None else ())
        return out + self._carried(carried, headings)

    def _imported(self, chunk: etree._Element, rels: dict) -> list[Block]:
        """The paragraphs of a part imported whole (``w:altChunk``: HTML, a web archive,
        plain text), which Word converts when it opens the document and programs that
        export to Word write; another format is not read, and a warning says its text is
        missing."""
        rel = rels.get(chunk.get(f"{{{R_NS}}}id") or "")
        if rel is None or rel.external or not self.state.pkg.has(rel.target):
            return []
        data = self.state.pkg.read(rel.target)
        kind = rel.target.rsplit(".", 1)[-1].lower()
        if kind in ("htm", "html", "xhtml"):
            paragraphs = html_document(data)
        elif kind in ("mht", "mhtml"):
            archive = email.message_from_bytes(data, policy=email.policy.default)
            page = next((part for part in archive.walk()
                         if part.get_content_type() == "text/html"), None)
            paragraphs = html_document(page.get_content()) if page is not None else []
        elif kind == "txt":
            text = data.decode("utf-8", errors="replace")
            paragraphs = [(line.strip(),) for line in text.splitlines() if line.strip()]
        else:
            self.state.warnings.append(f"the imported part {rel.target} ({kind}) is not read: "
                                       "its text is missing (open and save the document in "
                                       "Word, which converts it)")
            return []
        return [Block("p", inlines, 0) for inlines in paragraphs]

    def _carried(self, carried: list, headings: bool) -> list:
        para = self._para(None, nest(carried), headings) if carried else None
        return [para] if para else []

    def _section_ends(self) -> None:
        """Notes numbered per section start again after a section break."""
        for kind, numbering in self.state.note_formats.items():
            if numbering.restart_each_section:
                self.state.counters[kind] = 0

    def _box_blocks(self, box: etree._Element, rels: dict) -> list[Node]:
        return _lists(self.blocks(box, rels))

    def _para(self, ppr: etree._Element | None, inlines: tuple,
              headings: bool) -> _Para | Heading | None:
        if not any(not isinstance(i, str) or i.strip() for i in inlines):
            return None
        styles = self.state.styles
        style = wval(ppr, "pStyle")
        level = styles.heading_level(style, ppr) if headings else None
        if level is not None:
            return Heading(inlines, level)
        if headings and styles.is_subtitle(style):
            return Heading(inlines, 0, subtitle=True)
        listing = styles.numbering(style, ppr)
        if listing is not None:
            return _Para("p", inlines, listing=listing)
        return _Para("quote" if styles.is_quote(style) else "p", inlines)

    def _table(self, tbl: etree._Element, rels: dict) -> Table:
        grid: list[list[tuple[int, etree._Element, str | None]]] = []  # (column, tc, vMerge)
        header_rows: list[bool] = []
        for tr in _within(tbl, "tr"):
            # A row may begin after some columns of the grid (w:gridBefore): cells merged
            # down a column are found by their column in the grid.
            before = wval(tr.find(W + "trPr"), "gridBefore")
            column, cells = int(before) if before and before.isdigit() else 0, []
            for tc in _within(tr, "tc"):
                tcpr = tc.find(W + "tcPr")
                span = wval(tcpr, "gridSpan")
                merge = tcpr.find(W + "vMerge") if tcpr is not None else None
                cells.append((column, tc, None if merge is None else
                              merge.get(W + "val", "continue")))
                column += int(span) if span and span.isdigit() else 1
            grid.append(cells)
            header_rows.append(bool(is_on(tr.find(W + "trPr"), "tblHeader")))
        rows = []
        merged: set[etree._Element] = set()  # the cells a cell above took in
        for r, cells in enumerate(grid):
            out = []
            for column, tc, merge in cells:
                if tc in merged:
                    continue
                blocks = _lists(self.blocks(tc, rels))
                height = 1
                if merge == "restart":
                    for below in grid[r + 1:]:
                        match = [c for c in below if c[0] == column and c[2] == "continue"]
                        if not match:
                            break
                        height += 1
                        merged.add(match[0][1])
                        # Word keeps the text of merged cells in the first one; be safe.
                        blocks += _lists(self.blocks(match[0][1], rels))
                span = wval(tc.find(W + "tcPr"), "gridSpan")
                out.append(Cell(tuple(blocks), int(span) if span and span.isdigit() else 1,
                                height))
            if out:
                rows.append(Row(tuple(out), header_rows[r]))
        return Table(tuple(rows))


def _is_drop_cap(ppr: etree._Element | None) -> bool:
    return wval(ppr, "framePr", "dropCap") in ("drop", "margin")


def _within(parent: etree._Element, tag: str):
    """The rows of a table, or the cells of a row, also those a content control or custom
    XML wraps (Word puts a form field's cell in ``w:sdt/w:sdtContent``)."""
    for child in parent:
        if child.tag == W + tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _within(child, tag)


def _lists(items: list) -> list[Node]:
    """Turn list paragraphs into nested lists; other paragraphs into blocks."""
    out: list[Node] = []
    run: list[_Para] = []
    for item in items + [None]:
        if isinstance(item, _Para) and item.listing is not None:
            # Another numbering at the outer level is another list, even right after one.
            if run and item.listing[0] <= min(p.listing[0] for p in run) \
                    and item.listing[2] != run[0].listing[2]:  # type: ignore[index]
                out.append(_nest_list(run))
                run = []
            run.append(item)
            continue
        if run:
            out.append(_nest_list(run))
            run = []
        if isinstance(item, _Para):
            out.append(Block(item.kind, item.inlines, 0))
        elif item is not None:
            out.append(item)
    return out


def _nest_list(paras: list[_Para]) -> ListBlock:
    """A list from consecutive list paragraphs: a deeper level nests in the item before."""
    base = min(p.listing[0] for p in paras)  # type: ignore[index]
    top: list[Item] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        j = i + 1
        while j < len(paras) and paras[j].listing[0] > base:  # type: ignore[index]
            j += 1
        blocks: tuple[Node, ...] = (Block("p", para.inlines, 0),)
        if para.listing[0] > base:  # type: ignore[index]
            # A list that starts deeper than it continues: its first item holds a list.
            blocks = (_nest_list([para]),)
        if j > i + 1:
            blocks += (_nest_list(paras[i + 1:j]),)
        top.append(Item(blocks))
        i = j
    return ListBlock(tuple(top), paras[0].listing[1])  # type: ignore[index]


def _notes_by_id(part: etree._Element | None, kind: str) -> dict[str, etree._Element]:
    if part is None:
        return {}
    return {el.get(W + "id") or "": el for el in part.iter(W + kind)
            if el.get(W + "type") not in _NOTE_TYPES_SKIPPED}


def _note_format(settings: etree._Element | None, body: etree._Element, pr: str,
                 default: str) -> NoteNumbering:
    """How footnotes or endnotes are numbered: the last section's settings, else the
    document's (Word's defaults: footnotes 1, 2 ..., endnotes i, ii ...)."""
    places = [where.find(W + pr) for where in (body.find(W + "sectPr"), settings)
              if where is not None]

    def setting(name: str) -> str | None:
        return next((value for value in (wval(el, name) for el in places) if value), None)

    start = setting("numStart")
    return NoteNumbering(setting("numFmt") or default,
                         int(start) if start and start.isdigit() else 1,
                         setting("numRestart") == "eachSect")


def _dominant_language(body: etree._Element, styles: Styles) -> str | None:
    """The language most of the text is in: runs in another language become ``foreign``."""
    counts: Counter[str] = Counter()
    for run in body.iter(W + "r"):
        rpr = run.find(W + "rPr")
        lang = (wval(rpr, "lang", "bidi") if is_on(rpr, "rtl") else wval(rpr, "lang")) \
            or styles.default_lang
        if lang:
            counts[lang.lower()] += sum(len(t.text or "") for t in run.iter(W + "t"))
    return counts.most_common(1)[0][0] if counts else None
