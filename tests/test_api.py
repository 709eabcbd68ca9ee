"""The HTTP API against a real server on a loopback port, over a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from cronaca.cli import main
from tests.conftest import EXAMPLES
from tests.server import serving


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("api") / "kb.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def api(store: Path):  # type: ignore[no-untyped-def]
    with serving(store) as base:
        yield base


def test_api_openapi_describes_every_collection(api):
    spec = httpx.get(f"{api}/openapi.json").json()
    for path in (
        "/api/search",
        "/api/entities",
        "/api/events",
        "/api/quotes",
        "/api/facts",
        "/api/conflicts",
        "/api/documents",
    ):
        assert path in spec["paths"], path
    assert "post" not in spec["paths"]["/api/documents"]  # read-only without a token


def test_api_filters_and_paging(api):
    orgs = httpx.get(f"{api}/api/entities", params={"type": "organization", "limit": 3}).json()
    assert len(orgs) == 3 and all(e["type"] == "organization" for e in orgs)
    nato = httpx.get(f"{api}/api/entities", params={"q": "NATO"}).json()
    assert nato[0]["name"] == "North Atlantic Treaty Organization"
    ru = httpx.get(f"{api}/api/quotes", params={"language": "ru"}).json()
    assert ru and all(q["doc"].startswith("ru/") for q in ru)
    planned = httpx.get(f"{api}/api/events", params={"date_from": "2026-01-01"}).json()
    assert planned and all(v["date"] >= "2026-01-01" for v in planned)
    members = httpx.get(f"{api}/api/facts", params={"predicate": "member_of"}).json()
    assert members and all(f["predicate"] == "member_of" for f in members)


def test_api_search_ignores_accents(api):
    hits = httpx.get(f"{api}/api/search", params={"q": "tokaiev"}).json()
    hits += httpx.get(f"{api}/api/search", params={"q": "Kassym"}).json()
    assert any(h["kind"] == "entity" for h in hits)


def test_api_entity_and_document(api):
    (sco,) = httpx.get(f"{api}/api/entities", params={"q": "Shanghai Cooperation"}).json()[:1]
    page = httpx.get(f"{api}/api/entities/{sco['id']}").json()
    assert page["entity"]["name"] == "Shanghai Cooperation Organisation"
    assert any(f["predicate"] == "member_of" for f in page["facts"])
    doc = httpx.get(f"{api}/api/documents/it/vertice-sco-astana.txt").json()
    assert doc["language"] == "it" and "Astana" in doc["text"]
    assert httpx.get(f"{api}/api/documents/nope.txt").status_code == 404
    assert httpx.get(f"{api}/api/entities/e999999").status_code == 404


def test_api_pages_send_a_content_security_policy(api):
    response = httpx.get(f"{api}/")
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_api_upload_only_with_the_token(store, tmp_path):
    article = (EXAMPLES / "en" / "sco-summit-wire.txt").read_bytes() + b"\nUpdated.\n"
    with serving(store) as base:  # no token: no endpoint
        r = httpx.post(f"{base}/api/documents", files={"file": ("a.txt", article)})
        assert r.status_code == 405
    with serving(store, token="s3cret") as base:
        r = httpx.post(
            f"{base}/api/documents",
            files={"file": ("a.txt", article)},
            headers={"Authorization": "Bearer wrong"},
        )
        assert r.status_code == 401
        r = httpx.post(
            f"{base}/api/documents",
            files={"file": ("a.txt", article)},
            headers={"Authorization": "Bearer s3cret"},
        )
        assert r.status_code == 201 and r.json() == {"status": "added", "id": "a.txt"}
        bad = httpx.post(
            f"{base}/api/documents",
            files={"file": ("b.txt", b"")},
            headers={"Authorization": "Bearer s3cret"},
        )
        assert bad.status_code == 422 and "empty file" in bad.json()["detail"]


def test_api_pages_render_events_conflicts_and_documents(api):
    events = httpx.get(f"{api}/api/events", params={"type": "meeting"}).json()
    assert events
    page = httpx.get(f"{api}/events/{events[0]['id']}")
    assert page.status_code == 200 and "Participants" in page.text and "Sources" in page.text
    assert httpx.get(f"{api}/conflicts").status_code == 200
    doc = httpx.get(f"{api}/documents/en/sco-summit-wire.txt", params={"start": 0, "end": 5})
    assert doc.status_code == 200 and '<mark id="hl" class="hl">' in doc.text
    found = httpx.get(f"{api}/", params={"q": "Tashkent"})
    assert found.status_code == 200 and "Results for" in found.text
    assert httpx.get(f"{api}/events/v999999").status_code == 404
