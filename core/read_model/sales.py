"""The sales side of the read model: orders (lines with their discounts and
tax, payments, returns, history), customers, the shop's settings and the
categories' tax rates.

Two parts; the events' appliers are in ``sales_projections``, and build their
documents with the same functions (``documents``) as a rebuild does:

- ``OrderIndex`` and ``CustomerIndex``: in memory, what the queries read;
- ``documents_from_snapshot`` and ``index_tables``: a rebuild's documents
  from the write model, and the indexes from the documents.

An order's history is not stored: it is read off the order's document (when
it was placed, each payment, the fulfilment, each return, the cancellation),
so a rebuild gives exactly what the events gave.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Protocol

from core.domain.order_status import CANCELLED
from core.domain.pricing import Discount, TaxBand
from core.domain.shop_settings import ShopSettings, from_rows
from core.messages.queries import (
    CustomerView,
    OrderDetail,
    OrderHistoryEntry,
    OrderLineView,
    OrderSummary,
    PaymentView,
    ReturnedItemView,
    ReturnView,
)
from core.read_model import documents as docs
from core.read_model.indexes import fold
from core.read_model.storage import CorruptReadModel


# -- values from documents ------------------------------------------------------------------
def _discount(doc: dict | None) -> Discount | None:
    return None if doc is None else Discount(doc["kind"], doc["value"])


StaffName = Callable[[int | None], str | None]


def _no_names(staff_id: int | None) -> str | None:
    return None


# An order's undone events: "placed" or a payment's id -> its mark.
UndoMarks = Callable[[int], dict]


def _no_marks(order_id: int) -> dict:
    return {}


_RANK = {"placed": 0, "payment": 1, "payment reversed": 1, "return": 2, "fulfilled": 3, "cancelled": 4}
_STAGE = {"placed": 0, "payment": 1, "payment reversed": 1, "return": 2, "fulfilled": 2, "cancelled": 3}


def _approver(staff_id: int | None, name: StaffName) -> str | None:
    return None if staff_id is None else name(staff_id)


def _methods(refunds: list) -> str | None:
    """How a refund went back: "card", or "card + cash" when split."""
    return " + ".join(method for method, _cents in refunds) or None


def _history(doc: dict, name: StaffName, marks: dict) -> tuple[OrderHistoryEntry, ...]:
    placed_by = doc["placed_by"]
    placed = OrderHistoryEntry(
        doc["placed_at"],
        "placed",
        doc["total_cents"],
        staff_id=placed_by,
        by=name(placed_by),
        undone=marks.get("placed"),
    )
    entries = [(doc["placed_at"], 0, placed)]
    for p in doc["payments"]:
        entry = OrderHistoryEntry(
            p["at"],
            "payment",
            p["amount_cents"],
            p["method"],
            staff_id=p["by"],
            by=name(p["by"]),
            undone=marks.get(p["id"]),
        )
        entries.append((p["at"], p["id"], entry))
        if p["reversed_at"] is not None:  # right after its payment
            by = p["reversed_by"]
            back = OrderHistoryEntry(
                p["reversed_at"], "payment reversed", p["amount_cents"], p["method"], staff_id=by, by=name(by)
            )
            entries.append((p["reversed_at"], p["id"] + 0.5, back))
    for r in doc["returns"]:
        entries.append(
            (
                r["at"],
                r["id"],
                OrderHistoryEntry(
                    r["at"],
                    "return",
                    r["refund_cents"],
                    _methods(r["refunds"]),
                    quantity=sum(l["quantity"] for l in r["lines"]),
                    reason=r["reason"],
                    staff_id=r["by"],
                    by=name(r["by"]),
                    approved_by=_approver(r["approved_by"], name),
                ),
            )
        )
    if doc["fulfilled_at"] is not None:
        fulfilled_by = doc["fulfilled_by"]
        entry = OrderHistoryEntry(doc["fulfilled_at"], "fulfilled", staff_id=fulfilled_by, by=name(fulfilled_by))
        entries.append((doc["fulfilled_at"], 0, entry))
    if doc["status"] == CANCELLED:
        restocked = sum(l["quantity"] - l["returned_quantity"] for l in doc["lines"])
        entries.append(
            (
                doc["cancelled_at"],
                0,
                OrderHistoryEntry(
                    doc["cancelled_at"],
                    "cancelled",
                    doc["cancel_refund_cents"] or 0,
                    _methods(doc["cancel_refunds"]),
                    quantity=restocked,
                    staff_id=doc["cancelled_by"],
                    by=name(doc["cancelled_by"]),
                    approved_by=_approver(doc["cancel_approved_by"], name),
                ),
            )
        )
    # In the order the order's life allows, whatever the till's clock said
    # (a clock set back a year must not put the payment before the placing):
    # placed, payments, returns and the fulfilment, cancelled. Payments and
    # returns by id (the order they were stored in); only a fulfilment among
    # returns goes by time, as either may come first.
    by_time = doc["fulfilled_at"] is not None

    def key(e):
        at, ident, entry = e
        stage = _STAGE[entry.kind]
        if stage == 2 and by_time:
            return (stage, at is None, at or "", _RANK[entry.kind], ident)
        return (stage, False, "", 0, ident)

    entries.sort(key=key)
    return tuple(entry for _at, _id, entry in entries)


def order_from_doc(
    doc: dict, customer_name: str | None = None, staff_name: StaffName | None = None, marks: dict | None = None
) -> OrderDetail:
    """``marks``: which of its events were undone ("placed", or a payment's id -> an UndoMark)."""
    included = doc["prices_include_tax"]
    lines = tuple(
        OrderLineView(
            l["product_id"],
            l["sku"],
            l["name"],
            l["quantity"],
            l["unit_price_cents"],
            _discount(l["discount"]),
            l["line_discount_cents"],
            l["order_discount_cents"],
            l["tax_rate_bp"],
            l["tax_cents"],
            included,
            l["returned_quantity"],
            l["refunded_cents"],
            l["cost_price_cents"],
            l["category_id"],
        )
        for l in doc["lines"]
    )
    bands: dict[int, list[int]] = {}
    for line in lines:
        band = bands.setdefault(line.tax_rate_bp, [0, 0])
        band[0] += line.total_cents - line.tax_cents
        band[1] += line.tax_cents
    sold = {l["product_id"]: (l["sku"], l["name"]) for l in doc["lines"]}
    returns = tuple(
        ReturnView(
            r["id"],
            r["at"],
            r["reason"],
            r["note"],
            r["refund_cents"],
            tuple(
                ReturnedItemView(
                    i["product_id"],
                    *sold.get(i["product_id"], ("", "")),
                    i["quantity"],
                    i["refund_cents"],
                    i["tax_cents"],
                )
                for i in r["lines"]
            ),
        )
        for r in doc["returns"]
    )
    payments = tuple(
        PaymentView(p["id"], p["at"], p["method"], p["amount_cents"], p["tendered_cents"], p["change_cents"])
        for p in doc["payments"]
        if p["reversed_at"] is None  # a reversed one is in the history only: receipts list what stands
    )
    return OrderDetail(
        id=doc["id"],
        placed_at=doc["placed_at"],
        status=doc["status"],
        total_cents=doc["total_cents"],
        lines=lines,
        customer_id=doc["customer_id"],
        customer_name=customer_name,
        prices_include_tax=included,
        subtotal_cents=doc["subtotal_cents"],
        discount_cents=doc["discount_cents"],
        tax_cents=doc["tax_cents"],
        order_discount=_discount(doc["order_discount"]),
        tax_by_rate=tuple(TaxBand(rate, taxable, tax) for rate, (taxable, tax) in sorted(bands.items())),
        paid_cents=doc["paid_cents"],
        refunded_cents=doc["refunded_cents"],
        payments=payments,
        returns=returns,
        history=_history(doc, staff_name or _no_names, marks or {}),
        fulfilled_at=doc["fulfilled_at"],
        cancelled_at=doc["cancelled_at"],
    )


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def time_bound(value, end: bool) -> str | None:
    """An instant to compare stored times (ISO 8601, UTC) with: a ``date`` is
    a day in the computer's time zone (its start; with ``end``, the start of
    the next day), a ``datetime`` the instant itself (naive: local time)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _utc_text(value if value.tzinfo else value.astimezone())
    if isinstance(value, date):
        day = value + timedelta(days=1) if end else value
        return _utc_text(datetime.combine(day, time()).astimezone())
    raise TypeError(f"not a date: {value!r}")


# -- indexes --------------------------------------------------------------------------------
# An order's row in the compact index: what lists show, without the lines,
# payments and returns of its full document. Kept three ways, each in tables
# of the read model:
#   order_index_<shard>       {order id: row}, parsed when a list needs them;
#   customer_orders_<cshard>  {customer id: {order id: row}}, a customer's
#                             orders in one place, parsed when asked for;
#   order_spans_<n>           {shard: [earliest, latest placed_at, orders]}
#   and customer_totals       {customer id: [orders, paid less refunded]},
#                             small, parsed at opening.
# Opening reads no row at all: memory holds what was asked for.
_AT, _STATUS, _TOTAL, _LINES, _UNITS, _CUSTOMER, _PAID, _REFUNDED = range(8)
_EARLIEST, _LATEST, _ORDERS = range(3)


def index_row(doc: dict) -> list:
    """An order document's row in the compact index."""
    return [
        doc["placed_at"],
        doc["status"],
        doc["total_cents"],
        len(doc["lines"]),
        sum(l["quantity"] for l in doc["lines"]),
        doc["customer_id"],
        doc["paid_cents"],
        doc["refunded_cents"],
    ]


def _summary_of(order_id: int, row: list, customer_name: str | None) -> OrderSummary:
    return OrderSummary(
        order_id,
        row[_AT],
        row[_STATUS],
        row[_TOTAL],
        row[_LINES],
        row[_UNITS],
        row[_CUSTOMER],
        customer_name,
        row[_PAID],
        row[_REFUNDED],
    )


def index_documents(rows: dict[int, list]):
    """(table, doc id, document) of the spans, customers' orders and totals
    of these rows (order id -> row): a rebuild's."""
    spans: dict[int, list] = {}
    by_customer: dict[int, dict[str, list]] = defaultdict(dict)
    totals: dict[int, list[int]] = {}
    for order_id, row in rows.items():
        shard = order_id // docs.SHARD_SIZE
        span = spans.get(shard)
        if span is None:
            spans[shard] = [row[_AT], row[_AT], 1]
        else:
            span[_EARLIEST], span[_LATEST] = min(span[_EARLIEST], row[_AT]), max(span[_LATEST], row[_AT])
            span[_ORDERS] += 1
        customer_id = row[_CUSTOMER]
        if customer_id is not None:
            by_customer[customer_id][str(order_id)] = row
            total = totals.setdefault(customer_id, [0, 0])
            total[0] += 1
            total[1] += row[_PAID] - row[_REFUNDED]
    for shard, span in spans.items():
        yield docs.order_spans_table(shard), shard, span
    for customer_id, orders in by_customer.items():
        yield docs.customer_orders_table(customer_id), customer_id, orders
    for customer_id, total in totals.items():
        yield docs.CUSTOMER_TOTALS, customer_id, total


# What reading a damaged row raises (a table parsed when first needed).
_DAMAGED = (KeyError, TypeError, IndexError, ValueError, AttributeError)

# Full order details kept once built (an order being looked at, paid, printed).
_DETAILS_KEPT = 256


class IndexStore(Protocol):
    """What the index keeps its tables in (the read model's DocumentStore)."""

    def table(self, name: str) -> dict | None: ...

    def put(self, table_name: str, doc_id: int, doc: dict | list) -> None: ...

    def edit(self, name: str, change: Callable[[dict], bool]) -> None: ...

    def remove(self, table_name: str, doc_id: int) -> None: ...


class _NoTables:
    def table(self, name: str) -> dict | None:
        return None

    def put(self, table_name: str, doc_id: int, doc: dict | list) -> None:
        raise KeyError(table_name)

    def edit(self, name: str, change: Callable[[dict], bool]) -> None:
        raise KeyError(name)

    def remove(self, table_name: str, doc_id: int) -> None:
        raise KeyError(table_name)


def _set_customer_row(customer_id: int, order_id: int, row: list | None, table: dict) -> bool:
    """Put (or with None, take out) an order's row among a customer's."""
    if row is None:
        orders = table.get(str(customer_id))
        if orders is None or orders.pop(str(order_id), None) is None:
            return False
        if not orders:
            del table[str(customer_id)]
        return True
    orders = table.setdefault(str(customer_id), {})
    if orders.get(str(order_id)) == row:
        return False
    orders[str(order_id)] = row
    return True


class OrderIndex:
    """Every order's row of the compact index (what lists show), answered
    from the tables above: newest first by shard of numbers, a day's orders
    from the shards whose span meets it, a customer's from their own table.
    An order's full document is read when asked for (GetOrder, an event
    about it)."""

    def __init__(self):
        self.store: IndexStore = _NoTables()
        self._details: dict[int, OrderDetail] = {}  # built on first ask, dropped when the order changes
        self._spans: dict[int, list] = {}  # shard -> [earliest, latest, orders]
        self.customer_names: dict[int, str] = {}
        self._customer_totals: dict[int, list[int]] = {}  # customer id -> [orders, paid less refunded]
        self._count = 0  # orders in all
        self.staff_name: StaffName = _no_names  # the read model's, once it has made this index
        self.undo_marks: UndoMarks = _no_marks  # the read model's: which of an order's events were undone

    def forget_details(self) -> None:
        """Details are built again when next asked for (a staff member was renamed)."""
        self._details.clear()

    def forget_detail(self, order_id: int) -> None:
        """This order's detail is built again when next asked for (one of its events was undone)."""
        self._details.pop(order_id, None)

    # -- keeping it ------------------------------------------------------------------
    def load(self, tables: dict[str, dict]) -> None:
        """The spans and customers' totals (opening, a rebuild)."""
        for name, spans in tables.items():
            if name.startswith(docs.ORDER_SPANS_PREFIX):
                for key, span in spans.items():
                    self._spans[int(key)] = span
                    self._count += span[_ORDERS]
        for key, total in tables.get(docs.CUSTOMER_TOTALS, {}).items():
            self._customer_totals[int(key)] = total

    def seed_totals(self, count: int, customer_totals: dict[int, tuple[int, int]]) -> None:
        """The whole shop's order count and customers' totals, added up by the
        write model, for an index holding only some orders (a partial read
        model, core/read_model/partial.py); kept up to date by ``put`` after."""
        self._count = count
        self._customer_totals = {customer_id: list(totals) for customer_id, totals in customer_totals.items()}

    def put(self, doc: dict) -> None:
        """The order ``doc`` is new or changed: its row, everywhere it is kept."""
        order_id, customer_id = doc["id"], doc["customer_id"]
        store = self.store
        old = self.row(order_id)
        row = index_row(doc)
        store.put(docs.order_index_table(order_id), order_id, row)
        if old is None:
            self._count += 1
            shard = order_id // docs.SHARD_SIZE
            span = self._spans.get(shard)
            if span is None:
                span = self._spans[shard] = [row[_AT], row[_AT], 0]
            span[_EARLIEST], span[_LATEST] = min(span[_EARLIEST], row[_AT]), max(span[_LATEST], row[_AT])
            span[_ORDERS] += 1
            store.put(docs.order_spans_table(shard), shard, span)
        before = None if old is None else old[_CUSTOMER]
        if old is not None and before is not None:
            self._count_for_customer(before, old, -1)
            if before != customer_id:
                store.edit(docs.customer_orders_table(before), partial(_set_customer_row, before, order_id, None))
        if customer_id is not None:
            self._count_for_customer(customer_id, row, 1)
            store.edit(docs.customer_orders_table(customer_id), partial(_set_customer_row, customer_id, order_id, row))
        self._details.pop(order_id, None)

    def _count_for_customer(self, customer_id: int, row: list, sign: int) -> None:
        totals = self._customer_totals.setdefault(customer_id, [0, 0])
        totals[0] += sign
        totals[1] += sign * (row[_PAID] - row[_REFUNDED])
        if totals[0]:
            self.store.put(docs.CUSTOMER_TOTALS, customer_id, totals)
        else:  # no order left (moved to another customer): as a rebuild has it
            del self._customer_totals[customer_id]
            self.store.remove(docs.CUSTOMER_TOTALS, customer_id)

    def name_customer(self, customer_id: int, name: str) -> set[int]:
        """A customer's (new) name on their orders; returns those orders' ids."""
        self.customer_names[customer_id] = name
        ids = set(self._customer_rows(customer_id)) if self.customer_totals(customer_id)[0] else set()
        for order_id in ids:
            self._details.pop(order_id, None)
        return ids

    # -- reading it -----------------------------------------------------------------
    def row(self, order_id: int) -> list | None:
        rows = self.store.table(docs.order_index_table(order_id))
        return None if rows is None else rows.get(str(order_id))

    def _customer_rows(self, customer_id: int) -> dict[int, list]:
        orders = (self.store.table(docs.customer_orders_table(customer_id)) or {}).get(str(customer_id), {})
        return {int(key): row for key, row in orders.items()}

    def total_of(self, order_id: int) -> int:
        row = self.row(order_id)
        if row is None:
            raise KeyError(f"order {order_id}")
        return row[_TOTAL]

    def customer_totals(self, customer_id: int) -> tuple[int, int]:
        """(orders, money spent: paid less refunded) of a customer, kept as
        orders change rather than added up on every ask."""
        count, spent = self._customer_totals.get(customer_id, (0, 0))
        return count, spent

    def detail(self, order_id: int) -> OrderDetail | None:
        found = self._details.get(order_id)
        if found is None:
            rows = self.store.table(docs.orders_table(order_id))
            doc = None if rows is None else rows.get(str(order_id))
            if doc is None:
                return None
            if len(self._details) >= _DETAILS_KEPT:
                self._details.clear()
            try:
                found = order_from_doc(
                    doc, self.customer_names.get(doc["customer_id"]), self.staff_name, self.undo_marks(order_id)
                )
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise CorruptReadModel(f"order {order_id}: unexpected document: {exc!r}") from exc
            self._details[order_id] = found
        return found

    def summaries(
        self, status=None, date_from=None, date_to=None, customer_id=None, number=None, limit=None, before=None
    ) -> tuple[OrderSummary, ...]:
        """Newest first (by number), matching every filter given (see
        GetOrders); at most ``limit`` of them, numbered below ``before``."""
        found: list[OrderSummary] = []
        names = self.customer_names
        try:
            for order_id, row in self._matching(status, date_from, date_to, customer_id, number, before):
                found.append(_summary_of(order_id, row, names.get(row[_CUSTOMER])))
                if limit is not None and len(found) >= limit:
                    break
        except _DAMAGED as exc:  # a row parsed only now is not a row
            raise CorruptReadModel(f"orders' index: unexpected row: {exc!r}") from exc
        return tuple(found)

    def count(self, status=None, date_from=None, date_to=None, customer_id=None, number=None) -> int:
        """How many orders ``summaries`` lists with these filters (no summary made)."""
        if status is None and date_from is None and date_to is None and number is None:
            if customer_id is not None:
                return self.customer_totals(customer_id)[0]
            return self._count
        try:
            return sum(1 for _match in self._matching(status, date_from, date_to, customer_id, number, None))
        except _DAMAGED as exc:
            raise CorruptReadModel(f"orders' index: unexpected row: {exc!r}") from exc

    def _matching(self, status, date_from, date_to, customer_id, number, before) -> Iterator[tuple[int, list]]:
        """(number, row) of the orders matching every filter, newest first."""
        start, stop = time_bound(date_from, end=False), time_bound(date_to, end=True)
        for order_id, row in self._candidates(start, stop, customer_id, number, before):
            if (
                (status is None or row[_STATUS] == status)
                and (customer_id is None or row[_CUSTOMER] == customer_id)
                and (start is None or row[_AT] >= start)
                and (stop is None or row[_AT] < stop)
            ):
                yield order_id, row

    def _candidates(self, start, stop, customer_id, number, before) -> Iterator[tuple[int, list]]:
        """(number, row) of the orders that may match, newest first."""
        if number is not None:
            row = self.row(number) if before is None or number < before else None
            if row is not None:
                yield number, row
            return
        if customer_id is not None:
            rows = self._customer_rows(customer_id) if self.customer_totals(customer_id)[0] else {}
            for order_id in sorted(rows, reverse=True):
                if before is None or order_id < before:
                    yield order_id, rows[order_id]
            return
        size = docs.SHARD_SIZE
        for shard in sorted(self._spans, reverse=True):
            if before is not None and shard * size >= before:
                continue
            earliest, latest, _orders = self._spans[shard]
            if (start is not None and latest < start) or (stop is not None and earliest >= stop):
                continue
            shard_rows = self.store.table(docs.order_index_table(shard * size)) or {}
            for order_id in sorted(map(int, shard_rows), reverse=True):
                if before is None or order_id < before:
                    yield order_id, shard_rows[str(order_id)]


class CustomerIndex:
    def __init__(self):
        self.customers: dict[int, dict] = {}  # id -> customer_doc
        self._keys: dict[int, str] = {}  # id -> folded "name phone email"

    def put(self, doc: dict) -> None:
        self.customers[doc["id"]] = dict(doc)
        self._keys[doc["id"]] = fold("\n".join(filter(None, (doc["name"], doc["phone"], doc["email"]))))

    def views(self, orders: OrderIndex, search: str | None) -> tuple[CustomerView, ...]:
        needle = fold(search.strip()) if search and search.strip() else None
        found = [c for c in self.customers.values() if needle is None or needle in self._keys[c["id"]]]
        found.sort(key=lambda c: (fold(c["name"]), c["id"]))  # Álvaro between Adams and Brown
        return tuple(self.view(c["id"], orders) for c in found)

    def view(self, customer_id: int, orders: OrderIndex) -> CustomerView:
        c = self.customers[customer_id]
        count, spent = orders.customer_totals(customer_id)
        return CustomerView(c["id"], c["name"], c["phone"], c["email"], c["note"], count, spent)


# -- documents from the write model (a rebuild) ----------------------------------------------
def documents_from_snapshot(snap):
    """(table name, doc id, document) for every order, customer and the settings."""
    lines_by_order = defaultdict(list)
    for line in snap.lines:
        lines_by_order[line["order_id"]].append(docs.order_line_doc(line))
    payments_by_order = defaultdict(list)
    reversals = {r["payment_id"]: r for r in snap.payment_reversals}
    for p in snap.payments:
        back = reversals.get(p["id"])
        payments_by_order[p["order_id"]].append(
            docs.payment_doc(
                p["id"],
                p["at"],
                p["method"],
                p["amount_cents"],
                p["tendered_cents"],
                p["change_cents"],
                p["staff_id"],
                reversed_at=back["at"] if back is not None else None,
                reversed_by=back["staff_id"] if back is not None else None,
            )
        )
    items_by_return = defaultdict(list)
    for item in snap.return_lines:
        items_by_return[item["return_id"]].append(item)
    refunds_by_return, cancel_refunds = defaultdict(list), defaultdict(list)
    for f in snap.refunds:
        if f["return_id"] is None:
            cancel_refunds[f["order_id"]].append((f["method"], f["amount_cents"]))
        else:
            refunds_by_return[f["return_id"]].append((f["method"], f["amount_cents"]))
    returns_by_order = defaultdict(list)
    for r in snap.returns:
        returns_by_order[r["order_id"]].append(
            docs.return_doc(
                r["id"],
                r["at"],
                r["reason"],
                r["note"],
                r["refund_cents"],
                items_by_return[r["id"]],
                r["staff_id"],
                refunds_by_return[r["id"]],
                r["approved_by"],
            )
        )
    rows: dict[int, list] = {}
    for o in snap.orders:
        order = docs.order_doc(
            o["id"],
            o["placed_at"],
            o["status"],
            o["total_cents"],
            lines_by_order[o["id"]],
            customer_id=o["customer_id"],
            prices_include_tax=o["prices_include_tax"],
            subtotal_cents=o["subtotal_cents"],
            discount_cents=o["discount_cents"],
            tax_cents=o["tax_cents"],
            order_discount=docs.discount_doc(o["discount_kind"], o["discount_value"]),
            paid_cents=o["paid_cents"],
            refunded_cents=o["refunded_cents"],
            fulfilled_at=o["fulfilled_at"],
            cancelled_at=o["cancelled_at"],
            cancel_refund_cents=o["cancel_refund_cents"],
            payments=payments_by_order[o["id"]],
            returns=returns_by_order[o["id"]],
            placed_by=o["staff_id"],
            fulfilled_by=o["fulfilled_by"],
            cancelled_by=o["cancelled_by"],
            cancel_refunds=cancel_refunds[o["id"]],
            cancel_approved_by=o["cancel_approved_by"],
            staff_name=o["staff_name"],
            till=o["till"],
        )
        rows[o["id"]] = row = index_row(order)
        yield docs.orders_table(o["id"]), o["id"], order
        yield docs.order_index_table(o["id"]), o["id"], row
    yield from index_documents(rows)
    for c in snap.customers:
        yield (
            docs.customers_table(c["id"]),
            c["id"],
            docs.customer_doc(c["id"], c["name"], c["phone"], c["email"], c["note"], c["added_at"]),
        )
    if snap.settings:
        yield docs.SETTINGS, docs.SETTINGS_DOC_ID, from_rows(snap.settings).__dict__.copy()


def index_tables(rm, tables: dict) -> None:
    """Fill the read model's sales indexes from raw documents (by table name)."""
    rm.settings = ShopSettings(**tables.get(docs.SETTINGS, {}).get(str(docs.SETTINGS_DOC_ID), {}))
    rm.category_tax = {
        int(doc_id): doc["tax_rate_bp"]
        for doc_id, doc in tables.get(docs.CATEGORIES, {}).items()
        if doc.get("tax_rate_bp") is not None
    }
    for name, table in tables.items():
        if name.startswith(docs.CUSTOMERS_PREFIX):
            for doc in table.values():
                rm.customers.put(doc)
                rm.orders.customer_names[doc["id"]] = doc["name"]
    rm.orders.load(tables)
