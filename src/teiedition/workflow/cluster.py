"""The Dask executor: documents run on the workers of a Dask distributed scheduler.

Dask (``pip install 'teiedition[cluster]'``) is imported only when a scheduler is named.

- **Per document.** Each document is one task; what every task shares (the build's
  settings, the register) is sent to the scheduler once, as a task every document depends
  on (fetched once per worker), not with each document.
- **Bounded memory.** At most twice as many tasks as there are workers are in flight in
  the whole cluster; the client packs and submits the next document as one comes back. A
  worker builds one document at a time (:mod:`.shipping` takes a lock, as Saxon and Typst
  are not known to be thread-safe), and a task waiting beside it holds only its input
  bytes: the largest documents (a 1,000,000-word text and its PDF volumes) cannot pile up
  on one worker, whatever their number. This is
  simpler than Dask's worker resources, which would need every worker started with a
  declared memory budget, and it keeps the client's own memory bounded too (it never holds
  the whole corpus's bytes).
- **Workers that die.** The scheduler reschedules the tasks of a worker that died on
  another one (``distributed.scheduler.allowed-failures`` times, 3 by default) and then
  gives up on them (:class:`distributed.KilledWorker`). It blames every task the worker
  held, so a document that kills its worker also takes down the documents waiting beside
  it: those are tried once more at the end, each alone, and only a document whose worker
  still dies is reported as a failed document. A task's own exceptions are not retried: a
  document is built the same way wherever it runs.
- **Never hangs.** The scheduler must answer within Dask's connect timeout
  (``distributed.comm.timeouts.connect``, 30 s); with no worker for ``idle_timeout`` seconds
  the build stops with an error.
- **Ctrl-C** cancels every future not yet received; the client writes each document's
  outputs as they arrive, atomically, so no file is left half-written.
"""

from __future__ import annotations

import uuid
from typing import Any, Callable

from ..errors import InputError, TeieditionError
from .executors import Batch, Task

INSTALL = "--scheduler needs Dask: pip install 'teiedition[cluster]'"
#: Tasks in flight per worker.
PER_WORKER = 2


def distributed_module() -> Any:
    """The ``distributed`` package, or an error saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise InputError(INSTALL) from None
    return distributed


class DaskCluster:
    """The workers of the Dask scheduler at ``address`` (e.g. ``tcp://10.0.0.5:8786``)."""

    ships = True

    def __init__(self, address: str, *, shared_fs: bool = False,
                 connect_timeout: float | None = None, idle_timeout: float = 120) -> None:
        self.distributed = distributed_module()
        self.address = address
        self.shared_fs = shared_fs
        self.connect_timeout = connect_timeout
        self.idle_timeout = idle_timeout

    def run(self, batch: Batch, on_done: Callable[[Task, Any], None]) -> None:
        distributed = self.distributed
        try:
            # Without a timeout of our own, Dask's: distributed.comm.timeouts.connect (30 s).
            timeout = {} if self.connect_timeout is None else {"timeout": self.connect_timeout}
            client = distributed.Client(self.address, set_as_default=False, **timeout)
        except (OSError, TimeoutError) as err:
            raise InputError(f"cannot reach the Dask scheduler at {self.address}: "
                             f"{err}") from None
        with client, client.as_current():  # the client distributed.wait uses, in this thread
            self._run(client, batch, on_done)

    def _run(self, client: Any, batch: Batch, on_done: Callable[[Task, Any], None]) -> None:
        self._wait_for_workers(client)
        run_id = uuid.uuid4().hex[:12]
        # What all tasks share goes to the scheduler once, as a task of its own: unlike
        # scattered data, it is made again if every worker holding it dies.
        common = tuple(client.submit(_same, value, pure=False,
                                     key=f"teiedition-common-{i}-{run_id}")
                       if value is not None else None for i, value in enumerate(batch.common))
        suspects: list[Task] = []
        self._drain(client, batch, list(batch.tasks), common, f"{run_id}", PER_WORKER,
                    on_done, suspects)
        # The scheduler blames every document a dying worker held, not only the one that
        # killed it: each is tried again alone, so that only a document whose worker dies
        # while it is the only one in flight is reported failed, and the rest finish.
        for tried, task in enumerate(suspects):
            self._drain(client, batch, [task], common, f"{run_id}-alone-{tried}", 0,
                        on_done, None)

    def _drain(self, client: Any, batch: Batch, tasks: list[Task], common: tuple[Any, ...],
               run_id: str, per_worker: int, on_done: Callable[[Task, Any], None],
               suspects: list[Task] | None) -> None:
        """Run ``tasks``, ``per_worker`` in flight per worker (0: one in all); a task whose
        workers died goes to ``suspects`` (None: it failed)."""
        distributed = self.distributed
        waiting = iter(tasks)
        futures: dict[Any, Task] = {}

        def limit() -> int:
            return per_worker * max(1, len(client.nthreads())) if per_worker else 1

        def fill(room: int) -> None:
            for task in waiting:
                futures[client.submit(batch.function, *task.args(), *common, pure=False,
                                      key=f"teiedition-{task.key}-{run_id}")] = task
                if len(futures) >= room:
                    break

        try:
            room = limit()
            fill(room)
            finished = 0
            while futures:
                try:
                    done, _ = distributed.wait(list(futures), timeout=5,
                                               return_when="FIRST_COMPLETED")
                except TimeoutError:  # nothing finished for a while: are there workers?
                    self._wait_for_workers(client)
                    continue
                except distributed.client.FuturesCancelledError:
                    done = {f for f in futures if f.status != "pending"}
                for future in done:
                    task = futures.pop(future)
                    if suspects is not None and self._killed(future):
                        suspects.append(task)
                    else:
                        on_done(task, self._receive(batch, task, future))
                    future.release()
                    finished += 1
                    if finished % 32 == 0:  # workers may have come or gone
                        room = limit()
                if len(futures) < room:
                    fill(room)
        except KeyboardInterrupt:
            client.cancel(list(futures))
            raise

    def _killed(self, future: Any) -> bool:
        return future.status == "error" and \
            isinstance(future.exception(), self.distributed.KilledWorker)

    def _receive(self, batch: Batch, task: Task, future: Any) -> Any:
        if future.cancelled():
            return batch.failed(task, "the scheduler cancelled it")
        try:
            value = future.result()
        except self.distributed.KilledWorker:
            return batch.failed(task, "its worker died on every try, also when it was the "
                                      "only document in flight")
        except TeieditionError as err:
            return batch.failed(task, str(err))
        except Exception as err:  # a bug or a broken worker: the document's own failure
            return batch.failed(task, f"failed on the worker: {type(err).__name__}: {err}")
        return batch.receive(task, value)

    def _wait_for_workers(self, client: Any) -> int:
        try:
            client.wait_for_workers(1, timeout=self.idle_timeout)
        except (TimeoutError, self.distributed.TimeoutError) as err:
            raise TeieditionError(f"no Dask worker at {self.address} for "
                                  f"{self.idle_timeout:.0f} s: start some "
                                  f"(dask worker {self.address})") from err
        return max(1, len(client.nthreads()))


def _same(value: Any) -> Any:
    return value
