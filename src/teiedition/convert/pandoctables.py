"""pandoc's simple, multiline and grid tables, as block rules of markdown-it.

CommonMark knows only the pipe tables of GitHub; Markdown written for pandoc also has
tables laid out in columns, whose extent a line of dashes gives (pandoc's manual, "Tables"):

```
  Right     Left     Center     Default        -------------------------------------
-------     ------ ----------   -------          Centered   Default
     12     12        12            12            Header    Aligned
    123     123       123          123         ----------- -------
                                                  First    row spanning
                                                           two lines.
                                               -------------------------------------
```

A *simple* table: a header line, then the dashes, one group a column, then one line a row
up to a blank line (without a header, the dashes open and close it). A *multiline* table:
a line of dashes across, the header (lines of it), the column dashes, then rows of lines
separated by blank lines, closed by a line of dashes across. A cell is the text of its
column: from where its dashes begin to where the next column's begin (the last runs to
the end of the line); the lines of a cell in a multiline row are joined with a space. The
rule makes the tokens of markdown-it's own tables, so tables read alike whatever their
syntax. A caption (``Table: ...``) stays a paragraph.
"""

from __future__ import annotations

import re
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_RUNS = re.compile(r"-{3,}")
_DASHES = re.compile(r" *-{3,}(?: +-{3,})* *")
_ACROSS = re.compile(r" *-{3,} *")


_GRID_RULE = re.compile(r"\+(?:[-=:]+\+)+")


def pandoc_tables_plugin(md: MarkdownIt) -> None:
    """Add the rules (before the pipe tables': a line of dashes is never a pipe table's)."""
    md.block.ruler.before("table", "pandoc_table", _pandoc_table)
    md.block.ruler.before("table", "grid_table", _grid_table)


