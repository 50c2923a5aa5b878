"""Tagging the document model: names from the register, dates by form.

Only plain text is tagged: a mention already in the model stays as it is,
so tagging a tagged document adds nothing. Every tag carries
``resp="#teiedition"`` (machine-made, for the editor to review).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from lxml import etree

from ..model import Document, Inline, Mention, NoteRef
from ..register import Register
from .datecontext import DateContext
from .dates import DateSpan, find_dates, resolve_yearless
from .names import PENDING, NameIndex, Span, document_names, find_names, is_shared
from .ner import Entity, Recognizer
from .titled import closes_letter

RESP = ("resp", "#teiedition")
#: A paragraph this short is a heading or a dateline (``Thursday 7th``,
#: ``New York, Saturday 23 Jan. 1858.``): its dates date what follows.
_HEADING_CHARS = 100
#: The most characters before a dateline's date (``The Ocean Chronicle. No. 4.``).
_DATELINE_LEAD = 40


def tag_document(doc: Document, register: Register | None,
                 recognizer: Recognizer | None = None, *,
                 index: NameIndex | None = None, language: str = "en",
                 date: str | None = None) -> Document:
    """Tag the names (when a register is given) and dates of ``doc``'s blocks and notes.

    With a ``recognizer`` (statistical recognition), names it finds that the register does
    not cover are tagged too, without ``@ref`` and with ``cert="medium"``; so are persons
    named after a title whom the register does not know (``Frau Diel``: titled.py). ``index`` is
    ``NameIndex.build(register)``, given when many documents are tagged with one register.
    Dates are read in the grammar of ``language`` (a BCP 47 tag); ``date`` is the
    document's own date (ISO), from which dates without a year may take theirs."""
    if register and index is None:
        index = NameIndex.build(register)
    context = _Context(language, DateContext.of(date))
    seen: set[str] = set()
    used: set[str] = {m.attr("ref")[1:] for m in _mentions(doc)
                      if m.kind != "date" and (m.attr("ref") or "").startswith("#")}
    notes = {note.n: note for note in doc.notes}
    blocks = []
    # Paragraphs where a form two persons share was left untagged, with what had been named
    # before them: read again at the end, when the document has named whom it names in full.
    pending: list[tuple[int, set[str]]] = []
    sharing = index is not None and bool(index.sharers)
    signed = False
    for number, block in enumerate(doc.blocks):
        fragment = number == 0 and block.part in ("F", "M")
        before = set(seen) if sharing else seen
        inlines = _tag_inlines(block.inlines, index, seen, used, fragment, recognizer, context,
                               signed)
        # A letter's closing formula (``Yours sincerely.``): the next paragraph opens with
        # the writer's signature.
        signed = bool(block.inlines) and isinstance(block.inlines[-1], str) \
            and closes_letter(block.inlines[-1])
        for item in inlines:  # notes are tagged where they are referenced, in text order
            if isinstance(item, NoteRef) and notes[item.n].inlines is not None:
                note = notes[item.n]
                notes[item.n] = replace(note, inlines=_tag_inlines(
                    note.inlines, index, seen, used, False, recognizer, context))
        if PENDING in seen:
            seen.discard(PENDING)
            pending.append((number, before))
        blocks.append(replace(block, inlines=inlines))
    if pending and index is not None:
        document = document_names(seen)
        for number, before in pending:
            blocks[number] = replace(blocks[number], inlines=_tag_shared(
                blocks[number].inlines, index, before | document, used, context))
    entries = doc.entries
    if register:
        needed = _closure(used, register)
        entries = tuple(e for e in register.entries if e.id in needed)
    return replace(doc, blocks=tuple(blocks), notes=tuple(notes[n.n] for n in doc.notes),
                   entries=entries, register=(register.source, register.date) if register
                   else doc.register)


def _closure(used: set[str], register: Register) -> set[str]:
    """The entries used, and the entries they point to (``ref="#ccp"`` in an affiliation)."""
    by_id = register.by_id()
    result: set[str] = set()
    todo = [i for i in used if i in by_id]
    while todo:
        entry_id = todo.pop()
        if entry_id in result:
            continue
        result.add(entry_id)
        for pointer in etree.fromstring(by_id[entry_id].xml).xpath(".//@ref | .//@corresp"):
            for target in str(pointer).split():
                if target.startswith("#") and target[1:] in by_id:
                    todo.append(target[1:])
    return result


def _mentions(doc: Document):
    for block in doc.blocks:
        yield from (i for i in block.inlines if isinstance(i, Mention))
    for note in doc.notes:
        yield from (i for i in note.inlines or () if isinstance(i, Mention))


@dataclass
class _Context:
    """What tagging carries from one paragraph to the next."""

    language: str
    dates: DateContext
    #: The names' mentions made so far, by entry and text: a text names the same persons
    #: and places again and again, and a mention is immutable, so one serves them all.
    names: dict[tuple[str, str], Mention] = field(default_factory=dict)


