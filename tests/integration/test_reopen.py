"""Closing and reopening the shop keeps everything, from the files alone."""

import pytest

from core import open_shop
from core.commands import AddCategory, AddProduct, AddProducts, CancelOrder, OrderLine, PlaceOrder
from core.errors import ShopError, StorageError
from core.queries import FindProductByCode, GetOrder, GetProductsByIds
from core.read_model.projector import ReadModel
from tests.helpers import WriteModelDatabase


def test_reopen_keeps_everything(build_day, open_at, state, consistent, data_dir):
    shop, ids = build_day()
    before = state(shop)
    shop.close()
    reopened = open_at()
    assert state(reopened) == before
    consistent(reopened, data_dir)


def test_reopen_keeps_stock_and_statuses(build_day, open_at):
    shop, ids = build_day()
    shop.close()
    shop = open_at()
    stock = {p.id: p.stock for p in shop.ask(GetProductsByIds((ids["mug"], ids["teapot"], ids["trowel"])))}
    assert stock == {ids["mug"]: 7, ids["teapot"]: 2, ids["trowel"]: 11}
    assert shop.ask(GetOrder(ids["kept"])).status == "placed"
    assert shop.ask(GetOrder(ids["cancelled"])).status == "cancelled"
    assert shop.ask(GetOrder(ids["last"])).total_cents == 2499 + 850


def test_a_healthy_read_model_is_loaded_not_rebuilt(build_day, open_at, monkeypatch):
    shop, _ = build_day()
    shop.close()

    def no_rebuild(self, engine):
        raise AssertionError("a healthy read model was rebuilt")

    monkeypatch.setattr(ReadModel, "rebuild", no_rebuild)
    open_at()


def test_work_continues_after_reopening(build_day, open_at, consistent, data_dir):
    shop, ids = build_day()
    shop.close()
    shop = open_at()
    new_product = shop.dispatch(AddProduct("NEW-1", "Oven Glove", ids["kitchen"], 799, stock=4))
    assert new_product > ids["trowel"]
    new_order = shop.dispatch(PlaceOrder((OrderLine(new_product, 4), OrderLine(ids["mug"], 1))))
    assert new_order > ids["last"]
    shop.dispatch(CancelOrder(ids["last"]))
    shop.close()
    shop = open_at()
    consistent(shop, data_dir)
    assert shop.ask(FindProductByCode("NEW-1")).stock == 0
    assert shop.ask(FindProductByCode("5012345678900")).stock == 7  # -1 sold, +1 cancelled


def test_reopen_many_times_changes_nothing(build_day, open_at, state):
    shop, _ = build_day()
    before = state(shop)
    for _ in range(3):
        shop.close()
        shop = open_at()
        assert state(shop) == before


@pytest.mark.sqlite_only
def test_opening_creates_the_folder_and_both_stores(tmp_path, open_at):
    folder = tmp_path / "new" / "shop"
    shop = open_at(folder)
    shop.dispatch(AddCategory("Kitchen"))
    assert (folder / "shop.sqlite3").is_file()
    assert (folder / "read_model" / "meta.json").is_file()


def test_reopen_with_products_spread_over_several_table_files(open_at, state, consistent, data_dir):
    many = 600  # more than one shard of 512
    shop = open_at()
    category = shop.dispatch(AddCategory("Bulk"))
    ids = shop.dispatch(
        AddProducts(tuple(AddProduct(f"B-{i:04d}", f"Bulk item {i}", category, 100 + i, stock=2) for i in range(many)))
    )
    shop.dispatch(PlaceOrder((OrderLine(ids[0], 1), OrderLine(ids[-1], 2))))
    assert len(list((data_dir / "read_model").glob("products_*.json"))) >= 2
    before = state(shop)
    shop.close()
    shop = open_at()
    assert state(shop) == before
    consistent(shop, data_dir)


def test_refused_commands_leave_both_stores_as_they_were(traded_day, open_at, truth, data_dir):
    ids, expected = traded_day

    def files():
        return {
            p.name: p.read_bytes()
            for p in sorted(data_dir.rglob("*"))
            if p.is_file() and not p.name.startswith("shop.sqlite3")
        }

    shop = open_at()
    before_truth, before_files = truth(data_dir), files()
    for command in (
        PlaceOrder((OrderLine(ids["mug"], 1), OrderLine(ids["teapot"], 3))),  # teapot: only 2
        PlaceOrder((OrderLine(ids["mug"], 1), OrderLine(999, 1))),
        AddProducts((AddProduct("NEW-1", "New", ids["kitchen"], 1), AddProduct("TEA-01", "Dup", ids["kitchen"], 1))),
        CancelOrder(ids["cancelled"]),
        AddCategory("Mugs", parent_id=ids["kitchen"]),
    ):
        with pytest.raises(ShopError):
            shop.dispatch(command)
    shop.close()
    assert truth(data_dir) == before_truth
    assert files() == before_files


def test_cancel_after_reopening_restores_stock_exactly(traded_day, open_at, consistent, data_dir):
    ids, _ = traded_day
    shop = open_at()
    order_id = shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 7), OrderLine(ids["trowel"], 11))))
    shop.close()
    shop = open_at()
    assert shop.ask(FindProductByCode("MUG-BLUE")).stock == 0
    shop.dispatch(CancelOrder(order_id))
    shop.close()
    shop = open_at()
    assert shop.ask(FindProductByCode("MUG-BLUE")).stock == 7
    assert shop.ask(FindProductByCode("GRD-TRW")).stock == 11
    consistent(shop, data_dir)


@pytest.mark.sqlite_only
def test_a_file_that_is_not_a_database_is_a_readable_error(tmp_path):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "shop.sqlite3").write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(StorageError) as raised:
        open_shop(folder)
    assert "could not be opened" in str(raised.value)


def test_a_database_from_a_newer_version_is_refused(traded_day, data_dir):
    conn = WriteModelDatabase(data_dir)
    with conn:
        conn.execute("UPDATE schema_info SET version = 99")
    conn.close()
    with pytest.raises(StorageError) as raised:
        open_shop(data_dir)
    assert "newer Shop Manager" in str(raised.value)
