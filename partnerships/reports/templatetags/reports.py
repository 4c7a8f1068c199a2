"""Template helpers of the report: runs with their fallback marks, images, CSS strings."""

from __future__ import annotations

import base64

from django import template
from django.utils.html import format_html, format_html_join

from partnerships.core.languages import direction, html_tag
from partnerships.reports.runs import Run

register = template.Library()


@register.simple_tag(takes_context=True)
def runs(context: template.Context, value: Run | list[Run]) -> str:
    items = [value] if isinstance(value, Run) else list(value or [])
    label = context.get("doc").labels["fallback"] if context.get("doc") else ""
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(
                    '<span class="fallback" lang="{}" dir="{}" title="{}">{}</span>',
                    html_tag(run.fallback),
                    direction(run.fallback),
                    label.format(lang=run.fallback),
                    run.text,
                )
                if run.fallback
                else run.text,
            )
            for run in items
        ),
    )


@register.filter
def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@register.filter
def escapecss(value: str) -> str:
    """A value safe inside a double-quoted CSS string."""
    return "".join(
        c if c.isalnum() or c in " /.-_" else f"\\{ord(c):x} " for c in value
    )
