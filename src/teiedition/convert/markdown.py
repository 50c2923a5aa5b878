"""Reading Markdown (CommonMark with footnotes, tables and front matter) into the model.

The text is parsed by markdown-it-py (the CommonMark reference behaviour, with the
footnote, front matter and table extensions of mdit-py-plugins), never by regular
expressions of our own. Headings open nested divisions; footnotes (``[^1]``) stand at their
first reference, numbered as the rendered Markdown numbers them (in order of first
reference); emphasis, strong emphasis, strikethrough and code become ``hi``; links
``ref``; images ``figure`` (their path kept as written); block quotes ``quote``; raw HTML
its text, not its tags. Tables are GitHub's pipe tables and pandoc's simple, multiline and
grid tables (:mod:`.pandoctables`). A YAML front matter block may hold the metadata keys (read
with ``yaml.safe_load``), or another program's (pandoc's ``title``, ``references``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.attrs.parse import ParseError as AttributeParseError
from mdit_py_plugins.attrs.parse import parse as parse_attributes
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ..errors import InputError
from ..model import (Block, Break, Cell, Document, Figure, Finding, Inline, Item, ListBlock,
                     Node, Note, NoteRef, Row, Span, Table, iter_blocks)
from .htmltext import html_fragment
from .outline import Heading, nest_divisions
from .pandoctables import pandoc_tables_plugin

_REND = {"em": "italic", "strong": "bold", "s": "strikethrough"}
#: pandoc's classes of a span that say a formatting TEI has.
_SPAN_REND = {"smallcaps": "smallcaps", "underline": "underline", "ul": "underline"}
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
@dataclass(frozen=True)
class MarkdownDocument:
    """What a Markdown file gives: the model, and its front matter (None without one)."""

    document: Document
    front_matter: dict[str, Any] | None


def read_markdown(text: str, *, path: str = "<markdown>") -> MarkdownDocument:
    """Read Markdown text into a :class:`Document` (and its YAML front matter, if any)."""
    parser = MarkdownIt("commonmark").use(footnote_plugin).use(front_matter_plugin) \
        .use(pandoc_tables_plugin).use(attrs_plugin, spans=True) \
        .enable(["table", "strikethrough"])
    env: dict[str, Any] = {}
    title_block, source = _title_block(text.replace("\r\n", "\n"))
    root = SyntaxTreeNode(parser.parse(source, env))
    reader = _Reader(root, parser, env, source.split("\n"))
    items: list = []
    front = title_block
    for node in root.children:
        if node.type == "front_matter":
            front = _front_matter(node.content, path)
        elif node.type != "footnote_block":
            items.extend(reader.block(node))
    findings = [Finding("notes-unreferenced", f"the footnote [^{label[1:]}] is never "
                        "referenced; its text is not kept")
                for label, index in env.get("footnotes", {}).get("refs", {}).items()
                if index == -1]
    document = Document(tuple(nest_divisions(items)), tuple(reader.notes), tuple(findings),
                        unit="document")
    return MarkdownDocument(document, front)


def _title_block(source: str) -> tuple[dict[str, Any] | None, str]:
    """pandoc's title block (``% Title``, ``% Author; Author``, ``% Date`` at the very
    beginning, a field going on in lines that begin with a space) as a front matter of
    pandoc's keys, and the text without it (blank lines in its place, so that line numbers
    stay those of the file)."""
    lines = source.split("\n")
    fields: list[str] = []
    end = 0
    while end < len(lines):
        line = lines[end]
        if line.startswith("%") and len(fields) < 3:
            fields.append(line[1:].strip())
        elif line[:1] in (" ", "\t") and line.strip() and fields:
            fields[-1] += " " + line.strip()
        else:
            break
        end += 1
    if not fields:
        return None, source
    keys = dict(zip(("title", "author", "date"), fields, strict=False))
    block: dict[str, Any] = {key: value for key, value in keys.items() if value}
    if "author" in block:
        block["author"] = [name.strip() for name in block["author"].split(";") if name.strip()]
    return block, "\n" * end + "\n".join(lines[end:])


def _front_matter(content: str, path: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise InputError(f"the front matter is not valid YAML{line}: "
                         f"{getattr(err, 'problem', None) or err}", path=path) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("the front matter must be a mapping of metadata keys", path=path)
    return data


class _Reader:
    """Walks the syntax tree. Notes are made at their first reference, in text order."""

    def __init__(self, root: SyntaxTreeNode, parser: MarkdownIt, env: dict[str, Any],
                 lines: list[str]) -> None:
        self.parser, self.env, self.lines = parser, env, lines
        self.definitions: dict[int, SyntaxTreeNode] = {}
        for node in root.walk():
            if node.type == "footnote":
                self.definitions[node.meta["id"]] = node
        self.notes: list[Note] = []
        self.numbers: dict[int, int] = {}  # markdown-it's footnote id → our note n
        self.figures: list[Figure] = []

    def block(self, node: SyntaxTreeNode) -> list:
        """The nodes (and headings) of one block of the tree."""
        kind = node.type
        if kind == "heading":
            return [Heading(_without_attributes(self.inlines(node.children[0])),
                            int(node.tag[1:]))] + self._figures()
        if kind == "paragraph":
            inlines = self.inlines(node.children[0])
            return ([Block("p", inlines, _line(node))] if _has_text(inlines) else []) \
                + self._figures()
        if kind == "blockquote":
            out: list = []
            for child in node.children:
                out.extend(Block("quote", b.inlines, b.line) if isinstance(b, Block)
                           and b.kind == "p" else b for b in self.block(child))
            return out
        if kind in ("bullet_list", "ordered_list"):
            return [ListBlock(tuple(Item(tuple(self.nodes(item.children)))
                                    for item in node.children), kind == "ordered_list")]
        if kind == "table":
            return [self._table(node)]
        if kind in ("fence", "code_block"):
            return [Block("p", _lines(node.content.rstrip("\n")), _line(node))]
        if kind == "html_block":
            return [Block("p", inlines, _line(node)) for inlines in html_fragment(node.content)]
        return []  # a thematic break: no text

    def nodes(self, children: list[SyntaxTreeNode]) -> list[Node]:
        """Blocks inside a list item or a note: headings there are read as paragraphs."""
        out: list[Node] = []
        for child in children:
            for item in self.block(child):
                out.append(Block("p", item.inlines, 0) if isinstance(item, Heading) else item)
        return out

    def _table(self, node: SyntaxTreeNode) -> Table:
        rows = []
        for section in node.children:
            for tr in section.children:
                cells = []
                for td in tr.children:
                    if td.children and td.children[0].type != "inline":  # a grid table's
                        cells.append(Cell(tuple(self.nodes(td.children))))
                        continue
                    inlines = self.inlines(td.children[0]) if td.children else ()
                    cells.append(Cell((Block("p", inlines, 0),) if _has_text(inlines) else ()))
                for text in self._excess_cells(node, tr) if section.type == "tbody" else ():
                    inline = SyntaxTreeNode(self.parser.parseInline(text, self.env)).children[0]
                    cells.append(Cell((Block("p", self.inlines(inline), 0),)))
                rows.append(Row(tuple(cells), section.type == "thead"))
        return Table(tuple(rows))

    def _excess_cells(self, table: SyntaxTreeNode, tr: SyntaxTreeNode) -> list[str]:
        """The cells of a row beyond the table's columns. CommonMark's tables (GFM) ignore
        them, and their text would be lost: they are kept, as cells after the others. The
        row's line is split as the table rule splits it (``|`` not escaped nor in code); the
        delimiter row, split alike, says how many columns the table has on such a line (a
        block quote's ``>`` before the first ``|`` is one more)."""
        if not table.map or not tr.map or tr.map[0] >= len(self.lines):
            return []
        columns = len(_cells(self.lines[table.map[0] + 1]))
        return [cell.strip() for cell in _cells(self.lines[tr.map[0]])[columns:]
                if cell.strip()]

    def _figures(self) -> list:
        figures, self.figures = self.figures, []
        return figures

    def inlines(self, node: SyntaxTreeNode) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for child in node.children:
            kind = child.type
            if kind == "text":
                _add(out, child.content)
            elif kind == "html_inline":  # a tag or a comment: markup, not text
                if _LINE_BREAK_TAG.fullmatch(child.content):
                    out.append(Break("lb"))
            elif kind == "softbreak":  # lines joined with a space, as in a page of text
                _add(out, " ")
            elif kind == "hardbreak":
                out.append(Break("lb"))
            elif kind == "span":  # [text]{.class}: its text, and its formatting if TEI has it
                rend = next((_SPAN_REND[c] for c in str(child.attrs.get("class", "")).split()
                             if c in _SPAN_REND), None)
                inner = self.inlines(child)
                if rend:
                    out.append(Span("hi", inner, (("rend", rend),)))
                else:
                    for inline in inner:
                        _add(out, inline) if isinstance(inline, str) else out.append(inline)
            elif kind == "code_inline":
                out.append(Span("hi", (child.content,), (("rend", "code"),)))
            elif kind in _REND:
                out.append(Span("hi", self.inlines(child), (("rend", _REND[kind]),)))
            elif kind == "link" and str(child.attrs["href"]).strip():
                out.append(Span("ref", self.inlines(child), (("target", child.attrs["href"]),)))
            elif kind == "link":  # [text]() points nowhere (TEI has no empty pointer)
                for inline in self.inlines(child):
                    _add(out, inline) if isinstance(inline, str) else out.append(inline)
            elif kind == "image":
                alt = "".join(str(c.content) for c in child.walk() if c.type == "text")
                self.figures.append(Figure(str(child.attrs["src"]), alt or None))
            elif kind == "footnote_ref":
                out.append(self._note_ref(child.meta["id"]))
        return tuple(out)

    def _note_ref(self, footnote_id: int) -> Inline:
        if footnote_id in self.numbers:  # a second reference to a note: a pointer to it
            n = self.numbers[footnote_id]
            return Span("ref", (str(n),), (("target", f"#n{n}"), ("type", "noteref")))
        n = len(self.notes) + 1
        self.numbers[footnote_id] = n
        self.notes.append(Note(n, ()))  # its place in the sequence, before nested references
        figures, self.figures = self.figures, []
        # A note holds paragraphs: the items of a list in a note become paragraphs of it.
        blocks = [Block("p", b.inlines, b.line) for b in iter_blocks(tuple(
            self.nodes(self.definitions[footnote_id].children)))]
        self.figures = figures
        if len(blocks) == 1:
            self.notes[n - 1] = Note(n, blocks[0].inlines)
        else:
            self.notes[n - 1] = Note(n, (), blocks=tuple(blocks))
        return NoteRef(n, 0)


def _add(out: list[Inline], text: str) -> None:
    if out and isinstance(out[-1], str):
        out[-1] += text
    elif text:
        out.append(text)


def _lines(text: str) -> tuple[Inline, ...]:
    """Code: its text as it stands, a line break at each line's end."""
    out: list[Inline] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            out.append(Break("lb"))
        if line:
            out.append(line)
    return tuple(out)


def _without_attributes(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A heading without pandoc's attributes at its end (``# Methods {#methods .unnumbered}``,
    ``{-}``): they name and class the heading, they are not its text."""
    if not inlines or not isinstance(inlines[-1], str):
        return inlines
    last = inlines[-1].rstrip()
    start = last.rfind("{")
    if start < 0:
        return inlines
    try:
        end = -1 if last[start:] != "{-}" else len(last) - start - 1
        end = end if end >= 0 else parse_attributes(last[start:])[0]
    except AttributeParseError:
        return inlines
    if end != len(last) - start - 1 or not (last[:start].strip() or inlines[:-1]):
        return inlines
    kept = last[:start].rstrip()
    return inlines[:-1] + ((kept,) if kept else ())


def _cells(line: str) -> list[str]:
    """A table row's line split into its cells, as markdown-it's table rule splits it."""
    cells = escapedSplit(line.strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _has_text(inlines: tuple[Inline, ...]) -> bool:
    return any(not isinstance(i, str) or i.strip() for i in inlines)


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] + 1 if node.map else 0