def _tag_inlines(inlines: tuple[Inline, ...], index: NameIndex | None, seen: set[str],
                 used: set[str], fragment: bool, recognizer: Recognizer | None,
                 context: _Context, signed: bool = False) -> tuple[Inline, ...]:
    # Dates without a year take the year of the paragraph's other dates, else month and
    # year from the document's dates before them (datecontext.py).
    found: dict[int, list[DateSpan]] = {}
    for i, item in enumerate(inlines):
        if isinstance(item, str):
            found[i] = find_dates(item, context.language)
    years = {value[:4] for i, item in enumerate(inlines) if isinstance(item, Mention)
               and item.kind == "date" for name, value in item.attrs
               if name in ("when", "from", "to") and value[:4].isdigit()}
    all_spans = [s for spans in found.values() for s in spans]
    # Only a date in a heading or dateline moves the document's context: one near the start
    # of a short paragraph, or one that opens its paragraph (``Saturday 2``, ``Salem, Apl
    # 17th 1819.``, ``Monday 3rd. Rain all day ...``); a date the running text mentions
    # (``his picture is to be shown in March 1821``) does not.
    short = sum(len(item) for item in inlines if isinstance(item, str)) <= _HEADING_CHARS
    anchors = [i == 0 and (span.start <= 3 or short and span.start <= _DATELINE_LEAD
                           and _dateline_lead(inlines[0][:span.start]))
               for i, spans in found.items() for span in spans]
    resolved = iter([context.dates.resolve(s, anchor) for s, anchor in
                     zip(resolve_yearless(all_spans, years), anchors, strict=True)])
    dates = {i: [next(resolved) for _ in spans] for i, spans in found.items()}

    out: list[Inline] = []
    for i, item in enumerate(inlines):
        if not isinstance(item, str):
            out.append(item)
            continue
        names = find_names(item, index, seen, fragment_start=fragment and i == 0,
                           language=context.language, titled=True,
                           signed=signed and i == 0) if index else []
        names, kept = _longer_wins(names, dates[i]) if names and dates[i] else (names, dates[i])
        used.update(span.entry.id for span in names if span.entry)
        entities = recognizer(item) if recognizer else []
        out.extend(_split(item, names, kept, entities, context.names))
    return tuple(out)


def _tag_shared(inlines: tuple[Inline, ...], index: NameIndex, seen: set[str], used: set[str],
                context: _Context) -> tuple[Inline, ...]:
    """The paragraph's plain text read again for the forms two persons share, ``seen``
    holding the entries the document names in full (names.document_names): only those forms
    are added, the rest stays as it was tagged."""
    out: list[Inline] = []
    for item in inlines:
        if not isinstance(item, str):
            out.append(item)
            continue
        shared = [span for span in find_names(item, index, seen, language=context.language,
                                              titled=True)
                  if span.entry and is_shared(item[span.start:span.end], index)]
        used.update(span.entry.id for span in shared if span.entry)
        out.extend(_split(item, shared, [], (), context.names) if shared else [item])
    return tuple(out)


def _dateline_lead(text: str) -> bool:
    """Whether ``text`` can stand before a dateline's date: names and numbers (``New York,``,
    ``The Ocean Chronicle. No. 4.``) and short words (``Prag den``, ``Paris, le``), not a
    sentence (``Church. Mr. May was married on``)."""
    return all(not word[:1].islower() or len(word) <= 3 for word in text.split())


def _longer_wins(names: list[Span], dates: list[DateSpan]) -> tuple[list[Span], list[DateSpan]]:
    """Where a name and a date claim the same words, the longer reading wins (the date
    ``May 1st`` over the person ``May``; the event ``Battle of July 4, 1776`` over the date),
    the name when they are as long. Both lists are in text order without overlaps, so the
    names a date overlaps are found by bisection, not by comparing every pair."""
    ends = [s.end for s in names]
    dropped: set[int] = set()
    kept = []
    for span in dates:
        j = bisect_right(ends, span.start)  # the first name ending after the date begins
        rivals = []
        while j < len(names) and names[j].start < span.end:
            rivals.append(j)
            j += 1
        if all(span.end - span.start > names[r].end - names[r].start for r in rivals):
            dropped.update(rivals)
            kept.append(span)
    return [n for i, n in enumerate(names) if i not in dropped], kept


def _name_mention(span: Span, text: str, made: dict[tuple[str, str], Mention]) -> Mention:
    key = (span.entry.id if span.entry else "", text)
    mention = made.get(key)
    if mention is None:
        mention = made[key] = Mention(span.entry.kind, text, (("ref", "#" + span.entry.id), RESP)) \
            if span.entry else Mention("person", text, (("cert", "medium"), RESP))
    return mention


def _split(text: str, names: list[Span], dates: list[DateSpan],
           entities: list[Entity] = (),  # type: ignore[assignment]
           made: dict[tuple[str, str], Mention] | None = None) -> list[Inline]:
    """Cut ``text`` into plain text and mentions (names and dates that do not overlap);
    statistically recognised names are kept where neither overlaps them. ``made`` holds the
    names' mentions made before, to be used again."""
    made = {} if made is None else made
    marks: list[tuple[int, int, Mention]] = [
        (s.start, s.end, _name_mention(s, text[s.start:s.end], made)) for s in names]
    taken = [(s, e) for s, e, _ in marks]
    for span in dates:
        taken.append((span.start, span.end))
        marks.append((span.start, span.end,
                      Mention("date", text[span.start:span.end], span.attrs + (RESP,))))
    for entity in entities:
        if any(entity.start < e and s < entity.end for s, e in taken):
            continue
        taken.append((entity.start, entity.end))
        marks.append((entity.start, entity.end, Mention(
            entity.kind, text[entity.start:entity.end], (("cert", "medium"), RESP))))
    marks.sort(key=lambda m: m[0])
    out: list[Inline] = []
    pos = 0
    for start, end, mention in marks:
        if start > pos:
            out.append(text[pos:start])
        out.append(mention)
        pos = end
    if pos < len(text):
        out.append(text[pos:])
    return out
