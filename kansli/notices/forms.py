from django import forms
from django.utils.translation import gettext_lazy as _


class KallelseForm(forms.Form):
    extra_recipients = forms.CharField(
        label=_("Other invitees"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E-mail addresses, one per line. The body's members get it anyway."),
    )


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Why the meeting is cancelled"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown on the public page and in the cancellation."),
    )
