"""Till sessions in the read model: one document per session, holding what
happened in it keyed by the ids of the write model (orders, payments,
refunds, returns, cash moves), so that applying an event twice changes
nothing and a rebuild gives the same document; a report sums them.

A document (a table of its own per session, ``till_session_<id>``: a sale
rewrites its session's file only):
    {"id", "till", "opened_at", "opened_by", "opened_automatically", "float",
     "closed_at", "closed_by", "counted", "note",
     "journal": [position, link] | None  (the journal's chain as it stood at the closing),
     "orders":   {order id: [units, total, discounts, [[rate, taxable, tax], ...]]},
     "payments": {payment id: [method, cents]},
     "refunds":  {"r<return id>:<method>" | "c<order id>:<method>": [method, cents]},
     "cancels":  {order id: cents (the order's total)},
     "returns":  {return id: cents},
     "moves":    {move id: [at, kind, cents, reason, by]},
     "drawer":   {drawer open id: [at, by]}}  (each "No sale")
"""

from collections import defaultdict
from collections.abc import Callable

from core.domain.cash_up import difference, expected_cash
from core.domain.payment_methods import CASH, PAYMENT_METHODS
from core.domain.pricing import TaxBand, line_total
from core.messages.queries import CashMoveView, DrawerOpenView, TillReport, TillSessionSummary

TABLE_PREFIX = "till_session_"


def table_of(session_id: int) -> str:
    return f"{TABLE_PREFIX}{session_id}"


def session_doc(
    session_id: int,
    till: str,
    opened_at: str,
    opened_by: str,
    opened_automatically: bool,
    float_cents: int,
    closed_at: str | None = None,
    closed_by: str | None = None,
    counted: int | None = None,
    note: str | None = None,
    journal: list | None = None,
) -> dict:
    return {
        "id": session_id,
        "till": till,
        "opened_at": opened_at,
        "opened_by": opened_by,
        "opened_automatically": bool(opened_automatically),
        "float": float_cents,
        "closed_at": closed_at,
        "closed_by": closed_by,
        "counted": counted,
        "note": note or None,
        "journal": journal,
        "orders": {},
        "payments": {},
        "refunds": {},
        "cancels": {},
        "returns": {},
        "moves": {},
        "drawer": {},
    }


def order_entry(lines: list[dict], included: bool, total_cents: int, discount_cents: int) -> list:
    """[units, total, discounts, tax bands] of an order's line documents."""
    bands: dict[int, list[int]] = {}
    for line in lines:
        net = line["quantity"] * line["unit_price_cents"] - line["line_discount_cents"] - line["order_discount_cents"]
        band = bands.setdefault(line["tax_rate_bp"], [0, 0])
        band[0] += line_total(net, line["tax_cents"], included) - line["tax_cents"]
        band[1] += line["tax_cents"]
    units = sum(line["quantity"] for line in lines)
    return [units, total_cents, discount_cents, [[rate, *band] for rate, band in sorted(bands.items())]]


def reversal_key(payment_id: int, method: str) -> str:
    """A payment given back (ReversePayment): money out, like a refund."""
    return f"v{payment_id}:{method}"


def refund_key(return_id: int | None, order_id: int, method: str) -> str:
    return f"r{return_id}:{method}" if return_id is not None else f"c{order_id}:{method}"


# Each session's row (what the list of sessions shows), in tables of their own
# (``session_index_<shard>``, parsed at opening); the session documents
# (``till_session_<id>``) are parsed when a report or a sale needs one.
INDEX_PREFIX = "session_index_"
_INDEX_SHARD = 512
_TILL, _OPENED_AT, _CLOSED_AT, _OPENED_BY, _CLOSED_BY, _EXPECTED, _COUNTED = range(7)


def index_table_of(session_id: int) -> str:
    return f"{INDEX_PREFIX}{session_id // _INDEX_SHARD}"


