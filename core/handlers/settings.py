"""Handlers for the shop's settings and tax rates: what receipts say, the
currency, and which rate each product is taxed at."""

import re

from sqlalchemy import exists, insert, select, update

from core.domain import validation as valid
from core.domain.command_values import shown
from core.domain.pricing import FULL_BP, resolve_tax_rate
from core.domain.shop_settings import SHOP_LANGUAGES, ShopSettings, from_rows, to_rows
from core.errors import InvalidCommand
from core.handlers.categories import require_category
from core.i18n import N_
from core.messages.commands import SetCategoryTaxRate, UpdateShopSettings
from core.messages.events import CategoryTaxRateSet, ShopSettingsUpdated
from core.write_model import locks
from core.write_model import statements as sql
from core.write_model.schema import category, product, shop_setting
from core.write_model.unit_of_work import UnitOfWork

MAX_ADDRESS_LENGTH = 500
MAX_SYMBOL_LENGTH = 8
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")


def read_settings(uow: UnitOfWork) -> ShopSettings:
    return uow.cached("settings", lambda: from_rows(dict(uow.conn.execute(sql.SETTINGS).all())))


def tax_rate(value, label: str = N_("Tax rate")) -> int:
    if type(value) is not int or not 0 <= value <= FULL_BP:
        raise InvalidCommand(N_("{label} must be a percentage from 0 to 100.", label=label))
    return value


def _address(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidCommand(N_("The address must be text, not {value}.", value=shown(value)))
    lines = [" ".join(line.split()) for line in value.strip().splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) > MAX_ADDRESS_LENGTH:
        raise InvalidCommand(
            N_(
                "The address is too long (at most {MAX_ADDRESS_LENGTH} characters).",
                MAX_ADDRESS_LENGTH=MAX_ADDRESS_LENGTH,
            )
        )
    return text


def _checked(command: UpdateShopSettings) -> ShopSettings:
    code = command.currency_code
    if not isinstance(code, str) or not _CURRENCY_CODE.match(code.strip().upper()):
        raise InvalidCommand(N_("The currency code must be three letters, such as GBP or EUR."))
    symbol = command.currency_symbol
    if not isinstance(symbol, str) or not symbol.strip():
        raise InvalidCommand(N_("The currency symbol cannot be empty."))
    if len(symbol) > MAX_SYMBOL_LENGTH or not symbol.isprintable():
        raise InvalidCommand(
            N_(
                "The currency symbol must be one line of at most {MAX_SYMBOL_LENGTH} characters.",
                MAX_SYMBOL_LENGTH=MAX_SYMBOL_LENGTH,
            )
        )
    if type(command.prices_include_tax) is not bool:
        raise InvalidCommand(
            N_("Prices include tax must be yes or no, not {value}.", value=shown(command.prices_include_tax))
        )
    return ShopSettings(
        name=valid.name(command.name, N_("Shop name")),
        address=_address(command.address),
        currency_code=code.strip().upper(),
        currency_symbol=symbol,  # as typed: "CHF " keeps its space before the amount
        default_tax_rate_bp=tax_rate(command.default_tax_rate_bp, N_("The default tax rate")),
        prices_include_tax=command.prices_include_tax,
        language=_language(command.language),
    )


def _language(value) -> str:
    if value not in SHOP_LANGUAGES:
        raise InvalidCommand(N_("The shop's language is one of: {choices}.", choices=", ".join(SHOP_LANGUAGES)))
    return value


def update_shop_settings(command: UpdateShopSettings, uow: UnitOfWork) -> None:
    settings = _checked(command)
    # Two tills saving settings at once: the second reads what the first
    # wrote (PostgreSQL; a no-op on SQLite), so no key is inserted twice.
    locks.take(uow.conn, locks.SETTINGS)
    old = read_settings(uow)
    if settings.minor_digits != old.minor_digits and uow.conn.execute(select(exists().select_from(product))).scalar():
        # Prices are stored in minor units: 850 is £8.50 but would be ¥850.
        raise InvalidCommand(
            N_(
                "{currency_code} has {minor_digits} decimal places and {currency_code2} has {minor_digits2}: the "
                "prices already entered would change, so the currency cannot be changed now.",
                currency_code=settings.currency_code,
                minor_digits=settings.minor_digits,
                currency_code2=old.currency_code,
                minor_digits2=old.minor_digits,
            )
        )
    for key, value in to_rows(settings).items():
        changed = uow.conn.execute(update(shop_setting).where(shop_setting.c.key == key).values(value=value))
        if changed.rowcount == 0:
            uow.conn.execute(insert(shop_setting).values(key=key, value=value))
    uow.record(ShopSettingsUpdated(**settings.__dict__))


def set_category_tax_rate(command: SetCategoryTaxRate, uow: UnitOfWork) -> None:
    require_category(uow, command.category_id)
    rate = None if command.tax_rate_bp is None else tax_rate(command.tax_rate_bp)
    uow.conn.execute(update(category).where(category.c.id == command.category_id).values(tax_rate_bp=rate))
    uow.record(CategoryTaxRateSet(category_id=command.category_id, tax_rate_bp=rate))


def product_tax_rates(uow: UnitOfWork, products, default_bp: int) -> dict[int, int]:
    """Each product's tax rate by id; ``products``: rows with id, tax_rate_bp
    and category_id. Categories are read only when a product needs them."""
    rates, inheriting = {}, []
    for row in products:
        if row.tax_rate_bp is not None:
            rates[row.id] = row.tax_rate_bp
        else:
            inheriting.append(row)
    if inheriting:
        tree = uow.cached(
            "tax_tree", lambda: {cid: (parent, rate) for cid, parent, rate in uow.conn.execute(sql.CATEGORY_TAX_TREE)}
        )
        for row in inheriting:
            rates[row.id] = resolve_tax_rate(None, row.category_id, tree, default_bp)
    return rates
