"""The committee of the shared test data, with the API's timestamps written.

Tests run inside a transaction that never commits, so the stamps that saving a record moves
after commit are never written; this writes them all, as at a real commit.
"""

from __future__ import annotations

import pytest

from kansli.api.stamps import stamp_all


@pytest.fixture
def committee(committee):
    stamp_all()
    return committee
