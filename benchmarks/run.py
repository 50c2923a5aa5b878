"""Benchmarks: each step next to its floor, measured in the same run; prints a table.

    python benchmarks/run.py                 # all benchmarks
    python benchmarks/run.py --quick         # smaller inputs, for a smoke run
    python benchmarks/run.py --markdown      # the table as docs/performance.md keeps it

Each figure is the median of several runs in a fresh process (so that peak
memory, the process's high-water mark VmHWM, belongs to that step alone;
Linux only).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"
sys.path.insert(0, str(HERE))

from generate import big_register, generate  # noqa: E402

# Each step is a small program run in its own process; it prints seconds of the measured part.
STEPS = {
    "typst-compile": """
        import typst
        root = {root!r}
        start = time.perf_counter()
        typst.compile(root + "/main.typ", root=root, format="pdf", timestamp=0,
                      pdf_standards=["a-3b"])
        seconds = time.perf_counter() - start
    """,
    "pdf": """
        from lxml import etree
        from teiedition.render import pdf
        files = {files!r}
        start = time.perf_counter()
        for f in files:
            pdf(etree.parse(f, etree.XMLParser(collect_ids=False)))
        seconds = time.perf_counter() - start
    """,
    "parse-serialize": """
        from lxml import etree
        files = {files!r}
        start = time.perf_counter()
        for f in files:
            etree.tostring(etree.parse(f), encoding="UTF-8")
        seconds = time.perf_counter() - start
    """,
    "convert": """
        from pathlib import Path
        from teiedition import Provenance, convert, parse_metadata, read_register, to_bytes
        texts = {texts!r}
        meta_path = {meta!r}
        meta = parse_metadata(open(meta_path).read(), path=meta_path)
        start = time.perf_counter()
        register = read_register(open({register!r}, "rb").read(), path={register!r})
        for t in texts:
            result = convert(open(t).read(), meta, Provenance("x.txt", "2026-01-01", "0.1.0"),
                             register=register)
            to_bytes(result.tree)
        seconds = time.perf_counter() - start
    """,
    "parse": """
        from lxml import etree
        files = {files!r}
        start = time.perf_counter()
        for f in files:
            etree.parse(f, etree.XMLParser(collect_ids=False))
        seconds = time.perf_counter() - start
    """,
    "validate-project": """
        from teiedition.validate import Validator
        files = {files!r}
        validator = Validator(["project"])
        start = time.perf_counter()
        for f in files:
            report = validator.check_bytes(open(f, "rb").read(), f)
            assert report.valid, report.problems[:3]
        seconds = time.perf_counter() - start
    """,
    "validate-tei_all": """
        from teiedition.validate import Validator
        files = {files!r}
        validator = Validator([{tei_all!r}])
        start = time.perf_counter()
        for f in files:
            report = validator.check_bytes(open(f, "rb").read(), f)
            assert report.valid, report.problems[:3]
        seconds = time.perf_counter() - start
    """,
}


def measure(step: str, files: list[str], runs: int, **extra: object) -> tuple[float, float]:
    """Median seconds and median peak memory (MB) of ``step`` over ``runs`` fresh processes."""
    body = textwrap.dedent(STEPS[step]).format(files=files, tei_all=str(TEI_ALL), **extra)
    # Peak memory is the process's VmHWM: ru_maxrss would be wrong here, as Linux keeps it
    # across execve, so a child would report its parent's peak.
    program = ("import time, json\n" + body +
               "\npeak = next(int(l.split()[1]) for l in open('/proc/self/status') "
               "if l.startswith('VmHWM'))\nprint(json.dumps([seconds, peak / 1024]))\n")
    seconds, memory = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{step} failed:\n{done.stderr}")
        out = done.stdout
        s, m = json.loads(out.strip().split("\n")[-1])
        seconds.append(s)
        memory.append(m)
    return statistics.median(seconds), statistics.median(memory)


SEED_META = next((ROOT / "seeds").glob("*.toml"))
SEED_REGISTER = ROOT / "seeds" / "register.xml"


def convert_all(texts: list[Path], out: Path) -> list[str]:
    """Convert generated pages to TEI with teiedition: the seed edition's metadata and
    register, so that names and dates are tagged as in a real edition."""
    from teiedition import Provenance, convert, parse_metadata, read_register, to_bytes
    meta = parse_metadata(SEED_META.read_text(encoding="utf-8"), path=str(SEED_META))
    register = read_register(SEED_REGISTER.read_bytes(), path=str(SEED_REGISTER))
    paths = []
    for text in texts:
        result = convert(text.read_text(encoding="utf-8"), meta,
                         Provenance(text.name, "2026-01-01", "0.1.0"), register=register)
        target = out / (text.stem + ".xml")
        target.write_bytes(to_bytes(result.tree))
        paths.append(str(target))
    return paths


def pdf_rows(tei: str, root: Path, runs: int) -> list[tuple[str, str, float, float, float]]:
    """PDF of one TEI file, next to Typst compiling the same document alone (the floor)."""
    import shutil
    from lxml import etree
    from teiedition.render import typst_source
    root.mkdir()
    tree = etree.parse(tei)
    (root / "main.typ").write_text(typst_source(tree, attachment="source.xml"), encoding="utf-8")
    shutil.copy(ROOT / "xslt" / "typst" / "edition.typ", root / "edition.typ")
    shutil.copy(tei, root / "source.xml")
    notes = len(tree.getroot().findall(".//{http://www.tei-c.org/ns/1.0}body//"
                                        "{http://www.tei-c.org/ns/1.0}note"))
    label = f"PDF of 100,000 words, {notes} notes"
    floor, floor_mem = measure("typst-compile", [], runs, root=str(root))
    seconds, memory = measure("pdf", [tei], runs)
    return [(label, "typst compile of the same .typ (floor)", floor, floor_mem, 1.0),
            (label, "teiedition pdf (XSLT + Typst)", seconds, memory, seconds / floor)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer runs")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    words, pages, runs = (100_000, 100, 1) if args.quick else (1_000_000, 1000, 3)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        big_texts = generate(tmp_path / "big-txt", words=words, pages=1)
        big = convert_all(big_texts, tmp_path)
        registers = {"seed register": SEED_REGISTER,
                     "seed register + 10,000 entries": big_register(
                         SEED_REGISTER, tmp_path / "register-10k.xml", extra=10_000)}
        label = f"convert and tag {words:,} words"
        floor, floor_mem = measure("parse-serialize", big, runs)
        rows.append((label, "lxml parse + serialize of the TEI (floor)", floor, floor_mem, 1.0))
        for name, register in registers.items():
            seconds, memory = measure("convert", big, runs, texts=[str(t) for t in big_texts],
                                      meta=str(SEED_META), register=str(register))
            rows.append((label, f"convert, {name}", seconds, memory, seconds / floor))
        # The print edition of 100,000 words (about 700 notes): teiedition's PDF next to
        # Typst's own compile of the same .typ, in a root holding what it needs.
        pdf_source = convert_all(generate(tmp_path / "pdf-txt", words=100_000, pages=1,
                                          seed=4), tmp_path / "pdf-txt")
        rows.extend(pdf_rows(pdf_source[0], tmp_path / "typst-root", runs))
        small_dir = tmp_path / "corpus"
        small_dir.mkdir()
        small = convert_all(generate(tmp_path / "corpus-txt", words=400, pages=pages, seed=2),
                            small_dir)
        size = Path(big[0]).stat().st_size / 1e6
        for label, files in ((f"one file, {words:,} words ({size:.1f} MB)", big),
                             (f"{pages:,} files of 400 words", small)):
            floor, floor_mem = measure("parse", files, runs)
            rows.append((label, "lxml parse (floor)", floor, floor_mem, 1.0))
            for step in ("validate-project", "validate-tei_all"):
                if step == "validate-tei_all" and not TEI_ALL.exists():
                    continue
                seconds, memory = measure(step, files, runs)
                rows.append((label, step, seconds, memory, seconds / floor))
    print_table(rows, markdown=args.markdown)


def print_table(rows: list[tuple[str, str, float, float, float]], *, markdown: bool) -> None:
    header = ("input", "step", "median s", "peak MB", "× floor")
    lines = [header] + [(i, s, f"{t:.3f}", f"{m:.0f}", f"{r:.1f}") for i, s, t, m, r in rows]
    if markdown:
        print(f"Machine: {platform.machine()}, {platform.python_implementation()} "
              f"{platform.python_version()}, {_cores()} cores\n")
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines[1:]:
            print("| " + " | ".join(line) + " |")
        return
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))


def _cores() -> int:
    import os
    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
