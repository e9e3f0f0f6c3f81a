"""Commit work shared by all the rows one transaction saved.

Signal receivers that follow every saved row (the public cache's generation, the API's
modification stamps) queue a callback per row, and an import of one document saves hundreds of
rows. Each callback still runs, so rollbacks and code that runs a subset of the callbacks behave
as Django defines; what the callbacks of one transaction share is a `Batch`, through which the
first callback does the work and the rest only what is still undone.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

from django.db import transaction


class Batch:
    """What has been done for one transaction's callbacks."""

    def __init__(self) -> None:
        self.done: set[Hashable] = set()

    def undone(self, items: Iterable[Hashable]) -> set[Hashable]:
        fresh = set(items) - self.done
        self.done |= fresh
        return fresh


def current_batch(key: str) -> Batch:
    """The batch of the transaction now open; callbacks queued in it share this object.

    A transaction is known by the list its callbacks are queued in: Django starts a new list
    after each commit or rollback. The list is held here, so its identity cannot be reused.
    """
    batches = _batches()
    queue, batch = batches.get(key, (None, None))
    connection = transaction.get_connection()
    if queue is not connection.run_on_commit or batch is None:
        batch = Batch()
        batches[key] = (connection.run_on_commit, batch)
    return batch


def _batches() -> dict[str, tuple[list[object], Batch]]:
    return transaction.get_connection().__dict__.setdefault("kansli_batches", {})


def on_commit_once(key: str, work: Callable[[set[Hashable]], None],
                   items: Iterable[Hashable] = ("*",)) -> None:
    """After commit, call `work` with those of `items` no callback of this transaction has
    handled yet (and not at all when none are left)."""
    if not transaction.get_connection().in_atomic_block:
        work(set(items))  # autocommit: the row is committed already
        return
    batch = current_batch(key)
    wanted = set(items)

    def run() -> None:
        fresh = batch.undone(wanted)
        if fresh:
            work(fresh)
        if transaction.get_connection().in_atomic_block:
            # Run before the transaction ends (as tests capturing callbacks do): what is
            # saved from now on needs a batch of its own.
            _batches().pop(key, None)

    transaction.on_commit(run)
