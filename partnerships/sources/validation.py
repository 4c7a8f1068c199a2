"""What makes a piece of evidence valid beyond its fields: exactly one subject.

A pure function over a dict of column values, used by `Evidence.clean` (single
records) and `sources/bulk.py` (rows in bulk); the database constraint
`evidence_exactly_one_subject` is the last guard.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from partnerships.core.validation import Errors

SUBJECTS = ("engagement_id", "participation_id", "organisation_id")


def evidence_errors(values: Mapping[str, Any]) -> Errors:
    if sum(values.get(name) is not None for name in SUBJECTS) != 1:
        return {
            "engagement_id": [
                "Evidence supports exactly one engagement, participation or "
                "organisation."
            ]
        }
    return {}