def _grid_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A grid table: its cells drawn with ``+``, ``-``, ``=`` and ``|``; a cell holds
    blocks (paragraphs, lists). Rows above a ``+===+`` rule are the header. A table whose
    rows do not keep to its columns (cells spanning columns or rows) is left as text."""
    if state.is_code_block(start):
        return False
    first = _line(state, start).strip()
    if not _GRID_RULE.fullmatch(first) or "=" in first:
        return False
    indent = _line(state, start).index("+")
    bounds = [i for i, char in enumerate(first) if char == "+"]
    rows: list[tuple[list[list[str]], bool]] = []  # (lines of each cell, a header row)
    current: list[list[str]] = [[] for _ in bounds[1:]]
    header_rule = False
    line = start + 1
    while line < end:
        text = _line(state, line)[indent:].rstrip()
        if _GRID_RULE.fullmatch(text):
            if [i for i, char in enumerate(text) if char == "+"] != bounds \
                    or not any(current) or header_rule and "=" in text:
                return False
            rows.append((current, "=" in text))
            header_rule = header_rule or "=" in text
            current = [[] for _ in bounds[1:]]
            line += 1
            if _blank(state, line) or not _line(state, line)[indent:].startswith(("+", "|")):
                break
            continue
        if not text.startswith("|") or len(text) != bounds[-1] + 1 \
                or any(text[b] != "|" for b in bounds):
            return False
        for column, (left, right) in enumerate(pairwise(bounds)):
            current[column].append(text[left + 1:right])
        line += 1
    else:
        return False
    if any(current) or not rows:
        return False
    if silent:
        return True
    header = [cells for cells, is_header in rows[:1] if is_header]
    _push_grid(state, start, header, [cells for cells, _ in rows[len(header):]])
    state.line = line
    return True


def _push_grid(state: StateBlock, start: int, header: list, body: list) -> None:
    token = state.push("table_open", "table", 1)
    token.map = [start, start + 1]
    for section, cell_tag, rows in (("thead", "th", header), ("tbody", "td", body)):
        if not rows:
            continue
        state.push(f"{section}_open", section, 1)
        for cells in rows:
            state.push("tr_open", "tr", 1)
            for lines in cells:
                state.push(f"{cell_tag}_open", cell_tag, 1)
                # A cell is a small document of its own: its lines, without the margin.
                margin = min((len(x) - len(x.lstrip()) for x in lines if x.strip()),
                             default=0)
                source = "\n".join(x[margin:].rstrip() for x in lines).strip("\n")
                if source:
                    state.md.block.parse(source, state.md, state.env, state.tokens)
                state.push(f"{cell_tag}_close", cell_tag, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{section}_close", section, -1)
    state.push("table_close", "table", -1)


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line]:state.eMarks[line]]


def _columns(text: str) -> list[int] | None:
    """Where the columns begin, from a line of column dashes (two columns or more)."""
    if not _DASHES.fullmatch(text):
        return None
    starts = [m.start() for m in _RUNS.finditer(text)]
    return starts if len(starts) > 1 else None


def _cells(text: str, starts: list[int]) -> list[str]:
    bounds = [0] + starts[1:] + [max(len(text), starts[-1])]
    return [text[bounds[i]:bounds[i + 1]].strip() for i in range(len(starts))]


def _blank(state: StateBlock, line: int) -> bool:
    return line >= state.lineMax or not _line(state, line).strip()


def _pandoc_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    # A header may stand further right than its dashes ("    Right" over "  -------"):
    # the dashes must not be code.
    if start + 2 >= end or state.is_code_block(start) and state.is_code_block(start + 1):
        return False
    first = _line(state, start)
    found = _multiline(state, start, end) if _ACROSS.fullmatch(first) or \
        (_columns(first) and not _blank(state, start + 1)) else None
    found = found or _simple(state, start, end)
    if found is None:
        return False
    if silent:
        return True
    header, rows, after = found
    _push(state, start, header, rows)
    state.line = after
    return True


def _simple(state: StateBlock, start: int, end: int):
    """(header cells or None, rows of cells, the line after the table), or None."""
    first = _line(state, start)
    starts = _columns(first)
    if starts is not None:  # without a header: the dashes open and close the table
        line, rows = start + 1, []
        while line < end and not _blank(state, line) and _columns(_line(state, line)) is None:
            rows.append(_cells(_line(state, line), starts))
            line += 1
        if not rows or line >= end or _columns(_line(state, line)) != starts:
            return None
        return None, rows, line + 1
    starts = _columns(_line(state, start + 1))
    if starts is None or not first.strip() or _ACROSS.fullmatch(first):
        return None
    line, rows = start + 2, []
    while line < end and not _blank(state, line):
        rows.append(_cells(_line(state, line), starts))
        line += 1
    if rows and _columns(_line(state, line - 1)) == starts:  # a closing line of dashes
        rows.pop()
    return (_cells(first, starts), rows, line) if rows else None


def _multiline(state: StateBlock, start: int, end: int):
    """A multiline table: rows of several lines, separated by blank lines."""
    line, header = start, None
    if _ACROSS.fullmatch(_line(state, start)):
        line = start + 1
        lines = []
        while line < end and not _blank(state, line) and _columns(_line(state, line)) is None:
            lines.append(_line(state, line))
            line += 1
        if not lines or line >= end or _blank(state, line):
            return None
        header = lines
    starts = _columns(_line(state, line))
    if starts is None:
        return None
    line += 1
    rows: list[list[str]] = []
    current: list[str] = []
    separated = False  # rows separated by blank lines: without a header, what tells it
    while line < end:
        text = _line(state, line)
        # Any line of dashes ends the scan, closing the table or not: so no line is scanned
        # twice for tables that never close (a long text of rules would take quadratic time).
        if _ACROSS.fullmatch(text) or _columns(text) is not None:
            closes = _ACROSS.fullmatch(text) or header is None and _columns(text) == starts
            if current:
                rows.append(_joined(current, starts))
            if not closes or not rows or not _blank(state, line + 1) or \
                    (header is None and not separated):
                return None
            head = _joined(header, starts) if header else None
            return head, rows, line + 1
        if not text.strip():
            if current:
                rows.append(_joined(current, starts))
            current, separated = [], True
        else:
            current.append(text)
        line += 1
    return None


def _joined(lines: list[str], starts: list[int]) -> list[str]:
    cells = [_cells(text, starts) for text in lines]
    return [" ".join(c[i] for c in cells if c[i]) for i in range(len(starts))]


def _push(state: StateBlock, start: int, header: list[str] | None,
          rows: list[list[str]]) -> None:
    token = state.push("table_open", "table", 1)
    token.map = [start, start + 1]
    sections = ([("thead", "th", [header])] if header else []) + [("tbody", "td", rows)]
    for section, cell_tag, section_rows in sections:
        state.push(f"{section}_open", section, 1)
        for row in section_rows:
            state.push("tr_open", "tr", 1)
            for text in row:
                state.push(f"{cell_tag}_open", cell_tag, 1)
                inline = state.push("inline", "", 0)
                inline.content, inline.children = text, []
                state.push(f"{cell_tag}_close", cell_tag, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{section}_close", section, -1)
    state.push("table_close", "table", -1)
