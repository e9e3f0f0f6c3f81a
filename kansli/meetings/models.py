"""Meetings and what happens at them: attendance, agenda items, decisions and their follow-up.

A meeting's date and times are stored as the local wall-clock date and times of the body's
municipality: minutes state "kl 13.00", and a time zone conversion would only add error.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kansli.registry.models import Body, Organisation, Party, Person


class MeetingPart:
    """Something recorded at a meeting. Its audit entries carry the meeting's id, so the
    meeting's history still shows a part after the part is deleted."""

    meeting_path: tuple[str, ...] = ("meeting_id",)

    def get_additional_data(self) -> dict[str, int]:
        value = self
        try:
            for step in self.meeting_path:
                value = getattr(value, step)
        except ObjectDoesNotExist:
            return {}
        return {"meeting": value}


class MeetingKind(models.TextChoices):
    ORDINARY = "ordinary", _("Meeting")
    PLANNING_CONFERENCE = "planning_conference", _("Planning conference")
    EXTRA = "extra", _("Extra meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingQuerySet(models.QuerySet):
    def public(self) -> MeetingQuerySet:
        """Meetings anyone may know about: date, place and status are public information."""
        return self.select_related("body", "body__organisation")


class Meeting(MeetingPart, models.Model):
    """One meeting of a body, planned, held or cancelled."""

    meeting_path = ("pk",)

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("body")
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=MeetingKind.choices, default=MeetingKind.ORDINARY
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(_("end"), null=True, blank=True)
    slug = models.SlugField(
        _("address"), max_length=30,
        help_text=_("The meeting's part of its public address; normally its date."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    online = models.BooleanField(
        _("held online"), null=True, blank=True,
        help_text=_("Wholly or partly digital; empty when unknown."),
    )
    online_link = models.URLField(_("online link"), blank=True, help_text=_("Never public."))
    title = models.CharField(
        _("title"), max_length=300, blank=True,
        help_text=_("The heading of the minutes when it differs from the generated one."),
    )
    date_text = models.CharField(
        _("date as written"), max_length=200, blank=True,
        help_text=_("The date and time line as an imported document wrote it."),
    )
    cancellation_note = models.TextField(_("why cancelled"), blank=True)
    first_paragraph = models.PositiveIntegerField(
        _("first §"), null=True, blank=True,
        help_text=_("Protocol mode: the § this meeting starts at, when it does not follow on "
                    "from the body's earlier meetings this year (e.g. minutes imported mid-year)."),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time"]
        get_latest_by = "date"
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["body", "slug"], name="unique_meeting_slug"),
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("public:meeting", kwargs={"body": self.body.slug, "slug": self.slug})

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    def previous(self) -> Meeting | None:
        return (
            Meeting.objects.filter(body_id=self.body_id, date__lt=self.date)
            .order_by("-date", "-start_time").first()
        )

    def following(self) -> Meeting | None:
        return (
            Meeting.objects.filter(body_id=self.body_id, date__gt=self.date)
            .order_by("date", "start_time").first()
        )


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    SERVING_SUBSTITUTE = "serving_substitute", _("Serving substitute")
    NON_SERVING_SUBSTITUTE = "non_serving_substitute", _("Non-serving substitute")
    OTHER_PRESENT = "other_present", _("Other present")


class AttendanceRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    SECRETARY = "secretary", _("Note-taker")
    MEMBER = "member", _("Member")
    SUBSTITUTE = "substitute", _("Substitute")
    TREASURER = "treasurer", _("Treasurer")
    OFFICIAL = "official", _("Official")
    GUEST = "guest", _("Guest")


class Attendance(MeetingPart, models.Model):
    """A person's presence or absence at a meeting, as which organisation and in which role."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances",
        verbose_name=_("person"),
    )
    name_as_written = models.CharField(_("name as written"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="attendances", verbose_name=_("as organisation"),
    )
    organisation_as_written = models.CharField(
        _("organisation as written"), max_length=200, blank=True
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendances",
        verbose_name=_("party"),
    )
    status = models.CharField(
        _("attendance"), max_length=30, choices=AttendanceStatus.choices,
        default=AttendanceStatus.PRESENT,
    )
    role = models.CharField(
        _("role at the meeting"), max_length=20, choices=AttendanceRole.choices, blank=True
    )
    substitute_for = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by",
        verbose_name=_("substitute for"),
    )
    remote = models.BooleanField(_("took part remotely"), default=False)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.person.name if self.person_id else self.name_as_written

    @property
    def is_present(self) -> bool:
        return self.status != AttendanceStatus.ABSENT


class Matter(models.Model):
    """An ärende that may span several meetings and bodies."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    case_number = models.CharField(_("diarienummer"), max_length=50, blank=True)
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="matters",
        verbose_name=_("responsible body"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    description = models.TextField(_("description"), blank=True)
    public = models.BooleanField(
        _("public"), default=False,
        help_text=_("Shown to the public once a published minutes item deals with it."),
    )
    adoption_due = models.DateField(
        _("adoption expected by"), null=True, blank=True,
        help_text=_("After this day the secretariat is reminded of member organisations that "
                    "have not yet decided."),
    )
    adoption_reminded_on = models.DateField(
        _("reminded of pending adoptions"), null=True, blank=True, editable=False,
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("matter")
        verbose_name_plural = _("matters")

    def __str__(self) -> str:
        return self.title


class ItemKind(models.TextChoices):
    """Standard procedural items, so the agenda template and follow-up can find them."""

    OPENING = "opening", _("Opening")
    ADJUSTER = "adjuster", _("Election of adjuster")
    AGENDA = "agenda", _("Approval of the agenda")
    PREVIOUS = "previous", _("Previous minutes and outstanding matters")
    CHANGES = "changes", _("Changes since the last meeting")
    INFORMATION = "information", _("Information")
    DECISION = "decision", _("Decision")
    OTHER_QUESTIONS = "other_questions", _("Other questions")
    NEXT_MEETING = "next_meeting", _("Next meeting")
    CLOSING = "closing", _("Closing")
    OTHER = "other", _("Other")


class AgendaItemQuerySet(models.QuerySet):
    def public(self) -> AgendaItemQuerySet:
        return self.filter(confidential=False)


class AgendaItem(MeetingPart, models.Model):
    """An item on a meeting's agenda and in its minutes.

    `position` orders items among their siblings; `number` is computed from the positions by
    `kansli.meetings.numbering` and never typed.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting")
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children",
        verbose_name=_("parent item"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    number = models.CharField(
        _("number"), max_length=20, blank=True, editable=False,
        help_text=_("Computed: 1, 4a or § 12."),
    )
    sort_key = models.PositiveIntegerField(
        default=0, editable=False, help_text=_("Document order, computed with the number.")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.OTHER
    )
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("notes"), blank=True, help_text=_("The narrative of the item."))
    case_number = models.CharField(_("diarienummer"), max_length=50, blank=True)
    matter = models.ForeignKey(
        Matter, null=True, blank=True, on_delete=models.SET_NULL, related_name="items",
        verbose_name=_("matter"),
    )
    presenter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="presented_items",
        verbose_name=_("presenter"),
    )
    confidential = models.BooleanField(
        _("confidential"), default=False,
        help_text=_("Handled under secrecy (OSL) or in closed session; never public."),
    )
    number_as_written = models.CharField(_("number as written"), max_length=20, blank=True)
    source_line = models.PositiveIntegerField(_("line in source"), null=True, blank=True)
    revision = models.PositiveIntegerField(
        _("revision"), default=0, editable=False,
        help_text=_("Counts saves of the item's text, so a save based on an older text is "
                    "refused instead of silently overwriting someone else's."),
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "sort_key"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#punkt-{self.anchor}"

    @property
    def anchor(self) -> str:
        return self.number.replace("§", "").strip().replace(" ", "") or str(self.pk)


class Decision(MeetingPart, models.Model):
    """One decision recorded under an agenda item."""

    meeting_path = ("item", "meeting_id")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("item")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.TextField(_("decision"))
    adjusted_immediately = models.BooleanField(
        _("adjusted immediately"), default=False,
        help_text=_("Omedelbar justering (KL 5 kap. 70 §)."),
    )

    class Meta:
        ordering = ["item", "position"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class Proposal(MeetingPart, models.Model):
    """A yrkande put at the meeting (protocol mode)."""

    meeting_path = ("item", "meeting_id")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("item")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    mover = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals",
        verbose_name=_("moved by"),
    )
    mover_as_written = models.CharField(_("moved by, as written"), max_length=300, blank=True)
    text = models.TextField(_("proposal"))

    class Meta:
        ordering = ["item", "position"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return self.text[:80]


class Vote(MeetingPart, models.Model):
    """A vote (votering) on an item, with totals and, for open votes, each member's vote."""

    meeting_path = ("item", "meeting_id")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="votes", verbose_name=_("item")
    )
    question = models.TextField(_("question put"), help_text=_("The propositionsordning."))
    yes = models.PositiveSmallIntegerField(_("yes"), default=0)
    no = models.PositiveSmallIntegerField(_("no"), default=0)
    abstain = models.PositiveSmallIntegerField(_("abstaining"), default=0)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self) -> str:
        return f"{self.yes}–{self.no}–{self.abstain}"


class Ballot(MeetingPart, models.Model):
    """One member's vote in an open vote."""

    meeting_path = ("vote", "item", "meeting_id")

    class Choice(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        ABSTAIN = "abstain", _("Abstains")

    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("vote")
    )
    attendance = models.ForeignKey(
        Attendance, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("voter")
    )
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["vote", "attendance"], name="one_ballot_per_voter"),
        ]

    def __str__(self) -> str:
        return f"{self.attendance}: {self.get_choice_display()}"


class Reservation(MeetingPart, models.Model):
    """A member's reservation against a decision, with an optional written motivation."""

    meeting_path = ("decision", "item", "meeting_id")

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="reservations",
        verbose_name=_("decision"),
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="reservations",
        verbose_name=_("person"),
    )
    name_as_written = models.CharField(_("name as written"), max_length=300)
    motivation = models.TextField(_("written motivation"), blank=True)

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")

    def __str__(self) -> str:
        return self.name_as_written


