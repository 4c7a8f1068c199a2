"""Forms of the bodies and trainings pages (reading input only)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.reference.models import Country, SdgIndicator
from partnerships.stakeholders.form_pickers import OrganisationKeys, PickedForm
from partnerships.stakeholders.groups import StakeholderGroup
from partnerships.stakeholders.models import BodyKind, MeetingDocumentKind, MemberRole


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


class MemberForm(PickedForm):
    single = ("organisation",)
    organisation = OrganisationKeys(label=_("Organisation"))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    group = forms.ChoiceField(
        label=_("Stakeholder category"), choices=StakeholderGroup.choices
    )
    term_start = forms.DateField(label=_("Term starts"), required=False)
    term_end = forms.DateField(label=_("Term ends"), required=False)


class RenewForm(PickedForm):
    single = ("organisation",)
    organisation = OrganisationKeys(label=_("Member"))
    until = forms.DateField(label=_("New end of term"))


class MeetingForm(PickedForm):
    many = {"attendees": (_("Attending organisation"), 8, True)}

    held_on = forms.DateField(label=_("Date"))
    country = _country()
    city = forms.CharField(label=_("City"), required=False)
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea, required=False)
    outcome = forms.CharField(
        label=_("Outcome or coordinated input"), widget=forms.Textarea, required=False
    )


class AttendeesForm(PickedForm):
    many = {"attendees": (_("Attending organisation"), 8, True)}


class MeetingDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingDocumentKind.choices)
    file = forms.FileField(
        label=_("Document (PDF, Word, OpenDocument, PNG or JPEG)"),
        allow_empty_file=False,
    )


class TrainingForm(PickedForm):
    many = {
        "organisers": (_("Organiser"), 3, True),
        "funders": (_("Funder"), 3, False),
    }

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
    feedback = forms.CharField(
        label=_("Feedback gathered"), widget=forms.Textarea, required=False
    )


class TraineeForm(PickedForm):
    single = ("organisation",)
    organisation = OrganisationKeys(label=_("Organisation"))
    group = forms.ChoiceField(
        label=_("Stakeholder category"), choices=StakeholderGroup.choices
    )
    people = forms.IntegerField(label=_("People trained"), min_value=1, required=False)
