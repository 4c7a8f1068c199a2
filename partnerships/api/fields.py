"""Fields the API's serializers share: texts in the six languages, country names."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from partnerships.core.languages import UN_LANGUAGES, as_dict
from partnerships.reference.unterm import country_names

TRANSLATIONS = {
    "type": "object",
    "properties": {lang: {"type": "string"} for lang in UN_LANGUAGES},
    "additionalProperties": False,
}


@extend_schema_field(TRANSLATIONS)
class TranslationsField(serializers.Field):
    """{lang: text} over the six `<base>_<lang>` columns."""

    def __init__(self, base: str, **kwargs: Any) -> None:
        self.base = base
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, obj: Any) -> dict[str, str]:
        return as_dict(obj, self.base)

    def to_internal_value(self, data: Any) -> dict[str, str]:
        if not isinstance(data, dict) or set(data) - set(UN_LANGUAGES):
            raise serializers.ValidationError(
                _("Give an object whose keys are among %(languages)s.")
                % {"languages": ", ".join(UN_LANGUAGES)}
            )
        if not all(isinstance(v, str) for v in data.values()):
            raise serializers.ValidationError(_("Every translation must be a string."))
        return {f"{self.base}_{lang}": text.strip() for lang, text in data.items()}


@extend_schema_field({**TRANSLATIONS, "nullable": True, "readOnly": True})
class CountryNamesField(serializers.Field):
    """{lang: name} of the country code, from UN terminology (as the report and the
    portal name countries); null when there is no country."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "country_id")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, code: str) -> dict[str, str]:
        return country_names(code)
