"""The orders index answers a day's orders from the shards that span it and
lists orders newest first, page by page: the same answers as walking every
order, however orders arrive (another till's may come in out of order)."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.messages.queries import OrderSummary
from core.read_model import documents as docs
from core.read_model.document_store import DocumentStore
from core.read_model.sales import OrderIndex, index_documents, index_row, time_bound
from core.read_model.storage import ShardedJSONStorage

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


class Indexed:
    """An OrderIndex over tables held here (in memory), as the read model holds them."""

    def __init__(self, folder):
        self.storage = ShardedJSONStorage(folder, docs.SCHEMA_VERSION)
        self.latest: dict[int, dict] = {}  # each order's document as last put
        self.index = self.fresh_index()

    def fresh_index(self) -> OrderIndex:
        index = OrderIndex()
        index.store = DocumentStore(self.storage)
        return index

    def put(self, doc: dict) -> None:
        self.index.put(doc)
        DocumentStore(self.storage).put(docs.orders_table(doc["id"]), doc["id"], doc)
        self.latest[doc["id"]] = doc

    def reopened(self) -> OrderIndex:
        """The index made again from the tables alone (opening)."""
        index = self.fresh_index()
        index.load(self.storage.read())
        return index

    def index_tables(self) -> dict[str, dict]:
        """The spans', customers' orders' and totals' tables, as kept."""
        prefixes = (docs.ORDER_SPANS_PREFIX, docs.CUSTOMER_ORDERS_PREFIX, docs.CUSTOMER_TOTALS)
        return {n: t for n, t in self.storage.read().items() if n.startswith(prefixes) and t}

    def rebuilt_tables(self) -> dict[str, dict]:
        """The same tables as a rebuild makes them from the orders' rows."""
        tables: dict[str, dict] = {}
        rows = {order_id: index_row(doc) for order_id, doc in self.latest.items()}
        for name, doc_id, doc in index_documents(rows):
            tables.setdefault(name, {})[str(doc_id)] = doc
        return tables


def walked(indexed: Indexed, status=None, date_from=None, date_to=None, customer_id=None):
    """What GetOrders answered before the index: every order, filtered."""
    start, stop = time_bound(date_from, end=False), time_bound(date_to, end=True)
    every = [summary_of(indexed.latest[i]) for i in sorted(indexed.latest, reverse=True)]
    return tuple(
        s
        for s in every
        if (status is None or s.status == status)
        and (customer_id is None or s.customer_id == customer_id)
        and (start is None or s.placed_at >= start)
        and (stop is None or s.placed_at < stop)
    )


def summary_of(doc: dict):
    row = index_row(doc)
    return OrderSummary(doc["id"], row[0], row[1], row[2], row[3], row[4], row[5], None, row[6], row[7])


def paged(index: OrderIndex, size: int, **filters) -> tuple:
    """Every page of ``size`` in turn, each after the last number of the one before."""
    found: list = []
    while True:
        page = index.summaries(limit=size, before=found[-1].id if found else None, **filters)
        assert len(page) <= size
        found += page
        if len(page) < size:
            return tuple(found)


# Numbers far enough apart to spread orders over several shards.
SPACING = 37

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
    page=st.integers(1, 7),
)
def test_the_index_answers_as_walking_every_order_would(
    tmp_path_factory, orders, late, day, days, status, loaded, page
):
    documents = [order(SPACING * (i + 1), *spec) for i, spec in enumerate(orders)]
    # Some orders arrive after later ones (another till's, committed in between).
    late_ids = {SPACING * (i + 1) for i in late if i < len(documents)}
    arrival = [d for d in documents if d["id"] not in late_ids] + [d for d in documents if d["id"] in late_ids]
    indexed = Indexed(tmp_path_factory.getbasetemp() / "unused")
    for doc in arrival:
        indexed.put(doc)
    index = indexed.reopened() if loaded else indexed.index
    assert index.summaries() == walked(indexed)
    first = date(2024, 3, 1) + timedelta(days=day)
    last = first + timedelta(days=days)
    assert index.summaries(status, first, last) == walked(indexed, status, first, last)
    assert index.summaries(date_from=first) == walked(indexed, date_from=first)
    assert index.summaries(date_to=last) == walked(indexed, date_to=last)
    assert index.summaries(customer_id=2, date_from=first) == walked(indexed, customer_id=2, date_from=first)
    # Pages give each order once, newest first, whatever the filter.
    assert paged(index, page) == walked(indexed)
    assert paged(index, page, status=status, date_from=first, date_to=last) == walked(indexed, status, first, last)
    assert paged(index, page, customer_id=2) == walked(indexed, customer_id=2)
    for doc in documents[:3]:
        assert index.summaries(number=doc["id"]) == (summary_of(indexed.latest[doc["id"]]),)
        assert index.detail(doc["id"]).total_cents == doc["total_cents"]
    # A changed order (paid, say) is put again: it is listed once.
    if documents:
        indexed.index = index
        changed = dict(documents[0], status="paid", paid_cents=documents[0]["total_cents"], customer_id=3)
        indexed.put(changed)
        assert [s.id for s in index.summaries()].count(changed["id"]) == 1
        assert index.summaries() == walked(indexed)
    # Each customer's orders and money spent, kept as orders change.
    for customer_id in range(1, 5):
        mine = walked(indexed, customer_id=customer_id)
        spent = sum(s.paid_cents - s.refunded_cents for s in mine)
        assert index.customer_totals(customer_id) == (len(mine), spent)
        assert indexed.reopened().customer_totals(customer_id) == (len(mine), spent)
    # What a rebuild makes of the same orders.
    assert indexed.index_tables() == indexed.rebuilt_tables()


@settings(max_examples=40, deadline=None)
@given(orders=orders, day=st.integers(0, 21), status=st.one_of(st.none(), st.sampled_from(STATUSES)))
def test_counts_agree_with_the_lists(tmp_path_factory, orders, day, status):
    indexed = Indexed(tmp_path_factory.getbasetemp() / "unused")
    for i, spec in enumerate(orders):
        indexed.put(order(SPACING * (i + 1), *spec))
    first = date(2024, 3, 1) + timedelta(days=day)
    for index in (indexed.index, indexed.reopened()):
        assert index.count() == len(orders)
        for filters in ({"status": status}, {"date_from": first, "date_to": first}, {"customer_id": 2}):
            assert index.count(**filters) == len(walked(indexed, **filters))
