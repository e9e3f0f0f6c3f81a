from django.contrib import admin

from kansli.minutes.models import (
    Minutes,
    MinutesVersion,
    NoticeBoardEntry,
    PublishedFile,
    Signature,
    StatusChange,
)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "changed_at", "changed_by", "note"]


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin):
    list_display = ["meeting", "status", "adjusted_at", "published_at"]
    list_filter = ["status", "meeting__body"]
    readonly_fields = ["status", "adjusted_at", "published_at"]
    inlines = [StatusChangeInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "adjusters" and request.resolver_match.kwargs.get("object_id"):
            meeting_id = Minutes.objects.filter(
                pk=request.resolver_match.kwargs["object_id"]
            ).values_list("meeting_id", flat=True).first()
            kwargs["queryset"] = db_field.related_model.objects.filter(meeting_id=meeting_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    can_delete = False
    readonly_fields = ["signer", "role", "signed_at", "sha256"]


@admin.register(MinutesVersion)
class MinutesVersionAdmin(admin.ModelAdmin):
    list_display = ["minutes", "number", "created_at", "sha256"]
    readonly_fields = ["minutes", "number", "content", "sha256", "reason", "created_at",
                       "created_by"]
    inlines = [SignatureInline]


@admin.register(PublishedFile)
class PublishedFileAdmin(admin.ModelAdmin):
    list_display = ["version", "format", "signed", "size", "created_at"]
    readonly_fields = ["version", "format", "file", "sha256", "size", "signed", "created_at"]


@admin.register(NoticeBoardEntry)
class NoticeBoardEntryAdmin(admin.ModelAdmin):
    list_display = ["minutes", "posted_on", "take_down_on"]
    readonly_fields = ["minutes", "posted_on", "take_down_on"]
