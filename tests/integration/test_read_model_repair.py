"""The read model is disposable: whatever happened to its files, opening the
shop shows the write model's data, and leaves healthy files behind."""

import json
import shutil
import sqlite3

import pytest

from core.commands import OrderLine, PlaceOrder, ReceiveStock
from core.queries import FindProductByCode, GetOrders
from core.read_model.documents import SCHEMA_VERSION
from core.read_model.projector import ReadModel
from core.read_model.storage import recorded_tables

# "meta_base": the manifest's base file, whatever its name (storage.py).
TABLE_FILES = ["meta.json", "meta_base", "categories.json", "products_0.json", "orders_0.json", "order_index_0.json"]


def in_folder(folder, file_name):
    if file_name == "meta_base":
        return folder / json.loads((folder / "meta.json").read_bytes())["base"]
    return folder / file_name


def truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def garbage(path):
    path.write_bytes(b"\x00\xff\xfe not json at all {{{")


def empty(path):
    path.write_bytes(b"")


def delete(path):
    path.unlink()


def edit(change):
    def _edit(path):
        doc = json.loads(path.read_bytes())
        change(doc)
        path.write_text(json.dumps(doc))

    _edit.__name__ = change.__name__
    return _edit


def older_schema(doc):
    doc["schema"] = 0


def newer_schema(doc):
    doc["schema"] = 99


def no_schema(doc):
    doc.pop("schema")


def json_list(path):
    path.write_text("[]")


def json_null(path):
    path.write_text("null")


DAMAGES = [
    truncate,
    garbage,
    empty,
    delete,
    edit(older_schema),
    edit(newer_schema),
    edit(no_schema),
    json_list,
    json_null,
]


@pytest.fixture
def damaged_day(traded_day, data_dir):
    """A closed shop and what its queries answered before anything was damaged."""
    ids, expected = traded_day
    return ids, expected, data_dir / "read_model"


def assert_repaired(open_at, state, consistent, data_dir, expected, monkeypatch):
    shop = open_at()
    assert state(shop) == expected
    consistent(shop, data_dir)
    shop.close()
    # And the files it left behind are healthy: the next open needs no rebuild.
    monkeypatch.setattr(ReadModel, "rebuild", lambda self, engine: pytest.fail("rebuilt twice"))
    assert state(open_at()) == expected
    monkeypatch.undo()


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("file_name", TABLE_FILES)
def test_damaged_file_is_rebuilt_on_open(
    damaged_day, open_at, state, consistent, data_dir, monkeypatch, damage, file_name
):
    ids, expected, folder = damaged_day
    damage(in_folder(folder, file_name))
    assert_repaired(open_at, state, consistent, data_dir, expected, monkeypatch)


@pytest.mark.parametrize(
    "change",
    [
        lambda doc: doc.pop("checkpoint"),
        lambda doc: doc.update(checkpoint=-1),
        lambda doc: doc.update(checkpoint="12"),
        lambda doc: doc.pop("base"),
        lambda doc: doc.update(base="../../etc/passwd"),
        lambda doc: doc.update(base="meta_base_1_1.json"),  # names a file that is not there
        lambda doc: doc.pop("removed"),
        lambda doc: doc.update(written_at=["products_0"]),
        lambda doc: doc["written_at"].update({"../../etc/passwd": 1}),
        lambda doc: doc["written_at"].update({"products_7": 1}),  # names a file that is not there
        lambda doc: doc["written_at"].update({"products_0": "12"}),
        lambda doc: doc.update(last_event=[doc["checkpoint"], "0" * 64]),  # another event than the one there
        lambda doc: doc.update(last_event="12"),
    ],
    ids=[
        "no checkpoint",
        "negative checkpoint",
        "checkpoint as text",
        "no base",
        "unsafe base name",
        "missing base file",
        "no removed tables",
        "tables not a mapping",
        "unsafe table name",
        "missing table file",
        "table checkpoint as text",
        "another last event",
        "last event not a pair",
    ],
)
def test_meta_that_cannot_be_trusted_is_rebuilt(damaged_day, open_at, state, consistent, data_dir, monkeypatch, change):
    ids, expected, folder = damaged_day
    edit(change)(folder / "meta.json")
    assert_repaired(open_at, state, consistent, data_dir, expected, monkeypatch)


@pytest.mark.parametrize(
    "file_name, change",
    [
        ("products_0.json", lambda doc: doc.update(table="products_1")),
        ("products_0.json", lambda doc: doc.update(documents=[])),
        ("products_0.json", lambda doc: doc["documents"].update({"1": {"name": "half a product"}})),
        ("orders_0.json", lambda doc: doc["documents"].update({"1": {"id": 1, "lines": "?"}})),
        ("order_index_0.json", lambda doc: doc["documents"].update({"1": {"id": 1}})),
        ("categories.json", lambda doc: doc["documents"].update({"1": None})),
    ],
    ids=[
        "other table's file",
        "documents not a mapping",
        "product missing fields",
        "order missing fields",
        "order's index row not a row",
        "category is null",
    ],
)
def test_table_with_unexpected_documents_is_rebuilt(
    damaged_day, open_at, state, consistent, data_dir, monkeypatch, file_name, change
):
    ids, expected, folder = damaged_day
    edit(change)(folder / file_name)
    assert_repaired(open_at, state, consistent, data_dir, expected, monkeypatch)


def test_deleted_read_model_folder_is_rebuilt(damaged_day, open_at, state, consistent, data_dir, monkeypatch):
    ids, expected, folder = damaged_day
    shutil.rmtree(folder)
    assert_repaired(open_at, state, consistent, data_dir, expected, monkeypatch)


