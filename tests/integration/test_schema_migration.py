"""A shop last used by the first release (write-model schema version 1) opens
in this one: migrated in place to the current version, nothing lost, the read model
rebuilt. The version-1 database is made by hand with sqlite3, with the DDL
that release's SQLAlchemy metadata produced (``git show 0d7fd96:core/write_model/schema.py``).
"""

import json
import sqlite3

import pytest

from core.commands import (
    AddProduct,
    AdjustStock,
    ArchiveProduct,
    CancelOrder,
    OrderLine,
    PlaceOrder,
    UpdateProduct,
)
from core.errors import StorageError
from core.queries import (
    FindProductByCode,
    GetCategories,
    GetLowStock,
    GetOrder,
    GetOrders,
    GetProduct,
    GetProducts,
    GetStockHistory,
    ProductView,
)
from core.read_model.documents import SCHEMA_VERSION as READ_MODEL_SCHEMA
from core.write_model import engine as write_engine
from core.write_model import migrations
from core.write_model.schema import SCHEMA_VERSION
from tests.helpers import everything

# About the SQLite file itself (its versions, copies, locks): not run on PostgreSQL.
pytestmark = pytest.mark.sqlite_only

V1_DDL = """
CREATE TABLE schema_info (
    version INTEGER NOT NULL,
    PRIMARY KEY (version)
);
CREATE TABLE category (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    parent_id INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(parent_id) REFERENCES category (id)
);
CREATE INDEX ix_category_parent_id ON category (parent_id);
CREATE TABLE shop_order (
    id INTEGER NOT NULL,
    placed_at VARCHAR(32) NOT NULL,
    status VARCHAR(16) NOT NULL,
    total_cents BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE outbox (
    position INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    event_type VARCHAR(64) NOT NULL,
    payload TEXT NOT NULL,
    recorded_at VARCHAR(32) NOT NULL
);
CREATE TABLE product (
    id INTEGER NOT NULL,
    sku VARCHAR(64) NOT NULL,
    barcode VARCHAR(64),
    name VARCHAR(200) NOT NULL,
    category_id INTEGER NOT NULL,
    price_cents BIGINT NOT NULL,
    stock INTEGER NOT NULL,
    reorder_level INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT stock_not_negative CHECK (stock >= 0),
    CONSTRAINT price_not_negative CHECK (price_cents >= 0),
    UNIQUE (sku),
    UNIQUE (barcode),
    FOREIGN KEY(category_id) REFERENCES category (id)
);
CREATE INDEX ix_product_category_id ON product (category_id);
CREATE TABLE order_line (
    id INTEGER NOT NULL,
    order_id INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    sku VARCHAR(64) NOT NULL,
    name VARCHAR(200) NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price_cents BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT quantity_positive CHECK (quantity > 0),
    FOREIGN KEY(order_id) REFERENCES shop_order (id),
    FOREIGN KEY(product_id) REFERENCES product (id)
);
CREATE INDEX ix_order_line_order_id ON order_line (order_id);
"""

AT = "2024-02-01T10:00:00+00:00"
CATEGORIES = [(1, "Kitchen", None), (2, "Mugs", 1), (3, "Garden", None)]
PRODUCTS = [  # id, sku, barcode, name, category, price, stock, reorder level
    (1, "MUG-BLUE", "5012345678900", "Blue Enamel Mug", 2, 850, 7, 2),
    (2, "TEA-01", None, "Café Teapot", 1, 2499, 2, 0),
    (3, "GRD-TRW", None, "Hand Trowel", 3, 1200, 0, 1),
]
ORDERS = [(1, AT, "placed", 2 * 850 + 1200), (2, AT, "cancelled", 2499)]
LINES = [  # id, order, product, sku, name, quantity, unit price
    (1, 1, 1, "MUG-BLUE", "Blue Enamel Mug", 2, 850),
    (2, 1, 3, "GRD-TRW", "Hand Trowel", 1, 1200),
    (3, 2, 2, "TEA-01", "Café Teapot", 1, 2499),
]


