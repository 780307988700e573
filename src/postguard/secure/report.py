"""The checkup and the hacked-account response as one self-contained HTML page each (inline CSS,
no scripts, no external address): opened from disk, framed by the web app, or printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from postguard.secure import advice
from postguard.secure.hacked import Response
from postguard.secure.run import Checkup

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _common() -> dict[str, Any]:
    return {"advice": advice, "platform": advice.platform}


def render_html(checkup: Checkup) -> str:
    return _ENV.get_template("secure.html").render(checkup=checkup, **_common())


def render_hacked_html(response: Response) -> str:
    return _ENV.get_template("hacked.html").render(response=response, **_common())


def _write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text(html, encoding="utf-8")
    part.replace(path)


def write_html(checkup: Checkup, path: Path) -> None:
    _write(path, render_html(checkup))


def write_hacked_html(response: Response, path: Path) -> None:
    _write(path, render_hacked_html(response))
