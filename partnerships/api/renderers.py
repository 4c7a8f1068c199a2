"""CSV output of any list (`?format=csv` or `Accept: text/csv`)."""

from __future__ import annotations

import csv
import io
from typing import Any

from rest_framework.renderers import BaseRenderer

# A cell starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = "; ".join(
                str(v) if not isinstance(v, dict) else _compact(v) for v in value
            )
        else:
            flat[name] = "" if value is None else str(value)
    return flat


def _compact(value: dict[str, Any]) -> str:
    return " ".join(
        f"{k}={v}" for k, v in value.items() if not isinstance(v, list | dict)
    )


def _safe(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict | None = None,
    ) -> bytes:
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        flat = [
            _flatten(row) if isinstance(row, dict) else {"value": str(row)}
            for row in rows
        ]
        columns: list[str] = []
        for row in flat:
            columns.extend(c for c in row if c not in columns)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in flat:
            writer.writerow({k: _safe(v) for k, v in row.items()})
        # A byte-order mark lets spreadsheet programs read Chinese and Arabic as UTF-8.
        return ("\ufeff" + out.getvalue()).encode("utf-8")
