"""The review form: an imported document's parsed fields, as the secretary corrects them."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansli.imports.parse.model import ROLES
from kansli.imports.review import FIELDS

LANGUAGES = [("sv", _("Swedish")), ("en", _("English")), ("no", _("Norwegian")),
             ("da", _("Danish"))]
KINDS = [("protokoll", _("protocol")), ("minnesanteckningar", _("notes")),
         ("association", _("association")), ("board", _("company or charity board")),
         ("other", _("other"))]
PERSON_HELP = _("One person a line: name; organisation; role; party. Roles: %(roles)s.") % {
    "roles": ", ".join(ROLES)
}


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    """One or more files from one file input."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = [each for each in (data if isinstance(data, list | tuple) else [data]) if each]
        if not files:
            super().clean(None, initial)  # raises the field's own "required" error
        cleaned = []
        for each in files:
            cleaned.append(super().clean(each, initial))
        return cleaned


class UploadForm(forms.Form):
    """Minutes documents to import into one of the bodies the secretary runs."""

    body = forms.ModelChoiceField(label=_("Committee or board"), queryset=None, empty_label=None)
    # An empty file is reported with the others, by the import, rather than failing the form.
    documents = DocumentsField(
        label=_("Minutes documents"), allow_empty_file=True,
        help_text=_("Text, Word (.docx), PDF with a text layer or OpenDocument (.odt); "
                    "several at once."),
    )

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies.select_related("organisation").order_by("name")
        self.fields["documents"].widget.attrs["accept"] = ".txt,.docx,.pdf,.odt"


class ReviewForm(forms.Form):
    """Every correctable field; `changes()` gives those the secretary altered, in parse form."""

    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    kind = forms.ChoiceField(label=_("Kind of minutes"), choices=KINDS)
    body = forms.CharField(label=_("Body"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    meeting_type = forms.CharField(label=_("Meeting type"), max_length=100, required=False)
    date = forms.DateField(label=_("Date"), help_text=_("YYYY-MM-DD"))
    start = forms.TimeField(label=_("Start"), required=False, help_text=_("HH:MM"))
    end = forms.TimeField(label=_("End"), required=False, help_text=_("HH:MM"))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online = forms.NullBooleanField(label=_("Held wholly or partly online"), required=False)
    cancelled = forms.BooleanField(label=_("The meeting was cancelled"), required=False)
    chair = forms.CharField(label=_("Chair"), max_length=200, required=False)
    secretary = forms.CharField(label=_("Secretary"), max_length=200, required=False)
    adjusters = forms.CharField(
        label=_("Adjusters"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One name a line."),
    )
    present = forms.CharField(
        label=_("Present"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=PERSON_HELP,
    )
    absent = forms.CharField(
        label=_("Absent"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One person a line: name; organisation."),
    )
    previous_meeting = forms.CharField(
        label=_("Previous meeting"), max_length=100, required=False,
        help_text=_("A date (YYYY-MM-DD) or the text as written."),
    )
    next_meeting = forms.CharField(
        label=_("Next meeting"), max_length=100, required=False,
        help_text=_("A date (YYYY-MM-DD) or the text as written."),
    )

    def __init__(self, *args: Any, parsed: dict[str, Any], **kwargs: Any) -> None:
        self.parsed = parsed
        super().__init__(*args, initial=_initial(parsed), **kwargs)

    def clean_present(self) -> list[dict[str, Any]]:
        people = []
        for number, line in enumerate(_lines(self.cleaned_data["present"]), start=1):
            name, organisation, role, party = ([*line.split(";"), "", "", ""])[:4]
            if not name.strip():
                raise forms.ValidationError(_("Line %(line)d has no name.") % {"line": number})
            if role.strip() and role.strip() not in ROLES:
                raise forms.ValidationError(
                    _("Line %(line)d: “%(role)s” is not a role; use one of %(roles)s.")
                    % {"line": number, "role": role.strip(), "roles": ", ".join(ROLES)}
                )
            people.append({"name": name.strip(), "organisation": organisation.strip() or None,
                           "role": role.strip() or None, "party": party.strip() or None})
        return people

    def clean_absent(self) -> list[dict[str, Any]]:
        people = []
        for line in _lines(self.cleaned_data["absent"]):
            name, organisation = ([*line.split(";"), ""])[:2]
            people.append({"name": name.strip(), "organisation": organisation.strip() or None})
        return people

    def clean_adjusters(self) -> list[str]:
        return _lines(self.cleaned_data["adjusters"])

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the parse, each in the parse schema's form."""
        changed = {}
        for name in FIELDS:
            value = _schema_value(self.cleaned_data.get(name))
            if value != _comparable(name, self.parsed.get(name)):
                changed[name] = value
        return changed


def _schema_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if value == "":
        return None
    return value


def _comparable(name: str, value: Any) -> Any:
    if name == "present":
        return [{key: person.get(key) for key in ("name", "organisation", "role", "party")}
                for person in value or []]
    if name == "absent":
        return [{key: person.get(key) for key in ("name", "organisation")}
                for person in value or []]
    if name == "adjusters":
        return list(value or [])
    if name == "cancelled":
        return bool(value)
    return value if value != "" else None


def _initial(parsed: dict[str, Any]) -> dict[str, Any]:
    initial = {name: parsed.get(name) for name in FIELDS}
    initial["adjusters"] = "\n".join(parsed.get("adjusters") or [])
    initial["present"] = "\n".join(
        "; ".join(person.get(key) or "" for key in ("name", "organisation", "role", "party"))
        .rstrip("; ")
        for person in parsed.get("present") or []
    )
    initial["absent"] = "\n".join(
        "; ".join(person.get(key) or "" for key in ("name", "organisation")).rstrip("; ")
        for person in parsed.get("absent") or []
    )
    return initial
