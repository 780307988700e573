"""Rendering the pages: Jinja2 templates (autoescaped), the navigation, and the page session's
CSRF token that the page's scripts send with every ``/v1`` call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

import postguard
from postguard.web.security import session_of
from postguard.web.state import WebState

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")

#: The pages, in the order of the navigation bar: path, template, title.
PAGES = [
    ("/", "check.html", "Check a post"),
    ("/audit", "audit.html", "Audit an account"),
    ("/photos", "photos.html", "Clean photos"),
    ("/evidence", "evidence.html", "Abuse log"),
    ("/secure", "secure.html", "Security checkup"),
    ("/rules", "rules.html", "Rules"),
    ("/settings", "settings.html", "Settings"),
]


def page_csrf(request: Request, state: WebState) -> str:
    """The page session's CSRF token; 401 (the login page) without a session."""
    session = session_of({k.lower(): v for k, v in request.headers.items()})
    csrf = state.credentials.csrf_for(session)
    if csrf is None:
        raise HTTPException(401, "login")
    return csrf


def render(request: Request, state: WebState, template: str, **context: Any) -> HTMLResponse:
    """A page with the navigation, the policy's name and the CSRF token its scripts send."""
    csrf = page_csrf(request, state)
    return templates.TemplateResponse(
        request,
        template,
        {
            "pages": PAGES,
            "here": request.url.path,
            "csrf": csrf,
            "policy": state.pack,
            "version": postguard.__version__,
            **context,
        },
        headers={"cache-control": "no-store"},
    )
