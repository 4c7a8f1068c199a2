"""UN M49 regions as filters take them."""

from __future__ import annotations

from partnerships.reference.models import UnRegion


def with_subregions(code: str) -> list[str]:
    """A M49 region stands for itself and its sub-regions."""
    return [
        code,
        *UnRegion.objects.filter(parent_id=code).values_list("code", flat=True),
    ]
