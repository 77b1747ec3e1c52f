"""Undo and redo of a till's last action by compensating commands: exact
stock and money afterwards, history kept, refusals that change nothing."""

import pytest

from core import open_shop
from core.commands import (
    AddCustomer,
    AdjustStock,
    MoveCategory,
    OrderLine,
    PlaceOrder,
    ReceiveStock,
    RecordPayment,
    RedoAction,
    RenameCategory,
    UndoAction,
    UpdateProduct,
)
from core.errors import NotAllowed
from core.queries import GetCategories, GetOrder, GetProduct, GetStockHistory, GetUndoneActions
from tests.unit.conftest import CASHIER_PIN, MANAGER_PIN
from tests.unit.helpers import refused, stock_of


def undo(shop) -> str:
    offer = shop.undo_offer()
    assert offer.position is not None, offer.refusal
    return shop.dispatch(UndoAction(offer.position))


def redo(shop) -> str:
    offer = shop.redo_offer()
    assert offer.position is not None, offer.refusal
    return shop.dispatch(RedoAction(offer.position))


def edit(shop, product_id, **changes) -> None:
    p = shop.ask(GetProduct(product_id))
    fields = dict(
        sku=p.sku,
        name=p.name,
        category_id=p.category_id,
        price_cents=p.price_cents,
        barcode=p.barcode,
        reorder_level=p.reorder_level,
        cost_price_cents=p.cost_price_cents,
        tax_rate_bp=p.tax_rate_bp,
        active=p.active,
    )
    shop.dispatch(UpdateProduct(product_id=product_id, **{**fields, **changes}))


def test_undo_a_delivery_then_redo_it(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 24))
    offer = shop.undo_offer()
    assert offer.description == "receive 24 × Blue Enamel Mug" and offer.refusal is None
    assert shop.redo_offer().position is None  # nothing undone yet
    assert undo(shop) == "receive 24 × Blue Enamel Mug"
    assert stock_of(shop, catalog.mug) == (10,)
    history = shop.ask(GetStockHistory(catalog.mug))
    assert [(m.kind, m.quantity, m.stock_after) for m in history[-2:]] == [("received", 24, 34), ("adjusted", -24, 10)]
    assert history[-1].note == "Undo: received 24"  # the delivery stays in the history
    (undone,) = shop.ask(GetUndoneActions())
    assert undone.position == offer.position and undone.till == "Till 1" and undone.redone_at is None

    assert shop.redo_offer().description == "receive 24 × Blue Enamel Mug"
    assert redo(shop) == "receive 24 × Blue Enamel Mug"
    assert stock_of(shop, catalog.mug) == (34,)
    assert shop.ask(GetUndoneActions())[0].redone_at is not None
    assert shop.redo_offer().position is None
    assert undo(shop) == "receive 24 × Blue Enamel Mug"  # the redone delivery, undone again
    assert stock_of(shop, catalog.mug) == (10,)


def test_a_delivery_partly_sold_cannot_be_undone(shop, catalog, unchanged, readable):
    shop.dispatch(ReceiveStock(catalog.teapot, 5))  # 3 -> 8
    position = shop.undo_offer().position
    other_till = open_shop(shop.data_dir, till="Till 2")
    try:
        other_till.dispatch(PlaceOrder((OrderLine(catalog.teapot, 6),)))  # 2 left
    finally:
        other_till.close()
    shop.sync()
    message = refused(shop, unchanged, readable, UndoAction(position))
    assert message.startswith("Only 2 of Café Teapot left, fewer than the 5 received")


def test_undo_of_an_adjustment_is_the_opposite_adjustment(shop, catalog):
    shop.dispatch(AdjustStock(catalog.trowel, "damaged", change=-3))
    assert shop.undo_offer().description == "stock adjustment -3 × Hand Trowel"
    undo(shop)
    assert stock_of(shop, catalog.trowel) == (7,)
    last = shop.ask(GetStockHistory(catalog.trowel))[-1]
    assert (last.kind, last.quantity, last.reason) == ("adjusted", 3, "damaged")


def test_undo_steps_back_through_this_tills_actions(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 5))
    shop.dispatch(AdjustStock(catalog.mug, "lost", change=-2))
    assert undo(shop) == "stock adjustment -2 × Blue Enamel Mug"
    assert undo(shop) == "receive 5 × Blue Enamel Mug"
    assert stock_of(shop, catalog.mug) == (10,)
    assert redo(shop) == "receive 5 × Blue Enamel Mug"  # the last undo first
    assert redo(shop) == "stock adjustment -2 × Blue Enamel Mug"
    assert stock_of(shop, catalog.mug) == (13,)


