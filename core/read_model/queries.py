"""Query handlers: read the read model's indexes, return immutable values."""

from collections.abc import Callable
from dataclasses import replace

from core.domain import order_lines
from core.domain import validation as valid
from core.domain.pricing import PriceLine, price_order, resolve_tax_rate
from core.errors import InvalidCommand, TillNotOpen, UnknownCustomer, UnknownOrder, UnknownProduct, UnknownStaff
from core.i18n import N_
from core.messages import queries as q
from core.read_model import undo_projections
from core.read_model.indexes import fold
from core.read_model.projector import ReadModel
from core.read_model.report_queries import get_sales_report
from core.read_model.stock_reports import get_slow_movers, get_stock_value
from core.receipt import receipt_of


def get_categories(query: q.GetCategories, rm: ReadModel):
    views = rm.catalog.category_views()
    rates = rm.category_tax
    if not rates:
        return views
    return tuple(replace(v, tax_rate_bp=rates[v.id]) if v.id in rates else v for v in views)


def get_products(query: q.GetProducts, rm: ReadModel):
    if query.archived:
        return rm.catalog.archived_views(query.category_id, query.search)
    return rm.catalog.product_views(query.category_id, query.search)


def get_product(query: q.GetProduct, rm: ReadModel):
    product = rm.catalog.products.get(query.product_id)
    if product is None:
        raise UnknownProduct(N_("There is no product number {product_id}.", product_id=query.product_id))
    return product


def get_low_stock(query: q.GetLowStock, rm: ReadModel):
    return rm.catalog.low_stock_views()


def get_stock_history(query: q.GetStockHistory, rm: ReadModel):
    get_product(q.GetProduct(query.product_id), rm)
    # Parsed on first use; a damaged file raises CorruptReadModel (Shop.ask rebuilds).
    moves = rm.documents.moves(query.product_id)
    name = rm.staff_name
    undone = undo_projections.movement_marks(rm, query.product_id)

    def mark(key: tuple) -> q.UndoMark | None:
        marks = undone.get(key)
        return marks.pop(0) if marks else None

    return tuple(
        q.StockMovement(
            at, kind, quantity, after, reason, note, order_id, staff_id, name(staff_id), mark((kind, at, after))
        )
        for _position, at, kind, quantity, after, reason, note, order_id, staff_id in moves
    )


def get_products_by_ids(query: q.GetProductsByIds, rm: ReadModel):
    products = rm.catalog.products
    return tuple(products[i] for i in query.product_ids if i in products)


def find_product_by_code(query: q.FindProductByCode, rm: ReadModel):
    catalog = rm.catalog
    code = query.code.strip()
    product_id = catalog.by_sku.get(code)
    if product_id is None:
        product_id = catalog.by_barcode.get(code)
    return catalog.products.get(product_id) if product_id is not None else None


def _check_status(status: str | None) -> None:
    if status is not None and status not in q.ORDER_STATUSES:
        raise InvalidCommand(N_("Choose a status: {choices}.", choices=", ".join(q.ORDER_STATUSES)))


def count_orders(query: q.CountOrders, rm: ReadModel):
    _check_status(query.status)
    return rm.orders.count(query.status, query.date_from, query.date_to, query.customer_id, query.number)


def get_orders(query: q.GetOrders, rm: ReadModel):
    _check_status(query.status)
    if query.limit is not None and (type(query.limit) is not int or query.limit < 1):
        raise InvalidCommand(N_("A page of orders holds at least one order."))
    return rm.orders.summaries(
        query.status,
        query.date_from,
        query.date_to,
        query.customer_id,
        query.number,
        limit=query.limit,
        before=query.before_id,
    )


def get_order(query: q.GetOrder, rm: ReadModel):
    order = rm.orders.detail(query.order_id)
    if order is None:
        raise UnknownOrder(N_("There is no order number {order_id}.", order_id=query.order_id))
    return order


def quote_order(query: q.QuoteOrder, rm: ReadModel):
    """PlaceOrder's arithmetic over the read model's prices and rates."""
    wanted = order_lines.grouped_lines(query.lines)
    order_discount = order_lines.discount(query.order_discount, N_("The order discount"))
    settings, products = rm.settings, rm.catalog.products
    tree = {cid: (parent, rm.category_tax.get(cid)) for cid, (_name, parent) in rm.catalog.categories.items()}
    chosen = []
    for product_id in sorted(wanted):
        product = products.get(product_id)
        quantity, discount = order_lines.sellable_line(product_id, product, wanted[product_id])
        assert product is not None  # sellable_line raised UnknownProduct otherwise
        rate = resolve_tax_rate(product.tax_rate_bp, product.category_id, tree, settings.default_tax_rate_bp)
        chosen.append((product, quantity, discount, rate))
    priced = price_order(
        [PriceLine(p.price_cents, quantity, rate, discount) for p, quantity, discount, rate in chosen],
        order_discount,
        settings.prices_include_tax,
    )
    return q.OrderQuote(
        lines=tuple(
            q.QuotedLine(
                p.id,
                p.sku,
                p.name,
                quantity,
                p.price_cents,
                discount,
                rate,
                line.gross,
                line.line_discount,
                line.order_discount_share,
                line.net,
                line.tax,
                line.total,
            )
            for (p, quantity, discount, rate), line in zip(chosen, priced.lines)
        ),
        subtotal_cents=priced.subtotal,
        discount_cents=priced.discount_total,
        tax_cents=priced.tax_total,
        tax_by_rate=priced.tax_by_rate,
        total_cents=priced.total,
        prices_include_tax=settings.prices_include_tax,
    )


