"""The text of HTML (raw HTML in Markdown, an HTML part of a Word document): a paragraph for
each of its blocks, its tags, comments and scripts left out, as a reader sees it."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from ..model import Break, Inline

#: HTML elements whose content is not text a reader sees.
_HTML_NOT_TEXT = {"script", "style", "template", "head", "title"}
#: HTML elements that begin and end a paragraph of their text.
_HTML_BLOCKS = {"p", "div", "section", "article", "aside", "header", "footer", "nav", "main",
                "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
                "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5",
                "h6", "figure", "figcaption", "details", "summary", "hr", "address",
                "fieldset", "legend", "form", "video", "audio", "center"}


def html_fragment(source: str) -> list[tuple[Inline, ...]]:
    """The text of a block of raw HTML, one paragraph for each of its blocks (a ``p``, a
    ``div``, a table's cell ...): its tags, comments and scripts are markup, not text."""
    try:
        root = lxml_html.fragment_fromstring(source, create_parent="div")
    except etree.ParserError:  # the HTML parser, which recovers from anything, found nothing
        return []
    return _paragraphs(root)


def html_document(data: bytes | str) -> list[tuple[Inline, ...]]:
    """The text of the body of an HTML document (bytes in the encoding it declares), as
    :func:`html_fragment` reads a fragment."""
    try:
        root = lxml_html.document_fromstring(data)
    except etree.ParserError:
        return []
    return _paragraphs(root.find("body") if root.find("body") is not None else root)


def _paragraphs(root: etree._Element) -> list[tuple[Inline, ...]]:
    paragraphs: list[list[Inline]] = [[]]

    def add(text: str | None, pre: bool) -> None:
        for number, line in enumerate((text or "").split("\n")):
            if number:  # a line's end: a line break in preformatted text, else a space
                paragraphs[-1].append(Break("lb")) if pre else _add(paragraphs[-1], " ")
            _add(paragraphs[-1], line)

    def walk(el: etree._Element, pre: bool) -> None:
        if not isinstance(el.tag, str) or el.tag in _HTML_NOT_TEXT:
            add(el.tail, pre)
            return
        if el.tag == "br":
            paragraphs[-1].append(Break("lb"))
        elif el.tag in _HTML_BLOCKS:
            paragraphs.append([])
        add(el.text.lstrip("\n") if el.tag == "pre" and el.text else el.text,
            pre or el.tag == "pre")
        for child in el:
            walk(child, pre or el.tag == "pre")
        if el.tag in _HTML_BLOCKS:
            paragraphs.append([])
        add(el.tail, pre)

    walk(root, False)
    trimmed = (tuple(_trimmed(p)) for p in paragraphs)
    return [p for p in trimmed if any(isinstance(i, str) and i.strip() for i in p)]


def _add(out: list[Inline], text: str) -> None:
    if out and isinstance(out[-1], str):
        out[-1] += text
    elif text:
        out.append(text)


def _trimmed(inlines: list[Inline]) -> list[Inline]:
    """Whitespace around a paragraph of HTML is layout: the text begins at its first word."""
    if inlines and isinstance(inlines[0], str):
        inlines[0] = inlines[0].lstrip()
    while inlines and (isinstance(inlines[-1], Break) or
                       isinstance(inlines[-1], str) and not inlines[-1].strip()):
        inlines.pop()
    if inlines and isinstance(inlines[-1], str):
        inlines[-1] = inlines[-1].rstrip()
    return [i for i in inlines if i != ""]
