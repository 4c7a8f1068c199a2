from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.cooperation.models import Kind
from partnerships.registry.categories import Category
from partnerships.sources.texts import MAX_BYTES, SUFFIXES


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("A report as .txt, .docx or .pdf, up to 20 MB.")
    )
    lang = forms.ChoiceField(
        label=_("Language"), choices=[("zh", _("Chinese")), ("en", _("English"))]
    )
    symbol = forms.CharField(label=_("Document symbol"), required=False, max_length=100)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(
                _("Only .txt, .docx and .pdf files can be read.")
            )
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("accept", "accept"), ("reject", "reject"), ("merge", "merge")]
    )
    name = forms.CharField(required=False, max_length=300)
    category = forms.ChoiceField(required=False, choices=[("", "")] + Category.choices)
    kind = forms.ChoiceField(required=False, choices=[("", "")] + Kind.choices)
    title = forms.CharField(required=False, max_length=500)
    merge_into = forms.CharField(required=False, max_length=100)
    note = forms.CharField(required=False, max_length=300)
