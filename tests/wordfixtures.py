"""Small Word documents made in the tests: a WordprocessingML body, and the parts it needs.

Each fixture is the smallest package Word itself would open: content types, the package
relationships, the main document and, when given, styles, numbering, notes and comments.
"""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles {_NS}>
  <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Berschrift1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Berschrift2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/></w:style>
  <w:style w:type="character" w:styleId="persName"><w:name w:val="persName"/></w:style>
  <w:style w:type="character" w:styleId="Emph"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering {_NS}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl>
    <w:lvl w:ilvl="2"><w:numFmt w:val="lowerLetter"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def notes_part(kind: str, notes: dict[str, str]) -> str:
    """A footnotes or endnotes part: the separators Word writes, then ``id → paragraphs``."""
    body = "".join(f'<w:{kind} w:id="{nid}">{paras}</w:{kind}>' for nid, paras in notes.items())
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {_NS}>'
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f'</w:{kind}>{body}</w:{kind}s>')


def comments_part(comments: dict[str, tuple[str, str]]) -> str:
    body = "".join(f'<w:comment w:id="{cid}" w:author="{author}" w:date="2024-03-01T10:00:00Z">'
                   f'{paras}</w:comment>' for cid, (author, paras) in comments.items())
    return f'<?xml version="1.0" encoding="UTF-8"?><w:comments {_NS}>{body}</w:comments>'


def make_docx(body: str, *, footnotes: dict[str, str] | None = None,
              endnotes: dict[str, str] | None = None,
              comments: dict[str, tuple[str, str]] | None = None,
              numbering: bool = False, media: dict[str, bytes] | None = None,
              extra_rels: str = "", extra_parts: dict[str, bytes] | None = None,
              document: str | None = None, macro: bool = False) -> bytes:
    """A .docx whose body is ``body`` (WordprocessingML paragraphs and tables)."""
    rels = [f'<Relationship Id="rStyles" Type="{_REL}styles" Target="styles.xml"/>']
    parts = {"word/styles.xml": STYLES}
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if notes is not None:
            parts[f"word/{kind}s.xml"] = notes_part(kind, notes)
            rels.append(f'<Relationship Id="r{kind}" Type="{_REL}{kind}s" Target="{kind}s.xml"/>')
    if comments is not None:
        parts["word/comments.xml"] = comments_part(comments)
        rels.append(f'<Relationship Id="rComments" Type="{_REL}comments" Target="comments.xml"/>')
    if numbering:
        parts["word/numbering.xml"] = NUMBERING
        rels.append(f'<Relationship Id="rNum" Type="{_REL}numbering" Target="numbering.xml"/>')
    main_type = ("application/vnd.ms-word.document.macroEnabled.main+xml" if macro else
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{_REL}officeDocument" Target="word/document.xml"/></Relationships>'))
        z.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships">' + "".join(rels) + extra_rels
            + "</Relationships>"))
        z.writestr("word/document.xml", document or (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS} '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<w:body>{body}</w:body></w:document>'))
        for name, text in parts.items():
            z.writestr(name, text)
        for name, data in (media or {}).items():
            z.writestr(name, data)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()


def para(text: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """A paragraph of one plain run."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
            if num else "") + "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def image_run(rel_id: str, descr: str = "A picture") -> str:
    """A run holding an inline DrawingML picture that embeds relationship ``rel_id``."""
    return ('<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" '
            f'descr="{descr}"/><a:graphic><a:graphicData><pic:pic><pic:blipFill>'
            f'<a:blip r:embed="{rel_id}"/></pic:blipFill></pic:pic></a:graphicData>'
            '</a:graphic></wp:inline></w:drawing></w:r>')
