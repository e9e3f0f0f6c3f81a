"""The secretariat's forms. Each names what is wrong and where; views save them in one
transaction, so a form is never half-saved."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kansli.meetings.attachments import accepted_extensions, check_upload
from kansli.meetings.models import (
    AgendaItem,
    AgendaTemplateItem,
    Attachment,
    Attendance,
    AttendanceStatus,
    Ballot,
    Decision,
    Meeting,
    MeetingStatus,
    Proposal,
    ProtocolNote,
    Reservation,
    Vote,
)
from kansli.minutes.models import Minutes
from kansli.registry.addresses import reserved_meeting_slugs
from kansli.registry.models import Body, Person


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class OnlineSelect(forms.NullBooleanSelect):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("unknown", _("Not stated")), ("true", _("Yes, wholly or partly")),
            ("false", _("No, in the room")),
        ]


class MeetingForm(forms.ModelForm):
    online_link = forms.URLField(
        label=Meeting._meta.get_field("online_link").verbose_name, required=False,
        assume_scheme="https", help_text=_("The link to the video meeting. Only members see it."),
    )

    class Meta:
        model = Meeting
        fields = [
            "kind", "date", "start_time", "end_time", "place", "online", "online_link",
            "status", "cancellation_note", "slug",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "online": OnlineSelect(),
            "cancellation_note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "slug": _("Leave empty to use the date, e.g. 2025-03-13."),
        }

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["slug"].required = False
        if self.instance.pk is None:
            del self.fields["status"]
            del self.fields["cancellation_note"]

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or ""
        if slug in reserved_meeting_slugs():
            raise forms.ValidationError(_("“%(slug)s” is reserved; choose another address."),
                                        params={"slug": slug})
        return slug

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        if data.get("date") and not data.get("slug"):
            data["slug"] = self._free_slug(data["date"].isoformat())
        elif data.get("slug") and self._taken(data["slug"]):
            self.add_error("slug", _("Another meeting of this body already has this address."))
        if data.get("status") == MeetingStatus.CANCELLED and not data.get("cancellation_note"):
            self.add_error("cancellation_note", _("Say why the meeting is cancelled."))
        return data

    def _taken(self, slug: str) -> bool:
        return Meeting.objects.filter(body=self.body, slug=slug).exclude(
            pk=self.instance.pk
        ).exists()

    def _free_slug(self, base: str) -> str:
        if self.instance.pk and self.instance.slug.startswith(base):
            return self.instance.slug
        slug, counter = base, 2
        while self._taken(slug):
            slug, counter = f"{base}-{counter}", counter + 1
        return slugify(slug)

    def save(self, commit: bool = True) -> Meeting:
        self.instance.body = self.body
        self.instance.slug = self.cleaned_data["slug"]
        return super().save(commit)


TemplateItemFormSet = forms.modelformset_factory(
    AgendaTemplateItem,
    fields=["position", "kind", "title", "text"],
    widgets={"text": forms.Textarea(attrs={"rows": 2})},
    extra=1,
    can_delete=True,
)


class NewItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "parent", "case_number", "confidential"]

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        parent.queryset = meeting.items.filter(parent=None).order_by("sort_key")
        parent.label = _("Sub-item of")
        parent.empty_label = _("None: a main item")
        parent.label_from_instance = lambda item: str(item)


class ItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "case_number", "confidential", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}
        labels = {"text": _("Notes")}


DecisionFormSet = forms.inlineformset_factory(
    AgendaItem, Decision,
    fields=["text", "adjusted_immediately"],
    widgets={"text": forms.Textarea(attrs={"rows": 3})},
    extra=1,
    can_delete=True,
)


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file", "public"]

    def __init__(self, *args, item: AgendaItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["file"].widget.attrs["accept"] = accepted_extensions()
        if item.confidential:
            del self.fields["public"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.detected_type = check_upload(upload)
        return upload

    def save(self, commit: bool = True) -> Attachment:
        upload = self.cleaned_data["file"]
        self.instance.item = self.item
        self.instance.original_name = upload.name
        self.instance.content_type = self.detected_type
        self.instance.size = upload.size
        return super().save(commit)


def _attendance_label(attendance: Attendance) -> str:
    organisation = (
        attendance.organisation.display_name if attendance.organisation_id
        else attendance.organisation_as_written
    )
    return f"{attendance.display_name}, {organisation}" if organisation else attendance.display_name


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["status", "role", "substitute_for", "remote"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["substitute_for"]
        field.queryset = self.instance.meeting.attendances.exclude(pk=self.instance.pk)
        field.label_from_instance = _attendance_label

    def clean(self) -> dict:
        data = super().clean()
        serving = data.get("status") == AttendanceStatus.SERVING_SUBSTITUTE
        if serving and not data.get("substitute_for"):
            self.add_error("substitute_for", _("Say whom the substitute serves for."))
        return data


class BaseAttendanceFormSet(forms.BaseInlineFormSet):
    def get_queryset(self) -> QuerySet[Attendance]:
        return super().get_queryset().select_related("person", "organisation")


AttendanceFormSet = forms.inlineformset_factory(
    Meeting, Attendance,
    form=AttendanceForm,
    formset=BaseAttendanceFormSet,
    extra=0,
    can_delete=True,
)


class AddAttendanceForm(forms.Form):
    person = forms.ModelChoiceField(
        Person.objects.select_related("organisation"), required=False, label=_("Person"),
        empty_label=_("Someone not in the registry"),
    )
    name = forms.CharField(label=_("Name"), required=False, max_length=200,
                           help_text=_("For someone not in the registry."))
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Attendance"), choices=AttendanceStatus.choices,
                               initial=AttendanceStatus.OTHER_PRESENT)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("person") and not data.get("name", "").strip():
            raise forms.ValidationError(_("Choose a person or write a name."))
        return data


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["note_taker", "adjusters", "adjustment_place_time", "adjustment_deadline"]
        widgets = {
            "adjusters": forms.CheckboxSelectMultiple,
            "adjustment_deadline": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        present = self.instance.meeting.attendances.exclude(status=AttendanceStatus.ABSENT)
        present = present.select_related("person", "organisation")
        for name in ("note_taker", "adjusters"):
            self.fields[name].queryset = present
            self.fields[name].label_from_instance = _attendance_label
        self.fields["adjusters"].help_text = _("Only those present can be appointed.")


def _people_at(meeting: Meeting) -> QuerySet[Person]:
    return Person.objects.filter(attendances__meeting=meeting).distinct().order_by("name")


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["mover", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mover"].queryset = _people_at(meeting)


class VoteForm(forms.ModelForm):
    """A vote with its totals; in an open vote, each voting member's vote, which then gives the
    totals."""

    class Meta:
        model = Vote
        fields = ["question", "yes", "no", "abstain", "outcome"]
        widgets = {"question": forms.Textarea(attrs={"rows": 2}),
                   "outcome": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, voters: list[Attendance], **kwargs):
        super().__init__(*args, **kwargs)
        self.voters = voters
        for voter in voters:
            self.fields[f"ballot_{voter.pk}"] = forms.ChoiceField(
                label=voter.display_name, required=False,
                choices=[("", _("Not recorded")), *Ballot.Choice.choices],
            )

    def vote_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def ballot_fields(self) -> list[forms.BoundField]:
        return [self[f"ballot_{voter.pk}"] for voter in self.voters]

    def ballots(self) -> list[tuple[Attendance, str]]:
        return [
            (voter, self.cleaned_data[f"ballot_{voter.pk}"])
            for voter in self.voters if self.cleaned_data.get(f"ballot_{voter.pk}")
        ]

    def clean(self) -> dict:
        data = super().clean()
        counted = [choice for _voter, choice in self.ballots()]
        if counted:
            # An open vote: the totals are the members' votes, never typed beside them.
            for choice in Ballot.Choice.values:
                data[choice] = counted.count(choice)
        return data

    def save(self, commit: bool = True) -> Vote:
        for choice in Ballot.Choice.values:
            setattr(self.instance, choice, self.cleaned_data[choice])
        vote = super().save(commit)
        if commit:
            for voter, choice in self.ballots():
                Ballot.objects.create(vote=vote, attendance=voter, choice=choice)
        return vote


class ReservationForm(forms.ModelForm):
    class Meta:
        model = Reservation
        fields = ["decision", "person", "motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 3})}
        labels = {"motivation": _("Written motivation (optional)")}

    def __init__(self, *args, item: AgendaItem, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = item.decisions.all()
        self.fields["decision"].label_from_instance = lambda decision: decision.text[:80]
        self.fields["person"].queryset = _people_at(item.meeting)
        self.fields["person"].required = True

    def save(self, commit: bool = True) -> Reservation:
        self.instance.name_as_written = self.cleaned_data["person"].name
        return super().save(commit)


class ProtocolNoteForm(forms.ModelForm):
    class Meta:
        model = ProtocolNote
        fields = ["person", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people_at(meeting)
