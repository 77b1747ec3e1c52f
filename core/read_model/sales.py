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

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta

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


# -- values from documents ------------------------------------------------------------------
def _discount(doc: dict | None) -> Discount | None:
    return None if doc is None else Discount(doc["kind"], doc["value"])


StaffName = Callable[[int | None], str | None]


def _no_names(staff_id: int | None) -> str | None:
    return None


_RANK = {"placed": 0, "payment": 1, "return": 2, "fulfilled": 3, "cancelled": 4}


def _approver(staff_id: int | None, name: StaffName) -> str | None:
    return None if staff_id is None else name(staff_id)


def _methods(refunds: list) -> str | None:
    """How a refund went back: "card", or "card + cash" when split."""
    return " + ".join(method for method, _cents in refunds) or None


def _history(doc: dict, name: StaffName) -> tuple[OrderHistoryEntry, ...]:
    placed_by = doc["placed_by"]
    entries = [
        (
            doc["placed_at"],
            0,
            OrderHistoryEntry(doc["placed_at"], "placed", doc["total_cents"], staff_id=placed_by, by=name(placed_by)),
        )
    ]
    for p in doc["payments"]:
        entry = OrderHistoryEntry(
            p["at"], "payment", p["amount_cents"], p["method"], staff_id=p["by"], by=name(p["by"])
        )
        entries.append((p["at"], p["id"], entry))
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
    # Oldest first; within one second, in the order an order's life allows.
    entries.sort(key=lambda e: (e[0] is None, e[0] or "", _RANK[e[2].kind], e[1]))
    return tuple(entry for _at, _id, entry in entries)


def order_from_doc(doc: dict, customer_name: str | None = None, staff_name: StaffName | None = None) -> OrderDetail:
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
        history=_history(doc, staff_name or _no_names),
        fulfilled_at=doc["fulfilled_at"],
        cancelled_at=doc["cancelled_at"],
    )


def _summary(doc: dict, customer_name: str | None) -> OrderSummary:
    return OrderSummary(
        doc["id"],
        doc["placed_at"],
        doc["status"],
        doc["total_cents"],
        len(doc["lines"]),
        sum(l["quantity"] for l in doc["lines"]),
        doc["customer_id"],
        customer_name,
        doc["paid_cents"],
        doc["refunded_cents"],
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
class OrderIndex:
    """Every order's summary (what lists show), and its document; the full
    ``OrderDetail`` is built when asked for (GetOrder: one order at a time),
    not on every sale."""

    def __init__(self):
        self.docs: dict[int, dict] = {}  # id -> order_doc (the storage's own dict)
        self._details: dict[int, OrderDetail] = {}  # built on first ask, dropped when the order changes
        self._summaries: dict[int, OrderSummary] = {}
        self.by_customer: dict[int, set[int]] = defaultdict(set)
        self.customer_names: dict[int, str] = {}
        # Every order number, ascending (numbers only grow: a new order is
        # appended), and (placed_at, number) ascending, for a day's orders by
        # bisection instead of a walk over every order.
        self._ids: list[int] = []
        self._by_time: list[tuple[str, int]] = []
        self._customer_totals: dict[int, list[int]] = {}  # customer id -> [orders, paid less refunded]
        self.staff_name: StaffName = _no_names  # the read model's, once it has made this index

    def forget_details(self) -> None:
        """Details are built again when next asked for (a staff member was renamed)."""
        self._details.clear()

    def load(self, docs_) -> None:
        """Index many documents at once (opening): one sort, not one insort each."""
        for doc in docs_:
            self._put(doc)
        self._ids = sorted(self._summaries)
        self._by_time = sorted((s.placed_at, s.id) for s in self._summaries.values())

    def put(self, doc: dict) -> None:
        order_id = doc["id"]
        new = order_id not in self._summaries
        self._put(doc)
        if new:
            ids = self._ids
            if not ids or order_id > ids[-1]:
                ids.append(order_id)
            else:  # another till's order, committed before one of ours
                insort(ids, order_id)
            insort(self._by_time, (doc["placed_at"], order_id))

    def _put(self, doc: dict) -> None:
        order_id, customer_id = doc["id"], doc["customer_id"]
        # From the summary: the document may be the very dict, changed in place.
        old = self._summaries.get(order_id)
        if old is not None and old.customer_id is not None:
            self._count_for_customer(old.customer_id, old, -1)
            if old.customer_id != customer_id:
                self.by_customer[old.customer_id].discard(order_id)
        if customer_id is not None:
            self.by_customer[customer_id].add(order_id)
        self.docs[order_id] = doc
        self._details.pop(order_id, None)
        new = self._summaries[order_id] = _summary(doc, self.customer_names.get(customer_id))
        if customer_id is not None:
            self._count_for_customer(customer_id, new, 1)

    def _count_for_customer(self, customer_id: int, summary: OrderSummary, sign: int) -> None:
        totals = self._customer_totals.setdefault(customer_id, [0, 0])
        totals[0] += sign
        totals[1] += sign * (summary.paid_cents - summary.refunded_cents)

    def customer_totals(self, customer_id: int) -> tuple[int, int]:
        """(orders, money spent: paid less refunded) of a customer, kept as
        orders change rather than added up on every ask."""
        count, spent = self._customer_totals.get(customer_id, (0, 0))
        return count, spent

    def detail(self, order_id: int) -> OrderDetail | None:
        found = self._details.get(order_id)
        if found is None:
            doc = self.docs.get(order_id)
            if doc is None:
                return None
            found = self._details[order_id] = order_from_doc(
                doc, self.customer_names.get(doc["customer_id"]), self.staff_name
            )
        return found

    def name_customer(self, customer_id: int, name: str) -> set[int]:
        """A customer's (new) name on their orders; returns those orders' ids."""
        self.customer_names[customer_id] = name
        ids = set(self.by_customer.get(customer_id, ()))
        for order_id in ids:
            self.put(self.docs[order_id])
        return ids

    def summaries(
        self, status=None, date_from=None, date_to=None, customer_id=None, number=None
    ) -> tuple[OrderSummary, ...]:
        """Newest first, matching every filter given (see GetOrders)."""
        start, stop = time_bound(date_from, end=False), time_bound(date_to, end=True)
        ids: Iterable[int]
        if number is not None:
            ids = [number] if number in self._summaries else []
        elif customer_id is not None:
            ids = sorted(self.by_customer.get(customer_id, ()), reverse=True)
        elif start is not None or stop is not None:
            by_time = self._by_time
            low = 0 if start is None else bisect_left(by_time, (start,))
            high = len(by_time) if stop is None else bisect_left(by_time, (stop,))
            ids = sorted((order_id for _at, order_id in by_time[low:high]), reverse=True)
        else:
            ids = reversed(self._ids)
        found = (self._summaries[i] for i in ids)
        return tuple(
            s
            for s in found
            if (status is None or s.status == status)
            and (customer_id is None or s.customer_id == customer_id)
            and (start is None or s.placed_at >= start)
            and (stop is None or s.placed_at < stop)
        )


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
    for p in snap.payments:
        payments_by_order[p["order_id"]].append(
            docs.payment_doc(
                p["id"], p["at"], p["method"], p["amount_cents"], p["tendered_cents"], p["change_cents"], p["staff_id"]
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
    for o in snap.orders:
        yield (
            docs.orders_table(o["id"]),
            o["id"],
            docs.order_doc(
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
            ),
        )
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
    rm.orders.load(
        doc for name, table in tables.items() if name.startswith(docs.ORDERS_PREFIX) for doc in table.values()
    )
