"""The memory pages' forms. Each names what is wrong and where; the views save them in one
transaction, so nothing is ever half-saved."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kansli.imports.resolve import unique_slugs
from kansli.meetings import adoption, followup
from kansli.meetings.models import (
    ActionItem,
    Adoption,
    AgendaItem,
    ForwardPlan,
    ItemKind,
    Matter,
    Meeting,
    MeetingStatus,
)
from kansli.memory import names
from kansli.registry import changes
from kansli.registry.addresses import reserved_matter_slugs
from kansli.registry.models import (
    Body,
    Membership,
    Organisation,
    Party,
    Person,
    Post,
    Term,
)
from kansli.staff.forms import DateInput


def _person_label(person: Person) -> str:
    organisation = person.organisation.display_name if person.organisation_id else ""
    return f"{person.name}, {organisation}" if organisation else person.name


def _people() -> QuerySet[Person]:
    return Person.objects.select_related("organisation").order_by("name")


def _item_label(item: AgendaItem) -> str:
    return f"{item.meeting.body.name} {item.meeting.date:%Y-%m-%d}: {item}"


def _dates_from_term(data: dict, term: Term | None) -> None:
    """A term of office fills the dates left empty."""
    if term is not None:
        data["start"] = data.get("start") or term.start
        data["end"] = data.get("end") or term.end


def _check_period(form: forms.Form, data: dict) -> None:
    start, end = data.get("start"), data.get("end")
    if start and end and end < start:
        form.add_error("end", _("The last day cannot come before the first."))


class ChangeForm(forms.Form):
    """A new holder of a post from a day, or the same holder re-elected."""

    post = forms.ModelChoiceField(Post.objects.select_related("organisation"), label=_("Post"))
    person = forms.ModelChoiceField(
        _people(), required=False, label=_("New holder"),
        empty_label=_("Someone not yet in the registry"),
        help_text=_("Choose the holder again to record a re-election."),
    )
    new_name = forms.CharField(
        label=_("Name of someone not yet in the registry"), required=False, max_length=200
    )
    party = forms.ModelChoiceField(
        Party.objects.all(), required=False, label=_("Party"),
        help_text=_("The party the post is held for; the person's own party when empty."),
    )
    start = forms.DateField(label=_("From"), widget=DateInput(),
                            help_text=_("The first day in the post. Whoever held it until then "
                                        "stops the day before."))
    term = forms.ModelChoiceField(Term.objects.all(), required=False, label=_("Term of office"),
                                  help_text=_("The tenure then ends when the term does."))
    note = forms.CharField(
        label=_("What happened"), required=False, max_length=300,
        help_text=_("Said first in the minutes' list of changes, e.g. 'Nytt styre.'"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].label_from_instance = _person_label

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("new_name", "").strip()):
            self.add_error("person", _("Choose a person or write a new person's name, not both."))
        if data.get("post") and data.get("start"):
            try:
                changes.check_change(data["post"], data["start"])
            except changes.ChangeError as error:
                self.add_error("start", str(error))
        return data

    def holder(self) -> Person:
        """The chosen person, or a new one of the post's organisation (saved)."""
        data = self.cleaned_data
        if data["person"]:
            return data["person"]
        name = data["new_name"].strip()
        slug = unique_slugs(Person.objects.all(), [name], 120, "person")[0]
        return Person.objects.create(name=name, slug=slug, party=data["party"],
                                     organisation=data["post"].organisation)

    def save(self):
        data = self.cleaned_data
        return changes.record_change(data["post"], self.holder(), data["start"],
                                     party=data["party"], note=data["note"], term=data["term"])


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["name", "organisation"]
        help_texts = {"name": _("E.g. 'KSO Huddinge' or 'Ordförande i samarbetskommittén'.")}


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ["name", "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def clean(self) -> dict:
        data = super().clean()
        _check_period(self, data)
        return data


class MembershipForm(forms.ModelForm):
    """A seat in the body: a person's own, or ex officio through a post."""

    class Meta:
        model = Membership
        fields = ["person", "post", "role", "on_behalf_of", "substitute_for", "voting", "term",
                  "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}
        help_texts = {"start": _("Empty: from the start of the term, if one is chosen.")}

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["person"].queryset = _people()
        self.fields["person"].label_from_instance = _person_label
        self.fields["post"].queryset = Post.objects.select_related("organisation")
        seats = body.memberships.select_related("person", "post").exclude(pk=self.instance.pk)
        self.fields["substitute_for"].queryset = seats
        self.fields["on_behalf_of"].queryset = Organisation.objects.all()

    def clean(self) -> dict:
        # That a seat has a person or a post, not both, is the model's own constraint.
        data = super().clean()
        _dates_from_term(data, data.get("term"))
        _check_period(self, data)
        return data

    def save(self, commit: bool = True) -> Membership:
        self.instance.body = self.body
        self.instance.start = self.cleaned_data.get("start")
        self.instance.end = self.cleaned_data.get("end")
        return super().save(commit)


class EndMembershipForm(forms.Form):
    end = forms.DateField(label=_("Last day"), widget=DateInput())

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_end(self) -> datetime.date:
        end = self.cleaned_data["end"]
        if self.membership.start and end < self.membership.start:
            raise forms.ValidationError(_("The seat started on %(date)s; it cannot end before.")
                                        % {"date": self.membership.start.isoformat()})
        return end


class MatterForm(forms.ModelForm):
    class Meta:
        model = Matter
        fields = ["title", "case_number", "description", "status", "public", "adoption_due"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "adoption_due": DateInput()}

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body

    def save(self, commit: bool = True) -> Matter:
        self.instance.body = self.instance.body or self.body
        if not self.instance.slug:
            self.instance.slug = matter_slug(self.instance.title)
        return super().save(commit)


def matter_slug(title: str) -> str:
    """A free address for a new matter, never one of the fixed pages under /arenden/."""
    slug = unique_slugs(Matter.objects.all(), [title], 120, "arende")[0]
    if slug in reserved_matter_slugs():
        slug = unique_slugs(Matter.objects.all(), [f"{title} arende"], 120, "arende")[0]
    return slug


def body_items(bodies: QuerySet[Body]) -> QuerySet[AgendaItem]:
    """Items of the bodies' meetings, newest meeting first, for choosing one."""
    return (
        AgendaItem.objects.filter(meeting__body__in=bodies)
        .select_related("meeting__body")
        .order_by("-meeting__date", "meeting__pk", "sort_key")
    )


class LinkItemForm(forms.Form):
    item = forms.ModelChoiceField(AgendaItem.objects.none(), label=_("Agenda item"),
                                  help_text=_("An item of any meeting of your bodies."))

    def __init__(self, *args, bodies: QuerySet[Body], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = body_items(bodies)
        self.fields["item"].label_from_instance = _item_label


class PlanForm(forms.ModelForm):
    """A matter put on a future meeting."""

    class Meta:
        model = ForwardPlan
        fields = ["meeting", "not_before", "when_as_written", "title", "kind"]
        widgets = {"not_before": DateInput()}

    def __init__(self, *args, matter: Matter, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.matter = matter
        meetings = Meeting.objects.filter(body=matter.body, date__gte=today).exclude(
            status=MeetingStatus.CANCELLED).order_by("date")
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.date:%Y-%m-%d} {m.get_kind_display()}")
        self.fields["meeting"].empty_label = _("No meeting yet")
        self.fields["kind"].choices = [(k, label) for k, label in ItemKind.choices
                                       if k in (ItemKind.INFORMATION, ItemKind.DECISION)]

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("meeting") or data.get("not_before") or data.get("when_as_written")):
            raise forms.ValidationError(
                _("Say when: choose a meeting, the first day it may be taken up, or write when "
                  "in words."))
        return data

    def save(self, commit: bool = True) -> ForwardPlan:
        self.instance.matter = self.matter
        self.instance.body = self.matter.body
        return super().save(commit)


class ActionForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["text", "owner", "owner_organisation", "due", "due_as_written", "matter",
                  "raised_in"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "due": DateInput()}

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people()
        self.fields["owner"].label_from_instance = _person_label
        self.fields["matter"].queryset = Matter.objects.filter(body=body)
        self.fields["raised_in"].queryset = body_items(Body.objects.filter(pk=body.pk))
        self.fields["raised_in"].label_from_instance = _item_label

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("owner") or data.get("owner_organisation")):
            self.add_error("owner", _("Say who owns the action: a person or an organisation."))
        return data


class CloseActionForm(forms.Form):
    item = forms.ModelChoiceField(AgendaItem.objects.none(), label=_("Closed under"))
    status = forms.ChoiceField(
        label=_("Outcome"), initial=ActionItem.Status.DONE,
        choices=[(ActionItem.Status.DONE, ActionItem.Status.DONE.label),
                 (ActionItem.Status.CANCELLED, ActionItem.Status.CANCELLED.label)],
    )

    def __init__(self, *args, action: ActionItem, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        items = body_items(Body.objects.filter(pk=body.pk))
        if action.raised_in_id:
            raised = action.raised_in.meeting
            items = items.filter(meeting__date__gte=raised.date).exclude(meeting=raised)
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = _item_label

    def clean(self) -> dict:
        data = super().clean()
        if data.get("item"):
            try:
                followup.check_closing(self.action, data["item"])
            except followup.FollowupError as error:
                self.add_error("item", str(error))
        return data


class AdoptionForm(forms.Form):
    organisation = forms.ModelChoiceField(Organisation.objects.all(), label=_("Organisation"))
    status = forms.ChoiceField(label=_("Status"), choices=Adoption.Status.choices)
    decision_date = forms.DateField(label=_("Date"), required=False, widget=DateInput(),
                                    help_text=_("Of the decision, or of the meeting it is on "
                                                "the agenda of."))
    deciding_body = forms.CharField(label=_("Deciding body"), required=False, max_length=200,
                                    initial="Kommunstyrelsen")
    reference = forms.CharField(label=_("Reference"), required=False, max_length=200,
                                help_text=_("E.g. 'KS § 123'."))
    url = forms.URLField(label=_("Link to their minutes"), required=False,
                         assume_scheme="https")

    def __init__(self, *args, matter: Matter, **kwargs):
        super().__init__(*args, **kwargs)
        members = matter.body.member_organisations.all() if matter.body_id else None
        if members is not None and members.exists():
            self.fields["organisation"].queryset = members

    def clean(self) -> dict:
        data = super().clean()
        if data.get("status"):
            try:
                adoption.check(data["status"], data.get("decision_date"))
            except adoption.AdoptionError as error:
                self.add_error("decision_date", str(error))
        return data


class ResolveNameForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(
        label=_("The name stands for"), widget=forms.RadioSelect, initial=names.LINK,
        choices=[(names.LINK, _("this person in the registry")),
                 (names.NEW, _("a person of their own, new to the registry")),
                 (names.KEEP, _("nobody in the registry: keep it as written"))],
    )
    person = forms.ModelChoiceField(_people(), required=False, label=_("Person"))

    def __init__(self, *args, entry: names.Unresolved | None = None, number: int = 0,
                 choices: list[tuple[object, str]] | None = None, **kwargs):
        # Each name on the page has a form of its own; their field ids must still differ.
        super().__init__(*args, auto_id=f"id_name{number}_%s", **kwargs)
        self.fields["person"].label_from_instance = _person_label
        if choices is not None:
            # The people, read once for all the page's forms rather than once per form.
            self.fields["person"].choices = choices
        if entry is not None:
            self.initial.update({"key": entry.key, "person": (entry.suggestions or [None])[0]})
            if entry.created is not None:
                # Attendance needs a person: a created one is linked or confirmed.
                self.fields["choice"].choices = self.fields["choice"].choices[:2]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("choice") == names.LINK and not data.get("person"):
            self.add_error("person", _("Choose the person the name stands for."))
        return data


def person_choices() -> list[tuple[object, str]]:
    """The choices of a person field, read in one query, for pages with many such fields."""
    return [("", "---------"), *((person.pk, _person_label(person)) for person in _people())]
