"""The read model kept incrementally, event by event, answers every query
exactly as one rebuilt from scratch from the write model, after a long mixed
sequence of every command, and both agree with the write model itself.
"""

import random
import shutil

import pytest

from core import open_shop
from core.commands import (
    ADJUSTMENT_REASONS,
    AddCategory,
    AddProduct,
    AdjustStock,
    ArchiveProduct,
    CancelOrder,
    DeleteCategory,
    DeleteProduct,
    ImportProducts,
    MoveCategory,
    OrderLine,
    PlaceOrder,
    ProductRecord,
    ReceiveStock,
    RenameCategory,
    RestoreProduct,
    UpdateProduct,
)
from core.errors import ShopError
from core.queries import (
    FindProductByCode,
    GetCategories,
    GetLowStock,
    GetOrder,
    GetOrders,
    GetProduct,
    GetProducts,
    GetStockHistory,
)
from tests.helpers import WriteModelDatabase


def everything(shop) -> dict:
    """What every query answers: categories, products (archived included, by
    category and by code), low stock, orders and their details, and every
    product's stock history."""
    categories = shop.ask(GetCategories())
    products = shop.ask(GetProducts())
    archived = shop.ask(GetProducts(archived=True))
    orders = shop.ask(GetOrders())
    every = products + archived
    return {
        "categories": categories,
        "products": products,
        "archived": archived,
        "by_category": {
            c.id: (shop.ask(GetProducts(category_id=c.id)), shop.ask(GetProducts(category_id=c.id, archived=True)))
            for c in categories
        },
        "product": {p.id: shop.ask(GetProduct(p.id)) for p in every},
        "codes": {code: shop.ask(FindProductByCode(code)) for p in every for code in (p.sku, p.barcode) if code},
        "search": {term: shop.ask(GetProducts(search=term)) for term in ("mug", "CAFE", "50", "e")},
        "low_stock": shop.ask(GetLowStock()),
        "orders": orders,
        "details": tuple(shop.ask(GetOrder(o.id)) for o in orders),
        "history": {p.id: shop.ask(GetStockHistory(p.id)) for p in every},
    }


def assert_matches_write_model(shop, data_dir):
    """Every query's answer agrees with shop.sqlite3, read with sqlite3."""
    conn = WriteModelDatabase(data_dir)
    try:
        categories = {r[0]: r[1:] for r in conn.execute("SELECT id, name, parent_id FROM category")}
        products = {
            r[0]: r[1:-1] + (bool(r[-1]),)
            for r in conn.execute(
                "SELECT id, sku, name, category_id, price_cents, stock, barcode, reorder_level,"
                " cost_price_cents, tax_rate_bp, active FROM product"
            )
        }
        orders = {r[0]: r[1:] for r in conn.execute("SELECT id, placed_at, status, total_cents FROM shop_order")}
        lines = {}
        for row in conn.execute(
            "SELECT order_id, product_id, sku, name, quantity, unit_price_cents FROM order_line ORDER BY id"
        ):
            lines.setdefault(row[0], []).append(row[1:])
        moves = {}
        for row in conn.execute(
            "SELECT product_id, at, kind, quantity, stock_after, reason, note, order_id, staff_id FROM stock_movement"
            " ORDER BY id"
        ):
            moves.setdefault(row[0], []).append(row[1:])
    finally:
        conn.close()
    state = everything(shop)
    assert {c.id: (c.name, c.parent_id) for c in state["categories"]} == categories
    every = state["products"] + state["archived"]
    assert {p.id: tuple(p[1:]) for p in every} == products
    assert all(p.active for p in state["products"]) and not any(p.active for p in state["archived"])
    assert {o.id: (o.placed_at, o.status, o.total_cents) for o in state["orders"]} == orders
    assert {
        d.id: [(l.product_id, l.sku, l.name, l.quantity, l.unit_price_cents) for l in d.lines] for d in state["details"]
    } == {o: sorted(ls) for o, ls in lines.items()} | {o: [] for o in orders if o not in lines}
    # Each movement as the ledger holds it (who by id; the name and undo mark are the read model's).
    assert {pid: [tuple(m.__dict__.values())[:-2] for m in h] for pid, h in state["history"].items() if h} == moves
    # Counts: each category's active products, its sub-categories' included.
    for c in state["categories"]:
        assert c.product_count == len(state["by_category"][c.id][0]), c


def assert_rebuild_equivalent(shop, data_dir, open_at):
    """Incremental == rebuilt in place == rebuilt from a deleted folder == reopened."""
    incremental = everything(shop)
    assert_matches_write_model(shop, data_dir)
    shop.rebuild_read_model()
    assert everything(shop) == incremental
    shop.close()
    reopened = open_at()
    assert everything(reopened) == incremental
    reopened.close()
    shutil.rmtree(data_dir / "read_model")
    rebuilt = open_at()
    assert everything(rebuilt) == incremental
    assert_matches_write_model(rebuilt, data_dir)
    return rebuilt


