"""The engagement list's filters as a form: labels in the reader's language,
values checked before they reach the query."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.cooperation.models import Kind, Role, Status
from partnerships.core.languages import localized
from partnerships.portal.browse import FILTER_NAMES, UNDATED
from partnerships.portal.figures import cached_shared
from partnerships.portal.forms import ANY, region_choices, theme_choices
from partnerships.portal.language import content_language
from partnerships.portal.widgets import Normalized, QuickSelect
from partnerships.reference.models import Country, SdgTarget
from partnerships.registry.categories import Category


def country_choices() -> list[tuple[str, str]]:
    lang = content_language()
    return ANY + cached_shared(f"countries-{lang}", lambda: _countries(lang))


def _countries(lang: str) -> list[tuple[str, str]]:
    countries = [
        (c.code, localized(c, "name", lang).text or c.code)
        for c in Country.objects.only("code", "name_en", "name_fr")
    ]
    return sorted(countries, key=lambda pair: pair[1])


def _targets(lang: str) -> list[tuple[str, str]]:
    return [
        (t.code, f"{t.code} {localized(t, 'title', lang).text[:60]}")
        for t in SdgTarget.objects.order_by("goal_id", "code")
    ]


class EngagementListForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    kind = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Kind of engagement"),
        required=False,
        choices=ANY + Kind.choices,
    )
    status = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Status"),
        required=False,
        choices=ANY + Status.choices,
    )
    role = forms.ChoiceField(
        widget=QuickSelect, label=_("Role"), required=False, choices=ANY + Role.choices
    )
    category = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Category of partner"),
        required=False,
        choices=ANY + Category.choices,
    )
    country = forms.ChoiceField(widget=QuickSelect, label=_("Country"), required=False)
    region = forms.ChoiceField(widget=QuickSelect, label=_("Region"), required=False)
    theme = forms.ChoiceField(widget=QuickSelect, label=_("Theme"), required=False)
    sdg_target = forms.ChoiceField(
        widget=QuickSelect, label=_("SDG target"), required=False
    )
    year = forms.ChoiceField(widget=QuickSelect, label=_("Start year"), required=False)
    sort = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest recorded")),
            ("start", _("Start date, latest first")),
            ("key", _("Key")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = content_language()
        # The reference data's choices: the same for every reader of a language,
        # given as they are (`Normalized`).
        choices = {
            "country": country_choices(),
            "region": ANY + cached_shared("regions", region_choices),
            "theme": ANY + cached_shared(f"themes-{lang}", lambda: theme_choices(lang)),
            "sdg_target": ANY
            + cached_shared(f"targets-{lang}", lambda: _targets(lang)),
            "year": ANY
            + [(UNDATED, _("Undated"))]
            + [(str(y), str(y)) for y in range(2030, 1944, -1)],
        }
        for name, pairs in choices.items():
            self.fields[name].choices = Normalized(pairs)

    def params(self) -> dict[str, str]:
        """The valid, non-empty filters (an invalid one is dropped, not guessed)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: str(value) for name, value in data.items() if value}

    def active(self) -> list[tuple[str, str, str]]:
        """(name, label, shown value) of each filter in use, for the chips."""
        found = []
        for name, value in self.params().items():
            if name not in (*FILTER_NAMES, "year"):
                continue
            field = self.fields[name]
            shown = dict(getattr(field, "choices", [])).get(value, value)
            found.append((name, str(field.label), str(shown)))
        return found
