"""`teiedition build`: the whole edition, incremental, hand-edit safe, parallel, interruptible."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree, html

from teiedition.workflow import BuildInterrupted, BuildOptions, build
from teiedition.cli import cli
from teiedition.xmlparse import parse_tei

from conftest import SEED_META, SEED_TEXT, SEEDS

DATE = "2026-01-15"
TEI = "{http://www.tei-c.org/ns/1.0}"


def make_edition(folder: Path, names: list[str]) -> Path:
    """An edition of copies of the seed page, each with its own title."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEEDS / "register.xml", folder / "register.xml")
    meta = SEED_META.read_text(encoding="utf-8")
    for name in names:
        shutil.copy(SEED_TEXT, folder / f"{name}.txt")
        (folder / f"{name}.toml").write_text(
            meta.replace('title = "The Golden Age', f'title = "{name.title()}: The Golden Age'),
            encoding="utf-8")
    return folder


def options(**kwargs) -> BuildOptions:
    return BuildOptions(date=DATE, **kwargs)


def files_of(out: Path) -> dict[str, bytes]:
    """Every output file but the report (which holds times)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "build.json"}


def statuses(report) -> dict[str, dict[str, str]]:
    return {d.stem: {s.name: s.status for s in d.steps} for d in report.documents}


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    return make_edition(tmp_path / "edition", ["alpha", "beta", "gamma"])


def test_the_seed_edition_builds_everything(tmp_path: Path, runner) -> None:
    out = tmp_path / "output"
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(out), "--date", DATE])
    assert result.exit_code == 0, result.output
    stem = SEED_TEXT.stem
    assert (out / "tei" / f"{stem}.xml").is_file()
    for page in (f"{stem}.html", "index.html", "persons.html", "places.html",
                 "organisations.html", "events.html", "chronology.html", "edition.css",
                 "edition.js"):
        assert (out / "html" / page).is_file(), page
    assert (out / "pdf" / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
    home = html.document_fromstring((out / "html" / "index.html").read_text(encoding="utf-8"))
    assert home.xpath(f"//a[@href='{stem}.html']")
    assert "5 paragraphs, 5 notes, 36 names, 3 dates" in home.text_content()
    report = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert report["status"] == "ok"
    [doc] = report["documents"]
    assert [(s["step"], s["status"]) for s in doc["steps"]] == [
        ("convert", "done"), ("validate", "done"), ("html", "done"), ("pdf", "done")]
    assert all(isinstance(s["seconds"], float) for s in doc["steps"])
    assert "1 document: 1 ok" in result.output


def test_nothing_changed_nothing_redone(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(edition, out, options())
    before = files_of(out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    report = build(edition, out, options())
    assert report.ok
    assert {s for steps in statuses(report).values() for s in steps.values()} == {"up-to-date"}
    assert [s.status for s in report.edition_steps] == ["up-to-date"]
    assert files_of(out) == before
    assert all(p.stat().st_mtime_ns == t for p, t in mtimes.items() if p.name != "build.json")


def test_timestamps_do_not_matter_contents_do(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(edition, out, options())
    os.utime(edition / "beta.txt", (0, 0))  # touched, not changed
    assert statuses(build(edition, out, options()))["beta"]["convert"] == "up-to-date"
    with (edition / "beta.txt").open("a", encoding="utf-8") as handle:
        handle.write("|\nA new paragraph about Stalin in 1953.\n")
    report = build(edition, out, options())
    assert statuses(report) == {
        "alpha": dict.fromkeys(["convert", "validate", "html", "pdf"], "up-to-date"),
        "beta": dict.fromkeys(["convert", "validate", "html", "pdf"], "done"),
        "gamma": dict.fromkeys(["convert", "validate", "html", "pdf"], "up-to-date")}
    assert [s.status for s in report.edition_steps] == ["done"]
    assert "A new paragraph about" in (out / "html" / "beta.html").read_text(encoding="utf-8")


def test_a_changed_register_reconverts_what_uses_it(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(edition, out, options())
    register = (edition / "register.xml").read_text(encoding="utf-8")
    (edition / "register.xml").write_text(
        register.replace("<persName>Zhou Enlai</persName>",
                         "<persName>Zhou Enlai</persName>\n<persName type=\"variant\">"
                         "Chou En-lai</persName>", 1), encoding="utf-8")
    report = build(edition, out, options())
    assert {steps["convert"] for steps in statuses(report).values()} == {"done"}
    assert "Chou En-lai" in (out / "tei" / "alpha.xml").read_text(encoding="utf-8")


def test_a_stylesheet_change_rerenders_everything(edition, tmp_path, monkeypatch) -> None:
    from teiedition.workflow import edition as edition_module
    out = tmp_path / "out"
    build(edition, out, options())
    prints = edition_module.fingerprints()
    monkeypatch.setattr(edition_module, "fingerprints", lambda: type(prints)(
        prints.code, "changed", prints.schema))
    from teiedition.workflow import document, whole
    monkeypatch.setattr(document, "fingerprints", edition_module.fingerprints)
    monkeypatch.setattr(whole, "fingerprints", edition_module.fingerprints)
    report = build(edition, out, options())
    for steps in statuses(report).values():
        assert steps == {"convert": "up-to-date", "validate": "up-to-date", "html": "done",
                         "pdf": "done"}


def test_a_deleted_or_altered_output_is_made_again(edition: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(edition, out, options())
    good = (out / "pdf" / "gamma.pdf").read_bytes()
    (out / "pdf" / "gamma.pdf").write_bytes(b"%PDF-1.7 truncated")
    (out / "html" / "persons.html").unlink()
    report = build(edition, out, options())
    assert statuses(report)["gamma"]["pdf"] == "done"
    assert (out / "pdf" / "gamma.pdf").read_bytes() == good
    assert (out / "html" / "persons.html").is_file()


def test_a_hand_edited_tei_file_is_never_overwritten(edition: Path, tmp_path: Path,
                                                     runner) -> None:
    out = tmp_path / "out"
    build(edition, out, options())
    tei = out / "tei" / "alpha.xml"
    edited = tei.read_text(encoding="utf-8").replace("timely and firm support",
                                                     "timely and firm support (sic)")
    tei.write_text(edited, encoding="utf-8")
    with (edition / "alpha.txt").open("a", encoding="utf-8") as handle:
        handle.write("|\nThe source changed too.\n")
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--date", DATE])
    assert result.exit_code == 0, result.output
    assert tei.read_text(encoding="utf-8") == edited
    assert "edited by hand" in result.output and "--reconvert" in result.output
    # The editor's corrections are what gets published.
    assert "(sic)" in (out / "html" / "alpha.html").read_text(encoding="utf-8")
    report = json.loads((out / "build.json").read_text(encoding="utf-8"))
    alpha = next(d for d in report["documents"] if d["name"] == "alpha")
    assert alpha["steps"][0]["status"] == "kept"

    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--date", DATE,
                                 "--reconvert"])
    assert result.exit_code == 0, result.output
    assert "The source changed too." in tei.read_text(encoding="utf-8")
    [backup] = (out / "backup").glob("alpha.*.xml")
    assert backup.read_text(encoding="utf-8") == edited


def test_a_tei_file_from_elsewhere_is_kept_and_built(edition: Path, tmp_path: Path) -> None:
    """A TEI file in tei/ the build did not write: one for a text (made with `convert`
    on another day) is kept; one without a text (added by hand) is built like the rest."""
    out = tmp_path / "out"
    (out / "tei").mkdir(parents=True)
    converted = build(make_edition(tmp_path / "other", ["alpha"]), tmp_path / "elsewhere",
                      BuildOptions(date="2025-05-05"))
    assert converted.ok
    own = (tmp_path / "elsewhere" / "tei" / "alpha.xml").read_bytes()
    (out / "tei" / "alpha.xml").write_bytes(own)
    (out / "tei" / "added.xml").write_bytes(own.replace(b"Alpha: The Golden Age",
                                                        b"Added: The Golden Age"))
    report = build(edition, out, options())
    assert report.ok, report.problems
    assert statuses(report)["alpha"]["convert"] == "kept"
    assert (out / "tei" / "alpha.xml").read_bytes() == own
    assert statuses(report)["added"] == {"validate": "done", "html": "done", "pdf": "done"}
    assert (out / "pdf" / "added.pdf").is_file()
    home = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert "Added: The Golden Age" in home and "Gamma: The Golden Age" in home


def test_an_invalid_file_stops_only_itself(edition: Path, tmp_path: Path, runner) -> None:
    out = tmp_path / "out"
    build(edition, out, options())
    tei = out / "tei" / "beta.xml"
    broken = tei.read_text(encoding="utf-8").replace('<note xml:id="n64"', '<note xml:id="n63"')
    tei.write_text(broken, encoding="utf-8")
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--date", DATE])
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if 'xml:id="n63"' in text
                and i > next(j for j, t in enumerate(broken.splitlines(), 1) if 'xml:id="n63"' in t))
    assert f"{tei}:{line}:" in result.output and "[xml-id-unique]" in result.output
    # Its earlier outputs are gone (they no longer show the file); the others are built.
    assert not (out / "html" / "beta.html").exists() and not (out / "pdf" / "beta.pdf").exists()
    assert (out / "html" / "alpha.html").is_file() and (out / "pdf" / "gamma.pdf").is_file()
    home = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert "beta.html" not in home and "alpha.html" in home
    report = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert report["status"] == "failed"
    beta = next(d for d in report["documents"] if d["name"] == "beta")
    assert beta["status"] == "invalid"
    assert beta["problems"][0]["rule"] == "xml-id-unique"


def test_a_text_that_cannot_be_converted_fails_alone(edition: Path, tmp_path: Path,
                                                     runner) -> None:
    # 0xFF alone: not UTF-8 (0xFF 0xFE would be the byte-order mark of a UTF-16 file).
    (edition / "broken.txt").write_bytes(b"\xff not utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--date", DATE])
    assert result.exit_code == 1
    assert f"{edition / 'broken.txt'}:1:1: error: not UTF-8" in result.output
    assert (out / "pdf" / "alpha.pdf").is_file() and not (out / "tei" / "broken.xml").exists()


def test_a_broken_register_stops_the_build_before_any_work(edition, tmp_path, runner) -> None:
    (edition / "register.xml").write_text("<listPerson>", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(edition), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "register.xml" in result.output
    assert not (tmp_path / "out" / "tei").exists()


def test_a_parity_failure_is_reported_like_a_validation_error(edition, tmp_path,
                                                              monkeypatch) -> None:
    from teiedition.workflow import document
    from teiedition.render import HtmlEdition, html_text_page

    def drops_a_name(stem, tree, **kwargs):
        page = html_text_page(stem, tree, **kwargs)
        name = f"{stem}.html"
        return HtmlEdition({name: page.pages[name].replace(
            'class="name person" href="persons.html#zhou-enlai"', 'href="#"', 1)}, ())

    monkeypatch.setattr(document, "html_text_page", drops_a_name)
    report = build(edition, tmp_path / "out", options(pdf=False))
    assert not report.ok
    problems = [p for p in report.problems if p.problem.rule == "parity-html"]
    assert len(problems) == 3  # one per document
    problem = problems[0].problem
    assert problem.message == "person name of #zhou-enlai: 2 in the TEI, 1 in the HTML"
    tei = etree.parse(str(tmp_path / "out" / "tei" / "alpha.xml"))
    zhou = tei.find(f".//{TEI}text//{TEI}persName[@ref='#zhou-enlai']")
    assert problem.line is not None and problem.line >= zhou.sourceline


def test_a_removed_text_takes_its_pages_but_not_its_tei(edition, tmp_path) -> None:
    out = tmp_path / "out"
    build(edition, out, options())
    (edition / "gamma.txt").unlink()
    (out / "tei" / "gamma.xml").rename(tmp_path / "gamma-archived.xml")
    report = build(edition, out, options())
    assert [d.stem for d in report.documents] == ["alpha", "beta"]
    assert not (out / "html" / "gamma.html").exists() and not (out / "pdf" / "gamma.pdf").exists()
    assert "gamma.html" not in (out / "html" / "index.html").read_text(encoding="utf-8")


def test_the_whole_edition_as_one_book(edition: Path, tmp_path: Path) -> None:
    import io
    from pypdf import PdfReader
    out = tmp_path / "out"
    report = build(edition, out, options(edition_pdf=True))
    assert report.ok, report.problems
    reader = PdfReader(io.BytesIO((out / "edition.pdf").read_bytes()))
    titles = [item["/Title"] for item in reader.outline if isinstance(item, dict)]
    assert titles == ["Alpha: The Golden Age of the Sino-Soviet Alliance, 1954-1955 (excerpt)",
                      "Beta: The Golden Age of the Sino-Soviet Alliance, 1954-1955 (excerpt)",
                      "Gamma: The Golden Age of the Sino-Soviet Alliance, 1954-1955 (excerpt)",
                      "Index"]
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.count("Beijing provided Moscow with timely") == 3


def test_a_long_text_is_printed_in_volumes(tmp_path: Path, monkeypatch) -> None:
    """Above VOLUME_WORDS a text's PDF comes in volumes (Typst keeps the memory of a whole
    compilation until its process ends); paragraph numbers go on, every name and note is
    in one of them (tests/test_pdf.py), and the single PDF of an earlier build goes."""
    import io
    from pypdf import PdfReader
    from teiedition.render import typeset
    edition = make_edition(tmp_path / "edition", ["long"])
    out = tmp_path / "out"
    assert build(edition, out, options()).ok
    assert (out / "pdf" / "long.pdf").is_file()
    monkeypatch.setattr(typeset, "VOLUME_WORDS", 200)
    (edition / "long.txt").write_text(SEED_TEXT.read_text(encoding="utf-8") + "|\nMore.\n",
                                      encoding="utf-8")
    report = build(edition, out, options())
    assert report.ok, report.problems
    volumes = sorted((out / "pdf").glob("long.vol-*.pdf"))
    assert [v.name for v in volumes] == [f"long.vol-{n}.pdf" for n in range(1, 5)]
    assert not (out / "pdf" / "long.pdf").exists()
    for number, volume in enumerate(volumes, 1):
        reader = PdfReader(io.BytesIO(volume.read_bytes()))
        assert f"Volume {number} of 4" in reader.pages[0].extract_text()


def test_parallel_builds_are_byte_identical_to_serial_ones(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "edition", [f"text-{i}" for i in range(5)])
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert build(edition, serial, options(jobs=1, edition_pdf=True)).ok
    assert build(edition, parallel, options(jobs=2, edition_pdf=True)).ok
    assert files_of(serial) == files_of(parallel)
    assert len(files_of(serial)) == 5 * 3 + 8 + 1


def test_interrupted_build_leaves_no_half_file_and_resumes(tmp_path: Path) -> None:
    edition = make_edition(tmp_path / "edition", [f"text-{i:02d}" for i in range(24)])
    out = tmp_path / "out"
    command = [sys.executable, "-m", "teiedition", "build", str(edition), "-o", str(out),
               "--date", DATE, "--jobs", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, env={**os.environ, "CI": "1"})
    assert process.stderr is not None
    first = process.stderr.readline()
    assert first.startswith("[1/24]"), first
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group
    rest = process.stderr.read()
    assert process.wait(timeout=120) == 130, rest
    assert "interrupted" in rest
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    report = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert report["status"] == "interrupted"
    finished = {d["name"] for d in report["documents"] if d["status"] == "ok"}
    assert 1 <= len(finished) < 24
    for path in out.rglob("*.xml"):
        parse_tei(path.read_bytes(), path=str(path))  # every file written is whole
    for path in out.rglob("*.pdf"):
        assert path.read_bytes().rstrip().endswith(b"%%EOF")
    for name in finished:
        assert (out / "pdf" / f"{name}.pdf").is_file()

    resumed = build(edition, out, options())
    assert resumed.ok
    done = {d.stem for d in resumed.documents if d.steps[0].status == "done"}
    assert not done & finished  # finished documents are not redone
    clean = tmp_path / "clean"
    build(edition, clean, options())
    assert files_of(out) == files_of(clean)


def test_interruption_in_the_library_is_recorded(edition, tmp_path, monkeypatch) -> None:
    from teiedition.workflow import document
    real = document.pdf_volumes
    calls = []

    def stops_at_the_second(tree, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(tree, **kwargs)

    monkeypatch.setattr(document, "pdf_volumes", stops_at_the_second)
    out = tmp_path / "out"
    with pytest.raises(BuildInterrupted) as err:
        build(edition, out, options())
    assert err.value.exit_code == 130
    report = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert [d["name"] for d in report["documents"]] == ["alpha"]
    monkeypatch.setattr(document, "pdf_volumes", real)
    resumed = build(edition, out, options())
    assert statuses(resumed)["alpha"]["pdf"] == "up-to-date"
    assert statuses(resumed)["beta"]["convert"] == "up-to-date"  # adopted: written, not recorded


def test_progress_lines_and_quiet(edition: Path, tmp_path: Path, runner) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--date", DATE, "-v"])
    assert result.exit_code == 0
    assert "[1/3] alpha: ok (convert done, validate done, html done, pdf done)" in result.output
    assert "    pdf: done" in result.output
    quiet = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--date", DATE, "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_missing_edition_folder(tmp_path: Path, runner) -> None:
    result = runner.invoke(cli, ["build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no such edition folder" in result.output


def test_time_stays_out_of_the_outputs(edition: Path, tmp_path: Path) -> None:
    """Two builds at different moments give the same files (the date is the option's)."""
    first, second = tmp_path / "one", tmp_path / "two"
    build(edition, first, options(pdf=False))
    time.sleep(1.1)
    build(edition, second, options(pdf=False))
    assert files_of(first) == files_of(second)


def test_an_unreadable_tei_file_fails_alone(edition, tmp_path, monkeypatch) -> None:
    from teiedition.workflow import document
    from teiedition.errors import InputError
    real = document.read_bytes

    def refuses_beta(path, *, what="file"):
        if path.name == "beta.xml":
            raise InputError(f"permission denied: cannot read the {what}", path=str(path))
        return real(path, what=what)

    monkeypatch.setattr(document, "read_bytes", refuses_beta)
    report = build(edition, tmp_path / "out", options(pdf=False))
    assert statuses(report)["beta"] == {"convert": "done", "validate": "failed",
                                        "html": "not-run", "pdf": "not-run"}
    assert [p.problem.message for p in report.problems] == [
        "permission denied: cannot read the TEI file"]
    assert statuses(report)["alpha"]["html"] == "done"


def test_tei_from_another_project_is_built_against_the_schema_it_was_written_for(tmp_path):
    """A TEI file from another project fails the project's schema (it was not written for
    it) and is then not rendered; with --schema tei_all.rng it is validated against the
    TEI's own schema and rendered whole (issue 13)."""
    from conftest import SHARED
    letter = SHARED / "tei" / "corpus" / "russia.xml"
    tei_all = SHARED / "tei" / "tei_all.rng"
    if not letter.exists() or not tei_all.exists():
        pytest.skip("../shared is not available")
    edition = make_edition(tmp_path / "edition", [])
    out = tmp_path / "out"
    (out / "tei").mkdir(parents=True)
    shutil.copy(letter, out / "tei" / "russia.xml")
    report = build(edition, out, options(pdf=False))
    assert not report.ok and not (out / "html" / "russia.html").exists()
    report = build(edition, out, options(pdf=False, schemas=(str(tei_all),)))
    assert report.ok, [p.problem.message for p in report.problems][:3]
    page = html.document_fromstring((out / "html" / "russia.html").read_text(encoding="utf-8"))
    assert "Dissolution of the Soviet Union" in page.text_content()
    # Nothing changed, the schema neither: nothing is redone.
    again = build(edition, out, options(pdf=False, schemas=(str(tei_all),)))
    assert {s.status for d in again.documents for s in d.steps} == {"up-to-date"}


def test_with_no_schema_every_well_formed_file_is_rendered(tmp_path, runner):
    """--schema none: TEI whose schema the editor does not have (a real letter that fails
    tei_all) is rendered unvalidated; a file that is not well-formed still fails, with the
    parser's message; none cannot be combined with a schema."""
    from conftest import SHARED
    from teiedition.cli import cli
    letter = SHARED / "tei" / "corpus" / "schnitzler-l01516.xml"
    if not letter.exists():
        pytest.skip("../shared is not available")
    edition = make_edition(tmp_path / "edition", [])
    out = tmp_path / "out"
    (out / "tei").mkdir(parents=True)
    shutil.copy(letter, out / "tei" / "letter.xml")
    (out / "tei" / "broken.xml").write_text("<TEI><text>", encoding="utf-8")
    report = build(edition, out, options(pdf=False, schemas=("none",)))
    states = statuses(report)
    assert states["letter"] == {"validate": "skipped", "html": "done"}
    assert states["broken"]["validate"] == "failed" and states["broken"]["html"] == "not-run"
    assert (out / "html" / "letter.html").exists() and (out / "html" / "index.html").exists()
    again = build(edition, out, options(pdf=False, schemas=("none",)))
    assert statuses(again)["letter"] == {"validate": "skipped", "html": "up-to-date"}
    done = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--schema", "none",
                                "--schema", "project", "--no-pdf"])
    assert done.exit_code == 2 and "cannot be combined" in done.output


