"""AddProducts checks a whole batch with a few IN queries and inserts it with
one statement; it must refuse exactly what adding the products one by one
refused, naming the same product with the same message."""

import random

import pytest

from core.commands import AddProduct, AddProducts
from core.errors import InvalidCommand, ShopError
from core.handlers import lookups
from core.handlers.products import add_product
from core.queries import FindProductByCode, GetProducts
from core.write_model.unit_of_work import UnitOfWork


def one_by_one(engine, command: AddProducts):
    """The reference: AddProducts as it was, one add_product after another in
    a transaction that is rolled back. Returns the ids, or the error."""
    with UnitOfWork(engine) as uow:  # never committed
        ids = []
        for number, item in enumerate(command.products, start=1):
            if not isinstance(item, AddProduct):
                return InvalidCommand(f"Item {number} is not a product.")
            try:
                ids.append(add_product(item, uow))
            except ShopError as exc:
                return type(exc)(f"Product {number} ({item.sku!r}): {exc}")
        return tuple(ids)


def outcome(result):
    return (type(result), str(result)) if isinstance(result, Exception) else result


def bulk(shop, command):
    try:
        return shop.dispatch(command)
    except ShopError as exc:
        return exc


def random_batch(rng: random.Random, catalog, size: int) -> AddProducts:
    """Mostly good products, with now and then a fault of every kind."""
    categories = [catalog.kitchen, catalog.mugs, catalog.plates, catalog.garden]
    items = []
    for i in range(size):
        sku, barcode = f"R-{rng.randrange(10**6)}", rng.choice([None, None, f"77{rng.randrange(10**9)}"])
        fields = dict(
            sku=sku,
            name=f"Thing {i}",
            category_id=rng.choice(categories),
            price_cents=rng.randrange(1, 5000),
            stock=rng.randrange(0, 50),
            barcode=barcode,
        )
        fault = rng.random()
        if fault < 0.01:
            fields["sku"] = "MUG-BLUE"  # taken in the shop
        elif fault < 0.02 and items and isinstance(items[-1], AddProduct):
            fields["sku"] = rng.choice([p for p in items if isinstance(p, AddProduct)]).sku
        elif fault < 0.03:
            fields["barcode"] = "5012345678900"  # the mug's
        elif fault < 0.04 and any(isinstance(p, AddProduct) and p.barcode for p in items):
            fields["barcode"] = rng.choice([p.barcode for p in items if isinstance(p, AddProduct) and p.barcode])
        elif fault < 0.05:
            fields["category_id"] = 999
        elif fault < 0.06:
            fields["price_cents"] = -1
        elif fault < 0.065:
            fields["category_id"] = "2"
        elif fault < 0.07:
            fields["sku"] = " spaced "
        elif fault < 0.075:
            fields["name"] = "two\nlines"
        elif fault < 0.08:
            fields["barcode"] = "   "  # blank: no barcode, not a fault
        elif fault < 0.083:
            items.append("not a product")
            continue
        elif fault < 0.088:
            fields["stock"] = -1  # checked after the database checks, one by one
        elif fault < 0.091:
            fields["tax_rate_bp"] = 20_000
        elif fault < 0.094:
            fields["active"] = "yes"
        elif fault < 0.097:
            fields["sku"], fields["stock"] = "MUG-BLUE", -1  # the database fault first
        items.append(AddProduct(**fields))
    return AddProducts(tuple(items))


# SQLite only: one_by_one's rolled-back transaction gives its ids back there;
# a PostgreSQL sequence never does, so the bulk ids would differ by design.
@pytest.mark.sqlite_only
@pytest.mark.parametrize("seed", range(60))
def test_bulk_refuses_what_one_by_one_refused(shop, catalog, seed):
    rng = random.Random(seed)
    command = random_batch(rng, catalog, rng.choice([1, 3, 20, 80]))
    expected = one_by_one(shop._engine, command)
    assert outcome(bulk(shop, command)) == outcome(expected)


def test_a_batch_larger_than_one_in_list(shop, catalog, monkeypatch):
    monkeypatch.setattr(lookups, "IN_CHUNK", 7)
    products = [AddProduct(f"L-{i:03d}", f"Large {i}", catalog.garden, 100, barcode=f"99{i:05d}") for i in range(1, 41)]
    clash = products[:30] + [AddProduct("L-009", "Again", catalog.garden, 100)] + products[30:]
    command = AddProducts(tuple(clash))
    expected = one_by_one(shop._engine, command)
    assert "Product 31 ('L-009')" in str(expected)
    assert outcome(bulk(shop, command)) == outcome(expected)

    ids = shop.dispatch(AddProducts(tuple(products)))
    assert len(ids) == 40 and list(ids) == sorted(ids)
    assert [shop.ask(FindProductByCode(p.sku)).id for p in products] == list(ids)
    assert shop.ask(FindProductByCode("9900040")).sku == "L-040"


def test_an_earlier_database_fault_wins_over_a_later_field_fault(shop, catalog, readable):
    command = AddProducts(
        (
            AddProduct("OK-1", "Fine", catalog.garden, 100),
            AddProduct("TEA-01", "Taken", catalog.garden, 100),
            AddProduct("OK-2", "", catalog.garden, 100),
        )
    )
    error = bulk(shop, command)
    assert outcome(error) == outcome(one_by_one(shop._engine, command))
    assert str(error).startswith("Product 2 ('TEA-01')")
    readable(error)
    assert shop.ask(FindProductByCode("OK-1")) is None


@pytest.mark.sqlite_only  # compares ids with a rolled-back run's: a sequence never gives them back
def test_the_bulk_ids_and_documents_match_one_by_one(shop, catalog):
    command = AddProducts(
        tuple(
            AddProduct(f"M-{i}", f"Match {i}", catalog.mugs, 10 * i, stock=i, barcode=None if i % 2 else f"55{i}")
            for i in range(1, 12)
        )
    )
    expected = one_by_one(shop._engine, command)
    assert shop.dispatch(command) == expected
    views = {p.sku: p for p in shop.ask(GetProducts(search="match"))}
    assert [(views[f"M-{i}"].price_cents, views[f"M-{i}"].stock, views[f"M-{i}"].barcode) for i in range(1, 12)] == [
        (10 * i, i, None if i % 2 else f"55{i}") for i in range(1, 12)
    ]


def test_opening_stock_is_in_the_history(shop, catalog):
    from core.queries import GetStockHistory

    ids = shop.dispatch(
        AddProducts(
            (
                AddProduct("H-1", "With stock", catalog.garden, 100, stock=5),
                AddProduct("H-2", "Without", catalog.garden, 100),
            )
        )
    )
    [move] = shop.ask(GetStockHistory(ids[0]))
    assert (move.kind, move.quantity, move.stock_after) == ("received", 5, 5)
    assert shop.ask(GetStockHistory(ids[1])) == ()
