"""The staff forms' pickers: a text field that suggests records as the user
types and keeps the chosen record's key or code.

`pick` marks a form field; the template that draws the field
(`portal/staff/_form.html`) adds a `<datalist>` that htmx fills from the staff
pick view (`/staff/pick/<what>/`: organisations, countries, documents). It lives
here, below every app, so that the staff forms of any feature app mark their
fields the same way as the portal's."""

from __future__ import annotations

from django import forms


def pick(form: forms.Form, name: str, what: str) -> None:
    """Suggestions as the user types (htmx fills the field's datalist, see
    staff/_form.html): a name finds the record, the field keeps its key or code."""
    # The datalist's id follows the field's own (with the form's prefix).
    html_name = form.add_prefix(name)
    form.fields[name].widget.attrs.update(
        {
            "data-pick": what,
            "autocomplete": "off",
            "list": f"dl-{form.auto_id % html_name if form.auto_id else html_name}",
        }
    )
