"""Building and validating on a Dask cluster (issue 18), against a real LocalCluster.

The scheduler's workers are separate processes on 127.0.0.1 (spawned: they share nothing
with the test process but the installed code); the documents travel to them as bytes and
their outputs come back. A local build of the same edition is the reference, byte for byte.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import sys
from pathlib import Path

import pytest
from lxml import etree

from teiedition.cli import cli
from teiedition.workflow import BuildInterrupted, BuildOptions, build
from teiedition.workflow.checking import CheckOptions, check_many

from conftest import CASES
from test_build import DATE, files_of, make_edition

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

NAMES = ["alpha", "beta", "gamma", "delta", "epsilon"]
POISON = "poison"
EVERYTHING = CASES / "schema" / "valid-everything.001.xml"


@pytest.fixture(scope="module")
def cluster():
    # A document whose worker dies is tried once more, not three times: the test of a
    # document that kills every worker stays short.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                     host="127.0.0.1", dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    """The test's own client, to act on the workers (the builds make theirs)."""
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as own:
        yield own


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    """Texts to convert, and TEI files added by hand: one including another file, one
    naming an image beside it (files a worker can only have by their travelling)."""
    root = tmp_path_factory.mktemp("cluster")
    folder = make_edition(root / "edition", NAMES)
    return folder


def with_hand_files(out: Path) -> Path:
    tei = out / "tei"
    tei.mkdir(parents=True, exist_ok=True)
    shutil.copy(EVERYTHING, tei / "figures.xml")  # names media/image1.png
    (tei / "media").mkdir(exist_ok=True)
    shutil.copy(CASES / "tei" / "figures.001.png", tei / "media" / "image1.png")
    tree = etree.parse(str(EVERYTHING))
    body = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    etree.SubElement(body, "{http://www.w3.org/2001/XInclude}include", href="parts/part.xml")
    tree.write(str(tei / "included.xml"), encoding="UTF-8", xml_declaration=True)
    (tei / "parts").mkdir(exist_ok=True)
    (tei / "parts" / "part.xml").write_text(
        '<div xmlns="http://www.tei-c.org/ns/1.0"><p>Included words.</p></div>',
        encoding="utf-8")
    return out


def report_of(out: Path) -> dict:
    """build.json without what differs from run to run (times) or by executor."""
    data = json.loads((out / "build.json").read_text(encoding="utf-8"))
    for key in ("seconds", "jobs", "scheduler", "output"):
        data.pop(key)
    for doc in data["documents"]:
        for step in doc["steps"]:
            step.pop("seconds")
    for step in data["edition_steps"]:
        step.pop("seconds")
    return data


def options(**kwargs) -> BuildOptions:
    return BuildOptions(date=DATE, **kwargs)


@pytest.fixture(scope="module")
def local_html(edition, tmp_path_factory) -> Path:
    """The reference: the edition built here, HTML only."""
    out = with_hand_files(tmp_path_factory.mktemp("local") / "out")
    report = build(edition, out, options(pdf=False))
    assert report.ok, [str(p) for p in report.problems]
    assert "Included words." in (out / "html" / "included.html").read_text(encoding="utf-8")
    assert (out / "html" / "media" / "figures" / "media" / "image1.png").is_file()
    return out


def test_a_cluster_build_is_the_local_build_byte_for_byte(cluster, edition, tmp_path) -> None:
    """PDFs too, for two texts; the report is the same but for times; a second build finds
    everything up to date by the same fingerprints, and a local build after it too."""
    small = make_edition(tmp_path / "small", NAMES[:2])
    local, remote = tmp_path / "local", tmp_path / "remote"
    build(small, local, options())
    report = build(small, remote, options(scheduler=cluster.scheduler_address))
    assert report.ok
    assert files_of(remote) == files_of(local)
    assert any(name.endswith(".pdf") for name in files_of(remote))
    assert report_of(remote) == report_of(local)
    again = build(small, remote, options(scheduler=cluster.scheduler_address))
    assert {s.status for d in again.documents for s in d.steps} == {"up-to-date"}
    here = build(small, remote, options())
    assert {s.status for d in here.documents for s in d.steps} == {"up-to-date"}


