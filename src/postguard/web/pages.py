"""The rules pages: every rule of the member's pack, and one page per rule as ``explain`` shows it."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from postguard.errors import PackError
from postguard.web.html import render
from postguard.web.state import state_of

router = APIRouter(include_in_schema=False)


@router.get("/rules")
def rules_page(request: Request) -> HTMLResponse:
    state = state_of(request)
    return render(request, state, "rules.html", title="Rules", rules=list(state.pack.rules.values()))


@router.get("/rules/{code}")
def rule_page(request: Request, code: str) -> HTMLResponse:
    state = state_of(request)
    try:
        rule = state.pack.rule(code)
    except PackError:
        raise HTTPException(404, f"no rule {code!r} in this policy") from None
    return render(request, state, "rule.html", title=f"{rule.code} {rule.title}", rule=rule)
