"""What a till needs at the counter, read from the write model in one
transaction: the first stage of a rebuild of a shop with a long history
(core/read_model/partial.py). The catalog, customers, settings, staff and
open till sessions whole; of the orders, the recent ones (placed since a
given instant, and at least the newest ``NEWEST``), the open ones, and those
the open sessions touched, each with all its lines, payments and returns, so
that every order document made from it is complete. No stock movements.

Besides the rows: how many orders there are in all, and each customer's
order count and money spent, added up by the database, so that the
customer list and the order count are right before the history is in.
"""

from dataclasses import dataclass
from operator import itemgetter

from sqlalchemy import BigInteger, BindParameter, Engine, bindparam, cast, func, or_, select, union

from core.domain.order_status import PLACED
from core.write_model.engine import snapshot_connection
from core.write_model.reading import Snapshot, read_staff
from core.write_model.schema import (
    cash_move,
    category,
    customer,
    drawer_open,
    order_line,
    order_return,
    order_return_line,
    outbox,
    payment,
    payment_reversal,
    product,
    refund,
    shop_order,
    shop_setting,
    till_session,
)
from core.write_model.undo_log import undo_links_with_subjects

NEWEST = 200  # the Orders list's first page, at least


@dataclass(frozen=True)
class CounterFacts:
    """What the first stage's rows cannot say by themselves."""

    first_recent_id: int  # orders from this number on are all in the snapshot
    order_ids: frozenset[int]  # every order in the snapshot
    order_count: int  # orders in the shop, in all
    customer_totals: dict[int, tuple[int, int]]  # customer id -> (orders, paid less refunded)


def read_counter_snapshot(engine: Engine, since: str) -> tuple[Snapshot, CounterFacts]:
    """The counter's rows as of one outbox position; ``since``: an ISO
    instant (UTC) from which every order is included."""
    with snapshot_connection(engine) as conn, conn.begin():  # the rows agree with the position
        position = conn.execute(select(func.coalesce(func.max(outbox.c.position), 0))).scalar_one()
        open_sessions = [
            r[0] for r in conn.execute(select(till_session.c.id).where(till_session.c.closed_at.is_(None)))
        ]
        in_sessions: BindParameter[int] = bindparam("sessions", open_sessions, expanding=True)
        # One pass over the orders (no index serves these tests): the recent
        # ones, those of the open sessions, and the open or cancelled-in-session
        # ones, which are in whatever their age.
        recent = shop_order.c.placed_at >= since
        of_session = shop_order.c.session_id.in_(in_sessions)
        open_or_cancelled = or_(shop_order.c.status == PLACED, shop_order.c.cancel_session_id.in_(in_sessions))
        marked = conn.execute(
            select(shop_order.c.id, recent, of_session, open_or_cancelled).where(
                or_(recent, of_session, open_or_cancelled)
            )
        ).all()
        newest = select(shop_order.c.id).order_by(shop_order.c.id.desc()).limit(NEWEST).subquery()
        firsts = (
            min((i for i, is_recent, _s, _o in marked if is_recent), default=None),
            conn.execute(select(func.min(newest.c.id))).scalar(),
            min((i for i, _r, in_session, _o in marked if in_session), default=None),
        )
        first_recent_id = min((i for i in firsts if i is not None), default=1)
        older = union(
            select(payment.c.order_id).where(payment.c.session_id.in_(in_sessions)),
            select(order_return.c.order_id).where(order_return.c.session_id.in_(in_sessions)),
            select(refund.c.order_id).where(refund.c.session_id.in_(in_sessions)),
            select(payment_reversal.c.order_id).where(payment_reversal.c.session_id.in_(in_sessions)),
        )
        older_ids = sorted(
            {i for i, _r, _s, is_open in marked if is_open and i < first_recent_id}
            | {r[0] for r in conn.execute(older) if r[0] < first_recent_id}
        )

        def of_orders(column):
            return or_(column >= first_recent_id, column.in_(bindparam("older", older_ids, expanding=True)))

        def rows(table, where, order=None):
            # Sorted here, not by the database: asked to return them by id,
            # SQLite walks the whole table in id order instead of using the
            # order_id index for the few orders wanted.
            found = conn.execute(select(table).where(where)).mappings().all()
            key = (order if order is not None else table.c.id).key
            return sorted(found, key=itemgetter(key))

        orders = rows(shop_order, of_orders(shop_order.c.id))
        return_lines = sorted(
            conn.execute(
                select(order_return_line)
                .join(order_return, order_return.c.id == order_return_line.c.return_id)
                .where(of_orders(order_return.c.order_id))
            )
            .mappings()
            .all(),
            key=itemgetter("id"),
        )
        # Grouped by coalesce(), not by the column: for customer_id SQLite
        # would read every order through the customer index, a lookup per
        # order, three times slower than one pass over the table.
        by_customer = func.coalesce(shop_order.c.customer_id, 0)
        totals = {
            customer_id: (count, spent)
            for customer_id, count, spent in conn.execute(
                select(
                    by_customer,
                    func.count(),
                    cast(
                        func.sum(shop_order.c.paid_cents - shop_order.c.refunded_cents), BigInteger
                    ),  # int on PostgreSQL too
                )
                .where(by_customer != 0)
                .group_by(by_customer)
            )
        }
        snapshot = Snapshot(
            position=position,
            categories=conn.execute(select(category).order_by(category.c.id)).mappings().all(),
            products=conn.execute(select(product).order_by(product.c.id)).mappings().all(),
            orders=orders,
            lines=rows(order_line, of_orders(order_line.c.order_id)),
            movements=(),
            customers=conn.execute(select(customer).order_by(customer.c.id)).mappings().all(),
            settings=dict(conn.execute(select(shop_setting.c.key, shop_setting.c.value)).all()),
            payments=rows(payment, of_orders(payment.c.order_id)),
            returns=rows(order_return, of_orders(order_return.c.order_id)),
            return_lines=return_lines,
            refunds=rows(refund, of_orders(refund.c.order_id)),
            till_sessions=rows(till_session, till_session.c.id.in_(in_sessions)),
            cash_moves=rows(cash_move, cash_move.c.session_id.in_(in_sessions)),
            staff=read_staff(conn),
            drawer_opens=rows(drawer_open, drawer_open.c.session_id.in_(in_sessions)),
            undo_links=undo_links_with_subjects(conn),
            payment_reversals=rows(
                payment_reversal, of_orders(payment_reversal.c.order_id), payment_reversal.c.payment_id
            ),
        )
        facts = CounterFacts(
            first_recent_id=first_recent_id,
            order_ids=frozenset(o["id"] for o in orders),
            order_count=conn.execute(select(func.count()).select_from(shop_order)).scalar_one(),
            customer_totals=totals,
        )
    return snapshot, facts