def test_documents_travel_with_what_they_include_and_show(cluster, edition, local_html,
                                                            tmp_path) -> None:
    out = with_hand_files(tmp_path / "out")
    report = build(edition, out, options(pdf=False, scheduler=cluster.scheduler_address))
    assert report.ok
    assert files_of(out) == files_of(local_html)
    assert report_of(out)["documents"] == report_of(local_html)["documents"]


def test_shared_fs_workers_read_the_paths_themselves(cluster, edition, local_html,
                                                     tmp_path, monkeypatch) -> None:
    """Relative paths too: they are the client's, whatever the workers' working folder."""
    monkeypatch.chdir(tmp_path)
    with_hand_files(Path("out"))
    report = build(Path(os.path.relpath(edition)), Path("out"), options(
        pdf=False, scheduler=cluster.scheduler_address, shared_fs=True))
    assert report.ok
    assert files_of(tmp_path / "out") == files_of(local_html)


def test_a_killed_worker_loses_nothing(cluster, client, edition, local_html, tmp_path) -> None:
    out = with_hand_files(tmp_path / "out")
    killed = []

    def kill_a_busy_worker(event) -> None:
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            killed.append(pid)
            # The worker process ends at once, its documents in progress with it.
            os.kill(pid, signal.SIGKILL)

    report = build(edition, out, options(pdf=False, scheduler=cluster.scheduler_address),
                   progress=kill_a_busy_worker)
    assert killed
    assert report.ok, [str(p.problem.message) for p in report.problems]
    assert files_of(out) == files_of(local_html)
    client.wait_for_workers(1, timeout=60)  # the nanny starts a new one


class Poison(distributed.WorkerPlugin):
    """Ends the worker's process as it starts on the document named ``poison``: every
    worker that tries it dies (test-only: registered by this test, not in the product)."""

    name = "teiedition-test-poison"

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish == "executing" and f"teiedition-{POISON}-" in str(key):
            os._exit(1)


def _build_with_poison(plugin, cluster, client, edition, tmp_path):
    """A cluster build of the edition with a copy of one text named POISON, while ``plugin``
    (a worker plugin from this module, shipped by value) runs on the workers."""
    import cloudpickle
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    folder = tmp_path / "edition"
    shutil.copytree(edition, folder)
    shutil.copy(folder / "alpha.txt", folder / f"{POISON}.txt")
    shutil.copy(folder / "alpha.toml", folder / f"{POISON}.toml")
    client.register_plugin(plugin)
    try:
        return build(folder, tmp_path / "out",
                     options(pdf=False, scheduler=cluster.scheduler_address))
    finally:
        client.unregister_worker_plugin(plugin.name)
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def test_a_document_that_kills_every_worker_is_reported_and_the_rest_finish(
        cluster, client, edition, tmp_path) -> None:
    report = _build_with_poison(Poison(), cluster, client, edition, tmp_path)
    status = {d.stem: d.status for d in report.documents}
    assert status == {**{name: "ok" for name in NAMES}, POISON: "failed"}
    [failed] = [d for d in report.documents if d.stem == POISON]
    assert "worker died" in failed.steps[0].message
    assert not (tmp_path / "out" / "html" / f"{POISON}.html").exists()
    assert (tmp_path / "out" / "html" / "index.html").is_file()
    client.wait_for_workers(1, timeout=60)


class PoisonInAGroup(Poison):
    """Ends the worker's process as it starts on any task carrying ``poison``, alone or
    in a group of documents."""

    name = "teiedition-test-poison-in-a-group"

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish == "executing" and re.search(rf"[-+]{POISON}[-+]", str(key)):
            os._exit(1)


@pytest.fixture()
def in_groups(monkeypatch) -> list[str]:
    """Small documents grouped even in a small edition (a build groups only as many as
    leave every worker several tasks): 8 documents, 4 tasks in flight, groups of 2. The
    keys of the tasks the builds submit are recorded."""
    from teiedition.workflow import cluster as cluster_module
    monkeypatch.setattr(cluster_module, "GROUPS_PER_TASK_IN_FLIGHT", 1)
    keys: list[str] = []
    submit = distributed.Client.submit

    def recorded(self, *args, key=None, **kwargs):
        keys.append(str(key))
        return submit(self, *args, key=key, **kwargs)

    monkeypatch.setattr(distributed.Client, "submit", recorded)
    return keys


