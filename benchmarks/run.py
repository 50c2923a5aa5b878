"""Benchmarks: each step next to its floor, measured in the same run; prints a table.

    python benchmarks/run.py                 # all benchmarks
    python benchmarks/run.py --quick         # smaller inputs, for a smoke run
    python benchmarks/run.py --markdown      # the table as docs/performance.md keeps it
    python benchmarks/run.py --only build    # one section (convert, validate, html, pdf,
                                             # build), repeatable
    python benchmarks/run.py --only cluster  # local processes against a Dask LocalCluster
                                             # (issue 18; not part of a run of all sections)

Each figure is the median of several runs in a fresh process (so that peak
memory, the process's high-water mark VmHWM, belongs to that step alone;
Linux only); for a step that starts processes (Typst volumes, build workers) the
peak is that of the whole process tree, sampled ten times a second.
"""

from __future__ import annotations

import argparse
import json
import os
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

from generate import big_register, generate, generate_edition  # noqa: E402

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
        from teiedition.render import pdf_volumes
        files = {files!r}
        start = time.perf_counter()
        for f in files:  # as `teiedition pdf` does: volumes above 250,000 words
            pdf_volumes(etree.parse(f, etree.XMLParser(collect_ids=False)))
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
    # Whole processes (issue 18): the floor is a process that parses each TEI file with lxml
    # and writes its serialisation; against it, a `teiedition convert` process per text
    # (start, imports, register, conversion, writing). Both report the processor time of
    # the process they start, besides the wall-clock time.
    "parse-serialize-process": """
        import resource, subprocess, sys, tempfile
        files = {files!r}
        program = (
            "import sys\\n"
            "from lxml import etree\\n"
            "open(sys.argv[2], 'wb').write(etree.tostring(etree.parse(sys.argv[1]), "
            "encoding='UTF-8'))\\n")
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            for f in files:
                done = subprocess.run([sys.executable, "-c", program, f, out + "/copy.xml"],
                                      capture_output=True, text=True)
                assert done.returncode == 0, done.stderr[-2000:]
            seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime
    """,
    "convert-process": """
        import resource, subprocess, sys, tempfile
        texts = {texts!r}
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            for t in texts:
                done = subprocess.run(
                    [sys.executable, "-m", "teiedition", "convert", t, "--meta", {meta!r},
                     "--register", {register!r}, "-o", out + "/tei.xml", "--force",
                     "--date", "2026-01-01", "--quiet"], capture_output=True, text=True)
                assert done.returncode == 0, done.stderr[-2000:]
            seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime
    """,
    "parse": """
        from lxml import etree
        files = {files!r}
        start = time.perf_counter()
        for f in files:
            etree.parse(f, etree.XMLParser(collect_ids=False))
        seconds = time.perf_counter() - start
    """,
    "parse-process": """
        import resource, subprocess, sys
        files = {files!r}
        program = ("import sys\\nfrom lxml import etree\\n"
                   "etree.parse(sys.argv[1], etree.XMLParser(collect_ids=False))\\n")
        start = time.perf_counter()
        for f in files:
            done = subprocess.run([sys.executable, "-c", program, f], capture_output=True,
                                  text=True)
            assert done.returncode == 0, done.stderr[-2000:]
        seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime
    """,
    "validate-project-process": """
        import resource, subprocess, sys
        files = {files!r}
        env = {{k: v for k, v in os.environ.items() if k != "CI"}}
        start = time.perf_counter()
        for f in files:
            done = subprocess.run([sys.executable, "-m", "teiedition", "validate", "--quiet",
                                   "--no-worker", f], capture_output=True, text=True, env=env)
            assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime
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
    "html": """
        from teiedition.render import html_text_page
        from teiedition.xmlparse import parse_tei
        files = {files!r}
        start = time.perf_counter()
        for f in files:
            html_text_page("page", parse_tei(open(f, "rb").read(), path=f))
        seconds = time.perf_counter() - start
    """,
    # The whole edition of each file, as `html` makes it: its page and the edition's pages.
    "html-pages": """
        from teiedition.render import html_pages
        from teiedition.xmlparse import parse_tei
        files = {files!r}
        start = time.perf_counter()
        for f in files:
            html_pages([("page", parse_tei(open(f, "rb").read(), path=f))])
        seconds = time.perf_counter() - start
    """,
    "saxon-identity": """
        from saxonche import PySaxonProcessor
        files = {files!r}
        processor = PySaxonProcessor(license=False)
        identity = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=(
            '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:mode on-no-match="shallow-copy"/></xsl:stylesheet>'))
        start = time.perf_counter()
        for f in files:
            node = processor.parse_xml(xml_text=open(f, encoding="utf-8").read())
            identity.transform_to_string(xdm_node=node)
        seconds = time.perf_counter() - start
    """,
    # Whole processes (issue 13): the floor is the fastest way Saxon can transform a file,
    # transform_to_file with source_file=, in a process of its own; against it, the whole
    # `teiedition html` command (start, parse, both transformations, write).
    "saxon-identity-process": """
        import subprocess, sys
        files = {files!r}
        program = (
            "import sys\\n"
            "from saxonche import PySaxonProcessor\\n"
            "p = PySaxonProcessor(license=False)\\n"
            "x = p.new_xslt30_processor().compile_stylesheet(stylesheet_text="
            "'<xsl:stylesheet version=\\"3.0\\" xmlns:xsl=\\"http://www.w3.org/1999/XSL/Transform\\">"
            "<xsl:mode on-no-match=\\"shallow-copy\\"/></xsl:stylesheet>')\\n"
            "for f in sys.argv[1:]:\\n"
            "    x.transform_to_file(source_file=f, output_file=f + '.identity.xml')\\n")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", program, *files], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        assert done.returncode == 0, done.stderr[-2000:]
    """,
    "html-process": """
        import subprocess, sys, tempfile
        files = {files!r}
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "teiedition", "html", *files, "-o", out,
                                   "--date", "2026-01-01", "--quiet"], capture_output=True, text=True)
            seconds = time.perf_counter() - start
        assert done.returncode == 0, done.stderr[-2000:]
    """,
    "jing": """
        import subprocess
        files = {files!r}
        start = time.perf_counter()
        done = subprocess.run(["jing", {tei_all!r}, *files], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        assert done.returncode == 0, done.stdout[:2000]
    """,
    "build": """
        import shutil, subprocess, sys
        if {fresh!r}:
            shutil.rmtree({out!r}, ignore_errors=True)
        command = [sys.executable, "-m", "teiedition", "build", {edition!r}, "-o", {out!r},
                   "--date", "2026-01-01", "--quiet", "--jobs", "{jobs}"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        assert done.returncode == 0, done.stderr[-2000:]
    """,
    "cli-validate": """
        import shutil, subprocess, sys
        files = {files!r}
        if {fresh!r}:
            shutil.rmtree({cache!r}, ignore_errors=True)
        # The validation worker's socket goes to the cache folder too (no XDG_RUNTIME_DIR).
        env = {{k: v for k, v in os.environ.items() if k not in ("XDG_RUNTIME_DIR", "CI")}}
        env["XDG_CACHE_HOME"] = {cache!r}
        command = [sys.executable, "-m", "teiedition", "validate", "--quiet", "--schema",
                   {tei_all!r}, *{options!r}, *files]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    """,
    "validate-tei_all-grammar": """
        from teiedition.validate import Validator
        files = {files!r}
        validator = Validator([{tei_all!r}], embedded_rules=False)
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


SAMPLER = """
import json, os, threading, time
max_tree = [0]
sampling = True

def _tree_rss():
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(name))
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/status") as handle:
                total += next(int(l.split()[1]) for l in handle if l.startswith("VmRSS"))
        except (OSError, StopIteration):
            pass
        todo.extend(children.get(pid, []))
    return total

def _sample():
    while sampling:
        max_tree[0] = max(max_tree[0], _tree_rss())
        time.sleep(0.1)

threading.Thread(target=_sample, daemon=True).start()
"""


def measure(step: str, files: list[str], runs: int, **extra: object) -> tuple[float, float]:
    """Median seconds and median peak memory (MB) of ``step`` over ``runs`` fresh processes."""
    results = [_run(step, files, **extra) for _ in range(runs)]
    return (statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results))


def measure_interleaved(floor: str, step: str, files: list[str], runs: int,
                        **extra: object) -> dict[str, tuple[float, float, float]]:
    """``floor`` and ``step`` run alternately ``runs`` times each, so that a change of the
    machine's load touches both alike: for each, the medians of seconds, peak memory (MB)
    and processor time of the processes it starts (issue 18)."""
    results: dict[str, list[tuple[float, float, float]]] = {floor: [], step: []}
    for _ in range(runs):
        for name in (floor, step):
            results[name].append(_run(name, files, **extra))
    return {name: tuple(statistics.median(r[i] for r in found) for i in range(3))  # type: ignore[misc]
            for name, found in results.items()}


def _run(step: str, files: list[str], **extra: object) -> tuple[float, float, float]:
    """Seconds, peak memory (MB) and processor seconds of one run of ``step`` in a fresh
    process: what the step reports as ``cpu``, else the processor time of the processes it
    starts (the whole-process steps), else of the process itself."""
    body = textwrap.dedent(STEPS[step]).format(files=files, tei_all=str(TEI_ALL), **extra)
    # Peak memory is the process's VmHWM: ru_maxrss would be wrong here, as Linux keeps it
    # across execve, so a child would report its parent's peak.
    # Processes the step starts (Typst volumes, build workers) count too: a thread samples
    # the resident memory of the whole process tree; the peak is the larger of that and
    # the process's own high-water mark.
    program = (SAMPLER + body +
               "\nsampling = False\npeak = max(max_tree[0], next(int(l.split()[1]) for l in "
               "open('/proc/self/status') if l.startswith('VmHWM')))"
               "\nimport resource\nchildren = resource.getrusage(resource.RUSAGE_CHILDREN)"
               "\ncpu = globals().get('cpu') or children.ru_utime + children.ru_stime"
               " or time.process_time()"
               "\nprint(json.dumps([seconds, peak / 1024, cpu]))\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{step} failed:\n{done.stderr}")
    seconds, memory, cpu = json.loads(done.stdout.strip().split("\n")[-1])
    return seconds, memory, cpu


def measure_against(floor_step: str, step: str, files: list[str], runs: int
                    ) -> tuple[tuple[float, float, float], tuple[float, float, float], float,
                               float]:
    """``step`` and its floor run by turns (floor, step, floor, step...), so that both see
    the same load: the medians (seconds, MB, processor seconds) of each, the median of
    the ratios of wall-clock seconds of each pair, and that of processor seconds."""
    pairs = [(_run(floor_step, files), _run(step, files)) for _ in range(runs)]
    floors = tuple(statistics.median(f[i] for f, _ in pairs) for i in range(3))
    steps = tuple(statistics.median(s[i] for _, s in pairs) for i in range(3))
    return (floors, steps, statistics.median(s[0] / f[0] for f, s in pairs),
            statistics.median(s[2] / f[2] for f, s in pairs))


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


NOVEL = ROOT.parent / "shared" / "tei" / "corpus" / "eltec-fra-gilbert.xml"


def real_novel(target: Path, words: int) -> str | None:
    """A real novel of the shared corpus (ELTeC) with its body's divisions repeated until it
    has ``words`` words (ids made unique); None without the shared corpus."""
    import copy
    from lxml import etree
    if not NOVEL.exists():
        return None
    tree = etree.parse(str(NOVEL))
    body = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    divisions = list(body)
    count = len(" ".join(body.itertext()).split())
    round_ = 1
    while count < words:
        for division in divisions:
            repeated = copy.deepcopy(division)
            for element in repeated.iter():
                if element.get("{http://www.w3.org/XML/1998/namespace}id"):
                    element.set("{http://www.w3.org/XML/1998/namespace}id",
                                f"{element.get('{http://www.w3.org/XML/1998/namespace}id')}-{round_}")
            body.append(repeated)
            count += len(" ".join(repeated.itertext()).split())
        round_ += 1
    tree.write(str(target), encoding="UTF-8", xml_declaration=True)
    return str(target)


def pdf_rows(tei: str, root: Path, runs: int) -> list[Row]:
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
    return [(label, "typst compile of the same .typ (floor)", floor, floor_mem, 1.0, runs),
            (label, "teiedition pdf (XSLT + Typst)", seconds, memory, seconds / floor, runs)]


Row = tuple[str, str, float, float, float, int]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer runs")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--only", action="append", metavar="SECTION",
                        choices=["convert", "validate", "one-file", "html", "pdf", "build",
                                 "cluster"],
                        help="run only these sections (repeatable)")
    args = parser.parse_args()
    sizes = (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
    pages, runs = (100, 1) if args.quick else (1000, 3)
    sections = set(args.only or ["convert", "validate", "one-file", "html", "pdf", "build"])
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        # Schema caches (issue 16) go to the temporary folder, never to the user's.
        os.environ["XDG_CACHE_HOME"] = str(tmp_path / "cache")
        register = big_register(SEED_REGISTER, tmp_path / "register-10k.xml", extra=10_000)
        texts, teis = {}, {}
        for words in sizes:
            texts[words] = generate(tmp_path / f"txt-{words}", words=words, pages=1)
            (tmp_path / f"tei-{words}").mkdir()
            teis[words] = convert_all(texts[words], tmp_path / f"tei-{words}")
        big = sizes[-1]
        if "convert" in sections:
            for words in sizes:
                rows.extend(convert_rows(words, texts[words], teis[words], register,
                                         runs, with_seed_register=words == big))
        if "validate" in sections:
            rows.extend(validate_rows(tmp_path, teis[big], pages, runs))
        if "one-file" in sections:
            rows.extend(one_file_rows(tmp_path, 5 if runs > 1 else 1))
        if "html" in sections:
            label = f"HTML of {big:,} words"
            floor, step, ratio, _ = measure_against("saxon-identity", "html", teis[big], runs)
            rows.append((label, "Saxon identity transform (floor)", floor[0], floor[1], 1.0,
                         runs))
            rows.append((label, "teiedition HTML page", step[0], step[1], ratio, runs))
            _, pages_step, pages_ratio, _ = measure_against("saxon-identity", "html-pages",
                                                            teis[big], runs)
            rows.append((label, "teiedition HTML page and the edition's pages", pages_step[0],
                         pages_step[1], pages_ratio, runs))
            # Whole processes by turns with their floor (the load moves wall-clock times).
            floor, step, ratio, cpu_ratio = measure_against(
                "saxon-identity-process", "html-process", teis[big], runs)
            rows.append((label, "whole process: Saxon transform_to_file identity (floor)",
                         floor[0], floor[1], 1.0, runs))
            rows.append((label, "whole process: teiedition html", step[0], step[1], ratio,
                         runs))
            rows.append((label, "whole process, processor s: floor", floor[2], 0.0, 1.0, runs))
            rows.append((label, "whole process, processor s: teiedition html", step[2], 0.0,
                         cpu_ratio, runs))
            # A real text as long: few elements and names for its words, so the floor is
            # small and the command's fixed costs weigh more (issue 13).
            novel = real_novel(tmp_path / "novel.xml", big)
            if novel:
                label = f"HTML of a {big:,}-word novel (ELTeC, repeated)"
                floor, step, ratio, cpu_ratio = measure_against(
                    "saxon-identity-process", "html-process", [novel], runs)
                rows.append((label, "whole process: Saxon transform_to_file identity (floor)",
                             floor[0], floor[1], 1.0, runs))
                rows.append((label, "whole process: teiedition html", step[0], step[1], ratio,
                             runs))
        if "pdf" in sections:
            rows.extend(pdf_rows(teis[100_000][0], tmp_path / "typst-root", runs))
            if not args.quick:
                seconds, memory = measure("pdf", teis[big], 1)
                rows.append((f"PDF of {big:,} words", "teiedition pdf (4 volumes, each "
                             "typeset in its own process)", seconds, memory, 0.0, 1))
                rows.append(big_edition_row(tmp_path, texts[big][0]))
        if "build" in sections:
            rows.extend(build_rows(tmp_path, pages))
        if "cluster" in sections:
            from cluster import cluster_rows
            rows.extend(cluster_rows(tmp_path, 200 if args.quick else 2000,
                                     1 if args.quick else 2))
    print_table(rows, markdown=args.markdown)


def convert_rows(words: int, texts: list[Path], teis: list[str], register: Path, runs: int, *,
                 with_seed_register: bool) -> list[Row]:
    label = f"convert and tag {words:,} words"
    floor, floor_mem = measure("parse-serialize", teis, runs)
    rows: list[Row] = [(label, "lxml parse + serialize of the TEI (floor)", floor, floor_mem,
                        1.0, runs)]
    registers = {"register + 10,000 entries": register}
    if with_seed_register:
        registers = {"seed register (86 entries)": SEED_REGISTER, **registers}
    for name, path in registers.items():
        seconds, memory = measure("convert", teis, runs, texts=[str(t) for t in texts],
                                  meta=str(SEED_META), register=str(path))
        rows.append((label, f"convert, {name}", seconds, memory, seconds / floor, runs))
    # Whole processes, as issue 18 sets the target: interleaved with their floor.
    found = measure_interleaved("parse-serialize-process", "convert-process", teis, runs,
                                texts=[str(t) for t in texts], meta=str(SEED_META),
                                register=str(register))
    (f_s, f_mem, f_cpu), (c_s, c_mem, c_cpu) = found["parse-serialize-process"], \
        found["convert-process"]
    return rows + [
        (label, "whole process: lxml parse + serialize of the TEI (floor)", f_s, f_mem, 1.0,
         runs),
        (label, "whole process: teiedition convert, register + 10,000 entries", c_s, c_mem,
         c_s / f_s, runs),
        (label, "whole process, processor time: lxml parse + serialize (floor)", f_cpu, 0.0,
         1.0, runs),
        (label, "whole process, processor time: teiedition convert", c_cpu, 0.0,
         c_cpu / f_cpu, runs)]


def validate_rows(tmp_path: Path, big: list[str], pages: int, runs: int) -> list[Row]:
    import shutil
    small_dir = tmp_path / "corpus-tei"
    small_dir.mkdir()
    small = convert_all(generate(tmp_path / "corpus-txt", words=400, pages=pages, seed=2),
                        small_dir)
    size = Path(big[0]).stat().st_size / 1e6
    rows: list[Row] = []
    for label, files in ((f"validate one file, {size:.1f} MB", big),
                         (f"validate {pages:,} files of 400 words", small)):
        floor, floor_mem = measure("parse", files, runs)
        rows.append((label, "lxml parse (floor)", floor, floor_mem, 1.0, runs))
        steps = ["validate-project"] + (["validate-tei_all", "validate-tei_all-grammar"]
                                        if TEI_ALL.exists() else [])
        if files is small and TEI_ALL.exists() and shutil.which("jing"):
            steps.append("jing")
        for step in steps:
            seconds, memory = measure(step, files, runs)
            name = {"jing": "Debian jing, tei_all.rng (one run over all files)",
                    "validate-tei_all": "teiedition validate --schema tei_all.rng (grammar and "
                                        "embedded rules)",
                    "validate-tei_all-grammar": "the same with --no-embedded-rules (grammar "
                                                "only, as jing)",
                    "validate-project": "teiedition validate (project schema and rules)"}[step]
            rows.append((label, name, seconds, memory, seconds / floor, runs))
        if files is big:
            # Whole processes, as issue 16 sets the target (at most 5x), by turns with the
            # floor; the processor time too, which the machine's load moves less.
            found = measure_interleaved("parse-process", "validate-project-process", files,
                                        runs)
            (f_s, f_mem, f_cpu), (v_s, v_mem, v_cpu) = found["parse-process"], \
                found["validate-project-process"]
            rows += [(label, "whole process: lxml parse (floor)", f_s, f_mem, 1.0, runs),
                     (label, "whole process: teiedition validate --no-worker (project schema "
                      "and rules)", v_s, v_mem, v_s / f_s, runs),
                     (label, "whole process, processor s: lxml parse (floor)", f_cpu, 0.0, 1.0,
                      runs),
                     (label, "whole process, processor s: teiedition validate --no-worker",
                      v_cpu, 0.0, v_cpu / f_cpu, runs)]
    return rows


def one_file_rows(tmp_path: Path, runs: int) -> list[Row]:
    """`teiedition validate --schema tei_all.rng FILE` as a whole process, as a scholar runs it
    on one file, next to Debian's jing on the same file (issue 16): a 400-word letter and a
    2 MB text. The first run starts from an empty schema cache; later runs find it filled."""
    import shutil
    if not TEI_ALL.exists():
        return []
    rows: list[Row] = []
    cache = str(tmp_path / "one-file-cache")
    for words, label in ((400, "one letter of 400 words"), (130_000, "one text of 130,000 words")):
        folder = tmp_path / f"one-file-{words}"
        folder.mkdir()
        tei = convert_all(generate(folder / "txt", words=words, pages=1, seed=7), folder)
        size = Path(tei[0]).stat().st_size / 1e6
        label = f"{label} ({size:.2f} MB), whole process"
        jing = None
        if shutil.which("jing"):
            jing, jing_mem = measure("jing", tei, runs)
            rows.append((label, "Debian jing tei_all.rng FILE (floor)", jing, jing_mem, 1.0, runs))
        # The warm worker (started by the first run that needs it) serves "later runs";
        # "first run" starts from an empty cache and no worker; --no-worker runs in one process.
        for name, fresh, options in (
                ("teiedition validate --schema tei_all.rng, first run (empty cache, "
                 "starts the worker)", True, []),
                ("teiedition validate --schema tei_all.rng, later runs (warm worker)", False, []),
                ("the same with --no-worker (in one process, cache filled)", False,
                 ["--no-worker"]),
                ("the same with --no-embedded-rules (RELAX NG only, as jing), later runs",
                 False, ["--no-embedded-rules"])):
            if fresh:
                _stop_workers(cache)
            else:
                measure("cli-validate", tei, 1, cache=cache, fresh=False, options=options)
            seconds, memory = measure("cli-validate", tei, runs, cache=cache, fresh=fresh,
                                      options=options)
            rows.append((label, name, seconds, memory, seconds / jing if jing else 0.0, runs))
            if fresh:  # each first run started a worker and emptied the cache: stop them
                _stop_workers(cache)
    _stop_workers(cache)
    return rows


def _stop_workers(cache: str) -> None:
    """Stop the validation workers the measured runs started (their sockets are in the
    benchmark's cache folder)."""
    from teiedition.validate.worker import stop_workers
    stop_workers(Path(cache) / "teiedition" / "workers")


def big_edition_row(tmp_path: Path, text: Path) -> Row:
    """`teiedition build` of an edition of one 1,000,000-word text: all of it (TEI,
    validation, HTML, indexes, PDF volumes) and the memory of the whole process tree."""
    import shutil
    edition = tmp_path / "big-edition"
    edition.mkdir()
    shutil.copy(text, edition / "big.txt")
    shutil.copy(SEED_META, edition / "big.toml")
    shutil.copy(SEED_REGISTER, edition / "register.xml")
    seconds, memory = measure("build", [], 1, edition=str(edition),
                              out=str(tmp_path / "big-out"), jobs=1, fresh=True)
    return ("build an edition of one 1,000,000-word text", "build (TEI, HTML, PDF volumes)",
            seconds, memory, 0.0, 1)


def build_rows(tmp_path: Path, pages: int) -> list[Row]:
    """`teiedition build` of a corpus of pages, each build in its own process (a build
    starts its own workers); each into a fresh folder, so that every run is a full build."""
    edition = tmp_path / "corpus-edition"
    generate_edition(edition, words=400, pages=pages, seed=5)
    label = f"build {pages:,} pages of 400 words (TEI, HTML, PDF)"
    rows: list[Row] = []
    runs = 1 if pages < 1000 else 3
    serial, serial_mem = measure("build", [], runs, edition=str(edition),
                                 out=str(tmp_path / "out-1"), jobs=1, fresh=True)
    rows.append((label, "build --jobs 1 (floor)", serial, serial_mem, 1.0, runs))
    parallel, parallel_mem = measure("build", [], runs, edition=str(edition),
                                     out=str(tmp_path / "out-2"), jobs=2, fresh=True)
    rows.append((label, "build --jobs 2", parallel, parallel_mem, parallel / serial, runs))
    again, again_mem = measure("build", [], 3, edition=str(edition),
                               out=str(tmp_path / "out-1"), jobs=1, fresh=False)
    rows.append((label, "build again, nothing changed", again, again_mem, again / serial, 3))
    return rows


def print_table(rows: list[Row], *, markdown: bool) -> None:
    header = ("input", "step", "median s", "peak MB", "× floor", "runs")
    lines = [header] + [(i, s, f"{t:.3f}", f"{m:.0f}" if m else "-", f"{r:.2f}" if r else "-",
                         str(n)) for i, s, t, m, r, n in rows]
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
