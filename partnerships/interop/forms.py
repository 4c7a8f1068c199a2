"""The IATI upload form: XML files under the reader's size limit."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from partnerships.interop.iati.reader import MAX_BYTES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xml"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("IATI XML files"),
        help_text=format_lazy(
            _("IATI 2.01 to 2.03 activity or organisation files, up to {mb} MB each."),
            mb=MAX_BYTES // 2**20,
        ),
    )
    dry_run = forms.BooleanField(
        required=False,
        label=_("Dry run"),
        help_text=_(
            "Read, check and map everything, then roll back: nothing is saved."
        ),
    )

    def clean_files(self) -> list:
        files = self.cleaned_data["files"]
        for upload in files:
            if not upload.name.lower().endswith(".xml"):
                raise ValidationError(
                    _("%(file)s: only .xml files are taken.") % {"file": upload.name}
                )
            if upload.size > MAX_BYTES:
                raise ValidationError(
                    _("%(file)s: %(size)s bytes, over the limit of %(limit)s.")
                    % {"file": upload.name, "size": upload.size, "limit": MAX_BYTES}
                )
        return files
