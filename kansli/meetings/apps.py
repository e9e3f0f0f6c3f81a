from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "kansli.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from kansli.meetings.attachments import delete_stored_file
        from kansli.meetings.models import Attachment

        post_delete.connect(delete_stored_file, sender=Attachment, dispatch_uid="attachment-file")
