"""Background tasks, run by `kansli worker`."""

from __future__ import annotations

from django_tasks import task

from kansli.notices.models import OutgoingMail
from kansli.notices.outbox import deliver


@task()
def deliver_mail(mail_id: int) -> str:
    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None:  # deleted since it was queued
        return "gone"
    return deliver(mail).status
