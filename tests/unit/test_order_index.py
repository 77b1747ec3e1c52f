"""The orders index answers a day's orders by bisection and lists orders
newest first without sorting them all: the same answers as walking every
order, however orders arrive (another till's may come in out of order)."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.read_model import documents as docs
from core.read_model.sales import OrderIndex, time_bound

START = datetime(2024, 3, 1, 6, 0, tzinfo=UTC)
STATUSES = ("placed", "paid", "fulfilled", "cancelled")


def order(order_id: int, minutes: int, status: str, customer_id: int | None) -> dict:
    placed_at = (START + timedelta(minutes=minutes)).isoformat(timespec="seconds")
    paid = 0 if status == "placed" else 100 * order_id
    return docs.order_doc(
        order_id,
        placed_at,
        status,
        100 * order_id,
        [],
        customer_id=customer_id,
        paid_cents=paid,
        refunded_cents=paid if status == "cancelled" else 0,
    )


def walked(index: OrderIndex, status=None, date_from=None, date_to=None, customer_id=None):
    """What GetOrders answered before the index: every order, filtered."""
    start, stop = time_bound(date_from, end=False), time_bound(date_to, end=True)
    every = sorted(index._summaries.values(), key=lambda s: s.id, reverse=True)
    return tuple(
        s
        for s in every
        if (status is None or s.status == status)
        and (customer_id is None or s.customer_id == customer_id)
        and (start is None or s.placed_at >= start)
        and (stop is None or s.placed_at < stop)
    )


orders = st.lists(
    st.tuples(st.integers(0, 60 * 24 * 20), st.sampled_from(STATUSES), st.one_of(st.none(), st.integers(1, 4))),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(
    orders=orders,
    late=st.lists(st.integers(0, 59), max_size=5),
    day=st.integers(0, 21),
    days=st.integers(0, 3),
    status=st.one_of(st.none(), st.sampled_from(STATUSES)),
    loaded=st.booleans(),
)
def test_the_index_answers_as_walking_every_order_would(orders, late, day, days, status, loaded):
    documents = [order(i + 1, *spec) for i, spec in enumerate(orders)]
    # Some orders arrive after later ones (another till's, committed in between).
    late_ids = {i + 1 for i in late if i < len(documents)}
    arrival = [d for d in documents if d["id"] not in late_ids] + [d for d in documents if d["id"] in late_ids]
    index = OrderIndex()
    if loaded:
        index.load(arrival)
    else:
        for doc in arrival:
            index.put(doc)
    assert index.summaries() == walked(index)
    first = date(2024, 3, 1) + timedelta(days=day)
    last = first + timedelta(days=days)
    assert index.summaries(status, first, last) == walked(index, status, first, last)
    assert index.summaries(date_from=first) == walked(index, date_from=first)
    assert index.summaries(date_to=last) == walked(index, date_to=last)
    assert index.summaries(customer_id=2, date_from=first) == walked(index, customer_id=2, date_from=first)
    # A changed order (paid, say) is put again: it is listed once.
    if documents:
        changed = dict(documents[0], status="paid", paid_cents=documents[0]["total_cents"], customer_id=3)
        index.put(changed)
        assert [s.id for s in index.summaries()].count(changed["id"]) == 1
        assert index.summaries() == walked(index)
    # Each customer's orders and money spent, kept as orders change.
    for customer_id in range(1, 5):
        mine = walked(index, customer_id=customer_id)
        spent = sum(s.paid_cents - s.refunded_cents for s in mine)
        assert index.customer_totals(customer_id) == (len(mine), spent)
