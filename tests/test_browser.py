"""The built report in a real browser (Debian's headless Chromium, driven by Playwright; nothing is downloaded).

Opened from file://, as a recipient opens an e-mailed report: no request leaves file://, no console
error, every image loads, every link between pages resolves, and the malicious article's markup is
shown as text and opens no dialog.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import MALICIOUS_MARKUP, BuiltReport

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


@dataclass
class Visit:
    """What happened while a page was open."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, url: str):
    """A page at `url` with every request, console error, page error and dialog recorded; the network is cut off."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    visit = Visit()

    def route(route_, request):
        if request.url.startswith(("file://", "data:")):
            route_.continue_()
        else:
            visit.blocked.append(request.url)
            route_.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda msg: visit.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: visit.page_errors.append(str(err)))

    def on_dialog(dialog):
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)
    return context, page, visit


def file_of(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def test_every_page_stays_offline_loads_its_images_and_logs_no_error(browser, built_report: BuiltReport):
    pages = built_report.html_pages()
    assert len(pages) >= 3
    for path in pages:
        context, page, visit = open_page(browser, path.as_uri())
        try:
            assert [u for u in visit.requests if not u.startswith(("file://", "data:"))] == [], path.name
            assert visit.blocked == [], path.name
            assert visit.console_errors == [] and visit.page_errors == [], path.name
            assert visit.dialogs == [], path.name
            images = page.evaluate(
                "Array.from(document.images).map(i => [i.currentSrc.slice(0, 60), i.complete, i.naturalWidth, i.naturalHeight])")
            assert images, f"{path.name} shows no image"
            for src, complete, width, height in images:
                assert complete and width > 0 and height > 0, (path.name, src)
        finally:
            context.close()


def test_every_link_between_pages_resolves(browser, built_report: BuiltReport):
    for path in built_report.html_pages():
        context, page, _visit = open_page(browser, path.as_uri())
        try:
            links = page.eval_on_selector_all("a[href]", "els => els.map(a => [a.getAttribute('href'), a.href])")
            assert links, path.name
            for raw, absolute in links:
                if absolute.startswith(("http://", "https://")):
                    continue  # a source's address shown as a link is the reader's choice, not a load
                assert absolute.startswith("file://"), (path.name, raw)
                target = file_of(absolute)
                assert target.is_file(), (path.name, raw)
                fragment = urlparse(absolute).fragment
                if fragment and target == path:
                    assert page.evaluate("id => document.getElementById(id) !== null", unquote(fragment)), (path.name, raw)
            for raw, absolute in links:
                if absolute.endswith(".html"):
                    response = page.goto(absolute)
                    assert response is None or response.ok, (path.name, raw)
                    assert page.locator("nav.pt-nav").count() == 1, raw
        finally:
            context.close()


def test_malicious_article_shows_its_markup_as_text_and_runs_nothing(browser, built_report: BuiltReport):
    seen = ""
    for path in built_report.html_pages():
        context, page, visit = open_page(browser, path.as_uri())
        try:
            assert visit.dialogs == [] and visit.page_errors == [], path.name
            assert page.evaluate("document.scripts.length") == 0, path.name
            assert page.evaluate("document.querySelectorAll('img[src=\"x\"], [onerror]').length") == 0, path.name
            seen += page.inner_text("body")
        finally:
            context.close()
    for markup in MALICIOUS_MARKUP:
        assert markup in seen  # shown to the reader as text


def test_screenshot_of_the_index_page(browser, built_report: BuiltReport, tmp_path_factory):
    shot = tmp_path_factory.mktemp("screenshots") / "index.png"
    context, page, _visit = open_page(browser, (built_report.out / "index.html").as_uri())
    try:
        page.screenshot(path=str(shot), full_page=True)
    finally:
        context.close()
    assert shot.stat().st_size > 20_000
    print(f"screenshot of the index page: {shot}")
