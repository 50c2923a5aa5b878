"""Shared fixtures: the seed edition, the shared reference data, a CLI runner."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

# The tests that press Ctrl-C on a command (test_build, test_serve) need the command to hear
# SIGINT. A test run started in the background of a script (`nohup ... &`) ignores SIGINT,
# and the commands it starts would inherit that and run on; with a handler here, they
# start with the default (a caught signal is reset when a program is executed).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CASES = Path(__file__).resolve().parent / "cases"
SHARED = ROOT.parent / "shared"
SEED_TEXT = SEEDS / "westad-1998-chen-yang-golden-age.txt"
SEED_META = SEED_TEXT.with_suffix(".toml")
FIXED_DATE = "2026-01-15"


@pytest.fixture(scope="session", autouse=True)
def cache_home(tmp_path_factory):
    """Every test (and every process a test starts) keeps its schema cache in a temporary
    folder, never in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("cache-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        # `validate` checks files in a warm worker process unless CI is set; a test run is
        # one-shot like a CI job (tests/test_worker.py asks for workers explicitly).
        patch.setenv("CI", "true")
        patch.delenv("XDG_RUNTIME_DIR", raising=False)
        yield folder


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_meta():
    from teiedition import parse_metadata
    return parse_metadata(SEED_META.read_text(encoding="utf-8"), path=str(SEED_META))


@pytest.fixture(scope="session")
def provenance():
    from teiedition import Provenance
    return Provenance("test.txt", FIXED_DATE, "0.1.0")


def shared_path(*parts: str) -> Path:
    """A file of ../shared/, or skip when the reference data is not beside the project."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def tei_all():
    """tei_all.rng with its embedded Schematron, compiled once for the whole test run."""
    from teiedition.validate import Validator
    return Validator([str(shared_path("tei", "tei_all.rng"))])


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite the golden files from the current output (review the diff).")


@pytest.fixture
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))
