"""Make synthetic editions in the book's page format, for benchmarks.

Pages look like the seed: paragraphs separated by `|` lines, note numbers
rising through the page (about one note per 150 words) in the positions the
reader supports, years and ranges in the running text, and names of persons,
places and organisations (about one per 12 words). Output is deterministic
for a given seed.

    python benchmarks/generate.py --words 1000000 --pages 1 -o /tmp/bench/big
    python benchmarks/generate.py --words 400 --pages 1000 -o /tmp/bench/corpus --edition

With --edition the folder is an edition `teiedition build` reads: each page with a copy
of the seed's metadata, and the seed's register plus 10,000 synthetic entries.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("the of and to in a that was for with as on by were his at from which had this "
         "it be policy alliance leaders party treaty support relations government military "
         "economic delegation meeting conference agreement question issue war revolution "
         "comrades strategy interests cooperation assistance period years international "
         "domestic advisers plan socialist model concerns position view decision").split()
NAMES = ("Zhou Enlai", "Viacheslav Molotov", "Khrushchev", "Mao", "Stalin", "Liu Shaoqi",
         "Beijing", "Moscow", "Geneva", "Taiwan", "Indochina", "Soviet Union", "Yugoslavia",
         "CCP", "GMD", "Central Committee", "Korea", "Austria", "Peng Dehuai", "Deng Xiaoping")


def page_text(rng: random.Random, words: int, first_note: int) -> tuple[str, int]:
    """A page of about ``words`` words; returns the text and the next note number."""
    note = first_note
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            length = rng.randint(12, 30)
            tokens = [rng.choice(WORDS) for _ in range(length)]
            for i in range(0, length, 12):
                tokens[min(i + rng.randint(0, 11), length - 1)] = rng.choice(NAMES)
            if rng.random() < 0.3:
                year = rng.randint(1945, 1965)
                tokens.append(rng.choice([f"in {year}", f"in {year}-{year + 1}",
                                          f"from {year} to {year + 2}"]))
            sentence = " ".join(tokens)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            count += length
            if rng.random() < length / 150:
                sentences[-1] += f" {note}"
                note += 1
        paragraphs.append(" ".join(sentences))
    return "\n|\n".join(paragraphs) + "\n|\n", note


def generate(out: Path, *, words: int, pages: int, seed: int = 1) -> list[Path]:
    """Write ``pages`` pages of ``words`` words each into ``out``; return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(pages):
        text, _ = page_text(rng, words, rng.randint(1, 200))
        path = out / f"page-{index + 1:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def generate_edition(out: Path, *, words: int, pages: int, seed: int = 1,
                     extra_entries: int = 10_000) -> list[Path]:
    """An edition folder: ``pages`` pages of ``words`` words, each with the seed's metadata,
    and the seed's register with ``extra_entries`` more entries."""
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    texts = generate(out, words=words, pages=pages, seed=seed)
    meta = next(seeds.glob("*.toml")).read_text(encoding="utf-8")
    for text in texts:
        text.with_suffix(".toml").write_text(meta, encoding="utf-8")
    big_register(seeds / "register.xml", out / "register.xml", extra=extra_entries)
    return texts


def big_register(seed_register: Path, out: Path, *, extra: int, seed: int = 3) -> Path:
    """The seed register plus ``extra`` synthetic persons, places and organisations."""
    from lxml import etree
    tei = "{http://www.tei-c.org/ns/1.0}"
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    rng = random.Random(seed)
    tree = etree.parse(str(seed_register))
    lists = {kind: tree.find(f".//{tei}{name}") for kind, name in
             (("person", "listPerson"), ("place", "listPlace"), ("org", "listOrg"))}
    syllables = "an bei chen dong fang gao hua jin kang li ma ning ou peng qi ren shu tang " \
                "wei xin yang zhao ko va ri mi so lu de ba".split()
    names = set()
    for i in range(extra):
        kind = ("person", "place", "org")[i % 3]
        while True:
            words = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()
                     for _ in range(rng.randint(1, 3))]
            name = " ".join(words)
            if name not in names:
                names.add(name)
                break
        entry = etree.SubElement(lists[kind], tei + kind, {xml_id: f"synthetic-{i}"})
        etree.SubElement(entry, tei + {"person": "persName", "place": "placeName",
                                       "org": "orgName"}[kind]).text = name
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, required=True, help="words a page")
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--edition", action="store_true",
                        help="also metadata for each page and a register (10,000 extra entries)")
    args = parser.parse_args()
    make = generate_edition if args.edition else generate
    paths = make(args.output, words=args.words, pages=args.pages, seed=args.seed)
    print(f"{len(paths)} pages in {args.output}")


if __name__ == "__main__":
    main()