def test_a_tei_file_with_an_include_is_built_with_it_and_again_when_it_changes(tmp_path):
    """xi:include is resolved from the TEI file's folder as validators do (issue 16), for
    the outputs too (issue 13), and an included file is part of the document's
    fingerprint."""
    edition = make_edition(tmp_path / "edition", [])
    out = tmp_path / "out"
    (out / "tei").mkdir(parents=True)
    header = SEEDS.parent / "tests" / "cases" / "schema" / "valid-everything.001.xml"
    tree = etree.parse(str(header))
    body = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    for child in list(body):
        body.remove(child)
    include = etree.SubElement(body, "{http://www.w3.org/2001/XInclude}include", href="part.xml")
    include.tail = None
    tree.write(str(out / "tei" / "with-part.xml"), encoding="UTF-8", xml_declaration=True)
    part = out / "tei" / "part.xml"
    part.write_text('<div xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1"><p xml:id="pp1">'
                    'Included words.</p></div>', encoding="utf-8")
    build(edition, out, options(pdf=False))
    page = out / "html" / "with-part.html"
    if not page.exists():
        pytest.skip("the edge-case header does not make a valid document with this body")
    assert "Included words." in page.read_text(encoding="utf-8")
    part.write_text(part.read_text(encoding="utf-8").replace("Included", "Changed"),
                    encoding="utf-8")
    build(edition, out, options(pdf=False))
    assert "Changed words." in page.read_text(encoding="utf-8")


def test_the_edition_pages_take_the_documents_one_at_a_time() -> None:
    """The edition pages of real TEI files handed over one at a time (each tree emptied
    as soon as the next is asked for, as a build drops it) are those of the whole corpus
    held at once, as the edition pages were made before (issue 18: the client's memory)."""
    from conftest import SHARED
    from teiedition.render import html_edition_pages
    from teiedition.render.corpus import corpus
    from teiedition.xslt import bundled

    files = [SHARED / "tei" / "corpus" / name for name in (
        "russia.xml", "schnitzler-l01062.xml", "schnitzler-l01516.xml", "cicero-041.xml",
        "gez-salam-laki.xml")]
    held = [(path.stem, parse_tei(path.read_bytes(), path=str(path))) for path in files]
    whole = html_edition_pages(held, parsed=bundled("html").parse(corpus(held, ".html"), "html"))

    def one_at_a_time():
        for path in files:
            tree = parse_tei(path.read_bytes(), path=str(path))
            yield path.stem, tree
            tree.getroot().clear()  # a tree still needed after the next was asked for

    streamed = html_edition_pages(one_at_a_time())
    assert streamed.pages == whole.pages and streamed.messages == whole.messages
    assert "schnitzler-l01516.html" in streamed.pages["index.html"]
