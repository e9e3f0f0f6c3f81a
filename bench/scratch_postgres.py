"""A PostgreSQL database of a benchmark's own on the local server: empty at the start, dropped at
the end, so a run never touches anyone's data."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def _recreate(server: str, name: str, *, create: bool) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        if create:
            admin.execute(f"CREATE DATABASE {name}")


@contextmanager
def scratch_database(server: str, name: str) -> Iterator[str]:
    """The address of a new, empty database `name` on `server` (an address of any of its
    databases), dropped when the block ends."""
    _recreate(server, name, create=True)
    try:
        yield database_url(server, name)
    finally:
        _recreate(server, name, create=False)


def database_url(server: str, name: str) -> str:
    return server.rsplit("/", 1)[0] + f"/{name}"
