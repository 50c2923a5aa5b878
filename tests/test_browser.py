"""The HTML edition in a real browser (Debian's Chromium, headless, driven by Playwright),
offline; accessibility by axe-core; markup by the Nu HTML checker.

These tests need Chromium, Playwright and the npm tools of tests/browser/ (`.ci/run`
installs them). Where they are missing the tests are skipped, unless
TEIEDITION_REQUIRE_BROWSER=1 (set by `.ci/run`), which turns a missing tool into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from teiedition import Provenance, convert, read_register
from teiedition.render import html_pages

from conftest import SEED_TEXT, SEEDS

HERE = Path(__file__).resolve().parent
TOOLS = HERE / "browser" / "node_modules"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = HERE / "artifacts"
REQUIRED = os.environ.get("TEIEDITION_REQUIRE_BROWSER") == "1"


def need(condition: bool, what: str) -> None:
    if not condition:
        if REQUIRED:
            pytest.fail(f"{what} is missing (TEIEDITION_REQUIRE_BROWSER=1)")
        pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def edition(tmp_path_factory, seed_meta) -> Path:
    register = read_register((SEEDS / "register.xml").read_bytes(), path="register.xml")
    tree = convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta,
                   Provenance(SEED_TEXT.name, "2026-01-15", "0.1.0"), register=register).tree
    out = tmp_path_factory.mktemp("edition")
    for name, text in html_pages([("seed", tree)], access_date="2026-01-15").pages.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser():
    need(Path(CHROMIUM).exists(), "Chromium (/usr/bin/chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "Playwright for Python")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-gpu"])
        yield browser
        browser.close()


def guarded_page(browser, folder: Path | str):
    """A page that may load only the files of ``folder`` (or of a server's address): any
    other request (network or a file elsewhere) is refused and fails the test. (Chromium's
    offline emulation would also refuse the edition's own file:// stylesheet, so requests
    are routed instead.)"""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    outside: list[str] = []
    inside = folder if isinstance(folder, str) else folder.as_uri() + "/"

    def guard(route):
        if route.request.url.startswith(inside):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    context.route("**/*", guard)
    page = context.new_page()
    # A request of the edition's own files may be aborted by a navigation; only requests
    # that leave the folder count.
    page.on("requestfailed", lambda request: None if request.url.startswith(inside)
            else outside.append(request.url))
    yield page
    context.close()
    assert outside == [], f"the edition asked for resources outside its folder: {outside}"


@pytest.fixture
def page(browser, edition):
    yield from guarded_page(browser, edition)


def axe_serious(page) -> list:
    """The serious and critical WCAG 2.2 AA violations axe-core finds on the page."""
    axe = TOOLS / "axe-core" / "axe.min.js"
    need(axe.exists(), "axe-core (npm install in tests/browser)")
    page.add_script_tag(content=axe.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => await axe.run(document, {runOnly: {type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}})""")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def nu_errors(folder: Path) -> list:
    """The errors the Nu HTML checker finds in the folder's pages."""
    vnu = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    need(vnu.exists() and shutil.which("java") is not None, "vnu-jar and Java")
    pages = sorted(str(p) for p in folder.glob("*.html"))
    done = subprocess.run(["java", "-jar", str(vnu), "--format", "json", "--errors-only",
                           *pages], capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    return [(Path(m.get("url", "")).name, m.get("lastLine"), m.get("message"))
            for m in messages if m.get("type") == "error"]


def test_note_opens_in_place_and_name_leads_to_its_entry_and_back(page, edition) -> None:
    page.goto((edition / "seed.html").as_uri())
    popover = page.locator("#pop-n64")
    assert not popover.is_visible()
    page.locator("button[popovertarget='pop-n64']").click()
    assert popover.is_visible()
    assert "not in the source" in popover.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed-note-open.png"), full_page=True)
    page.keyboard.press("Escape")
    assert not popover.is_visible()

    page.locator("a.person", has_text="Zhou Enlai").first.click()
    page.wait_for_url("**/persons.html#zhou-enlai")
    entry = page.locator("#zhou-enlai")
    assert entry.is_visible() and "Zhou Enlai" in entry.inner_text()
    page.locator("#zhou-enlai .mentions a").first.click()
    page.wait_for_url("**/seed.html#p2")
    assert page.locator("#p2").is_visible()

    page.locator("a[role='doc-noteref']", has_text="65").click()
    page.wait_for_url("**/seed.html#n65")
    page.locator("#n65 a[role='doc-backlink']").click()
    page.wait_for_url("**/seed.html#ref-n65")


def test_popovers_are_reachable_by_keyboard(page, edition) -> None:
    page.goto((edition / "seed.html").as_uri())
    page.locator("button[popovertarget='pop-n63']").focus()
    page.keyboard.press("Enter")
    assert page.locator("#pop-n63").is_visible()


@pytest.mark.parametrize("name", ["seed.html", "index.html", "persons.html", "places.html",
                                  "organisations.html", "events.html"])
def test_no_serious_accessibility_violations(page, edition, name: str) -> None:
    page.goto((edition / name).as_uri())
    assert axe_serious(page) == []


def test_nu_html_checker_finds_no_errors(edition) -> None:
    assert nu_errors(edition) == []


# Real TEI from other projects (issue 13): the new pages, the reading switch.

REAL = ["wfc.css00489", "cranchjournal", "isic000781", "schnitzler-l01062", "vergil-eclogues",
        "moliere-medecin-volant", "gez-salam-laki", "testsimple4"]


@pytest.fixture(scope="module")
def real_edition(tmp_path_factory) -> Path:
    from teiedition.xmlparse import parse_tei
    from conftest import SHARED
    paths = [SHARED / "tei" / "corpus" / f"{name}.xml" for name in REAL]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/tei/corpus is not available")
    documents = [(p.stem, parse_tei(p.read_bytes(), path=str(p))) for p in paths]
    out = tmp_path_factory.mktemp("real")
    for name, text in html_pages(documents, access_date="2026-01-15").pages.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


@pytest.fixture
def real_page(browser, real_edition):
    yield from guarded_page(browser, real_edition)


def test_reading_switch_by_mouse_and_keyboard_kept_across_pages(real_page, real_edition) -> None:
    page = real_page
    page.goto((real_edition / "wfc.css00489.html").as_uri())
    normalised = page.locator("main .reading-normalised").first
    diplomatic = page.locator("main .reading-diplomatic").first
    assert normalised.is_visible() and not diplomatic.is_visible()
    page.get_by_label("Diplomatic").click()  # the mouse
    assert diplomatic.is_visible() and not normalised.is_visible()
    # The keyboard: arrow keys move between the two readings of the radio group.
    page.get_by_label("Diplomatic").focus()
    page.keyboard.press("ArrowLeft")
    assert page.get_by_label("Normalised").is_checked()
    assert normalised.is_visible() and not diplomatic.is_visible()
    page.keyboard.press("ArrowRight")
    assert page.get_by_label("Diplomatic").is_checked()
    # The choice is kept on the edition's other pages.
    page.goto((real_edition / "cranchjournal.html").as_uri())
    page.wait_for_load_state("load")
    assert page.get_by_label("Diplomatic").is_checked()
    assert page.locator("main .reading-diplomatic").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "cranch-diplomatic.png"))


