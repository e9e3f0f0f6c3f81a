"""The search form: what to look for, and the filters that narrow it."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import MeetingKind
from kansli.public.access import public_bodies
from kansli.search.engines import Filters
from kansli.search.models import Entry
from kansli.search.query import Query, QueryError, parse

# The parameters are Swedish, like the site's addresses: /sok/?q=budget&organ=…&ar=2024
PAGE_PARAMETER = "sida"


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False)
    organ = forms.ModelChoiceField(
        label=_("Body"), queryset=public_bodies(), to_field_name="slug", required=False,
        empty_label=_("All bodies"),
    )
    ar = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    motestyp = forms.ChoiceField(label=_("Kind of meeting"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ar"].choices = [("", _("All years")), *((y, y) for y in Entry.objects.years())]
        self.fields["motestyp"].choices = [("", _("All kinds of meetings")), *MeetingKind.choices]

    def clean_q(self) -> Query | None:
        text = self.cleaned_data["q"]
        if not text:
            return None
        try:
            return parse(text)
        except QueryError as error:
            raise ValidationError(error.message, code="query") from None

    def filters(self) -> Filters:
        body = self.cleaned_data.get("organ")
        return Filters(
            body_id=body.pk if body else None,
            year=self.cleaned_data.get("ar"),
            meeting_kind=self.cleaned_data.get("motestyp") or "",
        )