def test_a_price_edit_gets_its_previous_values_back(shop, catalog):
    edit(shop, catalog.mug, price_cents=799, name="Blue Mug")
    assert shop.undo_offer().description == "changes to Blue Mug"
    undo(shop)
    mug = shop.ask(GetProduct(catalog.mug))
    assert (mug.name, mug.price_cents, mug.stock) == ("Blue Enamel Mug", 850, 10)
    redo(shop)
    assert shop.ask(GetProduct(catalog.mug)).price_cents == 799


def test_a_product_edited_again_at_another_till_is_not_undone(shop, catalog, unchanged, readable):
    edit(shop, catalog.mug, price_cents=799)
    position = shop.undo_offer().position
    other_till = open_shop(shop.data_dir, till="Till 2")
    try:
        edit(other_till, catalog.mug, price_cents=849)
    finally:
        other_till.close()
    shop.sync()
    assert shop.undo_offer().position == position  # Till 2's edit is not this till's to undo
    message = refused(shop, unchanged, readable, UndoAction(position))
    assert message == "Blue Enamel Mug was changed again since: undoing it would overwrite that change."


def test_category_rename_and_move_go_back(shop, catalog):
    shop.dispatch(RenameCategory(catalog.mugs, "Cups"))
    shop.dispatch(MoveCategory(catalog.mugs, catalog.garden))
    assert undo(shop) == "move of “Cups”"
    assert undo(shop) == "rename to “Cups”"
    mugs = next(c for c in shop.ask(GetCategories()) if c.id == catalog.mugs)
    assert (mugs.name, mugs.parent_id) == ("Mugs", catalog.kitchen)


def test_an_unpaid_order_is_cancelled_and_never_placed_again(shop, catalog, unchanged, readable):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 4),)))
    assert shop.undo_offer().description == f"order {order_id}"
    undo(shop)
    assert shop.ask(GetOrder(order_id)).status == "cancelled"
    assert stock_of(shop, catalog.mug) == (10,)
    offer = shop.redo_offer()
    assert offer.position is None
    assert offer.refusal == f"An undone order is not placed again: place order {order_id} anew."
    position = shop.ask(GetUndoneActions())[0].position
    assert "not placed again" in refused(shop, unchanged, readable, RedoAction(position))


def test_a_payment_is_reversed_then_its_order_cancelled(shop, catalog, unchanged, readable):
    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    placing = shop.undo_offer().position
    shop.dispatch(RecordPayment(order_id, "card", 850))
    described = f"payment £8.50 by card for order {order_id}"
    assert shop.undo_offer().description == described
    message = refused(shop, unchanged, readable, UndoAction(placing))
    assert message == f"Something else was done at this till since ({described}): undo that first."
    undo(shop)
    order = shop.ask(GetOrder(order_id))
    assert (order.status, order.paid_cents) == ("placed", 0)
    assert [h.kind for h in order.history] == ["placed", "payment", "payment reversed"]
    assert shop.redo_offer().refusal == "A reversed payment is not taken again by Redo: take it from the Orders tab."
    assert undo(shop) == f"order {order_id}"  # and then the order itself
    assert shop.ask(GetOrder(order_id)).status == "cancelled"
    assert stock_of(shop, catalog.mug) == (10,)


def test_a_fulfilled_order_is_not_undone(shop, catalog):
    from core.commands import FulfilOrder

    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order_id, "card", 850))
    shop.dispatch(FulfilOrder(order_id))
    offer = shop.undo_offer()
    assert offer.position is None
    assert offer.refusal == "The last thing done at this till (fulfilling an order) cannot be undone."


def test_an_action_that_cannot_be_undone_says_so(shop, catalog, unchanged, readable):
    shop.dispatch(AddCustomer("Ada Lovelace"))
    offer = shop.undo_offer()
    assert offer.position is None
    assert offer.refusal == "The last thing done at this till (adding a customer) cannot be undone."


def test_only_this_tills_actions_are_offered(shop, catalog):
    other_till = open_shop(shop.data_dir, till="Till 2")
    try:
        other_till.dispatch(ReceiveStock(catalog.mug, 3))
        assert other_till.undo_offer().description == "receive 3 × Blue Enamel Mug"
    finally:
        other_till.close()
    shop.sync()
    assert shop.undo_offer().description != "receive 3 × Blue Enamel Mug"


def test_a_rebuild_gives_the_same_undo_links(shop, catalog):
    shop.dispatch(ReceiveStock(catalog.mug, 2))
    shop.dispatch(ReceiveStock(catalog.trowel, 2))
    undo(shop)
    undo(shop)
    redo(shop)
    before = shop.ask(GetUndoneActions())
    assert len(before) == 2 and [u.redone_at is None for u in before] == [False, True]
    shop.rebuild_read_model()
    assert shop.ask(GetUndoneActions()) == before