class ProtocolNote(MeetingPart, models.Model):
    """A protokollsanteckning or särskilt yttrande under an item."""

    meeting_path = ("item", "meeting_id")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="protocol_notes",
        verbose_name=_("item"),
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="protocol_notes",
        verbose_name=_("person"),
    )
    text = models.TextField(_("note"))

    class Meta:
        verbose_name = _("protocol note")
        verbose_name_plural = _("protocol notes")

    def __str__(self) -> str:
        return self.text[:80]


class ActionItem(models.Model):
    """Something to be done, raised under one item and closed under a later one."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    text = models.TextField(_("action"))
    raised_in = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="actions_raised", verbose_name=_("raised under"),
    )
    closed_in = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="actions_closed", verbose_name=_("closed under"),
    )
    matter = models.ForeignKey(
        Matter, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions",
        verbose_name=_("matter"),
    )
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions",
        verbose_name=_("owner"),
    )
    owner_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions",
        verbose_name=_("owning organisation"),
    )
    owner_as_written = models.CharField(_("owner as written"), max_length=200, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    due_as_written = models.CharField(
        _("due as written"), max_length=100, blank=True,
        help_text=_("When the due date is not a date, e.g. 'Q1 2024'."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.text[:80]


class Adoption(models.Model):
    """How one member organisation handled a proposal that it must adopt in its own board."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Not yet handled")
        SCHEDULED = "scheduled", _("On the agenda")
        ADOPTED = "adopted", _("Adopted")
        ADOPTED_WITH_CHANGES = "adopted_with_changes", _("Adopted with changes")
        REJECTED = "rejected", _("Rejected")

    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("matter")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="adoptions",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.PENDING
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    deciding_body = models.CharField(_("deciding body"), max_length=200, blank=True)
    reference = models.CharField(
        _("reference"), max_length=200, blank=True, help_text=_("E.g. 'KS § 123'.")
    )
    url = models.URLField(_("link to their minutes"), blank=True)

    class Meta:
        ordering = ["matter", "organisation__name"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.UniqueConstraint(fields=["matter", "organisation"], name="one_adoption_each"),
        ]

    def __str__(self) -> str:
        return f"{self.matter} – {self.organisation}"