@pytest.mark.parametrize("name", [f"{n}.html" for n in REAL] + ["index.html", "persons.html",
                                                                 "chronology.html"])
def test_real_pages_have_no_serious_accessibility_violations(real_page, real_edition,
                                                              name: str) -> None:
    real_page.goto((real_edition / name).as_uri())
    assert axe_serious(real_page) == []


def test_nu_html_checker_finds_no_errors_in_real_pages(real_edition) -> None:
    assert nu_errors(real_edition) == []


# The search (issue 17): Pagefind's index of the edition, served by teiedition serve.

@pytest.fixture(scope="module")
def served_edition(tmp_path_factory):
    import threading
    from teiedition.serve import make_server, server_url
    from teiedition.xmlparse import parse_tei
    from conftest import SHARED
    paths = [SHARED / "tei" / "corpus" / f"{name}.xml" for name in ("russia", "wfc.css00489")]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/tei/corpus is not available")
    register = read_register((SEEDS / "register.xml").read_bytes(), path="register.xml")
    from conftest import SEED_META
    from teiedition import parse_metadata
    meta = parse_metadata(SEED_META.read_text(encoding="utf-8"), path=str(SEED_META))
    seed = convert(SEED_TEXT.read_text(encoding="utf-8"), meta,
                   Provenance(SEED_TEXT.name, "2026-01-15", "0.1.0"), register=register).tree
    documents = [("seed", seed)] + [(p.stem, parse_tei(p.read_bytes(), path=str(p)))
                                    for p in paths]
    out = tmp_path_factory.mktemp("served")
    edition = html_pages(documents, access_date="2026-01-15", search=True)
    for name, text in edition.pages.items():
        (out / name).write_text(text, encoding="utf-8")
    for name, data in edition.files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    server = make_server(out)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server_url(server)
    server.shutdown()
    server.server_close()


