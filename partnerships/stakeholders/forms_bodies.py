"""Forms of the bodies and trainings pages (reading input only)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.reference.models import Country, SdgIndicator
from partnerships.registry.models import Organisation
from partnerships.stakeholders.groups import StakeholderGroup
from partnerships.stakeholders.models import BodyKind, MeetingDocumentKind, MemberRole


class OrganisationKeys(forms.CharField):
    """Registry keys, one per line or separated by spaces; all must exist."""

    widget = forms.Textarea

    def clean(self, value: str) -> list[Organisation]:
        keys = super().clean(value).split()
        found = {o.key: o for o in Organisation.objects.filter(key__in=keys)}
        if missing := [k for k in keys if k not in found]:
            raise forms.ValidationError(
                _("No organisation has the key %(keys)s.")
                % {"keys": ", ".join(missing)}
            )
        return [found[k] for k in keys]


def _country() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False
    )


class BodyForm(forms.Form):
    key = forms.SlugField(label=_("Short name (in addresses)"), max_length=80)
    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices)
    mandate = forms.CharField(label=_("Mandate"), widget=forms.Textarea)
    established = forms.DateField(label=_("Established on"), required=False)
    seats = forms.CharField(
        label=_("Seats (one per line: category=number)"),
        widget=forms.Textarea,
        required=False,
    )

    def clean_seats(self) -> dict[str, int]:
        seats: dict[str, int] = {}
        for line in self.cleaned_data["seats"].split():
            group, _sep, number = line.partition("=")
            if group not in StakeholderGroup.values or not number.isdigit():
                raise forms.ValidationError(
                    _("Write each line as category=number, e.g. women=2.")
                )
            seats[group] = int(number)
        return seats


class MemberForm(forms.Form):
    organisation = OrganisationKeys(label=_("Organisation (key)"))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    group = forms.ChoiceField(
        label=_("Stakeholder category"), choices=StakeholderGroup.choices
    )
    term_start = forms.DateField(label=_("Term starts"), required=False)
    term_end = forms.DateField(label=_("Term ends"), required=False)


class RenewForm(forms.Form):
    organisation = OrganisationKeys(label=_("Member (key)"))
    until = forms.DateField(label=_("New end of term"))


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"))
    country = _country()
    city = forms.CharField(label=_("City"), required=False)
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea, required=False)
    outcome = forms.CharField(
        label=_("Outcome or coordinated input"), widget=forms.Textarea, required=False
    )
    attendees = OrganisationKeys(label=_("Attending organisations (keys)"))


class MeetingDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingDocumentKind.choices)
    file = forms.FileField(
        label=_("Document (PDF, Word, OpenDocument, PNG or JPEG)"),
        allow_empty_file=False,
    )


class TrainingForm(forms.Form):
    key = forms.SlugField(label=_("Short name (in addresses)"), max_length=80)
    title = forms.CharField(label=_("Title"), max_length=300)
    starts_on = forms.DateField(label=_("Starts on"))
    ends_on = forms.DateField(label=_("Ends on"), required=False)
    country = _country()
    city = forms.CharField(label=_("City"), required=False)
    indicators = forms.ModelMultipleChoiceField(
        label=_("SDG 11 indicators covered"),
        queryset=SdgIndicator.objects.all(),
        to_field_name="code",
        required=False,
    )
    organisers = OrganisationKeys(label=_("Organisers (keys)"))
    funders = OrganisationKeys(label=_("Funders (keys)"), required=False)
    feedback = forms.CharField(
        label=_("Feedback gathered"), widget=forms.Textarea, required=False
    )


class TraineeForm(forms.Form):
    organisation = OrganisationKeys(label=_("Organisation (key)"))
    group = forms.ChoiceField(
        label=_("Stakeholder category"), choices=StakeholderGroup.choices
    )
    people = forms.IntegerField(label=_("People trained"), min_value=1, required=False)
