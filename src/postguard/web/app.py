"""The local web app: the pages a clinician uses and the ``/v1`` API behind them, one FastAPI
application wrapped in the security guard (``security.Guard``).

Pages are Jinja2 templates (autoescaped) with plain JavaScript from ``static/``: no CDN, no build
step. The API is documented by OpenAPI at ``/openapi.json`` and a Swagger UI at ``/docs`` whose
assets come from the ``fastapi-offline`` package, never from the internet.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import postguard
from postguard.errors import PostguardError
from postguard.web import audits, check, evidence, pages, pairing, photos, secure, settings, uploads
from postguard.web.html import HERE, PAGES, render, templates
from postguard.web.security import SESSION_COOKIE, Guard
from postguard.web.state import WebState


def build(state: WebState) -> FastAPI:
    """The FastAPI application (without the guard: see ``create_app``)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            state.close()

    api = FastAPI(
        title="postguard",
        version=postguard.__version__,
        summary="Check posts against a professional body's social media policy, on this machine only.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    api.state.postguard = state
    api.include_router(check.router)
    for module in _feature_modules():
        api.include_router(module.router)
    api.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    api.mount(
        "/docs-assets",
        StaticFiles(directory=Path(fastapi_offline.__file__).parent / "static"),
        name="docs-assets",
    )

    @api.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 401 and not request.url.path.startswith("/v1/"):
            return templates.TemplateResponse(
                request, "login.html", {"pages": [], "here": "", "csrf": ""}, status_code=401
            )
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    @api.exception_handler(PostguardError)
    async def library_error(_request: Request, exc: PostguardError) -> Response:
        return JSONResponse({"error": str(exc)}, status_code=422)

    @api.get("/login", include_in_schema=False)
    def login(code: str = "") -> Response:
        session = state.credentials.redeem(code)
        if session is None:
            raise HTTPException(401, "login")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/")
        return response

    @api.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return render(request, state, "docs.html")

    own = {getattr(route, "path", None) for route in api.routes}  # pages whose module serves them
    for path, template, title in PAGES:
        if path not in own:
            api.add_api_route(path, _page(state, template, title), include_in_schema=False, methods=["GET"])
    return api


def _page(state: WebState, template: str, title: str) -> Any:
    def page(request: Request) -> HTMLResponse:
        return render(request, state, template, title=title)

    return page


def _feature_modules() -> list[Any]:
    return [uploads, audits, photos, evidence, secure, pairing, settings, pages]


def create_app(state: WebState) -> Guard:
    """The app behind its guard: what uvicorn (or a test client) serves."""
    return Guard(build(state), state.credentials, lambda: state.hosts)