def index_row(doc: dict) -> list:
    """A session document's row in the index."""
    return [
        doc["till"],
        doc["opened_at"],
        doc["closed_at"],
        doc["opened_by"],
        doc["closed_by"],
        _expected(doc)[0],
        doc["counted"],
    ]


def _no_tables(name: str) -> dict | None:
    return None


class TillSessions:
    """Every session's row, and each session's document read from its table
    when asked for: years of days keep a row a day in memory, not every
    payment of every day."""

    def __init__(self):
        # Reads a table of the storage by name (parsing it if not loaded yet).
        self.table: Callable[[str], dict | None] = _no_tables
        self._rows: dict[int, list] = {}

    def load(self, tables: dict[str, dict]) -> None:
        for name, rows in tables.items():
            if name.startswith(INDEX_PREFIX):
                for key, row in rows.items():
                    self._rows[int(key)] = row

    def put(self, doc: dict) -> list:
        """The session ``doc`` is new or changed: its row, made again (for
        the read model to store)."""
        row = self._rows[doc["id"]] = index_row(doc)
        return row

    def doc(self, session_id: int) -> dict | None:
        documents = self.table(table_of(session_id))
        return None if documents is None else documents.get(str(session_id))

    def open_session_of(self, till: str) -> dict | None:
        found = [i for i, row in self._rows.items() if row[_TILL] == till and row[_CLOSED_AT] is None]
        return self.doc(max(found)) if found else None

    def summary(self, session_id: int) -> TillSessionSummary | None:
        row = self._rows.get(session_id)
        return None if row is None else _summary_of(session_id, row)

    def summaries(self) -> tuple[TillSessionSummary, ...]:
        return tuple(_summary_of(i, self._rows[i]) for i in sorted(self._rows, reverse=True))

    def report(self, session_id: int) -> TillReport | None:
        doc = self.doc(session_id)
        return None if doc is None else _report(doc)


def _by_method(entries) -> tuple[tuple[str, int], ...]:
    sums: dict[str, int] = defaultdict(int)
    for method, cents in entries:
        sums[method] += cents
    return tuple((m, sums[m]) for m in PAYMENT_METHODS if sums.get(m)) + tuple(
        (m, c) for m, c in sorted(sums.items()) if m not in PAYMENT_METHODS and c
    )


def _expected(doc: dict) -> tuple[int, tuple, tuple, int, int]:
    taken = _by_method(doc["payments"].values())
    refunded = _by_method(doc["refunds"].values())
    paid_in = sum(m[2] for m in doc["moves"].values() if m[1] == "in")
    paid_out = sum(m[2] for m in doc["moves"].values() if m[1] == "out")
    expected = expected_cash(doc["float"], dict(taken).get(CASH, 0), dict(refunded).get(CASH, 0), paid_in, paid_out)
    return expected, taken, refunded, paid_in, paid_out


def _summary_of(session_id: int, row: list) -> TillSessionSummary:
    expected, counted = row[_EXPECTED], row[_COUNTED]
    return TillSessionSummary(
        session_id,
        row[_TILL],
        row[_OPENED_AT],
        row[_CLOSED_AT],
        row[_OPENED_BY],
        row[_CLOSED_BY],
        expected,
        counted,
        difference(counted, expected),
    )


