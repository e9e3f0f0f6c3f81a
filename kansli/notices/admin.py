from django.contrib import admin

from kansli.notices.models import Notice, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    readonly_fields = ["to", "subject", "body", "meeting", "attempts", "last_error", "sent_at"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["meeting", "sent_at", "sequence", "cancelled_at"]
    readonly_fields = ["recipients", "sequence", "announced", "sent_at", "sent_by", "cancelled_at"]
