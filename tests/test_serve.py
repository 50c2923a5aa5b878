"""`teiedition serve`: the HTML edition over HTTP, only its folder, stopped by Ctrl-C."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from teiedition.errors import InputError
from teiedition.serve import make_server, server_url

SECRET = "the secret beside the edition"


@pytest.fixture
def output(tmp_path: Path) -> Path:
    """An output folder: html/ with pages, a style sheet, a script, a folder without an
    index, a hidden file and a link out; a secret file outside html/."""
    html = tmp_path / "output" / "html"
    (html / "media").mkdir(parents=True)
    (html / "index.html").write_text("<!DOCTYPE html><title>Home</title>", encoding="utf-8")
    (html / "edition.css").write_text("body { margin: 0 }", encoding="utf-8")
    (html / "edition.js").write_text("document.title;", encoding="utf-8")
    (html / "media" / "figure.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>",
                                               encoding="utf-8")
    (html / ".index.html.x1.tmp").write_text(SECRET, encoding="utf-8")
    (tmp_path / "output" / "build.json").write_text(SECRET, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (html / "link.txt").symlink_to(tmp_path / "secret.txt")
    (html / "linked").symlink_to(tmp_path, target_is_directory=True)
    return tmp_path / "output"


@pytest.fixture
def server(output: Path):
    server = make_server(output / "html")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def raw_get(server, path: str, method: str = "GET") -> tuple[int, str, str]:
    """Send ``path`` as it is (urllib would tidy ``..`` away)."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), \
            response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_it_binds_to_loopback_on_a_free_port(server) -> None:
    host, port = server.server_address[:2]
    assert host == "127.0.0.1" and port > 0
    assert server_url(server) == f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize("path, content_type, text", [
    ("/", "text/html; charset=utf-8", "<title>Home</title>"),
    ("/index.html", "text/html; charset=utf-8", "<title>Home</title>"),
    ("/edition.css", "text/css; charset=utf-8", "margin"),
    ("/edition.js", "text/javascript; charset=utf-8", "document.title"),
    ("/media/figure.svg", "image/svg+xml", "<svg"),
    ("/index.html?q=x#p1", "text/html; charset=utf-8", "<title>Home</title>"),
])
def test_the_edition_s_files_are_served_with_their_types(server, path, content_type,
                                                          text) -> None:
    with urllib.request.urlopen(server_url(server) + path.lstrip("/"), timeout=5) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == content_type
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert text in response.read().decode("utf-8")


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/../output/build.json", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
    "/..%2fsecret.txt", "/media/../../secret.txt", "/media/%2e%2e/%2e%2e/secret.txt",
    "//..//..//secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
    "/link.txt", "/linked/secret.txt", "/.index.html.x1.tmp",
    "/" + str(Path("/etc/passwd")).lstrip("/"), "/%00", "/index.html%00.txt",
    "/" + "a" * 5000,
])
def test_nothing_outside_the_folder_is_served(server, path) -> None:
    status, _, body = raw_get(server, path)
    assert status == 404, (path, status)
    assert SECRET not in body and "root:" not in body


@pytest.mark.parametrize("path", ["/media/", "/media", "/linked/"])
def test_no_folder_is_listed(server, path) -> None:
    status, _, body = raw_get(server, path)
    assert status in (301, 404)
    assert "figure.svg" not in body and "secret" not in body


def test_only_reading_is_allowed(server) -> None:
    status, _, _ = raw_get(server, "/index.html", method="POST")
    assert status == 501


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder to serve"):
        make_server(tmp_path / "output" / "html")


def test_a_port_in_use_is_an_input_error(server, output: Path) -> None:
    with pytest.raises(InputError, match="cannot listen"):
        make_server(output / "html", port=server.server_address[1])


def start(output: Path, *args: str, env: dict[str, str] | None = None) -> tuple[
        subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "teiedition", "serve", str(output),
                                *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    line = process.stdout.readline()
    assert line.startswith("Serving "), line + process.stderr.read()
    return process, line.split(" at ")[1].split()[0]


def test_the_command_serves_until_ctrl_c(output: Path) -> None:
    process, url = start(output, "--quiet")
    try:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=5) as response:
            assert b"<title>Home</title>" in response.read()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + "..%2fbuild.json", timeout=5)
        assert refused.value.code == 404
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "stopped" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)


def test_open_starts_the_browser_at_the_address(output: Path, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > "{opened}"\n', encoding="utf-8")
    browser.chmod(0o755)
    env = {**os.environ, "BROWSER": f"{browser} %s"}
    process, url = start(output, "--open", "--quiet", env=env)
    try:
        for _ in range(100):
            if opened.exists() and opened.read_text(encoding="utf-8").strip():
                break
            time.sleep(0.05)
        assert opened.read_text(encoding="utf-8").strip() == url
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


def test_requests_are_logged_unless_quiet(output: Path) -> None:
    process, url = start(output)
    try:
        urllib.request.urlopen(url + "edition.css", timeout=5).close()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
    assert '"GET /edition.css HTTP/1.1" 200' in process.stderr.read()