def test_a_long_mixed_sequence_rebuilds_to_the_same_answers(open_at, data_dir):
    shop = open_at()
    kitchen = shop.dispatch(AddCategory("Kitchen"))
    mugs = shop.dispatch(AddCategory("Mugs", parent_id=kitchen))
    plates = shop.dispatch(AddCategory("Plates", parent_id=kitchen))
    garden = shop.dispatch(AddCategory("Garden"))
    sale = shop.dispatch(AddCategory("Sale"))
    mug = shop.dispatch(
        AddProduct("MUG-BLUE", "Blue Enamel Mug", mugs, 850, stock=10, barcode="5012345678900", reorder_level=2)
    )
    teapot = shop.dispatch(AddProduct("TEA-01", "Café Teapot", kitchen, 2499, stock=3, tax_rate_bp=2000))
    plate = shop.dispatch(AddProduct("PLT-9", "Dinner Plate", plates, 425, cost_price_cents=200))
    trowel = shop.dispatch(AddProduct("GRD-TRW", "Hand Trowel", garden, 1200, stock=7, barcode="4006381333931"))
    spare = shop.dispatch(AddProduct("SPARE", "Never sold", sale, 100, stock=1))

    first = shop.dispatch(PlaceOrder((OrderLine(mug, 3), OrderLine(trowel, 1))))
    second = shop.dispatch(PlaceOrder((OrderLine(teapot, 2),)))
    shop.dispatch(CancelOrder(second))
    shop.dispatch(ReceiveStock(plate, 12, note="Crate 7"))
    shop.dispatch(AdjustStock(plate, "damaged", change=-2, note="Cracked"))
    shop.dispatch(AdjustStock(trowel, "stock-take", counted=4))
    shop.dispatch(
        UpdateProduct(
            mug,
            "MUG-BLUE",
            "Blue Mug",
            mugs,
            990,
            barcode="5012345678900",
            reorder_level=8,
            cost_price_cents=400,
            tax_rate_bp=550,
        )
    )
    shop.dispatch(RenameCategory(mugs, "Cups & Mugs"))
    shop.dispatch(MoveCategory(plates, garden))
    shop.dispatch(ArchiveProduct(trowel))
    outcome = shop.dispatch(
        ImportProducts(
            (
                ProductRecord(2, "TEA-01", "Café Teapot", "Kitchen", 2599, stock=9),
                ProductRecord(3, "IMP-1", "Imported Jug", "Kitchen/Jugs", 1500, stock=4, barcode="9780201379624"),
                ProductRecord(4, "IMP-2", "Imported Rake", "garden/Tools", 1800, reorder_level=3),
                ProductRecord(5, "BAD", "", "Kitchen", 1),
            )
        )
    )
    assert (outcome.created, outcome.updated, len(outcome.rejected)) == (2, 1, 1)
    third = shop.dispatch(PlaceOrder((OrderLine(teapot, 1), OrderLine(plate, 2), OrderLine(mug, 1))))
    shop.dispatch(DeleteProduct(spare))
    shop.dispatch(DeleteCategory(sale))
    shop.dispatch(DeleteCategory(kitchen, move_products_to=garden))  # Cups & Mugs and Jugs move up
    shop.dispatch(RestoreProduct(trowel))
    shop.dispatch(CancelOrder(first))
    shop.dispatch(ReceiveStock(mug, 5))
    shop.dispatch(ArchiveProduct(plate))
    # A refused command on the way changes nothing anywhere.
    with pytest.raises(ShopError):
        shop.dispatch(DeleteProduct(mug))

    state = everything(shop)
    assert len(state["orders"]) == 3 and state["orders"][0].id == third
    assert [p.id for p in state["archived"]] == [plate]
    assert {c.name for c in state["categories"]} == {"Cups & Mugs", "Garden", "Plates", "Jugs", "Tools"}
    assert_rebuild_equivalent(shop, data_dir, open_at)


