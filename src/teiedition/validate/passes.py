"""How the compiled Schematron walks the document (issue 16: the rules cost as much as the
grammar).

The ISO skeleton writes, for each pattern, a mode whose templates walk the
whole document, and the stylesheet's root template runs the modes one after
the other: with the TEI's rules, a dozen walks of every element and attribute
for a letter, two dozen seconds' worth for a 2 MB text. Nothing here changes a
rule; the stylesheet is only rewired so that the same templates see the same
nodes in fewer walks. Each step checks that the stylesheet has the shape the
skeleton gives it and leaves it alone otherwise.
"""

from __future__ import annotations

from lxml import etree

from .prune import may_match_attribute, may_match_other_than_element

XSL = "{http://www.w3.org/1999/XSL/Transform}"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
#: Marks a finding with its pattern's id once the patterns share one walk (their
#: ``svrl:active-pattern`` no longer precedes their findings).
PATTERN = "{urn:teiedition:schematron}pattern"
#: The skeleton's two catch-all templates of each pattern's mode.
_DEFAULTS = ("text()", "@*|node()")


def trim_traversals(stylesheet: etree._Element) -> None:
    """Take out of the skeleton's stylesheet the document traversals that cannot find anything.

    The skeleton walks the whole document twice for each pattern (issue 16: 0.7 s of a
    2 MB file's 0.8 s in Saxon): once in the pattern's mode, visiting every element and
    every attribute, and once more in the default mode, inside ``svrl:active-pattern``,
    where the only template (``text()``) writes nothing. The second walk is dropped when
    the stylesheet has no other template in the default mode; the attributes are left out
    of a pattern's walk when none of its rule contexts can match an attribute
    (:func:`prune.may_match_attribute`), so no rule can fire on them. What each pattern
    reports, and in which order, stays the same.
    """
    templates = list(stylesheet.iterchildren(XSL + "template"))
    default_mode = [t for t in templates if t.get("mode") is None]
    if all(t.get("match") in ("/", "text()") for t in default_mode):
        for pattern in stylesheet.iter(SVRL + "active-pattern"):
            for walk in pattern.findall(XSL + "apply-templates"):
                if walk.get("select") is None and walk.get("mode") is None:
                    pattern.remove(walk)
    skeleton_defaults = ("text()", "@*|node()")
    modes = {t.get("mode") for t in templates if t.get("match") in skeleton_defaults}
    for mode in modes - {None}:
        contexts = [t.get("match", "") for t in templates
                    if t.get("mode") == mode and t.get("match") not in skeleton_defaults]
        if any(may_match_attribute(context) for context in contexts):
            continue
        for walk in stylesheet.iter(XSL + "apply-templates"):
            if walk.get("mode") == mode and walk.get("select") == "@*|*":
                walk.set("select", "*")
    # lxml's skeleton (XSLT 1.0) also walks comments and processing instructions, which
    # only a context such as node() or comment() can match: without one, a walk of the
    # elements alone (a tenth of the project rules' time on 1,000,000 words).
    for mode in modes - {None}:
        contexts = [t.get("match", "") for t in templates
                    if t.get("mode") == mode and t.get("match") not in skeleton_defaults]
        if any(may_match_other_than_element(context) for context in contexts):
            continue
        for walk in stylesheet.iter(XSL + "apply-templates"):
            parts = [part.strip() for part in (walk.get("select") or "").split("|")]
            kept = [part for part in parts if part not in _OTHER_KINDS]
            if walk.get("mode") == mode and kept and kept != parts:
                walk.set("select", "|".join(kept))


#: Node kinds a walk visits that only a rule context naming them can match.
_OTHER_KINDS = ("comment()", "processing-instruction()")


