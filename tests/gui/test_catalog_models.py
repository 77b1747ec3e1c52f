"""The catalog's new item models pass Qt's own model tester, with real data."""

from core.commands import AdjustStock, OrderLine, PlaceOrder, ReceiveStock
from core.queries import GetStockHistory
from core.results import RejectedRecord
from shop_gui.models.category_tree_model import CategoryTreeModel
from shop_gui.models.low_stock_model import LowStockModel
from shop_gui.models.rejected_rows_model import RejectedRowsModel
from shop_gui.models.stock_history_model import StockHistoryModel


def test_stock_history_model(qtmodeltester, shop, catalog):
    shop.dispatch(PlaceOrder((OrderLine(catalog.mug, 1),)))
    shop.dispatch(ReceiveStock(catalog.mug, 4, "Acme"))
    shop.dispatch(AdjustStock(catalog.mug, "damaged", change=-1))
    model = StockHistoryModel()
    qtmodeltester.check(model)  # empty
    model.show_movements(shop.ask(GetStockHistory(catalog.mug)))
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_low_stock_model(qtmodeltester, window):
    model = LowStockModel(window.bridge)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_rejected_rows_model(qtmodeltester):
    model = RejectedRowsModel(
        (RejectedRecord(3, "X-1", "Price is missing."), RejectedRecord(7, "", "SKU cannot be empty."))
    )
    qtmodeltester.check(model)
    qtmodeltester.check(RejectedRowsModel(()))


def test_category_tree_for_choosing_a_new_parent(qtmodeltester, window, catalog):
    model = CategoryTreeModel(window.bridge, root_label="Top level (no parent)", counts=False)
    model.disable_subtree(catalog.kitchen)
    qtmodeltester.check(model)
    assert model.index_of(catalog.mugs).data() == "Mugs"
    assert not model.itemFromIndex(model.index_of(catalog.mugs)).isEnabled()
    assert model.itemFromIndex(model.index_of(catalog.garden)).isEnabled()
