"""Organisations chosen in the staff forms with the staff pickers
(`core.pickers`): the reviewer types a name, the picker suggests organisations of
the registry, the field keeps the chosen one's key."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from partnerships.core.pickers import pick
from partnerships.registry.models import Organisation


class OrganisationKeys(forms.CharField):
    """Registry keys (the picker fills in one; several may be typed, separated by
    spaces); all must exist."""

    def clean(self, value: str) -> list[Organisation]:
        keys = super().clean(value).split()
        found = {o.key: o for o in Organisation.objects.filter(key__in=keys)}
        if missing := [k for k in keys if k not in found]:
            raise forms.ValidationError(
                _("No organisation has the key %(keys)s.")
                % {"keys": ", ".join(missing)}
            )
        return [found[k] for k in keys]


class PickedForm(forms.Form):
    """A form whose organisations are chosen with the staff pickers (the name
    finds the organisation, the field keeps its key): each of `single` holds
    one; each of `many` (name: label, slots, required) gets that many numbered
    pickers, gathered into one list under its name."""

    single: ClassVar[tuple[str, ...]] = ()
    many: ClassVar[dict[str, tuple[str | Promise, int, bool]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.single:
            pick(self, name, "organisations")
        for name, (label, slots, required) in self.many.items():
            for n in range(1, slots + 1):
                self.fields[f"{name}_{n}"] = OrganisationKeys(
                    label=f"{label} {n}", required=required and n == 1
                )
                pick(self, f"{name}_{n}", "organisations")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, (_label, slots, _required) in self.many.items():
            chosen: list[Organisation] = []
            for n in range(1, slots + 1):
                for org in data.pop(f"{name}_{n}", None) or []:
                    if org not in chosen:
                        chosen.append(org)
            data[name] = chosen
        return data
