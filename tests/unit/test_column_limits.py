"""What the commands accept fits every database the write model is meant for:
ids and money in 64-bit columns (PostgreSQL's INTEGER is 32-bit), counts
and rates within 32 bits where their column is INTEGER."""

from sqlalchemy import BigInteger, Integer
from sqlalchemy.dialects import postgresql, sqlite

from core.domain.command_values import INT64_MAX
from core.domain.money import MAX_PRICE_CENTS
from core.domain.order_lines import MAX_ORDER_LINES
from core.domain.pricing import FULL_BP
from core.domain.validation import MAX_QUANTITY
from core.write_model.schema import metadata

INT32_MAX = 2**31 - 1


def _integer_columns(dialect):
    for table in metadata.sorted_tables:
        for column in table.columns:
            kind = column.type.dialect_impl(dialect)
            if isinstance(kind, Integer):
                yield table.name, column.name, isinstance(kind, BigInteger)


def test_every_id_position_and_staff_number_is_64_bit_on_postgresql():
    narrow = [
        (table, name)
        for table, name, big in _integer_columns(postgresql.dialect())
        if not big and (name == "id" or name.endswith(("_id", "_by")) or name == "position")
    ]
    assert narrow == []


def test_every_other_32_bit_column_holds_a_bounded_count_or_rate():
    narrow = {name for _table, name, big in _integer_columns(postgresql.dialect()) if not big}
    assert narrow <= {
        "version",
        "tax_rate_bp",
        "stock",
        "reorder_level",
        "quantity",
        "returned_quantity",
        "stock_after",
        "failures",
    }, narrow
    assert max(MAX_QUANTITY, FULL_BP) <= INT32_MAX
    assert MAX_PRICE_CENTS * MAX_QUANTITY * 2 * MAX_ORDER_LINES <= INT64_MAX  # every line at 100% tax


def test_sqlite_keeps_integer_primary_keys_so_ids_are_still_made_for_us():
    for table in metadata.sorted_tables:
        for column in table.primary_key.columns:
            assert not isinstance(column.type.dialect_impl(sqlite.dialect()), BigInteger), (table.name, column.name)
