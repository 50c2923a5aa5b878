"""The Dask executor: documents run on the workers of a Dask distributed scheduler.

Dask (``pip install 'teiedition[cluster]'``) is imported only when a scheduler is named.

- **Per document.** Each document is built, fails and is retried on its own; what every
  document shares (the build's settings, the register) is sent to the scheduler once, as a
  task every document depends on (fetched once per worker), not with each document.
- **Small documents travel together.** Dask's own cost per task (a few ms of processor
  time on the client, the scheduler and the worker) is most of what a cluster adds to a
  small page built without PDF, so consecutive small documents share a Dask task: at most
  ``GROUP_MOST``, with at most ``GROUP_BYTES`` of input together (a larger document
  travels alone). On the worker each is built on its own (:func:`_run_group`: one
  document's exception is its own failure, the others go on); on the client each is
  written and handed over in turn. A group whose worker dies is a suspect task like any
  other (below): its documents are tried again alone.
- **Bounded memory.** At most twice as many tasks as there are workers are in flight in
  the whole cluster; the client packs and submits the next task as one comes back. A
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
- **The client writes** each document's outputs as they arrive, atomically, in a few
  threads (:class:`_Receiver`: writing is mostly waiting for the disk), and hands each
  document over once its files are written.
- **Ctrl-C** cancels every future not yet received; documents being written are finished
  and recorded, so no file is left half-written or unrecorded.
"""

from __future__ import annotations

import collections
import functools
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from ..errors import InputError, TeieditionError
from .executors import Batch, Task

