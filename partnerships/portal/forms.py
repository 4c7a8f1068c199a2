"""Forms of the public pages: validated query parameters, never trusted raw."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.cooperation.models import Kind, Role
from partnerships.core.languages import localized
from partnerships.portal.language import content_language
from partnerships.portal.selectors import SORTS, DirectoryQuery
from partnerships.reference.models import Country, Theme, UnRegion
from partnerships.registry.categories import Category

ANY = [("", "—")]


class DirectoryForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=ANY + Category.choices
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of engagement"), required=False, choices=ANY + Kind.choices
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=ANY + Role.choices
    )
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=1945, max_value=2100
    )
    year_to = forms.IntegerField(
        label=_("To year"), required=False, min_value=1945, max_value=2100
    )
    sort = forms.ChoiceField(
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
        lang = content_language()
        self.fields["country"].choices = ANY + sorted(
            (
                (c.code, f"{localized(c, 'name', lang).text} ({c.code})")
                for c in Country.objects.only("code", "name_en", "name_fr")
            ),
            key=lambda pair: pair[1],
        )
        self.fields["region"].choices = ANY + [
            (code, name)
            for code, name in UnRegion.objects.order_by("code").values_list(
                "code", "name_en"
            )
        ]
        lang = content_language()
        self.fields["theme"].choices = ANY + [
            (theme.code, localized(theme, "name", lang).text or theme.code)
            for theme in Theme.objects.order_by("position", "code")
        ]

    def query(self) -> DirectoryQuery:
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        if data.get("sort") not in SORTS:
            data.pop("sort", None)
        return DirectoryQuery(**data)
