"""Forms of the public pages: validated query parameters, never trusted raw."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.cooperation.models import Kind, Role
from partnerships.core.languages import localized
from partnerships.portal.figures import cached_shared
from partnerships.portal.language import content_language
from partnerships.portal.selectors import SORTS, DirectoryQuery
from partnerships.portal.widgets import Normalized, QuickSelect
from partnerships.reference.models import Country, Theme, UnRegion
from partnerships.registry.categories import Category

ANY = [("", "—")]


def _countries(lang: str) -> list[tuple[str, str]]:
    return sorted(
        (
            (c.code, f"{localized(c, 'name', lang).text} ({c.code})")
            for c in Country.objects.only("code", "name_en", "name_fr")
        ),
        key=lambda pair: pair[1],
    )


def region_choices() -> list[tuple[str, str]]:
    return list(UnRegion.objects.order_by("code").values_list("code", "name_en"))


def theme_choices(lang: str) -> list[tuple[str, str]]:
    return [
        (theme.code, localized(theme, "name", lang).text or theme.code)
        for theme in Theme.objects.order_by("position", "code")
    ]


class DirectoryForm(forms.Form):
    category = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Category"),
        required=False,
        choices=ANY + Category.choices,
    )
    country = forms.ChoiceField(widget=QuickSelect, label=_("Country"), required=False)
    region = forms.ChoiceField(widget=QuickSelect, label=_("Region"), required=False)
    theme = forms.ChoiceField(widget=QuickSelect, label=_("Theme"), required=False)
    kind = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Kind of engagement"),
        required=False,
        choices=ANY + Kind.choices,
    )
    role = forms.ChoiceField(
        widget=QuickSelect, label=_("Role"), required=False, choices=ANY + Role.choices
    )
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=1945, max_value=2100
    )
    year_to = forms.IntegerField(
        label=_("To year"), required=False, min_value=1945, max_value=2100
    )
    sort = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Sort by"),
        required=False,
        choices=[
            ("key", _("Key")),
            ("name", _("Name (A-Z)")),
            ("-name", _("Name (Z-A)")),
            ("newest", _("Newest")),
        ],
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # The reference data's choices: the same for every reader of a language,
        # given as they are (`Normalized`).
        lang = content_language()
        choices = {
            "country": cached_shared(
                f"directory-countries-{lang}", lambda: _countries(lang)
            ),
            "region": cached_shared("regions", region_choices),
            "theme": cached_shared(f"themes-{lang}", lambda: theme_choices(lang)),
        }
        for name, pairs in choices.items():
            self.fields[name].choices = Normalized(ANY + pairs)

    def query(self) -> DirectoryQuery:
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        if data.get("sort") not in SORTS:
            data.pop("sort", None)
        return DirectoryQuery(**data)
