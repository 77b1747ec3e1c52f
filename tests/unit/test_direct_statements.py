"""Direct statements (core/write_model/direct.py): SQLAlchemy Core compiled
once, run on the driver's cursor inside SQLAlchemy's transaction."""

import pytest
from sqlalchemy import bindparam, create_engine, insert, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError

from core.write_model.direct import Direct
from core.write_model.schema import category, metadata, product, shop_order


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'direct.sqlite3'}")
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(category).values(id=1, name="Kitchen"))
    yield engine
    engine.dispose()


PRODUCT_COLUMNS = ("sku", "name", "category_id", "price_cents", "stock", "reorder_level", "active")
ADD_PRODUCT = Direct(insert(product).returning(product.c.id, product.c.sku), columns=PRODUCT_COLUMNS)
ADD_PRODUCTS = Direct(insert(product), columns=PRODUCT_COLUMNS)


def a_product(sku: str, active=True) -> dict:
    return {
        "sku": sku,
        "name": f"Item {sku}",
        "category_id": 1,
        "price_cents": 850,
        "stock": 3,
        "reorder_level": 0,
        "active": active,
    }


def test_rows_come_back_as_the_statement_returns_them(engine):
    with engine.begin() as conn:
        (row,) = ADD_PRODUCT.rows(conn, a_product("MUG"))
        assert row[1] == "MUG"
        assert ADD_PRODUCT.one_value(conn, a_product("CUP")) == row[0] + 1


def test_a_boolean_is_converted_as_sqlalchemy_would(engine):
    with engine.begin() as conn:
        ADD_PRODUCT.one_value(conn, a_product("OLD", active=False))
        assert conn.execute(select(product.c.active).where(product.c.sku == "OLD")).scalar() is False


def test_it_writes_inside_the_sqlalchemy_transaction(engine):
    with engine.connect() as conn:
        with conn.begin() as txn:
            ADD_PRODUCTS.many(conn, [a_product("A"), a_product("B")])
            txn.rollback()
        assert conn.execute(select(product.c.sku)).all() == []


def test_a_driver_error_arrives_as_sqlalchemys(engine):
    with engine.begin() as conn:
        ADD_PRODUCT.one_value(conn, a_product("MUG"))
        with pytest.raises(IntegrityError) as raised:
            ADD_PRODUCT.one_value(conn, a_product("MUG"))
        assert "UNIQUE" in str(raised.value.orig)
        with pytest.raises(IntegrityError):
            ADD_PRODUCTS.many(conn, [a_product("NEW"), a_product("NEW")])


def test_rows_back_from_many_parameter_sets_are_refused(engine):
    with engine.begin() as conn:
        with pytest.raises(TypeError, match="once per parameter set"):
            ADD_PRODUCT.many(conn, [a_product("A")])


def test_one_value_insists_on_one_row(engine):
    every_sku = Direct(select(product.c.sku))
    with engine.begin() as conn:
        with pytest.raises(ValueError, match="got 0"):
            every_sku.one_value(conn, {})


def test_an_expanding_in_is_refused():
    by_ids = Direct(select(product.c.sku).where(product.c.id.in_(bindparam("ids", expanding=True))))
    with pytest.raises(TypeError, match="expanding"):
        by_ids._compile(create_engine("sqlite://").dialect)


def test_a_result_that_needs_converting_is_refused():
    actives = Direct(select(product.c.active))
    with pytest.raises(TypeError, match="needs converting"):
        actives._compile(create_engine("sqlite://").dialect)


def test_on_postgresql_it_compiles_to_named_parameters():
    compiled = Direct(
        insert(shop_order).returning(shop_order.c.id),
        columns=("placed_at", "status", "total_cents", "prices_include_tax"),
    )._compile(postgresql.dialect())
    assert not compiled.positional and compiled.returns_rows
    assert "%(placed_at)s" in compiled.sql and "RETURNING shop_order.id" in compiled.sql
    assert compiled.names == ["placed_at", "status", "total_cents", "prices_include_tax"]
    assert list(compiled.converters) == ["prices_include_tax"]
