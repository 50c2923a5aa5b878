"""The scaling benchmark of issue 18: a generated corpus built with local processes and on
a Dask LocalCluster, at the same parallelism.

    python benchmarks/cluster.py --documents 1000 --rounds 2 [--pdf]
    python benchmarks/run.py --only cluster     # the same, as a section of the table

Each build is a full one (a fresh output folder) by the `teiedition build` command in a
process of its own: `--jobs 1`, `--jobs 2`, and `--scheduler` with a LocalCluster of 1 and
of 2 workers (one thread each, started before the build and stopped after it, so that a
worker's peak memory belongs to that build). The configurations are interleaved round by
round, as the load of a shared machine moves wall-clock times. For each: documents per
second, the peak resident memory of the largest worker (local: the largest process of the
build, its workers included; cluster: each worker's own high-water mark) and the processor
seconds of every process taking part (the client, its workers, and for the cluster the
scheduler's process).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate_edition  # noqa: E402

# Run in a fresh process: a build command as a child, its wall time, and the children's
# rusage (the build and its local workers: ru_maxrss is the largest of them).
LOCAL = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run({command!r}, capture_output=True, text=True)
seconds = time.perf_counter() - start
assert done.returncode == 0, done.stderr[-3000:]
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "worker_mb": [usage.ru_maxrss / 1024], "client_mb": usage.ru_maxrss / 1024}}))
"""

CLUSTER = """
import json, os, resource, subprocess, sys, time
import dask, distributed

def peak():
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime

if __name__ == "__main__":
    # Dask's sampling profiler off on the workers, as docs/build.md says to start them
    # (unless the benchmark was asked to keep it, --dask-profiler).
    dask.config.set({{"distributed.worker.profile.enabled": {profiler}}})
    with distributed.LocalCluster(processes=True, n_workers={workers}, threads_per_worker=1,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \\
            distributed.Client(cluster.scheduler_address) as client:
        before = client.run(peak)
        mine = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        done = subprocess.run({command!r} + ["--scheduler", cluster.scheduler_address],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        assert done.returncode == 0, done.stderr[-3000:]
        after = client.run(peak)
        here = resource.getrusage(resource.RUSAGE_SELF)
        build = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (build.ru_utime + build.ru_stime
               + (here.ru_utime + here.ru_stime) - (mine.ru_utime + mine.ru_stime)
               + sum(after[w][1] - before[w][1] for w in after))
        print(json.dumps({{"seconds": seconds, "cpu": cpu,
                          "worker_mb": [after[w][0] for w in sorted(after)],
                          "client_mb": build.ru_maxrss / 1024,
                          "client_cpu": build.ru_utime + build.ru_stime,
                          "scheduler_cpu": (here.ru_utime + here.ru_stime)
                                           - (mine.ru_utime + mine.ru_stime),
                          "worker_cpu": [after[w][1] - before[w][1] for w in sorted(after)]}}))
"""

CONFIGS = (("build --jobs 1", "local", 1), ("build --jobs 2", "local", 2),
           ("--scheduler, LocalCluster of 1 worker", "cluster", 1),
           ("--scheduler, LocalCluster of 2 workers", "cluster", 2))


def measure(kind: str, n: int, edition: Path, out: Path, pdf: bool, *,
            dask_profiler: bool = False) -> dict:
    # Without the search index (build makes it only when asked, --search): an edition-wide
    # step made by the client after the documents, the same whichever executor built them
    # (and at 2,000 pages its Pagefind service stalled here: docs/performance.md, issue 18).
    command = [sys.executable, "-m", "teiedition", "build", str(edition), "-o", str(out),
               "--date", "2026-01-01", "--quiet"] + ([] if pdf else ["--no-pdf"])
    if kind == "local":
        program = LOCAL.format(command=command + ["--jobs", str(n)])
    else:
        program = CLUSTER.format(command=command, workers=n, profiler=dask_profiler)
    subprocess.run(["rm", "-rf", str(out)], check=True)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(program)],
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{kind} {n} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cluster_rows(tmp: Path, documents: int, rounds: int, *, pdf: bool = False,
                 words: int = 400, parallel: tuple[int, ...] = (1, 2),
                 dask_profiler: bool = False
                 ) -> list[tuple[str, str, float, float, float, int]]:
    """Rows for benchmarks/run.py's table: (input, step, median s, peak MB, ratio, runs);
    the ratio of a cluster row is over local processes at the same parallelism, that of a
    local row over ``--jobs`` of the least parallelism measured. ``parallel``: which of 1
    and 2 processes or workers to measure."""
    configs = [c for c in CONFIGS if c[2] in parallel]
    edition = tmp / f"cluster-edition-{documents}"
    if not edition.exists():
        generate_edition(edition, words=words, pages=documents, seed=18)
    found: dict[str, list[dict]] = {label: [] for label, _, _ in configs}
    for _ in range(rounds):
        for label, kind, n in configs:
            found[label].append(measure(kind, n, edition, tmp / "cluster-out", pdf,
                                        dask_profiler=dask_profiler))
            print(f"{label}: {found[label][-1]}", file=sys.stderr, flush=True)
    what = f"build {documents:,} documents of {words} words ({'TEI, HTML, PDF' if pdf else 'TEI, HTML'})"
    medians = {label: statistics.median(r["seconds"] for r in runs)
               for label, runs in found.items()}
    rows = []
    least = configs[0][0]
    for label, kind, n in configs:
        runs = found[label]
        seconds = medians[label]
        peak = statistics.median(max(r["worker_mb"]) for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        floor = medians[CONFIGS[n - 1][0]] if CONFIGS[n - 1][0] in medians else seconds
        rows.append((what, f"{label}: {documents / seconds:.1f} documents/s, "
                     f"{cpu:.0f} processor s", seconds, peak,
                     seconds / floor if kind == "cluster" else seconds / medians[least],
                     len(runs)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--pdf", action="store_true", help="PDFs too")
    parser.add_argument("--parallel", type=int, action="append", choices=[1, 2],
                        help="measure only 1 or 2 processes and workers (repeatable)")
    parser.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    parser.add_argument("--dask-profiler", action="store_true",
                        help="keep Dask's sampling profiler on in the workers (Dask's default)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        for row in cluster_rows(root, args.documents, args.rounds, pdf=args.pdf,
                                words=args.words, parallel=tuple(args.parallel or (1, 2)),
                                dask_profiler=args.dask_profiler):
            print(" | ".join(f"{c:.3f}" if isinstance(c, float) else str(c) for c in row))


if __name__ == "__main__":
    main()
