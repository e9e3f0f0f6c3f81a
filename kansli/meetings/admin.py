from django.contrib import admin

from kansli.meetings.models import (
    ActionItem,
    Adoption,
    AgendaItem,
    Attendance,
    Ballot,
    Decision,
    ForwardPlan,
    Matter,
    Meeting,
    Proposal,
    ProtocolNote,
    Reservation,
    Vote,
)
from kansli.meetings.numbering import number_meeting


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    fk_name = "meeting"
    fields = ["position", "person", "name_as_written", "organisation", "party", "status", "role",
              "remote"]
    autocomplete_fields = ["person", "organisation", "party"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "parent", "number", "title", "kind", "confidential"]
    readonly_fields = ["number"]
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date", "kind", "status", "place"]
    list_filter = ["body", "kind", "status"]
    date_hierarchy = "date"
    search_fields = ["place", "title"]
    inlines = [AttendanceInline, AgendaItemInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        number_meeting(form.instance)


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0


class ProposalInline(admin.StackedInline):
    model = Proposal
    extra = 0


class ProtocolNoteInline(admin.StackedInline):
    model = ProtocolNote
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["meeting", "number", "title", "kind", "confidential"]
    list_filter = ["kind", "confidential", "meeting__body"]
    search_fields = ["title", "text"]
    readonly_fields = ["number"]
    autocomplete_fields = ["matter", "presenter"]
    inlines = [DecisionInline, ProposalInline, ProtocolNoteInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        number_meeting(form.instance.meeting)


class ReservationInline(admin.TabularInline):
    model = Reservation
    extra = 0


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["item", "text", "adjusted_immediately"]
    search_fields = ["text"]
    inlines = [ReservationInline]


class BallotInline(admin.TabularInline):
    model = Ballot
    extra = 0


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ["item", "yes", "no", "abstain"]
    inlines = [BallotInline]


class AdoptionInline(admin.TabularInline):
    model = Adoption
    extra = 0


class ForwardPlanInline(admin.TabularInline):
    model = ForwardPlan
    extra = 0
    fields = ["body", "meeting", "not_before", "when_as_written", "title", "kind", "item"]
    raw_id_fields = ["meeting", "item"]


@admin.register(Matter)
class MatterAdmin(admin.ModelAdmin):
    list_display = ["title", "case_number", "body", "status", "public"]
    list_filter = ["status", "body"]
    search_fields = ["title", "case_number"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AdoptionInline, ForwardPlanInline]


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["text", "owner", "owner_organisation", "due", "status"]
    list_filter = ["status"]
    search_fields = ["text"]
