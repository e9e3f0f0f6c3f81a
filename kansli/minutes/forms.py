"""The forms of justering and publishing; each names the field a bad value came in."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kansli.meetings.models import AgendaItem, Meeting
from kansli.registry.models import Person


class SendForAdjustmentForm(forms.Form):
    deadline = forms.DateField(
        label=_("Adjust by"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: 14 days (from the meeting, for a protocol)."),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ImmediateAdjustmentForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Paragraph"), queryset=AgendaItem.objects.none())
    signers = forms.ModelMultipleChoiceField(
        label=_("Adjusted by"), queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.order_by("sort_key")
        self.fields["signers"].queryset = Person.objects.filter(
            attendances__meeting=meeting
        ).distinct()