@pytest.fixture
def web_page(browser, served_edition):
    yield from guarded_page(browser, served_edition)


def test_search_finds_a_word_in_a_note_and_a_person_and_filters_narrow(web_page,
                                                                      served_edition) -> None:
    page = web_page
    # A word of a note of the Buffalo Bill letter: the result leads to the note itself.
    page.goto(served_edition + "search.html?q=Dayton")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(h.startswith("/wfc.css00489.html#") for h in hrefs), hrefs
    # A person, then the person filter narrows the results to the paragraphs naming him.
    page.goto(served_edition + "search.html?q=Zhou")
    results.first.wait_for(timeout=15000)
    before = results.count()
    assert before >= 1
    page.locator(".pagefind-ui__filter-name", has_text="person").click()
    page.locator(".pagefind-ui__filter-label", has_text="Zhou Enlai").first.click()
    page.wait_for_timeout(1000)
    after = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert after and all(h.startswith("/seed.html#p") for h in after)
    assert len(after) <= before


def test_search_from_the_box_of_a_page_by_keyboard_only(web_page, served_edition) -> None:
    page = web_page
    page.goto(served_edition + "russia.html")
    page.keyboard.press("Tab")
    for _ in range(40):  # through the navigation to the search box
        if page.evaluate("document.activeElement.id") == "edition-search-box":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "edition-search-box"
    page.keyboard.type("Litvinov")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=Litvinov")
    link = page.locator(".pagefind-ui__result-link").first
    link.wait_for(timeout=15000)
    assert link.get_attribute("href").startswith("/russia.html#")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/russia.html#*")


def test_search_page_from_the_disk_says_how_to_serve(browser, tmp_path) -> None:
    pages = html_pages([("seed", convert(SEED_TEXT.read_text(encoding="utf-8"),
                                         _seed_meta(), Provenance(SEED_TEXT.name, "2026-01-15",
                                                                  "0.1.0")).tree)],
                       search=True).pages
    (tmp_path / "search.html").write_text(pages["search.html"], encoding="utf-8")
    (tmp_path / "edition.js").write_text(pages["edition.js"], encoding="utf-8")
    for page in guarded_page(browser, tmp_path):
        page.goto((tmp_path / "search.html").as_uri())
        assert "teiedition serve" in page.locator("#search").inner_text()


def _seed_meta():
    from conftest import SEED_META
    from teiedition import parse_metadata
    return parse_metadata(SEED_META.read_text(encoding="utf-8"), path=str(SEED_META))


def test_search_page_has_no_serious_accessibility_violations(web_page, served_edition) -> None:
    web_page.goto(served_edition + "search.html?q=Moscow")
    web_page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    assert axe_serious(web_page) == []
