"""Reminders to signers who have not yet adjusted minutes whose deadline is near."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from kansli.minutes import mailing, workflow
from kansli.minutes.models import AdjustmentRequest, MinutesStatus

REMIND_BEFORE = datetime.timedelta(days=3)


def due_requests(today: datetime.date):
    """Requests out for adjustment whose deadline is at most REMIND_BEFORE away, not yet
    reminded, and still the minutes' current request."""
    return (
        AdjustmentRequest.objects.filter(
            minutes__status=MinutesStatus.FOR_ADJUSTMENT, reminded_at__isnull=True,
            returned_at__isnull=True, deadline__lte=today + REMIND_BEFORE, deadline__gte=today,
        )
        .select_related("minutes__meeting__body", "version")
        .order_by("deadline")
    )


@transaction.atomic
def send_reminders(today: datetime.date | None = None) -> int:
    """Remind each signer who has not signed; return how many people were reminded."""
    today = today or timezone.localdate()
    reminded = 0
    for request in due_requests(today):
        if workflow.current_request(request.minutes).pk != request.pk:
            continue
        signed = set(request.version.signatures.values_list("signer_id", flat=True))
        waiting = [p for p, _role in workflow.signers(request.minutes) if p.pk not in signed]
        mailing.remind(request, waiting)
        request.reminded_at = timezone.now()
        request.save(update_fields=["reminded_at"])
        reminded += len(waiting)
    return reminded