INSTALL = "--scheduler needs Dask: pip install 'teiedition[cluster]'"
#: Dask tasks in flight per worker.
PER_WORKER = 2
#: A Dask task carries at most this many documents, with at most GROUP_BYTES of input
#: together: Dask's own cost per task (a few ms of processor time on
#: client, scheduler and worker) is shared by small documents, and large ones go alone.
GROUP_MOST = 8
GROUP_BYTES = 256 * 1024
#: Groups are no larger than leaves about this many Dask tasks per task in flight.
GROUPS_PER_TASK_IN_FLIGHT = 4
#: Threads of the client writing the documents that came back, and how many documents
#: may wait to be written (with their outputs' bytes) before the client waits for them.
RECEIVERS = 4
RECEIVED_MOST = 64


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
                 connect_timeout: float | None = None, idle_timeout: float = 120,
                 group_most: int = GROUP_MOST, group_bytes: int = GROUP_BYTES) -> None:
        self.distributed = distributed_module()
        self.address = address
        self.shared_fs = shared_fs
        self.connect_timeout = connect_timeout
        self.idle_timeout = idle_timeout
        self.group_most = group_most
        self.group_bytes = group_bytes

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
        # The scheduler blames every task a dying worker held, not only the document that
        # killed it: each of their documents is tried again alone, so that only a document
        # whose worker dies while it is the only one in flight is reported failed, and the
        # rest finish.
        for tried, task in enumerate(suspects):
            self._drain(client, batch, [task], common, f"{run_id}-alone-{tried}", 0,
                        on_done, None)

    def _drain(self, client: Any, batch: Batch, tasks: list[Task], common: tuple[Any, ...],
               run_id: str, per_worker: int, on_done: Callable[[Task, Any], None],
               suspects: list[Task] | None) -> None:
        """Run ``tasks``, ``per_worker`` Dask tasks in flight per worker (0: one in all), in
        groups (:class:`_Grouper`); the documents of a Dask task whose workers died go to
        ``suspects`` (None: they failed)."""
        distributed = self.distributed
        waiting = iter(tasks)
        futures: dict[Any, list[Task]] = {}

        def limit() -> int:
            return per_worker * max(1, len(client.nthreads())) if per_worker else 1

        # Small enough that every worker still gets several groups to do: a few large
        # groups at the end would leave the other workers idle.
        most = 1 if not per_worker else \
            max(1, min(self.group_most, -(-len(tasks) // (GROUPS_PER_TASK_IN_FLIGHT * limit()))))
        group = _Grouper(waiting, most, self.group_bytes)

        def fill(room: int) -> None:
            while len(futures) < room:
                members = group.next()
                if not members:
                    break
                key = f"teiedition-{'+'.join(t.key for t in members)}-{run_id}"
                futures[client.submit(_run_group, batch.function,
                                      [t.args() for t in members], *common,
                                      pure=False, key=key)] = members

        receiver = _Receiver(on_done)
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
                    members = futures.pop(future)
                    if suspects is not None and self._killed(future):
                        suspects.extend(members)
                    else:
                        receiver.add(self._received(batch, members, future))
                    future.release()
                    finished += 1
                    if finished % 32 == 0:  # workers may have come or gone
                        room = limit()
                fill(room)
                receiver.hand_over()
            receiver.hand_over(wait=True)
        except KeyboardInterrupt:
            client.cancel(list(futures))
            receiver.stop()
            raise
        finally:
            receiver.close()

    def _killed(self, future: Any) -> bool:
        return future.status == "error" and \
            isinstance(future.exception(), self.distributed.KilledWorker)

    def _received(self, batch: Batch, members: list[Task], future: Any
                  ) -> list[tuple[Task, Callable[[], Any]]]:
        """For each document of a finished Dask task, what the client does to receive it
        (write its outputs, or make its failure)."""
        if future.cancelled():
            values = [_Failed("the scheduler cancelled it")] * len(members)
        else:
            try:
                values = future.result()
            except self.distributed.KilledWorker:
                values = [_Failed("its worker died on every try, also when it was the only "
                                  "document in flight")] * len(members)
            except Exception as err:  # the group itself could not run: each document fails
                values = [_Failed(_reason(err))] * len(members)
        return [(task, functools.partial(batch.failed, task, value.reason)
                 if isinstance(value, _Failed) else functools.partial(batch.receive, task, value))
                for task, value in zip(members, values, strict=True)]

    def _wait_for_workers(self, client: Any) -> int:
        try:
            client.wait_for_workers(1, timeout=self.idle_timeout)
        except (TimeoutError, self.distributed.TimeoutError) as err:
            raise TeieditionError(f"no Dask worker at {self.address} for "
                                  f"{self.idle_timeout:.0f} s: start some "
                                  f"(dask worker {self.address})") from err
        return max(1, len(client.nthreads()))


class _Receiver:
    """Receives documents in a few threads of the client (``batch.receive`` writes their
    outputs) and hands each over (``on_done``) in the main thread, in the order they came
    back, once its outputs are written: a Ctrl-C leaves no output unrecorded. Writing is
    mostly waiting for the disk (each file is synced before it replaces the old one, 1 to
    4 ms here, twice a small document): one thread writing every document in turn would
    cap the build at a few hundred documents a second, however many workers it has."""

    def __init__(self, on_done: Callable[[Task, Any], None], *, threads: int = RECEIVERS,
                 most: int = RECEIVED_MOST) -> None:
        self.on_done = on_done
        self.most = most
        self.pool = ThreadPoolExecutor(max_workers=threads,
                                       thread_name_prefix="teiedition-receive")
        self.queue: collections.deque[tuple[Task, Future[Any]]] = collections.deque()

    def add(self, received: list[tuple[Task, Callable[[], Any]]]) -> None:
        self.queue.extend((task, self.pool.submit(receive)) for task, receive in received)
        # each document waiting holds its outputs' bytes: at most ``most`` of them
        while len(self.queue) > self.most:
            self._hand(*self.queue.popleft())

    def hand_over(self, *, wait: bool = False) -> None:
        """Hand over the documents received, in order (``wait``: every one)."""
        while self.queue and (wait or self.queue[0][1].done()):
            self._hand(*self.queue.popleft())

    def _hand(self, task: Task, future: Future[Any]) -> None:
        self.on_done(task, future.result())

    def stop(self) -> None:
        """On Ctrl-C: documents being written finish (each file is written whole), those
        not begun are dropped; every document written is handed over."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        while self.queue:
            task, future = self.queue.popleft()
            if not future.cancelled() and future.exception() is None:
                self._hand(task, future)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class _Failed:
    """A document of a group that raised on the worker (the others went on)."""

    reason: str


def _reason(err: Exception) -> str:
    if isinstance(err, TeieditionError):
        return str(err)
    # a bug or a broken worker: the document's own failure
    return f"failed on the worker: {type(err).__name__}: {err}"


def _run_group(function: Callable[..., Any], arguments: list[tuple[Any, ...]],
               *common: Any) -> list[Any]:
    """On a worker: ``function`` for each document of a group, each value or failure its
    own. A task's exceptions are not retried: a document is built the same way wherever
    it runs."""
    values: list[Any] = []
    for args in arguments:
        try:
            values.append(function(*args, *common))
        except Exception as err:
            values.append(_Failed(_reason(err)))
    return values


class _Grouper:
    """Consecutive tasks in groups of at most ``most`` tasks and ``budget`` bytes of input
    together: a larger task travels alone."""

    def __init__(self, tasks: Iterator[Task], most: int, budget: int) -> None:
        self.tasks = tasks
        self.most = most
        self.budget = budget
        self.carried: Task | None = None

    def next(self) -> list[Task]:
        group: list[Task] = []
        size = 0
        while len(group) < self.most:
            task = self.carried or next(self.tasks, None)
            self.carried = None
            if task is None:
                break
            if group and size + task.size > self.budget:
                self.carried = task  # it starts the next group
                break
            group.append(task)
            size += task.size
        return group