def v1_events():
    """The outbox a version-1 shop held: payloads without the newer fields."""
    events = [("CategoryAdded", {"category_id": c, "name": n, "parent_id": p}) for c, n, p in CATEGORIES]
    opening = {1: 9, 2: 2, 3: 1}  # before the orders below
    for pid, sku, barcode, name, cat, price, _stock, reorder in PRODUCTS:
        events.append(
            (
                "ProductAdded",
                {
                    "product_id": pid,
                    "sku": sku,
                    "name": name,
                    "category_id": cat,
                    "price_cents": price,
                    "stock": opening[pid],
                    "barcode": barcode,
                    "reorder_level": reorder,
                },
            )
        )
    events.append(
        (
            "OrderPlaced",
            {
                "order_id": 1,
                "placed_at": AT,
                "total_cents": 2900,
                "lines": [
                    {
                        "product_id": 1,
                        "sku": "MUG-BLUE",
                        "name": "Blue Enamel Mug",
                        "quantity": 2,
                        "unit_price_cents": 850,
                        "stock_after": 7,
                    },
                    {
                        "product_id": 3,
                        "sku": "GRD-TRW",
                        "name": "Hand Trowel",
                        "quantity": 1,
                        "unit_price_cents": 1200,
                        "stock_after": 0,
                    },
                ],
            },
        )
    )
    events.append(
        (
            "OrderPlaced",
            {
                "order_id": 2,
                "placed_at": AT,
                "total_cents": 2499,
                "lines": [
                    {
                        "product_id": 2,
                        "sku": "TEA-01",
                        "name": "Café Teapot",
                        "quantity": 1,
                        "unit_price_cents": 2499,
                        "stock_after": 1,
                    }
                ],
            },
        )
    )
    events.append(
        (
            "OrderCancelled",
            {"order_id": 2, "cancelled_at": AT, "restocked": [{"product_id": 2, "quantity": 1, "stock_after": 2}]},
        )
    )
    return events


def make_v1_shop(data_dir, *, read_model=True):
    """A version-1 shop folder: shop.sqlite3 with rows, and (optionally) the
    version-1 read-model files, which this release must not trust."""
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    try:
        conn.executescript(V1_DDL)
        conn.execute("INSERT INTO schema_info (version) VALUES (1)")
        conn.executemany("INSERT INTO category VALUES (?, ?, ?)", CATEGORIES)
        conn.executemany(
            "INSERT INTO product (id, sku, barcode, name, category_id, price_cents, stock,"
            " reorder_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            PRODUCTS,
        )
        conn.executemany("INSERT INTO shop_order VALUES (?, ?, ?, ?)", ORDERS)
        conn.executemany("INSERT INTO order_line VALUES (?, ?, ?, ?, ?, ?, ?)", LINES)
        conn.executemany(
            "INSERT INTO outbox (event_type, payload, recorded_at) VALUES (?, ?, ?)",
            [(kind, json.dumps(payload), AT) for kind, payload in v1_events()],
        )
        conn.commit()
    finally:
        conn.close()
    if read_model:
        folder = data_dir / "read_model"
        folder.mkdir()
        position = len(v1_events())
        products = {
            str(p[0]): {
                "id": p[0],
                "sku": p[1],
                "name": p[3],
                "category_id": p[4],
                "price_cents": p[5],
                "stock": p[6],
                "barcode": p[2],
                "reorder_level": p[7],
            }
            for p in PRODUCTS
        }
        (folder / "products_0.json").write_text(
            json.dumps({"schema": 1, "table": "products_0", "checkpoint": position, "documents": products})
        )
        (folder / "meta.json").write_text(json.dumps({"schema": 1, "checkpoint": position, "tables": ["products_0"]}))


def sql(data_dir, query, *args):
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def columns(data_dir, table) -> list[str]:
    return [row[1] for row in sql(data_dir, f"PRAGMA table_info({table})")]


