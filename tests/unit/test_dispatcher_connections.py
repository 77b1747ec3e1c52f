"""The dispatcher keeps one connection open for its own thread only: a worker
thread (the window starts a new one per catalog import) takes a connection
from the pool per command and gives it back, so many imports in one session
never leave the pool dry."""

import threading

from core.commands import AddCategory
from core.queries import GetCategories


def test_many_worker_threads_leave_no_connection_checked_out(shop):
    pool = shop._engine.pool
    errors = []

    def work(number):
        try:
            shop.dispatch(AddCategory(f"Worker {number}"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    for number in range(25):  # more than the pool's size and overflow together
        thread = threading.Thread(target=work, args=(number,))
        thread.start()
        thread.join(timeout=20)
        assert not thread.is_alive(), "a worker waited for a connection"
    assert not errors
    # The dispatcher's own connection and the projector's reader, at most.
    assert pool.checkedout() <= 2
    names = {c.name for c in shop.ask(GetCategories())}
    assert {f"Worker {n}" for n in range(25)} <= names


def test_the_owner_thread_keeps_its_connection(shop):
    shop.dispatch(AddCategory("First"))
    kept = shop._dispatcher._kept.connection
    shop.dispatch(AddCategory("Second"))
    assert kept is not None and shop._dispatcher._kept.connection is kept
