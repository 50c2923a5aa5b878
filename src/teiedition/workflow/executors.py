"""Where the documents' work runs: this process, local processes, or a Dask cluster.

The work is described once, without a scheduler in mind (:class:`Batch`: a function run per
document, with each document's own arguments and the arguments all share, and what the
client does with each value). An :class:`Executor` runs a batch and hands each value to
``on_done`` as it arrives, in the main process: :class:`LocalProcesses` (``--jobs N``) and
:class:`~.cluster.DaskCluster` (``--scheduler ADDRESS``). An executor that ``ships`` runs
the work where the client's files may not be: the callers then give it batches whose
inputs and outputs travel as bytes (:mod:`.shipping`).
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence


@dataclass(frozen=True)
class Task:
    """One document's work: ``args`` makes its own arguments when it is submitted (so
    that a client packs the bytes of a few documents at a time, not of the whole corpus)."""

    key: str
    args: Callable[[], tuple[Any, ...]]
    #: The bytes of its input as far as known before it is packed (0: unknown): an
    #: executor may group small tasks by it.
    size: int = 0


@dataclass(frozen=True)
class Batch:
    """Tasks that run ``function(*task.args(), *common)``; each value goes through
    ``receive(task, value)`` on the client. A task that could not be run at all (its worker
    died on every try) becomes ``failed(task, reason)`` where an executor can tell."""

    function: Callable[..., Any]
    common: tuple[Any, ...]
    tasks: Sequence[Task]
    receive: Callable[[Task, Any], Any]
    failed: Callable[[Task, str], Any]


class Executor(Protocol):
    #: Whether the work runs where the client's files may not be (inputs and outputs travel).
    ships: bool

    def run(self, batch: Batch, on_done: Callable[[Task, Any], None]) -> None:
        """Run every task; ``on_done(task, received)`` for each, as it finishes. On Ctrl-C
        (KeyboardInterrupt) the tasks not finished are dropped or cancelled, and the
        interrupt goes on to the caller after the finished ones were handed over."""


class LocalProcesses:
    """``jobs`` processes of this machine (1: this process)."""

    ships = False

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs

    def run(self, batch: Batch, on_done: Callable[[Task, Any], None]) -> None:
        tasks = list(batch.tasks)
        if self.jobs <= 1 or len(tasks) <= 1:
            for task in tasks:
                on_done(task, batch.receive(task, batch.function(*task.args(), *batch.common)))
            return
        # Spawned, not forked: a forked child would inherit the parent's Saxon and Typst state.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(self.jobs, len(tasks)), mp_context=context,
                                 initializer=_worker_ignores_interrupts) as pool:
            futures: dict[Future[Any], Task] = {
                pool.submit(batch.function, *task.args(), *batch.common): task
                for task in tasks}
            handed: set[Future[Any]] = set()
            try:
                for future in as_completed(futures):
                    on_done(futures[future], batch.receive(futures[future], future.result()))
                    handed.add(future)
            except KeyboardInterrupt:
                # Tasks not started are dropped; those in progress finish (their outputs
                # are written atomically either way) and are handed over.
                pool.shutdown(wait=True, cancel_futures=True)
                for future, task in futures.items():
                    if future not in handed and future.done() and not future.cancelled() \
                            and future.exception() is None:
                        on_done(task, batch.receive(task, future.result()))
                raise


def _worker_ignores_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group: the workers leave it to the
    # main process, which lets the documents in progress finish and records them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def executor_for(jobs: int = 1, scheduler: str | None = None, *,
                 shared_fs: bool = False) -> Executor:
    """Local processes, or the Dask cluster whose scheduler is at ``scheduler``."""
    if scheduler is None:
        return LocalProcesses(jobs)
    from .cluster import DaskCluster
    return DaskCluster(scheduler, shared_fs=shared_fs)