def _random_command(rng: random.Random, shop, counter):
    """A plausible command, sometimes a wrong one, built from what the shop shows."""
    categories = [c.id for c in shop.ask(GetCategories())]
    products = [p.id for p in shop.ask(GetProducts()) + shop.ask(GetProducts(archived=True))]
    orders = [o.id for o in shop.ask(GetOrders())]
    n = next(counter)
    some_category = (lambda: rng.choice(categories)) if categories else (lambda: 999)
    some_product = (lambda: rng.choice(products)) if products else (lambda: 999)
    names = ["Mugs", "mugs", "Plates", "Garden", "Épicerie", "ÉPICERIE", "Sale", "Tools"]
    kind = rng.choice(
        [
            "add_category",
            "add_category",
            "rename",
            "move",
            "delete_category",
            "add_product",
            "add_product",
            "add_product",
            "update",
            "archive",
            "restore",
            "delete_product",
            "order",
            "order",
            "order",
            "cancel",
            "receive",
            "adjust_count",
            "adjust_change",
            "import",
        ]
    )
    if kind == "add_category":
        return AddCategory(rng.choice(names), rng.choice([None, None] + categories))
    if kind == "rename":
        return RenameCategory(some_category(), rng.choice(names))
    if kind == "move":
        return MoveCategory(some_category(), rng.choice([None] + categories))
    if kind == "delete_category":
        return DeleteCategory(some_category(), rng.choice([None] + categories))
    if kind == "add_product":
        return AddProduct(
            f"SKU-{n}",
            rng.choice(["Mug", "Café cup", "Plate", "Rake"]) + f" {n}",
            some_category(),
            rng.randrange(0, 5000),
            stock=rng.randrange(0, 20),
            barcode=rng.choice([None, f"50{rng.randrange(100):03d}"]),
            reorder_level=rng.randrange(0, 6),
        )
    if kind == "update":
        pid = some_product()
        return UpdateProduct(
            pid,
            rng.choice([f"SKU-{pid}", f"EDIT-{n}", "SKU-1"]),
            f"Edited {n}",
            some_category(),
            rng.randrange(0, 5000),
            barcode=rng.choice([None, f"50{rng.randrange(100):03d}"]),
            reorder_level=rng.randrange(0, 10),
            cost_price_cents=rng.choice([None, 100]),
            tax_rate_bp=rng.choice([None, 0, 2000, 10001]),
            active=rng.random() < 0.9,
        )
    if kind == "archive":
        return ArchiveProduct(some_product())
    if kind == "restore":
        return RestoreProduct(some_product())
    if kind == "delete_product":
        return DeleteProduct(some_product())
    if kind == "order":
        return PlaceOrder(tuple(OrderLine(some_product(), rng.randrange(1, 4)) for _ in range(rng.randrange(1, 4))))
    if kind == "cancel":
        return CancelOrder(rng.choice(orders) if orders else 999)
    if kind == "receive":
        return ReceiveStock(some_product(), rng.randrange(1, 10), note=rng.choice(["", "Supplier"]))
    if kind == "adjust_count":
        return AdjustStock(some_product(), rng.choice(ADJUSTMENT_REASONS), counted=rng.randrange(0, 15))
    if kind == "adjust_change":
        return AdjustStock(some_product(), rng.choice(ADJUSTMENT_REASONS), change=rng.randrange(-6, 7))
    records = []
    for line in range(2, 2 + rng.randrange(1, 8)):
        sku = rng.choice([f"SKU-{rng.randrange(n + 1)}", f"IMP-{rng.randrange(30)}"])
        records.append(
            ProductRecord(
                line,
                sku,
                rng.choice(["Imported", "", "Café import"]),
                rng.choice(["Kitchen/Mugs", "kitchen/mugs", "Garden", "Home//Bad", "Épicerie/Thé"]),
                rng.choice([100, 250, -1]),
                stock=rng.choice([None, 0, 5, -2]),
                barcode=rng.choice([None, f"50{rng.randrange(100):03d}"]),
                reorder_level=rng.choice([None, 1]),
            )
        )
    return ImportProducts(tuple(records))


@pytest.mark.parametrize("seed, save_each", [(1, True), (2, False), (3, False)])
def test_random_sequences_rebuild_to_the_same_answers(open_at, data_dir, seed, save_each):
    """Hundreds of random commands, right and wrong: every refusal is a
    ShopError, and the incremental read model always equals a rebuilt one."""
    rng = random.Random(seed)
    shop = open_at()
    shop.save_after_each_command = save_each
    counter = iter(range(1, 10**6))
    done = refused = 0
    for step in range(250):
        command = _random_command(rng, shop, counter)
        try:
            shop.dispatch(command)
            done += 1
        except ShopError:
            refused += 1
        if step % 50 == 49:
            assert_matches_write_model(shop, data_dir)
    assert done > 100 and refused > 10, (done, refused)
    shop.save_read_model()
    assert_rebuild_equivalent(shop, data_dir, open_at)


def test_a_second_till_sees_the_same_catalog(open_at, data_dir):
    shop = open_at()
    other = open_shop(data_dir)
    try:
        kitchen = shop.dispatch(AddCategory("Kitchen"))
        mugs = other.dispatch(AddCategory("Mugs", parent_id=kitchen))
        mug = shop.dispatch(AddProduct("MUG", "Mug", mugs, 850, stock=5))
        other.dispatch(AdjustStock(mug, "damaged", change=-1))
        shop.dispatch(MoveCategory(mugs, None))
        other.dispatch(ArchiveProduct(mug))
        shop.dispatch(ImportProducts((ProductRecord(2, "MUG", "Mug", "Mugs", 900, stock=2),)))
        shop.sync()
        other.sync()
        assert everything(shop) == everything(other)
        assert_matches_write_model(other, data_dir)
    finally:
        other.close()