def test_a_cashier_undoes_her_own_sale_but_not_a_managers_delivery(shop, catalog, team, unchanged, readable):
    shop.sign_in(team.manager, MANAGER_PIN)
    shop.dispatch(ReceiveStock(catalog.mug, 6))
    position = shop.undo_offer().position
    shop.sign_out()
    shop.sign_in(team.cashier, CASHIER_PIN)
    message = refused(shop, unchanged, readable, UndoAction(position), NotAllowed)
    assert message == "Adjusting stock needs a manager: ask one to approve it."
    shop.dispatch(UndoAction(position), approved_by=(team.manager, MANAGER_PIN))
    assert stock_of(shop, catalog.mug) == (10,)

    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))  # opens her session
    undo(shop)  # her own last action in this session: no approval
    assert shop.ask(GetOrder(order_id)).status == "cancelled"


@pytest.mark.parametrize("position", [0, 10**9])
def test_a_stale_or_unknown_position_is_refused(shop, catalog, unchanged, readable, position):
    shop.dispatch(ReceiveStock(catalog.mug, 1))
    assert "Something else was done" in refused(shop, unchanged, readable, UndoAction(position))


@pytest.mark.sqlite_only  # archives through a SQLite engine of its own
def test_an_archived_action_is_still_offered_and_undone(shop, catalog):
    from core.write_model.engine import sqlite_engine
    from core.write_model.outbox_archive import archive_settled_events, record_checkpoint

    shop.dispatch(ReceiveStock(catalog.mug, 2))
    offered = shop.undo_offer()
    assert offered.position is not None
    engine = sqlite_engine(shop.database_file)
    try:
        record_checkpoint(engine, "Till 1", 10**6, "2024-03-01T09:00:00+00:00")
        assert archive_settled_events(engine, margin=0) > 0
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0  # all of it archived
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT position FROM outbox_archive WHERE till = 'Till 1' AND position < 9"
                " ORDER BY position DESC LIMIT 200"
            ).all()
        assert "ix_outbox_archive_till" in str(plan)  # found by till, never a scan of the archive
    finally:
        engine.dispose()
    assert shop.undo_offer() == offered  # the delivery, read from the archive
    assert undo(shop) == "receive 2 × Blue Enamel Mug"
    assert stock_of(shop, catalog.mug) == (10,)
    assert redo(shop) == "receive 2 × Blue Enamel Mug"
    assert stock_of(shop, catalog.mug) == (12,)
    assert [m.undone is not None for m in shop.ask(GetStockHistory(catalog.mug))][1] is True


def test_every_history_marks_what_was_undone_by_whom_and_when(shop, catalog, team, clock):
    shop.sign_in(team.manager, MANAGER_PIN)
    shop.dispatch(ReceiveStock(catalog.mug, 6))
    shop.dispatch(AdjustStock(catalog.trowel, "damaged", change=-1))
    clock.advance(minutes=3)
    undo(shop)  # the adjustment
    clock.advance(minutes=3)
    undo(shop)  # the delivery
    (*_, received, taken_back) = shop.ask(GetStockHistory(catalog.mug))
    assert (received.kind, received.quantity, taken_back.note) == ("received", 6, "Undo: received 6")
    assert received.undone is not None and taken_back.undone is None
    assert (received.undone.undone_by_name, received.undone.redone_at) == ("Max Manager", None)
    adjusted = [m for m in shop.ask(GetStockHistory(catalog.trowel)) if m.undone is not None]
    assert [(m.kind, m.quantity) for m in adjusted] == [("adjusted", -1)]
    assert adjusted[0].undone.undone_at < received.undone.undone_at

    order_id = shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(RecordPayment(order_id, "cash", 850))
    undo(shop)  # the payment, reversed
    undo(shop)  # the order, cancelled
    history = shop.ask(GetOrder(order_id)).history
    assert [(h.kind, h.undone is not None) for h in history] == [
        ("placed", True),
        ("payment", True),
        ("payment reversed", False),
        ("cancelled", False),
    ]
    assert history[2].amount_cents == 850 and history[2].method == "cash"
    assert shop.redo_offer().position is None  # an undone order is placed anew, never redone

    marks = {
        "mug": shop.ask(GetStockHistory(catalog.mug)),
        "trowel": shop.ask(GetStockHistory(catalog.trowel)),
        "order": shop.ask(GetOrder(order_id)),
    }
    shop.rebuild_read_model()
    assert {
        "mug": shop.ask(GetStockHistory(catalog.mug)),
        "trowel": shop.ask(GetStockHistory(catalog.trowel)),
        "order": shop.ask(GetOrder(order_id)),
    } == marks


def test_a_redone_delivery_says_when_it_was_done_again(shop, catalog, clock):
    shop.dispatch(ReceiveStock(catalog.mug, 2))
    undo(shop)
    clock.advance(minutes=1)
    redo(shop)
    marked = [m for m in shop.ask(GetStockHistory(catalog.mug)) if m.undone is not None]
    assert len(marked) == 1 and marked[0].undone.redone_at is not None
    assert marked[0].undone.redone_at > marked[0].undone.undone_at