class ForwardPlan(models.Model):
    """A matter put on a future meeting of a body: a planned meeting, the first meeting from a
    date, or only a time as the minutes say it ("i början på nästa år")."""

    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, related_name="plans", verbose_name=_("matter")
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="forward_plans", verbose_name=_("body")
    )
    # SET_NULL: a meeting removed from the calendar leaves the plan waiting for the next one.
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="forward_plans",
        verbose_name=_("meeting"),
    )
    not_before = models.DateField(
        _("from"), null=True, blank=True,
        help_text=_("Without a meeting: the first meeting on or after this day takes it up."),
    )
    when_as_written = models.CharField(
        _("when, in words"), max_length=200, blank=True,
        help_text=_("E.g. 'i början på nästa år'."),
    )
    title = models.CharField(
        _("item title"), max_length=500, blank=True,
        help_text=_("The agenda item's title; the matter's title when empty."),
    )
    kind = models.CharField(
        _("kind of item"), max_length=20, choices=ItemKind.choices, default=ItemKind.INFORMATION
    )
    # SET_NULL on both items: the plan outlives an item deleted from an agenda.
    planned_in = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="plans_made",
        verbose_name=_("planned under"),
    )
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="planned_by",
        verbose_name=_("put on the agenda as"),
    )

    class Meta:
        ordering = ["not_before", "pk"]
        verbose_name = _("forward plan")
        verbose_name_plural = _("forward plans")

    def __str__(self) -> str:
        return self.title or self.matter.title

    @property
    def item_title(self) -> str:
        return self.title or self.matter.title


