"""What an activity carried beyond the registry's model, kept with its engagement
(`PublishedActivity`): the identifier as published and the elements of
reader.KEPT as XML; written only when new or changed."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from partnerships.cooperation.bulk import published_bulk_write
from partnerships.cooperation.models import Engagement, PublishedActivity
from partnerships.core.bulk import Row

if TYPE_CHECKING:
    from partnerships.interop.iati.chunk import Item


def write_published(
    items: list[Item],
    engagements: Mapping[str, Engagement | Row],
    created: Collection[int],
    by: dict[str, Any],
) -> None:
    ids = [engagements[i.spec.key].pk for i in items if i.existed]
    known = {
        p.engagement_id: p
        for p in PublishedActivity.objects.filter(engagement_id__in=ids)
    }
    new, changed = [], []
    for item in items:
        pk = engagements[item.spec.key].pk
        values = {
            "identifier": item.record.identifier[:500],
            "elements": item.record.kept,
        }
        found = known.get(pk)
        if found is None:
            known[pk] = Row(engagement_id=pk, **values)
            new.append(known[pk])
            item.writes += 1
        elif isinstance(found, PublishedActivity) and any(
            getattr(found, name) != value for name, value in values.items()
        ):
            for name, value in values.items():
                setattr(found, name, value)
            changed.append(found)
            item.writes += 1
    published_bulk_write(
        new=new,
        changed=changed,
        fields=("identifier", "elements"),
        created=created,
        **by,
    )
