"""Forms of the accreditation pages. They only read and check input; the
services write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.stakeholders.form_pickers import PickedForm
from partnerships.stakeholders.models import (
    CHECKLIST,
    REQUIRED_DOCUMENTS,
    Application,
    Audience,
    Comment,
    CommentKind,
    DocumentKind,
)
from partnerships.stakeholders.services.applications import SUBMITTED_FIELDS
from partnerships.stakeholders.services.uploads import SIGNATURES

ACCEPT = ",".join(f".{ext}" for ext in SIGNATURES)


def _file_field(label: object, required: bool) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=required,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


class ApplicationForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Application
        fields = list(SUBMITTED_FIELDS)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].required = True
        self.fields["contact_email"].required = True
        labels = dict(DocumentKind.choices)
        for kind in REQUIRED_DOCUMENTS:
            self.fields[f"doc_{kind}"] = _file_field(labels[kind], True)

    def values(self) -> dict[str, object]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def uploads(self) -> list[tuple[str, str, bytes]]:
        return [
            (kind, upload.name, upload.read())
            for kind in REQUIRED_DOCUMENTS
            if (upload := self.cleaned_data.get(f"doc_{kind}"))
        ]


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), widget=forms.Textarea)
    kind = forms.ChoiceField(
        label=_("Kind of document"), choices=DocumentKind.choices, required=False
    )
    document = _file_field(_("Document"), False)

    def uploads(self) -> list[tuple[str, str, bytes]]:
        upload = self.cleaned_data.get("document")
        if not upload:
            return []
        return [(self.cleaned_data["kind"] or "other", upload.name, upload.read())]


class ChecklistForm(forms.Form):
    ticked = forms.MultipleChoiceField(
        label=_("Checklist"),
        choices=list(CHECKLIST.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class RequestForm(forms.Form):
    text = forms.CharField(label=_("What is missing"), widget=forms.Textarea)


class DecisionForm(PickedForm):
    single = ("organisation_key",)

    accredit = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("accredit")), ("no", _("do not accredit"))],
        coerce=lambda v: v == "yes",
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea)
    organisation_key = forms.CharField(
        label=_("Existing organisation, if the registry has it"),
        required=False,
    )


class EraseForm(forms.Form):
    reason = forms.CharField(label=_("Reason (the request received)"))


class BasisImportForm(forms.Form):
    file = forms.FileField(label=_("CSV list: name, country, basis, reference"))


class ConsultationForm(PickedForm):
    many = {"invited": (_("Invited organisation"), 6, False)}

    key = forms.SlugField(label=_("Short name (in addresses)"), max_length=80)
    title = forms.CharField(label=_("Title"), max_length=300)
    audience = forms.ChoiceField(label=_("Open to"), choices=Audience.choices)
    opens_on = forms.DateField(label=_("Opens on"), required=False)
    deadline = forms.DateField(label=_("Deadline"))
    draft = forms.FileField(label=_("Draft (.docx or .txt)"))


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = [
            "organisation_name",
            "group",
            "kind",
            "text",
            "proposed_text",
            "author_name",
        ]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("kind") == CommentKind.AMEND and not data.get("proposed_text"):
            self.add_error(
                "proposed_text", _("An amendment gives the text it proposes.")
            )
        return data


class ModerationForm(PickedForm):
    single = ("organisation_key",)

    publish = forms.TypedChoiceField(
        label=_("Moderation"),
        choices=[("yes", _("publish")), ("no", _("do not publish"))],
        coerce=lambda v: v == "yes",
    )
    organisation_key = forms.CharField(
        label=_("Organisation in the registry"), required=False
    )


class SynthesisForm(forms.Form):
    paragraph = forms.IntegerField(label=_("Paragraph"), required=False)
    text = forms.CharField(label=_("Synthesis"), widget=forms.Textarea, required=False)