class AgendaTemplateItem(models.Model):
    """One of the standard items a body's new meetings start their agenda with."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="agenda_template", verbose_name=_("body")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.OTHER
    )
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(
        _("text"), blank=True, help_text=_("Text the item starts with in every new meeting.")
    )

    class Meta:
        ordering = ["body", "position", "pk"]
        verbose_name = _("standard agenda item")
        verbose_name_plural = _("standard agenda items")

    def __str__(self) -> str:
        return self.title


def attachment_path(attachment: Attachment, filename: str) -> str:
    # A random folder per file: two uploads with the same name never meet, and a file's
    # address cannot be guessed from the meeting's.
    meeting = attachment.item.meeting
    return f"bilagor/{meeting.body.slug}/{meeting.slug}/{uuid.uuid4().hex}/{filename}"


class Attachment(MeetingPart, models.Model):
    """A document attached to an agenda item (handling): PDF, office document or image."""

    meeting_path = ("item", "meeting_id")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("item")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=400)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(
        _("type"), max_length=120, help_text=_("Detected from the file's content on upload.")
    )
    size = models.PositiveBigIntegerField(_("size in bytes"))
    # SET_NULL: the document stays when the account that uploaded it is closed.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    public = models.BooleanField(
        _("public"), default=False,
        help_text=_("May be shown with the published minutes. Never for a confidential item."),
    )

    class Meta:
        ordering = ["item", "uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name
