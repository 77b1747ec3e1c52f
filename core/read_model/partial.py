"""A read model whose history is still coming: the first stage of a rebuild
of a shop with a long history.

Rebuilding everything (every order ever placed, every stock movement) takes
seconds per hundred thousand orders. The counter cannot wait that long, so
``ReadModel.open`` builds first what the counter needs
(core/write_model/counter_snapshot.py) and the shop builds the complete read
model beside it in a background thread, then swaps it in (core/shop.py).

Meanwhile the partial model answers the queries it can answer exactly (the
catalog, stock, customers, settings, staff, the open till sessions, recent
and open orders) and says which it cannot: the shop then waits for the
complete one before answering those, so no query ever returns partial
figures. It is never saved: a crash meanwhile rebuilds again at the next
start.
"""

from dataclasses import dataclass, field

from core.domain.order_status import PLACED
from core.messages import queries as q
from core.read_model.sales import time_bound

# Answered exactly by a partial read model, whatever they ask.
ALWAYS = frozenset(
    {
        q.GetCategories,
        q.GetProducts,
        q.GetProduct,
        q.GetLowStock,
        q.GetProductsByIds,
        q.FindProductByCode,
        q.QuoteOrder,
        q.GetShopSettings,
        q.GetStaff,
        q.GetUndoneActions,
        q.GetStaffMember,
    }
)


@dataclass
class Partial:
    first_recent_id: int  # every order from this number on is in
    since: str  # and every order placed from this instant (UTC ISO) on
    order_ids: set[int]  # every order in
    open_sessions: set[int]
    # An event touched something not in yet (a payment on an old order, a
    # cancellation counted in a session): customers' and sessions' figures
    # may lag until the complete model is in.
    lagging: bool = False
    skipped: list[str] = field(default_factory=list)  # what, for the log

    def answers(self, query, answer_of) -> tuple[bool, object]:
        """(True, the answer) when the partial model answers ``query``
        exactly; (False, None) when the complete one must. ``answer_of()``
        answers it from the partial model."""
        kind = type(query)
        if kind in ALWAYS:
            return True, answer_of()
        if self.lagging:
            return False, None
        if kind in (q.GetCustomers, q.GetCustomersByIds):
            return True, answer_of()
        if kind is q.GetOpenTillSession:
            return True, answer_of()
        if kind in (q.GetTillReport,):
            if query.session_id is None or query.session_id in self.open_sessions:
                return True, answer_of()
            return False, None
        if kind in (q.GetOrder, q.GetReceipt):
            return (True, answer_of()) if query.order_id in self.order_ids else (False, None)
        if kind is q.CountOrders:
            unfiltered = (query.status, query.date_from, query.date_to, query.customer_id, query.number) == (None,) * 5
            return (True, answer_of()) if unfiltered else (False, None)
        if kind is q.GetOrders:
            if query.customer_id is not None:
                return False, None
            if query.status == PLACED and query.number is None:
                return True, answer_of()  # every open order is in
            if query.number is not None:
                return (True, answer_of()) if query.number in self.order_ids else (False, None)
            start = time_bound(query.date_from, end=False)
            if start is not None and start >= self.since:
                return True, answer_of()
            if query.limit is not None:
                # A full page of the newest: every order after its last is in.
                page = answer_of()
                if len(page) == query.limit and page[-1].id >= self.first_recent_id:
                    return True, page
            return False, None
        return False, None
