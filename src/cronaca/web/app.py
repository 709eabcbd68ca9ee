"""The HTTP API (JSON, with OpenAPI at /openapi.json and /docs) and the server-rendered pages.

Both read the store through `web/service.py`. Article text is untrusted: templates escape
everything, pages carry a Content-Security-Policy that allows no inline script, and the store
is opened read-only. The upload endpoint exists only when a token is given, and checks it.
"""

from __future__ import annotations

import hmac
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from cronaca.config import Settings
from cronaca.ingest.service import build_pipeline, ingest_file
from cronaca.store.db import Store
from cronaca.web.pictures import network_svg, timeline_svg
from cronaca.web.service import Knowledge

HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_SIZE = 50


def create_app(db_path: Path, token: str | None = None) -> FastAPI:
    """The application over one store; with a token, POST /api/documents ingests files."""
    app = FastAPI(  # no /docs: its page loads scripts from a CDN, which the CSP refuses
        title="cronaca",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        description="Who did and said what in international politics, with sources.",
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @contextmanager
    def knowledge() -> Iterator[Knowledge]:
        with Store(db_path, read_only=True) as store:
            yield Knowledge(store)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    # ----- API --------------------------------------------------------------------------

    @app.get("/api/search", tags=["search"])
    def api_search(q: str, limit: int = Query(20, le=100), offset: int = 0) -> list[dict[str, Any]]:
        """Full text over documents, entity names and quotes (accents ignored)."""
        with knowledge() as k:
            return k.store.search(q, limit, offset)

    @app.get("/api/entities", tags=["entities"])
    def api_entities(
        type: str | None = None,
        q: str | None = None,
        limit: int = Query(PAGE_SIZE, le=500),
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        with knowledge() as k:
            rows = [
                e
                for e in k.entities.values()
                if (type is None or e["type"] == type)
                and (q is None or q.lower() in " ".join([e["name"], *e["aliases"]]).lower())
            ]
            return rows[offset : offset + limit]

    @app.get("/api/entities/{entity_id}", tags=["entities"])
    def api_entity(entity_id: str) -> dict[str, Any]:
        with knowledge() as k:
            found = k.entity_page(entity_id)
            if found is None:
                raise HTTPException(404, f"no entity {entity_id}")
            found["disputed"] = sorted(found["disputed"])
            return found

    @app.get("/api/events", tags=["events"])
    def api_events(
        type: str | None = None,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = Query(PAGE_SIZE, le=500),
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        with knowledge() as k:
            rows = [
                v
                for v in k.events
                if (type is None or v["type"] == type)
                and (entity is None or entity in v["participants"] or v["location"] == entity)
                and (date_from is None or (v["date"] or "") >= date_from)
                and (date_to is None or (v["date"] or "9999") <= date_to)
            ]
            return rows[offset : offset + limit]

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(
        speaker: str | None = None,
        language: str | None = None,
        limit: int = Query(PAGE_SIZE, le=500),
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        with knowledge() as k:
            rows = [
                q
                for q in k.quotes
                if (speaker is None or q["speaker"] == speaker)
                and (language is None or k.documents[q["doc"]]["language"] == language)
            ]
            return rows[offset : offset + limit]

    @app.get("/api/facts", tags=["facts"])
    def api_facts(
        predicate: str | None = None,
        entity: str | None = None,
        limit: int = Query(PAGE_SIZE, le=500),
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        with knowledge() as k:
            rows = [
                f
                for f in k.facts
                if (predicate is None or f["predicate"] == predicate)
                and (entity is None or entity in (f["subject"], f["object"]))
            ]
            return rows[offset : offset + limit]

    @app.get("/api/conflicts", tags=["conflicts"])
    def api_conflicts() -> list[dict[str, Any]]:
        with knowledge() as k:
            return k.conflicts

    @app.get("/api/documents", tags=["documents"])
    def api_documents(
        language: str | None = None, limit: int = Query(PAGE_SIZE, le=500), offset: int = 0
    ) -> list[dict[str, Any]]:
        with knowledge() as k:
            rows = [
                d for d in k.documents.values() if language is None or d["language"] == language
            ]
            return rows[offset : offset + limit]

    @app.get("/api/documents/{doc_id:path}", tags=["documents"])
    def api_document(doc_id: str) -> dict[str, Any]:
        with knowledge() as k:
            meta = k.documents.get(doc_id)
            if meta is None:
                raise HTTPException(404, f"no document {doc_id}")
            return {**meta, "text": k.store.document_text(doc_id)}

    if token:

        @app.post("/api/documents", tags=["documents"], status_code=201)
        def api_upload(
            file: Annotated[UploadFile, File()], authorization: Annotated[str, Header()] = ""
        ) -> dict[str, str]:
            """Ingests one article (only when the server was started with a token)."""
            if not hmac.compare_digest(authorization, f"Bearer {token}"):
                raise HTTPException(401, "a valid 'Authorization: Bearer <token>' is needed")
            name = Path(file.filename or "upload.txt").name
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                path.write_bytes(file.file.read())
                settings = Settings(db_path=db_path)
                with Store(db_path) as store:
                    outcome = ingest_file(store, build_pipeline(settings), path, name, settings)
            if outcome.status == "failed":
                raise HTTPException(422, outcome.detail)
            return {"status": outcome.status, "id": outcome.detail}

    # ----- pages ------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str = "") -> HTMLResponse:
        with knowledge() as k:
            results = k.store.search(q) if q else []
            return page(request, "search.html", q=q, results=results, k=k)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, entity_id: str) -> HTMLResponse:
        with knowledge() as k:
            found = k.entity_page(entity_id)
            if found is None:
                raise HTTPException(404, f"no entity {entity_id}")
            return page(
                request,
                "entity.html",
                k=k,
                **found,
                timeline=timeline_svg(found["events"]),
                network=network_svg(found["entity"], found["neighbours"], k),
            )

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event(request: Request, event_id: str) -> HTMLResponse:
        with knowledge() as k:
            found = next((v for v in k.events if v["id"] == event_id), None)
            if found is None:
                raise HTTPException(404, f"no event {event_id}")
            conflicts = [c for c in k.conflicts if event_id in c["facts"]]
            return page(request, "event.html", k=k, event=found, conflicts=conflicts)

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document(
        request: Request, doc_id: str, start: int | None = None, end: int | None = None
    ) -> HTMLResponse:
        with knowledge() as k:
            found = k.document_page(doc_id, start, end)
            if found is None:
                raise HTTPException(404, f"no document {doc_id}")
            return page(request, "document.html", k=k, **found)

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts(request: Request) -> HTMLResponse:
        with knowledge() as k:
            return page(request, "conflicts.html", k=k, items=k.items())

    return app
