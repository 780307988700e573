"""``/v1/check``, ``/v1/rules`` and ``/v1/health``: shaped like LanguageTool's ``/v2/check`` so
editors and their plugins already know it, with postguard's severity, clause and verdict added.

Offsets are counted in code points (Python's, the library's) or UTF-16 code units (JavaScript's,
what a browser needs): the request says which, and every match satisfies
``text[offset:offset+length] == excerpt`` in those units, emoji, flags and CRLF included.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

import postguard
from postguard.model import Finding, Report, Verdict
from postguard.web.state import WebState, state_of

router = APIRouter(prefix="/v1", tags=["check"])
CONTEXT = 40  # characters of context each side, as LanguageTool's context window
MAX_BATCH = 500


class CheckRequest(BaseModel):
    """A post to check (or a list of posts, checked as one batch)."""

    model_config = ConfigDict(extra="forbid")

    text: str | list[str] = Field(description="The post, or a list of posts for a batch.")
    offsetUnits: Literal["codepoints", "utf16"] = Field(
        "codepoints", description="How offsets and lengths count: code points, or UTF-16 units (JavaScript)."
    )
    images: list[str] = Field(
        default_factory=list, description="Upload ids (POST /v1/uploads) of the post's photos."
    )
    enabledRules: list[str] = Field(default_factory=list, description="Only these rule codes.")
    disabledRules: list[str] = Field(default_factory=list, description="Leave out these rule codes.")
    language: str = Field("auto", description="Accepted for LanguageTool clients; postguard detects it.")
    client: dict[str, str] | None = Field(None, description="Who asks, e.g. {'platform': 'x'}; never stored.")


def units(text: str, index: int, unit: str) -> int:
    """A code-point index of ``text`` in the requested unit."""
    if unit == "codepoints":
        return index
    return len(text[:index].encode("utf-16-le")) // 2


def _rule(finding: Finding, state: WebState) -> dict[str, Any]:
    rule = state.pack.rules.get(finding.rule)
    return {
        "id": finding.rule,
        "slug": finding.slug,
        "description": rule.title if rule else finding.slug,
        "issueType": finding.severity.label,
        "category": {"id": finding.slug.upper(), "name": rule.title if rule else finding.slug},
        "clause": finding.clause,
        "urls": [{"value": f"/rules/{finding.rule}"}],
    }


def _match(text: str, finding: Finding, unit: str, state: WebState) -> dict[str, Any]:
    start, end = finding.start or 0, finding.end or 0
    left = max(0, start - CONTEXT)
    right = min(len(text), end + CONTEXT)
    replacement = finding.explanation.get("replacement")
    return {
        "offset": units(text, start, unit),
        "length": units(text, end, unit) - units(text, start, unit),
        "excerpt": text[start:end],
        "message": finding.message,
        "shortMessage": _short(finding, state),
        "severity": finding.severity.label,
        "fix": finding.suggestion,
        "replacements": [{"value": replacement}] if isinstance(replacement, str) else [],
        "context": {
            "text": text[left:right],
            "offset": units(text, start, unit) - units(text, left, unit),
            "length": units(text, end, unit) - units(text, start, unit),
        },
        "type": {"typeName": "Other"},
        "rule": _rule(finding, state),
    }


def _short(finding: Finding, state: WebState) -> str:
    rule = state.pack.rules.get(finding.rule)
    return rule.title if rule else finding.slug


def _notice(finding: Finding, state: WebState) -> dict[str, Any]:
    return {
        "message": finding.message,
        "shortMessage": _short(finding, state),
        "severity": finding.severity.label,
        "fix": finding.suggestion,
        "source": finding.source,
        "rule": _rule(finding, state),
    }


def response(
    text: str, report: Report, unit: str, state: WebState, wanted: set[str], unwanted: set[str]
) -> dict[str, Any]:
    """One post's answer in LanguageTool's shape (``matches``) plus postguard's (``verdict``, ``notices``)."""
    findings = [f for f in report.findings if (not wanted or f.rule in wanted) and f.rule not in unwanted]
    spans = [f for f in findings if f.source == "text" and f.start is not None and f.end is not None]
    others = [f for f in findings if f not in spans]
    verdict = Verdict.from_findings(findings) if wanted or unwanted else report.verdict
    if not report.checked and verdict is Verdict.PASS:
        verdict = report.verdict  # words postguard cannot read are never passed as clean
    return {
        "software": {"name": "postguard", "version": postguard.__version__, "apiVersion": 1},
        "policy": {"id": report.policy_id, "version": report.policy_version},
        "language": {"code": report.language, "checked": report.checked},
        "verdict": verdict.value,
        "warnings": {"incompleteResults": not report.checked, "notes": report.notes},
        "offsetUnits": unit,
        "matches": [_match(text, f, unit, state) for f in spans],
        "notices": [_notice(f, state) for f in others],
    }


@router.post("/check", summary="Check a post (or a batch) against the policy")
def check(request: Request, body: Annotated[CheckRequest, Body()]) -> dict[str, Any]:
    state = state_of(request)
    wanted, unwanted = set(body.enabledRules), set(body.disabledRules)
    unknown = (wanted | unwanted) - set(state.pack.rules)
    if unknown:
        raise HTTPException(422, f"unknown rule code(s): {', '.join(sorted(unknown))}")
    if isinstance(body.text, list):
        if body.images:
            raise HTTPException(422, "photos go with a single post, not a batch")
        if len(body.text) > MAX_BATCH:
            raise HTTPException(413, f"at most {MAX_BATCH} posts in one batch")
        reports = state.check_many(body.text)
        return {
            "results": [
                response(t, r, body.offsetUnits, state, wanted, unwanted)
                for t, r in zip(body.text, reports, strict=True)
            ]
        }
    images = [state.uploads.path(upload) for upload in body.images]
    report = state.check(body.text, images)
    return response(body.text, report, body.offsetUnits, state, wanted, unwanted)


@router.get("/rules", summary="The policy pack's rules, with clause, fix and examples")
def rules(request: Request) -> dict[str, Any]:
    state = state_of(request)
    return {
        "policy": {"id": state.pack.id, "version": state.pack.version, "title": state.pack.title},
        "rules": [rule.model_dump() for rule in state.pack.rules.values()],
    }


@router.get("/health", summary="Whether postguard is up, and what it checks with (no secrets)")
def health(request: Request) -> dict[str, Any]:
    state = state_of(request)
    return {
        "status": "ok",
        "software": {"name": "postguard", "version": postguard.__version__, "apiVersion": 1},
        "policy": {"id": state.pack.id, "version": state.pack.version},
        "ready": state.ready,
    }