def _report(doc: dict) -> TillReport:
    expected, taken, refunded, paid_in, paid_out = _expected(doc)
    orders = doc["orders"].values()
    bands: dict[int, list[int]] = {}
    for _units, _total, _discounts, order_bands in orders:
        for rate, taxable, tax in order_bands:
            band = bands.setdefault(rate, [0, 0])
            band[0] += taxable
            band[1] += tax
    moves = sorted(doc["moves"].items(), key=lambda item: int(item[0]))
    return TillReport(
        session_id=doc["id"],
        till=doc["till"],
        opened_at=doc["opened_at"],
        opened_by=doc["opened_by"],
        opened_automatically=doc["opened_automatically"],
        closed_at=doc["closed_at"],
        closed_by=doc["closed_by"],
        opening_float_cents=doc["float"],
        taken_by_method=taken,
        refunded_by_method=refunded,
        paid_in_cents=paid_in,
        paid_out_cents=paid_out,
        expected_cash_cents=expected,
        counted_cash_cents=doc["counted"],
        difference_cents=difference(doc["counted"], expected),
        orders=len(doc["orders"]),
        units=sum(o[0] for o in orders),
        total_cents=sum(o[1] for o in orders),
        tax_by_rate=tuple(TaxBand(rate, taxable, tax) for rate, (taxable, tax) in sorted(bands.items())),
        discounts_cents=sum(o[2] for o in orders),
        cancelled_orders=len(doc["cancels"]),
        cancelled_cents=sum(doc["cancels"].values()),
        returns=len(doc["returns"]),
        returned_cents=sum(doc["returns"].values()),
        cash_moves=tuple(CashMoveView(at, kind, cents, reason, by) for _id, (at, kind, cents, reason, by) in moves),
        note=doc["note"],
        journal_position=doc["journal"][0] if doc["journal"] else None,
        journal_link=doc["journal"][1] if doc["journal"] else None,
        drawer_opens=len(doc["drawer"]),
        drawer_opened=tuple(
            DrawerOpenView(at, by) for _id, (at, by) in sorted(doc["drawer"].items(), key=lambda item: int(item[0]))
        ),
    )


def documents_from_snapshot(snap) -> list[dict]:
    """Every session's document from the write model's rows."""
    lines_by_order: dict[int, list[dict]] = defaultdict(list)
    for line in snap.lines:
        lines_by_order[line["order_id"]].append(line)
    docs = {
        s["id"]: session_doc(
            s["id"],
            s["till"],
            s["opened_at"],
            s["opened_by_name"],
            s["opened_automatically"],
            s["opening_float_cents"],
            s["closed_at"],
            s["closed_by_name"],
            s["counted_cash_cents"],
            s["note"],
        )
        for s in snap.till_sessions
    }
    for link in snap.till_close_links:
        if link["session_id"] in docs and link["position"]:
            docs[link["session_id"]]["journal"] = [link["position"], link["link"]]
    for o in snap.orders:
        if o["session_id"] in docs:
            docs[o["session_id"]]["orders"][str(o["id"])] = order_entry(
                lines_by_order.get(o["id"], []), o["prices_include_tax"], o["total_cents"], o["discount_cents"]
            )
        if o["cancel_session_id"] in docs:
            docs[o["cancel_session_id"]]["cancels"][str(o["id"])] = o["total_cents"]
    for p in snap.payments:
        if p["session_id"] in docs:
            docs[p["session_id"]]["payments"][str(p["id"])] = [p["method"], p["amount_cents"]]
    for f in snap.refunds:
        if f["session_id"] in docs:
            key = refund_key(f["return_id"], f["order_id"], f["method"])
            docs[f["session_id"]]["refunds"][key] = [f["method"], f["amount_cents"]]
    for v in snap.payment_reversals:
        if v["session_id"] in docs:
            docs[v["session_id"]]["refunds"][reversal_key(v["payment_id"], v["method"])] = [
                v["method"],
                v["amount_cents"],
            ]
    for r in snap.returns:
        if r["session_id"] in docs:
            docs[r["session_id"]]["returns"][str(r["id"])] = r["refund_cents"]
    for m in snap.cash_moves:
        docs[m["session_id"]]["moves"][str(m["id"])] = [
            m["at"],
            m["kind"],
            m["amount_cents"],
            m["reason"],
            m["staff_name"],
        ]
    for d in snap.drawer_opens:
        docs[d["session_id"]]["drawer"][str(d["id"])] = [d["at"], d["staff_name"]]
    return list(docs.values())
