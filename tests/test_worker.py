"""The validation worker (issue 16): started on demand, private, keyed by the schema's
content, idle timeout, safe when runs race, a message and a correct result when unusable."""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import tempfile
import threading
import time
from pathlib import Path

import pytest

from teiedition.cli import cli
from teiedition.validate import Validator
from teiedition.validate import worker as worker_module
from teiedition.validate.worker import Settings, WorkerClient, stop_workers

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron" ns="http://www.tei-c.org/ns/1.0">
  <sch:ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>
  <sch:pattern id="n-positive"><sch:rule context="t:TEI">
    <sch:assert test="number(@n) gt 0">n must be positive</sch:assert></sch:rule></sch:pattern>
  <start><element name="TEI"><optional><attribute name="n"/></optional>
    <element name="{name}"><text/></element></element></start>
</grammar>"""
VALID = b'<TEI xmlns="http://www.tei-c.org/ns/1.0" n="2"><a>x</a></TEI>'
BROKEN_RULE = b'<TEI xmlns="http://www.tei-c.org/ns/1.0" n="-1"><a>x</a></TEI>'
BROKEN_GRAMMAR = b'<TEI xmlns="http://www.tei-c.org/ns/1.0" n="1"><a><b/></a></TEI>'


@pytest.fixture
def folder():
    """A short private folder for the sockets (a socket path holds about 100 bytes); every
    worker started in it is stopped afterwards."""
    path = Path(tempfile.mkdtemp(prefix="tw", dir="/tmp")) / "w"
    yield path
    stop_workers(path)
    shutil.rmtree(path.parent, ignore_errors=True)


@pytest.fixture
def schema(tmp_path: Path) -> Path:
    path = tmp_path / "t.rng"
    path.write_text(GRAMMAR.format(name="a"))
    return path


def client(schema: Path, folder: Path, idle: float = 60.0) -> WorkerClient:
    return WorkerClient(Settings((str(schema),)), folder=folder, idle=idle)


def problems(report):
    return [(p.rule, p.line, p.message, p.severity) for p in report.problems]


def wait_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_started_on_demand_private_and_reused(schema: Path, folder: Path) -> None:
    first = client(schema, folder)
    assert not folder.exists()
    assert first.check_bytes(VALID, "a.xml").valid
    sock = first.socket_path()
    assert stat.S_ISSOCK(sock.stat().st_mode)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(sock.stat().st_mode) == 0o600
    inode = sock.stat().st_ino
    second = client(schema, folder)
    assert not second.check_bytes(BROKEN_RULE, "b.xml").valid
    assert sock.stat().st_ino == inode  # the same worker answered
    assert not first.warnings and not second.warnings


def test_same_findings_as_in_this_process(schema: Path, folder: Path) -> None:
    local = Validator([str(schema)], use_cache=False)
    warm = client(schema, folder)
    for data in (VALID, BROKEN_RULE, BROKEN_GRAMMAR, b"<TEI"):
        assert problems(warm.check_bytes(data, "x.xml")) == \
            problems(local.check_bytes(data, "x.xml"))
    assert problems(warm.check_bytes(BROKEN_RULE, "x.xml"))[0][0] == "n-positive"


def test_a_changed_schema_meets_a_new_worker(schema: Path, folder: Path) -> None:
    before = client(schema, folder)
    assert before.check_bytes(VALID, "a.xml").valid
    schema.write_text(GRAMMAR.format(name="b"))
    after = client(schema, folder)
    assert after.socket_path() != before.socket_path()
    assert not after.check_bytes(VALID, "a.xml").valid  # no stale verdict


def test_idle_worker_leaves(schema: Path, folder: Path) -> None:
    warm = client(schema, folder, idle=1.0)
    warm.check_bytes(VALID, "a.xml")
    assert wait_for(lambda: not warm.socket_path().exists())
    assert warm.check_bytes(VALID, "a.xml").valid  # started again on demand


def lock_free(path: Path) -> bool:
    handle = os.open(path, os.O_WRONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(handle)


def test_stopped_on_request_or_when_its_socket_is_deleted(schema: Path, folder: Path) -> None:
    warm = client(schema, folder)
    warm.check_bytes(VALID, "a.xml")
    lock = warm.socket_path().with_suffix(".lock")
    assert not lock_free(lock)
    assert stop_workers(folder) == 1
    assert wait_for(lambda: lock_free(lock))
    assert not warm.socket_path().exists()
    warm.check_bytes(VALID, "a.xml")
    warm.socket_path().unlink()
    assert wait_for(lambda: lock_free(lock))


def test_runs_that_race_share_one_worker(schema: Path, folder: Path) -> None:
    results: list[bool] = []
    def run(data: bytes) -> None:
        results.append(client(schema, folder).check_bytes(data, "x.xml").valid)
    threads = [threading.Thread(target=run, args=(data,))
               for data in (VALID, BROKEN_RULE, VALID, BROKEN_RULE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, False, True, True]
    assert len(list(folder.glob("*.sock"))) == 1
    assert stop_workers(folder) == 1


def test_a_stale_socket_is_replaced(schema: Path, folder: Path) -> None:
    warm = client(schema, folder)
    folder.mkdir(mode=0o700)
    warm.socket_path().write_text("")  # as left by a worker that was killed
    assert not warm.check_bytes(BROKEN_RULE, "x.xml").valid
    assert stat.S_ISSOCK(warm.socket_path().stat().st_mode)


def test_a_folder_others_can_enter_is_not_used(schema: Path, folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o755)
    warm = client(schema, folder)
    assert not warm.check_bytes(BROKEN_RULE, "x.xml").valid
    assert warm.check_bytes(VALID, "a.xml").valid
    assert len(warm.warnings) == 1 and "only you can enter" in warm.warnings[0]
    assert not list(folder.iterdir())


def test_a_worker_that_does_not_start_is_said_and_skipped(schema: Path, folder: Path,
                                                         monkeypatch) -> None:
    monkeypatch.setattr(worker_module, "START_SECONDS", 0.2)
    monkeypatch.setattr(WorkerClient, "_start", lambda self: None)
    warm = client(schema, folder)
    assert not warm.check_bytes(BROKEN_RULE, "x.xml").valid
    assert "did not start" in warm.warnings[0]


def test_cli_uses_the_worker_unless_told_not_to(runner, schema: Path, folder: Path,
                                                tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder.parent))
    document = tmp_path / "a.xml"
    document.write_bytes(BROKEN_RULE)
    sockets = folder.parent / "teiedition"
    result = runner.invoke(cli, ["validate", "--no-worker", "--schema", str(schema),
                                 str(document)])
    assert result.exit_code == 1 and "[n-positive]" in result.output
    assert not sockets.exists()
    result = runner.invoke(cli, ["validate", "--worker", "--schema", str(schema),
                                 str(document)])
    assert result.exit_code == 1 and "[n-positive]" in result.output
    assert len(list(sockets.glob("*.sock"))) == 1
    assert stop_workers(sockets) == 1


def test_includes_are_read_from_the_documents_folder(schema: Path, folder: Path,
                                                     tmp_path: Path) -> None:
    part = tmp_path / "part.xml"
    part.write_text('<a xmlns="http://www.tei-c.org/ns/1.0">x</a>')
    document = tmp_path / "main.xml"
    document.write_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0" '
                         b'xmlns:xi="http://www.w3.org/2001/XInclude" n="1">'
                         b'<xi:include href="part.xml"/></TEI>')
    local = Validator([str(schema)], use_cache=False).check_bytes(document.read_bytes(),
                                                                  str(document))
    warm = client(schema, folder).check_bytes(document.read_bytes(), str(document))
    assert warm.valid and problems(warm) == problems(local)
    part.unlink()  # now the include fails, in the worker as in this process
    local = Validator([str(schema)], use_cache=False).check_bytes(document.read_bytes(),
                                                                  str(document))
    warm = client(schema, folder).check_bytes(document.read_bytes(), str(document))
    assert not warm.valid and problems(warm) == problems(local)


def test_a_batch_size_reaches_the_workers_validator(schema: Path, folder: Path,
                                                    monkeypatch) -> None:
    """validate says how many files follow (Validator.expect); the client passes it on with
    its next request only, and the worker tells its validator."""
    import socket
    heard: list[int] = []

    class Recording(Validator):
        def expect(self, count: int) -> None:
            heard.append(count)
            super().expect(count)

    validator = Recording([str(schema)], use_cache=False)
    for request in ({"path": "x.xml", "expect": 3}, {"path": "x.xml"},
                    {"path": "x.xml", "expect": "3"}):
        ours, theirs = socket.socketpair()
        with ours, theirs:
            worker_module._send(ours, request, VALID)
            assert worker_module._answer(theirs, validator)
            answer, _ = worker_module._receive(ours)
        assert answer["problems"] == []
    assert heard == [3]  # not when absent, nor when it is not a number

    warm = client(schema, folder)
    requests: list[dict] = []

    class Connection:
        def __enter__(self):
            return self

        def __exit__(self, *exc) -> bool:
            return False
    monkeypatch.setattr(warm, "_connect", Connection)
    monkeypatch.setattr(worker_module, "_send",
                        lambda conn, header, data=b"": requests.append(header))
    monkeypatch.setattr(worker_module, "_receive",
                        lambda conn: ({"problems": [], "seconds": 0.0}, b""))
    warm.expect(2)
    warm.check_bytes(VALID, "a.xml")
    warm.check_bytes(VALID, "b.xml")
    assert [r.get("expect") for r in requests] == [2, None]
