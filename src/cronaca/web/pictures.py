"""Pictures drawn on the server as SVG (no script needed, so the pages keep a strict CSP):
an entity's events on a timeline, and who it meets or speaks with."""

from __future__ import annotations

import math
from html import escape
from typing import Any

WIDTH, HEIGHT = 720, 120


def timeline_svg(events: list[dict[str, Any]]) -> str:
    """Dated events as dots on a line from the first date to the last, labelled by type."""
    dated = [v for v in events if v["date"]]
    if not dated:
        return ""
    dates = sorted(v["date"] for v in dated)
    first, last = dates[0], dates[-1]
    span = max(1, ordinal(last) - ordinal(first))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="timeline" role="img" aria-label="timeline of events">',
        f'<line x1="20" y1="60" x2="{WIDTH - 20}" y2="60" class="axis"/>',
    ]
    for i, v in enumerate(sorted(dated, key=lambda v: v["date"])):
        x = 20 + (WIDTH - 40) * (ordinal(v["date"]) - ordinal(first)) / span
        y = 40 if i % 2 else 90
        parts.append(
            f'<a href="/events/{escape(v["id"])}"><circle cx="{x:.0f}" cy="60" r="6" '
            f'class="{escape(v["status"])}"/><text x="{x:.0f}" y="{y}" text-anchor="middle">'
            f"{escape(v['type'])} {escape(v['date'])}</text></a>"
        )
    parts.append("</svg>")
    return "".join(parts)


def ordinal(date: str) -> int:
    """Days since year 0 of an ISO date, month or year (first day)."""
    year, month, day = [*date.split("-"), "1", "1"][:3]
    return int(year) * 372 + (int(month) - 1) * 31 + int(day) - 1


def network_svg(entity: dict[str, Any], neighbours: list[tuple[str, int]], k: Any) -> str:
    """The entity in the middle, those it takes part in events with around it."""
    if not neighbours:
        return ""
    size, centre = 420, 210
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        'class="network" role="img" aria-label="who it meets">'
    ]
    for i, (other, weight) in enumerate(neighbours):
        angle = 2 * math.pi * i / len(neighbours)
        x, y = centre + 150 * math.cos(angle), centre + 150 * math.sin(angle)
        parts.append(
            f'<line x1="{centre}" y1="{centre}" x2="{x:.0f}" y2="{y:.0f}" '
            f'stroke-width="{min(6, weight)}" class="edge"/>'
        )
        parts.append(
            f'<a href="/entities/{escape(other)}"><circle cx="{x:.0f}" cy="{y:.0f}" '
            f'r="5"/><text x="{x:.0f}" y="{y - 9:.0f}" text-anchor="middle">'
            f"{escape(k.name(other))}</text></a>"
        )
    parts.append(
        f'<circle cx="{centre}" cy="{centre}" r="9" class="centre"/><text x="{centre}" '
        f'y="{centre + 24}" text-anchor="middle">{escape(entity["name"])}</text></svg>'
    )
    return "".join(parts)