def test_small_documents_travel_in_groups_and_each_gets_its_own_result(
        cluster, client, edition, local_html, tmp_path, in_groups) -> None:
    out = with_hand_files(tmp_path / "out")
    report = build(edition, out, options(pdf=False, scheduler=cluster.scheduler_address))
    assert report.ok
    assert files_of(out) == files_of(local_html)
    assert report_of(out) == report_of(local_html)
    assert [key for key in in_groups if "+" in key], in_groups


def test_a_group_with_a_document_that_kills_every_worker_loses_only_that_document(
        cluster, client, edition, tmp_path, in_groups) -> None:
    report = _build_with_poison(PoisonInAGroup(), cluster, client, edition, tmp_path)
    status = {d.stem: d.status for d in report.documents}
    assert status == {**{name: "ok" for name in NAMES}, POISON: "failed"}
    [failed] = [d for d in report.documents if d.stem == POISON]
    assert "worker died" in failed.steps[0].message
    # it travelled in a group: the group's other documents were tried again alone
    [group] = [key for key in in_groups if re.search(rf"\+{POISON}\b|\b{POISON}\+", key)]
    partners = [stem for stem in group.split("-")[1].split("+") if stem != POISON]
    for partner in partners:  # (as many as the workers there were allowed: 1 or 2)
        assert [key for key in in_groups if key.startswith(f"teiedition-{partner}-")
                and "-alone-" in key], (partner, in_groups)
    for name in NAMES:
        assert (tmp_path / "out" / "html" / f"{name}.html").is_file()
    client.wait_for_workers(1, timeout=60)


def test_groups_are_small_and_a_large_document_goes_alone() -> None:
    from teiedition.workflow.cluster import _Grouper
    from teiedition.workflow.executors import Task

    sizes = [10, 10, 10, 10, 10, 500, 10, 90, 20]
    tasks = iter([Task(str(i), tuple, size) for i, size in enumerate(sizes)])
    grouper = _Grouper(tasks, 3, 100)
    groups = []
    while group := grouper.next():
        groups.append([int(t.key) for t in group])
    assert groups == [[0, 1, 2], [3, 4], [5], [6, 7], [8]]


def test_a_document_that_raises_fails_alone_in_its_group() -> None:
    from teiedition.errors import TeieditionError
    from teiedition.workflow.cluster import _Failed, _run_group

    def half(n: int, by: int) -> float:
        if n == 1:
            raise TeieditionError("one is not allowed")
        return 1 / (n - 2) / by

    values = _run_group(half, [(4,), (1,), (2,), (6,)], 2)
    assert values == [0.25, _Failed("one is not allowed"),
                      _Failed("failed on the worker: ZeroDivisionError: division by zero"),
                      0.125]


def test_an_interrupted_cluster_build_leaves_no_partial_file(cluster, edition, local_html,
                                                            tmp_path) -> None:
    out = with_hand_files(tmp_path / "out")
    seen = []

    def interrupt_after_the_first(event) -> None:
        seen.append(event.name)
        if len(seen) == 1:
            raise KeyboardInterrupt

    with pytest.raises(BuildInterrupted):
        build(edition, out, options(pdf=False, scheduler=cluster.scheduler_address),
              progress=interrupt_after_the_first)
    reference = files_of(local_html)
    written = files_of(out)
    assert not [name for name in written if name.endswith(".tmp")]
    # Every file there is whole: as the local build made it, or a hand-added input.
    assert all(data == reference[name] for name, data in written.items()), sorted(written)
    assert len(written) < len(reference)
    state = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert state["status"] == "interrupted"
    # The interrupted one, and any other whose outputs the client had written by then
    # (it writes in a few threads): no page written is left unrecorded.
    recorded = {d["name"] for d in state["documents"]}
    everything = json.loads((local_html / "build.json").read_text(encoding="utf-8"))
    assert 1 <= len(recorded) < len(everything["documents"])
    pages = {Path(name).stem for name in written
             if Path(name).parent == Path("html") and name.endswith(".html")}
    assert pages <= recorded
    build(edition, out, options(pdf=False, scheduler=cluster.scheduler_address))
    assert files_of(out) == reference


