"""A long text cut into volumes for the PDF: each keeps the header, the standOff and one
run of the text's blocks."""

from __future__ import annotations

import copy

from lxml import etree

from ..tei import TEI_NS


def split_volumes(tree: etree._ElementTree, words_per_volume: int
                  ) -> list[etree._ElementTree]:
    """The tree itself when its text is short enough; else one copy per volume, each
    keeping the header, the standOff and one run of the text's blocks (the element children
    of the first element of the text with more than one: the body, or its only div).
    Comments and processing instructions are not blocks: each goes with the block after
    it, or with the last block (issue 13: one among the blocks crashed the split)."""
    root = tree.getroot()
    container = root.find(f"{{{TEI_NS}}}text")
    while container is not None and len(_elements(container)) == 1:
        container = _elements(container)[0]
    if container is None or len(_elements(container)) < 2:
        return [tree]
    blocks = _elements(container)
    sizes = [len("".join(block.itertext()).split()) for block in blocks]
    if sum(sizes) <= words_per_volume:
        return [tree]
    runs: list[set[int]] = [set()]
    words = 0
    for index, size in enumerate(sizes):
        if runs[-1] and words + size > words_per_volume:
            runs.append(set())
            words = 0
        runs[-1].add(index)
        words += size
    owners = _block_of_each_child(container)
    path = tree.getpath(container)
    volumes = []
    for run in runs:
        copy_root = copy.deepcopy(root)
        box = copy_root.getroottree().xpath(path)[0]
        for child, owner in reversed(list(zip(box, owners, strict=True))):
            if owner not in run:
                box.remove(child)
        volumes.append(copy_root.getroottree())
    return volumes


def _elements(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if isinstance(child.tag, str)]


def _block_of_each_child(parent: etree._Element) -> list[int]:
    """For each child node of ``parent``, the number of the block (element child) it goes
    with: an element is its own block; a comment or processing instruction goes with the
    next element, or with the last one when none follows."""
    owners: list[int] = []
    waiting: list[int] = []  # positions of the comments before the next element
    count = 0
    for position, child in enumerate(parent):
        if isinstance(child.tag, str):
            for other in waiting:
                owners[other] = count
            waiting = []
            owners.append(count)
            count += 1
        else:
            waiting.append(position)
            owners.append(-1)
    for other in waiting:
        owners[other] = count - 1
    return owners


def paragraphs(tree: etree._ElementTree) -> int:
    """The paragraphs the print edition numbers (as f:paragraph-number counts them)."""
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    skip = {f"{{{TEI_NS}}}note", f"{{{TEI_NS}}}quote"}
    return sum(1 for p in text.iter(f"{{{TEI_NS}}}p")
               if not any(a.tag in skip for a in p.iterancestors())) if text is not None else 0
