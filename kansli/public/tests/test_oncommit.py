import pytest
from django.db import transaction

from kansli.public.oncommit import on_commit_once


@pytest.mark.django_db(transaction=True)
def test_work_runs_once_per_transaction_with_everything_collected():
    runs = []
    with transaction.atomic():
        for number in (1, 2, 2, 3):
            on_commit_once("test", runs.append, [number])
        assert runs == []
    assert sorted(x for run in runs for x in run) == [1, 2, 3]


@pytest.mark.django_db(transaction=True)
def test_a_marker_item_runs_once_per_commit():
    runs = []
    for _ in range(2):
        with transaction.atomic():
            on_commit_once("test", runs.append)
            on_commit_once("test", runs.append)
    assert runs == [{"*"}, {"*"}]


@pytest.mark.django_db(transaction=True)
def test_nothing_runs_for_a_rolled_back_transaction_and_the_next_runs_whole():
    runs = []
    with pytest.raises(RuntimeError), transaction.atomic():
        on_commit_once("test", runs.append, ["rolled back"])
        raise RuntimeError
    with transaction.atomic():
        on_commit_once("test", runs.append, ["kept"])
    assert runs == [{"kept"}]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_work_runs_at_once_every_time():
    runs = []
    on_commit_once("test", runs.append)
    on_commit_once("test", runs.append)
    assert runs == [{"*"}, {"*"}]


@pytest.mark.django_db
def test_callbacks_run_early_start_a_new_batch(django_capture_on_commit_callbacks):
    runs = []
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            on_commit_once("test", runs.append)
    assert runs == [{"*"}, {"*"}]
