"""What makes an organisation valid beyond its fields: its key and a name.

Pure functions over a dict of column values returning the errors per field, used
by the model's `clean` (single records) and by `registry/bulk.py` (rows in bulk),
so both apply one definition. The key rule serves engagements too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.validation import Errors

KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 ._&()-]*$"
_KEY = re.compile(KEY_PATTERN)
_NAMES = tuple(f"name_{lang}" for lang in UN_LANGUAGES)


def key_errors(key: Any) -> Errors:
    if not isinstance(key, str) or not _KEY.match(key):
        return {
            "key": [
                _(
                    "The key %(key)s must start with a letter or digit and hold "
                    "only letters, digits, spaces and . _ & ( ) -."
                )
                % {"key": repr(key)}
            ]
        }
    return {}


def organisation_errors(values: Mapping[str, Any]) -> Errors:
    """Key shape, at least one name, and not its own parent."""
    errors: Errors = {}
    if "key" in values:
        errors |= key_errors(values["key"])
    if all(name in values for name in _NAMES) and not any(
        values[name] for name in _NAMES
    ):
        errors["name_en"] = [
            _("An organisation needs a name in at least one language.")
        ]
    parent = values.get("parent_id")
    if parent is not None and parent == values.get("id"):
        errors["parent_id"] = [_("An organisation cannot be its own parent.")]
    return errors