@pytest.mark.parametrize("read_model", [True, False], ids=["with v1 read model", "without read model"])
def test_a_version_1_shop_is_migrated_and_nothing_is_lost(data_dir, open_at, read_model):
    make_v1_shop(data_dir, read_model=read_model)
    shop = open_at()

    assert sql(data_dir, "SELECT version FROM schema_info") == [(SCHEMA_VERSION,)]
    assert {"cost_price_cents", "tax_rate_bp", "active"} <= set(columns(data_dir, "product"))
    assert "stock_movement" in {r[0] for r in sql(data_dir, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert sql(data_dir, "SELECT id, active, cost_price_cents, tax_rate_bp FROM product ORDER BY id") == [
        (1, 1, None, None),
        (2, 1, None, None),
        (3, 1, None, None),
    ]
    assert sql(data_dir, "SELECT count(*) FROM outbox") == [(len(v1_events()),)]

    # Every category, product and order, as the version-1 shop had them.
    assert {(c.id, c.name, c.parent_id, c.product_count) for c in shop.ask(GetCategories())} == {
        (1, "Kitchen", None, 2),
        (2, "Mugs", 1, 1),
        (3, "Garden", None, 1),
    }
    assert shop.ask(GetProducts()) == (
        ProductView(1, "MUG-BLUE", "Blue Enamel Mug", 2, 850, 7, "5012345678900", 2, None, None, True),
        ProductView(2, "TEA-01", "Café Teapot", 1, 2499, 2, None, 0, None, None, True),
        ProductView(3, "GRD-TRW", "Hand Trowel", 3, 1200, 0, None, 1, None, None, True),
    )
    assert shop.ask(GetProducts(archived=True)) == ()
    assert [p.id for p in shop.ask(GetLowStock())] == [3]
    assert shop.ask(FindProductByCode("5012345678900")).id == 1
    assert [(o.id, o.status, o.total_cents, o.line_count, o.item_count) for o in shop.ask(GetOrders())] == [
        (2, "cancelled", 2499, 1, 1),
        (1, "placed", 2900, 2, 3),
    ]
    first = shop.ask(GetOrder(1))
    assert [(l.product_id, l.sku, l.quantity, l.unit_price_cents) for l in first.lines] == [
        (1, "MUG-BLUE", 2, 850),
        (3, "GRD-TRW", 1, 1200),
    ]
    # Movements before version 2 were never recorded: the history starts with
    # the stock each product had, so it adds up.
    (opening,) = shop.ask(GetStockHistory(1))
    assert (opening.kind, opening.quantity, opening.stock_after, opening.note) == (
        "received",
        7,
        7,
        "Stock when history began",
    )
    assert shop.ask(GetStockHistory(3)) == ()  # none in stock: nothing to explain

    # The read model was rebuilt in the new shape, and is trusted next time.
    meta = json.loads((data_dir / "read_model" / "meta.json").read_bytes())
    assert meta["schema"] == READ_MODEL_SCHEMA and meta["checkpoint"] == len(v1_events())
    before = everything(shop)
    shop.close()
    assert everything(open_at()) == before


def test_a_migrated_shop_takes_every_new_command(data_dir, open_at):
    make_v1_shop(data_dir)
    shop = open_at()
    shop.dispatch(
        UpdateProduct(
            1,
            "MUG-BLUE",
            "Blue Enamel Mug",
            2,
            900,
            barcode="5012345678900",
            reorder_level=2,
            cost_price_cents=400,
            tax_rate_bp=2000,
        )
    )
    shop.dispatch(AdjustStock(1, "stock-take", counted=9))
    order_id = shop.dispatch(PlaceOrder((OrderLine(1, 1),)))
    assert order_id == 3
    shop.dispatch(CancelOrder(1))  # a version-1 order can still be cancelled
    shop.dispatch(ArchiveProduct(3))
    new_id = shop.dispatch(AddProduct("NEW-1", "Oven Glove", 1, 799, stock=4, cost_price_cents=300))
    assert shop.ask(GetProduct(1)) == ProductView(
        1, "MUG-BLUE", "Blue Enamel Mug", 2, 900, 10, "5012345678900", 2, 400, 2000, True
    )
    assert [(m.kind, m.quantity, m.stock_after) for m in shop.ask(GetStockHistory(1))] == [
        ("received", 7, 7),
        ("adjusted", 2, 9),
        ("sold", -1, 8),
        ("cancelled", 2, 10),
    ]
    assert shop.ask(GetOrder(1)).total_cents == 2900  # the old price, still
    assert shop.ask(GetProduct(new_id)).cost_price_cents == 300
    before = everything(shop)
    shop.rebuild_read_model()
    assert everything(shop) == before
    shop.close()
    assert everything(open_at()) == before


def test_opening_a_migrated_shop_again_migrates_nothing(data_dir, open_at, monkeypatch):
    make_v1_shop(data_dir)
    real_migrate, first = write_engine.migrate, []
    monkeypatch.setattr(write_engine, "migrate", lambda *a: first.append(a[1:]) or real_migrate(*a))
    open_at().close()
    assert first == [(1, SCHEMA_VERSION)]
    calls = []
    monkeypatch.setattr(write_engine, "migrate", lambda *a: calls.append(a))
    shop = open_at()
    assert calls == []
    assert len(shop.ask(GetProducts())) == 3


def test_a_failed_migration_leaves_the_version_1_database_as_it_was(data_dir, open_at, monkeypatch):
    make_v1_shop(data_dir, read_model=False)
    before = {
        t: sql(data_dir, f"SELECT * FROM {t} ORDER BY 1")
        for t in ("schema_info", "category", "product", "shop_order", "order_line", "outbox")
    }
    product_columns = columns(data_dir, "product")
    real_step = migrations.STEPS[1]

    def step_then_fail(conn):
        real_step(conn)  # the columns are added...
        raise RuntimeError("power cut")  # ...and then the step dies

    monkeypatch.setitem(migrations.STEPS, 1, step_then_fail)
    with pytest.raises(RuntimeError):
        open_at()
    assert columns(data_dir, "product") == product_columns
    assert {t: sql(data_dir, f"SELECT * FROM {t} ORDER BY 1") for t in before} == before
    monkeypatch.undo()
    shop = open_at()  # and the next start migrates it properly
    assert sql(data_dir, "SELECT version FROM schema_info") == [(SCHEMA_VERSION,)]
    assert len(shop.ask(GetProducts())) == 3


def test_a_newer_database_is_refused_with_a_clear_sentence(data_dir, open_at):
    make_v1_shop(data_dir, read_model=False)
    conn = sqlite3.connect(data_dir / "shop.sqlite3")
    conn.execute(f"UPDATE schema_info SET version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as raised:
        open_at()
    assert "newer Shop Manager" in str(raised.value)
    assert sql(data_dir, "SELECT version FROM schema_info") == [(SCHEMA_VERSION + 1,)]
