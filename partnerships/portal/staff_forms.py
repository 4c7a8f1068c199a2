"""Forms of the staff pages. They check shapes; the services check the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerships.cooperation.models import Kind, Role, Status
from partnerships.core.languages import LANGUAGES, UN_LANGUAGES, localized
from partnerships.core.pickers import pick
from partnerships.portal.language import content_language
from partnerships.registry.categories import Category
from partnerships.registry.models import KEY_PATTERN


def _translated(form: forms.Form, base: str, label: str, *, long: bool) -> None:
    """One field per language, labelled with the language's own name."""
    for lang in LANGUAGES:
        widget = forms.Textarea(attrs={"rows": 2}) if long else forms.TextInput
        form.fields[f"{base}_{lang.code}"] = forms.CharField(
            label=f"{label} ({lang.native_name})",
            required=False,
            widget=widget,
            max_length=None if long else 500,
        )
        form.fields[f"{base}_{lang.code}"].widget.attrs["lang"] = lang.html_tag


class VersionedForm(forms.Form):
    key = forms.RegexField(
        label=_("Key"), regex=KEY_PATTERN, max_length=100, required=True
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason for the change"), required=True)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["key"].disabled = True


class OrganisationForm(VersionedForm):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    parent = forms.CharField(label=_("Part of"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    is_published = forms.BooleanField(label=_("Published"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _translated(self, "name", str(_("Name")), long=False)
        pick(self, "country", "countries")
        pick(self, "parent", "organisations")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not any(data.get(f"name_{lang}") for lang in UN_LANGUAGES):
            self.add_error("name_en", _("Give a name in at least one language."))
        if data.get("country"):
            data["country"] = data["country"].upper()
        return data

    def changes(self) -> dict[str, Any]:
        names = [f"name_{lang}" for lang in UN_LANGUAGES]
        fields = [*names, "category", "country", "parent", "website", "is_published"]
        return {name: self.cleaned_data.get(name) for name in fields}


class EngagementForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    start = forms.CharField(
        label=_("Start (YYYY, YYYY-MM or YYYY-MM-DD)"), required=False
    )
    end = forms.CharField(label=_("End (YYYY, YYYY-MM or YYYY-MM-DD)"), required=False)
    is_published = forms.BooleanField(label=_("Published"), required=False)
    is_confidential = forms.BooleanField(label=_("Confidential"), required=False)

    themes = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    sdg_targets = forms.MultipleChoiceField(
        label=_("SDG targets"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _translated(self, "title", str(_("Title")), long=False)
        _translated(self, "summary", str(_("Description")), long=True)
        self.fields["themes"].choices = theme_choices()
        self.fields["sdg_targets"].choices = sdg_target_choices()

    def clean(self) -> dict[str, Any]:
        from partnerships.core.dates import parse_fuzzy

        data = super().clean()
        bounds = {}
        for name in ("start", "end"):
            if data.get(name):
                try:
                    bounds[name] = parse_fuzzy(data[name], end=name == "end").value
                except ValueError as exc:
                    self.add_error(name, str(exc))
        if len(bounds) == 2 and bounds["end"] < bounds["start"]:
            self.add_error("end", _("The end is before the start."))
        if not any(data.get(f"title_{lang}") for lang in UN_LANGUAGES):
            self.add_error("title_en", _("Give a title in at least one language."))
        return data

    def changes(self) -> dict[str, Any]:
        titles = [
            f"{base}_{lang}" for base in ("title", "summary") for lang in UN_LANGUAGES
        ]
        fields = [*titles, "kind", "status", "start", "end", "themes", "sdg_targets"]
        fields += ["is_published", "is_confidential"]
        return {name: self.cleaned_data.get(name) for name in fields}


class ParticipantForm(forms.Form):
    organisation = forms.CharField(label=_("Organisation"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pick(self, "organisation", "organisations")


class PlaceForm(forms.Form):
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    region = forms.CharField(label=_("Region code"), required=False, max_length=4)
    city_en = forms.CharField(label=_("City"), required=False, max_length=200)
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pick(self, "country", "countries")


class MoneyForm(forms.Form):
    participation = forms.IntegerField(label=_("Participant"))
    amount = forms.DecimalField(
        label=_("Amount"), min_value=0, max_digits=18, decimal_places=2
    )
    currency = forms.RegexField(label=_("Currency"), regex=r"^[A-Z]{3}$")
    value_date = forms.DateField(label=_("Date (YYYY-MM-DD)"), required=False)
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput)


class EvidenceForm(forms.Form):
    symbol = forms.CharField(label=_("Document"))
    number = forms.IntegerField(label=_("Paragraph"), min_value=1)
    quote = forms.CharField(label=_("Quote"), required=False, widget=forms.Textarea)
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pick(self, "symbol", "documents")


class MergeForm(forms.Form):
    source = forms.CharField(label=_("Merge this organisation"))
    target = forms.CharField(label=_("into this one, which stays"))
    reason = forms.CharField(label=_("Reason for the change"))
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("source", "target"):
            pick(self, name, "organisations")


class ConfirmForm(forms.Form):
    """Publishing or unpublishing: why, asked on a page that says what follows."""

    reason = forms.CharField(label=_("Reason for the change"))
    publish = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


class DeleteForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the change"))
    version = forms.IntegerField(widget=forms.HiddenInput)


def theme_choices() -> list[tuple[str, str]]:
    """Themes by their name in the reader's language."""
    from partnerships.reference.models import Theme

    lang = content_language()
    return [(t.code, localized(t, "name", lang).text) for t in Theme.objects.all()]


def sdg_target_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The SDG targets grouped by goal, each with the start of its title."""
    from partnerships.reference.models import SdgTarget

    lang = content_language()
    groups: dict[str, list[tuple[str, str]]] = {}
    for target in SdgTarget.objects.order_by("goal_id", "code"):
        title = getattr(target, f"title_{lang}", "") or target.title_en
        short = title if len(title) <= 70 else title[:68].rstrip() + "…"
        groups.setdefault(str(target.goal_id), []).append(
            (target.code, f"{target.code} {short}")
        )
    return [
        (gettext("Goal %(goal)s") % {"goal": g}, rows) for g, rows in groups.items()
    ]
