"""Organisations, bodies, people, posts and memberships, all dated.

Membership is often ex officio: a committee seat belongs to a post ("KSO Huddinge") and whoever
holds the post at a date sits on the committee at that date. So "who sat on the body on a day" is
answered from dated records, never typed by hand.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kansli.registry.addresses import validate_body_slug


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    COOPERATION = "cooperation", _("Cooperation")
    ASSOCIATION = "association", _("Association")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    """A municipality, region, cooperation, association or company."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=100, blank=True,
        help_text=_("The name as minutes usually write it, e.g. 'Botkyrka' for Botkyrka kommun."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    aliases = models.JSONField(
        _("other spellings"), default=list, blank=True,
        help_text=_("Other ways documents write the name; used when importing minutes."),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class BodyMode(models.TextChoices):
    NOTES = "notes", _("Notes (minnesanteckningar)")
    PROTOCOL = "protocol", _("Protocol (protokoll)")


class Body(models.Model):
    """A committee, board, council or working group that holds meetings."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="bodies",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, validators=[validate_body_slug],
        help_text=_("The body's part of public addresses, e.g. 'samarbetskommitten'."),
    )
    mode = models.CharField(
        _("document mode"), max_length=10, choices=BodyMode.choices, default=BodyMode.NOTES,
        help_text=_("Notes mode numbers items 1, 2, 3; protocol mode numbers § through the year."),
    )
    description = models.TextField(_("description"), blank=True)
    member_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="member_of_bodies",
        verbose_name=_("member organisations"),
        help_text=_("In a cooperation body, the organisations that must adopt its proposals."),
    )
    notice_days = models.PositiveSmallIntegerField(
        _("notice period (days)"), default=5,
        help_text=_("Days before a meeting that the kallelse must be sent."),
    )
    protocol_kept_at = models.CharField(
        _("where the minutes are kept"), max_length=200, blank=True,
    )
    aliases = models.JSONField(
        _("other names"), default=list, blank=True,
        help_text=_("Names imported documents use for this body."),
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:body", kwargs={"body": self.slug})

    @property
    def is_protocol(self) -> bool:
        return self.mode == BodyMode.PROTOCOL


class Party(models.Model):
    """A political party, known by its abbreviation."""

    abbreviation = models.CharField(_("abbreviation"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.abbreviation


class Person(models.Model):
    """A politician, official or other participant."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people",
        verbose_name=_("organisation"), help_text=_("The organisation the person belongs to."),
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.SET_NULL, related_name="people",
        verbose_name=_("party"),
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True,
        help_text=_("Job title of an official, e.g. 'Kommundirektör'."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Never shown publicly."))
    # SET_NULL: closing an account leaves the person, and what the minutes say of them, intact.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="person", verbose_name=_("user account"),
        help_text=_("The account the person signs in with, e.g. to adjust minutes."),
    )
    unconfirmed = models.BooleanField(
        _("to be confirmed"), default=False,
        help_text=_("Created by an import for a name it matched to nobody; the secretariat "
                    "confirms the person or links the name to someone the registry knows."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:person", kwargs={"slug": self.slug})


class Term(models.Model):
    """A term of office (mandatperiod)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

    class Meta:
        ordering = ["-start"]
        verbose_name = _("term of office")
        verbose_name_plural = _("terms of office")

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    """An office such as 'KSO Huddinge' that different people hold over time."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="posts",
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_post_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def holder_on(self, day: datetime.date) -> Person | None:
        tenure = self.tenures.current_on(day).select_related("person").first()
        return tenure.person if tenure else None


class DatedQuerySet(models.QuerySet):
    """Records with a start and an optional end date (inclusive)."""

    def current_on(self, day: datetime.date) -> DatedQuerySet:
        return self.filter(Q(start__isnull=True) | Q(start__lte=day)).filter(
            Q(end__isnull=True) | Q(end__gte=day)
        )


class Tenure(models.Model):
    """A person holding a post from one date to another, for a party."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="tenures", verbose_name=_("post")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="tenures", verbose_name=_("person")
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.SET_NULL, related_name="tenures",
        verbose_name=_("party"),
    )
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Last day, inclusive."))
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("E.g. 're-elected', 'elected KSO'.")
    )
    term = models.ForeignKey(
        Term, null=True, blank=True, on_delete=models.SET_NULL, related_name="tenures",
        verbose_name=_("term of office"),
        help_text=_("The mandatperiod the tenure belongs to, when it follows one."),
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["post", "start"]
        verbose_name = _("tenure")
        verbose_name_plural = _("tenures")

    def __str__(self) -> str:
        return f"{self.person} – {self.post}"


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    MEMBER = "member", _("Member")
    SUBSTITUTE = "substitute", _("Substitute")
    SECRETARY = "secretary", _("Secretary")
    OFFICIAL = "official", _("Official")
    ADJUNCT = "adjunct", _("Co-opted")


class Membership(models.Model):
    """A seat in a body held by a person directly or by whoever holds a post (ex officio)."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("person"),
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("post"), help_text=_("For an ex officio seat: the post that holds it."),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    on_behalf_of = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="represented_by", verbose_name=_("representing"),
    )
    substitute_for = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="substitutes",
        verbose_name=_("substitute for"),
    )
    voting = models.BooleanField(_("voting right"), default=True)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Last day, inclusive."))
    term = models.ForeignKey(
        Term, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships",
        verbose_name=_("term of office"),
        help_text=_("The mandatperiod the seat is for; a seat may still end before it does."),
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["body", "on_behalf_of__name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, post__isnull=True)
                | Q(person__isnull=True, post__isnull=False),
                name="membership_person_or_post",
                violation_error_message=_(
                    "A seat belongs to a person or to a post: choose exactly one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.post} – {self.body}"

    def holder_on(self, day: datetime.date) -> Person | None:
        if self.person_id:
            return self.person
        return self.post.holder_on(day) if self.post_id else None


class NameResolution(models.Model):
    """What a name as imported minutes write it stands for, decided once by the secretariat.

    Keyed by the folded name (see `kansli.imports.resolve.fold`) and the organisation it was
    written with, so the next import of the same spelling finds the same person. A resolution
    without a person says the name is not a registry person and is to be kept as written.
    """

    folded_name = models.CharField(_("folded name"), max_length=200, db_index=True)
    name_as_written = models.CharField(_("name as written"), max_length=200)
    # CASCADE: a resolution only means something together with the organisation it was made for.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE,
        related_name="name_resolutions", verbose_name=_("written with organisation"),
    )
    # CASCADE: a resolution pointing at a removed person would send the next import nowhere.
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="name_resolutions",
        verbose_name=_("person"),
        help_text=_("Empty: not a person in the registry; keep as written."),
    )
    # SET_NULL: the resolution stays when the account that made it is closed.
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("resolved by"),
    )
    resolved_at = models.DateTimeField(_("resolved"), auto_now=True)

    class Meta:
        ordering = ["folded_name"]
        verbose_name = _("name resolution")
        verbose_name_plural = _("name resolutions")
        constraints = [
            models.UniqueConstraint(
                fields=["folded_name", "organisation"], condition=Q(organisation__isnull=False),
                name="one_resolution_per_name_and_organisation",
            ),
            models.UniqueConstraint(
                fields=["folded_name"], condition=Q(organisation__isnull=True),
                name="one_resolution_per_unplaced_name",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name_as_written} → {self.person or '–'}"