def test_a_cluster_validation_gives_the_local_reports(cluster, local_html, tmp_path) -> None:
    files = sorted((local_html / "tei").glob("*.xml"))
    broken = tmp_path / "broken.xml"
    broken.write_bytes(files[0].read_bytes().replace(b"<body>", b"<body><bogus/>", 1))
    files += [broken, tmp_path / "missing.xml"]
    options_ = CheckOptions()

    def without_times(result):
        reports, unreadable = result
        return [dataclasses.replace(r, seconds=0.0) for r in reports], [str(e) for e in
                                                                         unreadable]

    here = without_times(check_many(files, options_, max_bytes=10**8))
    there = without_times(check_many(files, options_, max_bytes=10**8,
                                     scheduler=cluster.scheduler_address))
    assert there == here
    reports = {Path(r.path).name: r for r in here[0]}
    assert not reports["broken.xml"].valid and reports["included.xml"].valid
    assert here[1] == [f"{tmp_path / 'missing.xml'}: cannot be read: No such file or directory"]
    shared = without_times(check_many(files, options_, max_bytes=10**8, shared_fs=True,
                                      scheduler=cluster.scheduler_address))
    assert shared == here
    processes = without_times(check_many(files, options_, max_bytes=10**8, jobs=2))
    assert processes == here


def test_a_worker_running_other_code_refuses_its_documents(cluster, tmp_path,
                                                           monkeypatch) -> None:
    """The fingerprints decide what is up to date: a worker whose code, stylesheets or
    libraries are not the client's would record results that do not match them."""
    from teiedition.workflow import edition as edition_module, shipping
    small = make_edition(tmp_path / "small", NAMES[:1])
    other = dataclasses.replace(edition_module.fingerprints(), code="another version")
    monkeypatch.setattr(shipping, "fingerprints", lambda: other)  # the client's side only
    report = build(small, tmp_path / "out", options(pdf=False,
                                                    scheduler=cluster.scheduler_address))
    [document] = report.documents
    assert document.status == "failed"
    assert "runs other code than the client" in document.steps[0].message
    assert not (tmp_path / "out" / "tei").exists()


def test_the_commands_take_a_scheduler(cluster, edition, local_html, tmp_path, runner) -> None:
    out = with_hand_files(tmp_path / "out")
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--date", DATE,
                                 "--no-pdf", "--scheduler", cluster.scheduler_address, "-q"])
    assert result.exit_code == 0, result.output
    assert files_of(out) == files_of(local_html)
    checked = runner.invoke(cli, ["validate", str(out / "tei"), "--format", "json",
                                  "--scheduler", cluster.scheduler_address])
    local = runner.invoke(cli, ["validate", str(out / "tei"), "--format", "json"])
    # 1: parts/part.xml, an included fragment, is no TEI document of its own
    assert checked.exit_code == local.exit_code == 1
    strip = [{k: v for k, v in f.items() if k != "seconds"}
             for f in json.loads(local.stdout)["files"]]
    assert [{k: v for k, v in f.items() if k != "seconds"}
            for f in json.loads(checked.stdout)["files"]] == strip


def test_the_client_never_writes_outside_the_output_folder(tmp_path) -> None:
    """The changes come from another machine: one naming a path outside the output folder
    is refused before anything of its document is written."""
    from teiedition.errors import TeieditionError
    from teiedition.workflow.outputs import Change, apply_changes
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(TeieditionError, match="outside the output folder"):
        apply_changes(out, (Change("html/a.html", b"page"), Change("../evil.xml", b"x")))
    assert not (out / "html").exists() and not (tmp_path / "evil.xml").exists()
    apply_changes(out, (Change("html/a.html", b"page"), Change("html/b.html", None)))
    assert (out / "html" / "a.html").read_bytes() == b"page"


def test_without_dask_the_scheduler_says_how_to_install_it(edition, tmp_path, runner,
                                                          monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = runner.invoke(cli, ["build", str(edition), "-o", str(tmp_path / "out"),
                                 "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: --scheduler needs Dask: pip install 'teiedition[cluster]'"]
    assert not (tmp_path / "out").exists()
    checked = runner.invoke(cli, ["validate", str(CASES / "tei" / "figures.001.xml"),
                                  "--scheduler", "tcp://127.0.0.1:1"])
    assert checked.exit_code == 2 and "pip install 'teiedition[cluster]'" in checked.output


def test_an_unreachable_scheduler_is_one_clear_error(edition, tmp_path, runner) -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = runner.invoke(cli, ["build", str(edition), "-o", str(tmp_path / "out"),
                                     "--no-pdf", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
