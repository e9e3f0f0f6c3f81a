"""Signals other parts of Kansli listen to, so the workflow need not know them."""

from django.dispatch import Signal

# Sent by `workflow.move` after a status move commits: sender=Minutes, minutes=, from_status=,
# to_status=. The search index and public caches follow publishing and unpublishing through it.
status_changed = Signal()