def get_receipt(query: q.GetReceipt, rm: ReadModel):
    return receipt_of(get_order(q.GetOrder(query.order_id), rm), rm.settings)


def get_customers(query: q.GetCustomers, rm: ReadModel):
    return rm.customers.views(rm.orders, query.search)


def get_customers_by_ids(query: q.GetCustomersByIds, rm: ReadModel):
    known = rm.customers.customers
    return tuple(rm.customers.view(i, rm.orders) for i in query.customer_ids if i in known)


def get_customer(query: q.GetCustomer, rm: ReadModel):
    found = rm.customers.customers.get(query.customer_id)
    if found is None:
        raise UnknownCustomer(N_("There is no customer number {customer_id}.", customer_id=query.customer_id))
    view = rm.customers.view(query.customer_id, rm.orders)
    return q.CustomerDetail(
        view.id,
        view.name,
        view.phone,
        view.email,
        view.note,
        found["added_at"],
        rm.orders.summaries(customer_id=query.customer_id),
        view.spent_cents,
    )


def get_shop_settings(query: q.GetShopSettings, rm: ReadModel):
    return rm.settings


def get_till_report(query: q.GetTillReport, rm: ReadModel):
    if query.session_id is None:
        doc = rm.till_sessions.open_session_of(rm.till)
        if doc is None:
            raise TillNotOpen(N_("{till} is not open: there is no session to report on yet.", till=rm.till))
        session_id = doc["id"]
    else:
        session_id = valid.identifier(query.session_id, N_("Till session"))
    report = rm.till_sessions.report(session_id)
    if report is None:
        raise InvalidCommand(N_("There is no till session number {session_id}.", session_id=session_id))
    return report


def get_till_sessions(query: q.GetTillSessions, rm: ReadModel):
    return rm.till_sessions.summaries()


def get_open_till_session(query: q.GetOpenTillSession, rm: ReadModel):
    doc = rm.till_sessions.open_session_of(rm.till)
    return None if doc is None else rm.till_sessions.summary(doc["id"])


def get_undone_actions(query: q.GetUndoneActions, rm: ReadModel):
    name = rm.staff_name
    return tuple(
        q.UndoneAction(position, d["undone_at"], d["undone_by"], name(d["undone_by"]) or "", d["till"], d["redone_at"])
        for position, d in sorted(rm.undo_links.items())
    )


def get_staff(query: q.GetStaff, rm: ReadModel):
    return tuple(sorted(rm.staff.values(), key=lambda v: (fold(v.name), v.id)))


def get_staff_member(query: q.GetStaffMember, rm: ReadModel):
    found = rm.staff.get(query.staff_id)
    if found is None:
        raise UnknownStaff(N_("There is no staff member number {staff_id}.", staff_id=query.staff_id))
    return found


QUERY_HANDLERS: dict[type, Callable] = {
    q.GetCategories: get_categories,
    q.GetProducts: get_products,
    q.GetProduct: get_product,
    q.GetLowStock: get_low_stock,
    q.GetStockHistory: get_stock_history,
    q.GetProductsByIds: get_products_by_ids,
    q.FindProductByCode: find_product_by_code,
    q.GetOrders: get_orders,
    q.CountOrders: count_orders,
    q.GetOrder: get_order,
    q.QuoteOrder: quote_order,
    q.GetReceipt: get_receipt,
    q.GetCustomers: get_customers,
    q.GetCustomersByIds: get_customers_by_ids,
    q.GetCustomer: get_customer,
    q.GetShopSettings: get_shop_settings,
    # -- staff
    q.GetUndoneActions: get_undone_actions,
    q.GetStaff: get_staff,
    q.GetStaffMember: get_staff_member,
    # -- till sessions and cash
    q.GetTillReport: get_till_report,
    q.GetTillSessions: get_till_sessions,
    q.GetOpenTillSession: get_open_till_session,
    # -- sales reports
    q.GetSalesReport: get_sales_report,
    q.GetSlowMovers: get_slow_movers,
    q.GetStockValue: get_stock_value,
}
