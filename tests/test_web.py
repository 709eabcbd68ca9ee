"""The pages in a real headless browser (Debian's chromium, driven by Playwright) against a
real server: the CSTO page built from the seeds, a click to a highlighted source, and an
article full of script that runs none of it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cronaca.cli import main
from tests.conftest import SHARED, needs_shared
from tests.server import serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = (
    "Notizia di prova\n\nIl presidente Aldo Ferrante ha parlato a Lunaria. "
    '<script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> '
    '<a href="javascript:window.pwned=3">link</a> "<b>grassetto</b>" ha detto Ferrante.\n'
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


def ingest(db: Path, folder: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(folder)])
    assert result.exit_code == 0, result.output


@needs_shared
def test_web_csto_page_members_conflict_and_source(browser, tmp_path):
    db = tmp_path / "kb.db"
    ingest(db, SHARED / "seeds")
    with serving(db) as base:
        page = browser.new_page()
        page.goto(f"{base}/?q=CSTO")
        page.click("text=Collective Security Treaty Organization")
        members = page.locator("#members tr td:first-child").all_inner_texts()
        assert sorted(members) == [
            "Armenia",
            "Belarus",
            "Kazakhstan",
            "Kyrgyzstan",
            "Russia",
            "Tajikistan",
        ]
        conflict = page.locator(".conflict").first
        assert "Armenia" in conflict.inner_text() and "Simonyan" in conflict.inner_text()
        sources = conflict.locator("a.source")
        docs = set(sources.all_inner_texts())
        assert {"000_0ade62f0622470af.txt", "002_8ec5924a1d7774ed.txt"} <= docs
        withdrawn = conflict.locator("li", has_text="withdrawn").locator("a.source").first
        withdrawn.click()
        page.wait_for_url("**/documents/000_0ade62f0622470af.txt**")
        highlighted = page.locator("mark#hl")
        assert highlighted.is_visible()
        assert "ritirata" in highlighted.inner_text() or "CSTO" in highlighted.inner_text()
        page.close()


def test_web_hostile_article_runs_no_script(browser, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "kb.db"
    ingest(db, folder)
    with serving(db) as base:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        response = page.goto(f"{base}/documents/ostile.txt")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        text = page.locator(".text").inner_text()
        assert "<script>window.pwned = 1</script>" in text  # shown as text, not run
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.locator(".text img").count() == 0
        assert page.locator(".text script").count() == 0
        page.goto(f"{base}/?q=pwned")
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert dialogs == []
        page.close()


def test_web_screenshot_of_the_entity_page(browser, tmp_path):
    """Keeps docs/entity-page.png, the picture in the README, in step with the page."""
    db = tmp_path / "kb.db"
    ingest(db, Path(__file__).resolve().parents[1] / "examples")
    with serving(db) as base:
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        page.goto(f"{base}/?q=Shanghai")
        page.click("text=Shanghai Cooperation Organisation")
        assert page.locator("h1").inner_text() == "Shanghai Cooperation Organisation"
        assert page.locator("svg.timeline").count() == 1
        out = tmp_path / "entity-page.png"
        page.screenshot(path=str(out))
        assert out.stat().st_size > 10_000
        page.close()