def test_read_model_ahead_of_the_write_model_is_rebuilt(damaged_day, open_at, state, consistent, data_dir, monkeypatch):
    # E.g. shop.sqlite3 was restored from last night's backup, the read model was not.
    ids, expected, folder = damaged_day
    edit(lambda doc: doc.update(checkpoint=10**6))(folder / "meta.json")
    assert_repaired(open_at, state, consistent, data_dir, expected, monkeypatch)


# The other shop is another folder's SQLite file (on a server: tests/integration/test_postgres_shop.py).
@pytest.mark.sqlite_only
def test_read_model_of_another_shop_is_replaced(build_day, open_at, state, consistent, tmp_path, data_dir, monkeypatch):
    # A read model copied from a busier shop: ahead of this write model, other data.
    other_shop, _ = build_day(open_at(tmp_path / "other"))
    for _ in range(3):
        other_shop.dispatch(ReceiveStock(1, 1))
    other_shop.close()
    shop, ids = build_day()
    expected = state(shop)
    shop.close()
    shutil.rmtree(data_dir / "read_model")
    shutil.copytree(tmp_path / "other" / "read_model", data_dir / "read_model")
    assert_repaired(open_at, state, consistent, data_dir, expected, monkeypatch)


def test_old_copy_of_a_table_file_is_caught_up(build_day, open_at, state, consistent, data_dir, monkeypatch):
    # A table file older than meta.json: a backup restored over it, or a slower
    # till that saved its older copy of the file last. Its orders and stock
    # levels must not be lost.
    shop = open_at()
    shop.save_after_each_command = True  # each command's files, as a till saving them
    shop, ids = build_day(shop)
    folder = data_dir / "read_model"
    old_products = (folder / "products_0.json").read_bytes()
    old_orders = (folder / "orders_0.json").read_bytes()
    shop.dispatch(PlaceOrder((OrderLine(ids["mug"], 2),)))
    shop.dispatch(ReceiveStock(ids["teapot"], 4))
    expected = state(shop)
    shop.close()
    (folder / "products_0.json").write_bytes(old_products)
    (folder / "orders_0.json").write_bytes(old_orders)

    shop = open_at()
    assert shop.ask(FindProductByCode("MUG-BLUE")).stock == 5
    assert shop.ask(FindProductByCode("TEA-01")).stock == 6
    assert len(shop.ask(GetOrders())) == 4
    assert state(shop) == expected
    consistent(shop, data_dir)


def test_stale_temp_files_do_not_disturb_opening(damaged_day, open_at, state, data_dir):
    ids, expected, folder = damaged_day
    (folder / ".products_0.json.99999.tmp").write_bytes(b'{"schema": 1, "tab')
    assert state(open_at()) == expected


def one_file_meta(folder, *, with_written_at=True) -> None:
    """meta.json as releases before the base manifest wrote it: every table in it."""
    checkpoint, written_at = recorded_tables(folder, SCHEMA_VERSION)
    old = {"schema": SCHEMA_VERSION, "checkpoint": checkpoint, "tables": sorted(written_at)}
    if with_written_at:
        old["written_at"] = written_at
    (folder / "meta.json").write_text(json.dumps(old))


@pytest.mark.parametrize("with_written_at", [True, False], ids=["one file", "first release"])
def test_meta_written_by_earlier_releases_still_loads(damaged_day, open_at, state, monkeypatch, with_written_at):
    # The first release wrote no "written_at": trusted as before.
    ids, expected, folder = damaged_day
    one_file_meta(folder, with_written_at=with_written_at)
    monkeypatch.setattr(ReadModel, "rebuild", lambda self, engine: pytest.fail("rebuilt"))
    shop = open_at()
    assert state(shop) == expected
    shop.dispatch(ReceiveStock(ids["mug"], 1))
    expected = state(shop)
    shop.close()
    # Saved in today's form, which the next opening reads without a rebuild.
    assert "base" in json.loads((folder / "meta.json").read_bytes())
    assert state(open_at()) == expected


# The database put back in place (same file, so the same identity) and written to since.
@pytest.mark.sqlite_only
def test_read_model_of_a_history_put_back_and_rewritten_is_rebuilt(
    traded_day, open_at, state, consistent, data_dir, tmp_path, monkeypatch
):
    ids, folder = traded_day[0], data_dir / "read_model"
    open_at().close()  # the copied folder's file takes its identity here
    earlier = tmp_path / "earlier.sqlite3"
    shutil.copyfile(data_dir / "shop.sqlite3", earlier)
    shop = open_at()
    for _ in range(3):
        shop.dispatch(ReceiveStock(ids["mug"], 10))
    shop.close()  # its documents are saved up to these three receipts
    made_from_them = folder.rename(tmp_path / "read_model_then")

    # The file's earlier bytes written back into it (SQLite's backup API: the
    # same file, path and inode), then other events at the same positions.
    with sqlite3.connect(earlier) as source, sqlite3.connect(data_dir / "shop.sqlite3") as target:
        source.backup(target)
    shop = open_at()
    for _ in range(3):
        shop.dispatch(ReceiveStock(ids["teapot"], 1))
    expected = state(shop)
    shop.close()
    shutil.rmtree(folder)
    made_from_them.rename(folder)

    rebuilt = []
    real = ReadModel.rebuild
    monkeypatch.setattr(ReadModel, "rebuild", lambda self, engine: rebuilt.append(1) or real(self, engine))
    shop = open_at()
    assert rebuilt
    assert state(shop) == expected  # not the mugs of the history put back
    consistent(shop, data_dir)