def guard_assertions(stylesheet: etree._Element) -> None:
    """Test a rule's assertions together first, each alone only when one of them fails.

    The skeleton writes each assertion as ``choose/when[@test]/otherwise`` (the finding in
    ``otherwise``); in libxslt each is an XPath evaluation of its own, and in a valid
    document every one of them passes. A run of such assertions is wrapped in one
    ``xsl:if test="not((T1) and (T2) ...)"``: when all pass (the usual case) one evaluation
    instead of n; when one fails, the assertions run as before, in their order, so the
    findings are the same. Instructions between assertions (variables, reports,
    literal text) end a run.
    """
    for template in stylesheet.iterchildren(XSL + "template"):
        run: list[etree._Element] = []
        for child in [*template, None]:
            if child is not None and not isinstance(child.tag, str) and \
                    not (child.tail or "").strip():
                continue  # the skeleton's <!--ASSERT--> comments do nothing
            if child is not None and _is_assertion(child):
                run.append(child)
                if not (child.tail or "").strip():
                    continue
            if len(run) > 1:
                tests = " and ".join(f"({assertion[0].get('test')})" for assertion in run)
                guard = etree.Element(XSL + "if", test=f"not({tests})")
                run[0].addprevious(guard)
                guard.extend(run)
            run = []


def _is_assertion(element: etree._Element) -> bool:
    if element.tag != XSL + "choose" or len(element) != 2:
        return False
    when, otherwise = element
    return (when.tag == XSL + "when" and bool(when.get("test")) and len(when) == 0
            and not (when.text or "").strip() and otherwise.tag == XSL + "otherwise")


def merge_traversals(stylesheet: etree._Element) -> None:
    """One walk of the document for all patterns instead of one per pattern.

    The root template then visits ``/``, its children and every element once and applies each
    pattern's mode to it (and to its attributes, for a pattern whose walk visits
    them), in the patterns' order; the modes no longer recurse. Each pattern still
    sees every node it saw, with first-match among its own rules, so the findings
    are the same; each carries its pattern's id in :data:`PATTERN`. Run after
    :func:`trim_traversals`.
    """
    root_template = next((t for t in stylesheet.iterchildren(XSL + "template")
                          if t.get("match") == "/" and t.get("mode") is None), None)
    output = root_template[0] if root_template is not None and len(root_template) else None
    if output is None or output.tag != SVRL + "schematron-output":
        return
    walks: list[tuple[str, str, etree._Element]] = []  # (mode, pattern id, its call)
    pattern = None
    for child in output:
        if child.tag == SVRL + "active-pattern":
            pattern = _pattern_id(child)
        elif child.tag == XSL + "apply-templates" and child.get("mode"):
            if child.get("select") != "/" or pattern is None or len(child):
                return  # a pattern on other documents, or not the skeleton's shape
            walks.append((child.get("mode", ""), pattern, child))
            pattern = None
    if not walks or len({mode for mode, _, _ in walks}) != len(walks):
        return
    templates = list(stylesheet.iterchildren(XSL + "template"))
    attributes: dict[str, bool] = {}
    for mode, _, _ in walks:
        recursions = [w for t in templates if t.get("mode") == mode
                      for w in t.iter(XSL + "apply-templates") if w.get("mode") == mode]
        selects = {w.get("select") for w in recursions}
        if not recursions or not selects <= {"*", "@*|*"}:
            return
        attributes[mode] = "@*|*" in selects
    for mode, pattern, call in walks:
        for template in templates:
            if template.get("mode") != mode:
                continue
            for walk in list(template.iter(XSL + "apply-templates")):
                if walk.get("mode") == mode:
                    walk.getparent().remove(walk)
            for finding in template.iter(SVRL + "failed-assert", SVRL + "successful-report"):
                finding.set(PATTERN, pattern)
        output.remove(call)
    # What the skeleton's walks reach: the document node, its children (through the built-in
    # rule) and every element below them, each once, in document order.
    every = etree.SubElement(output, XSL + "for-each", select="/ | /node() | //*")
    for mode, _, _ in walks:
        etree.SubElement(every, XSL + "apply-templates", select=".", mode=mode)
        if attributes[mode]:
            etree.SubElement(every, XSL + "apply-templates", select="@*", mode=mode)


def _pattern_id(active: etree._Element) -> str | None:
    """The ``id`` (else ``name``) an ``svrl:active-pattern`` of the root template writes, when
    it is plain text (the skeleton writes it with ``xsl:attribute``)."""
    values = dict(active.attrib)
    for attribute in active.iterchildren(XSL + "attribute"):
        if len(attribute):
            return None
        values[attribute.get("name", "")] = attribute.text or ""
    return values.get("id") or values.get("name") or None
