"""A demo gift and homeware shop, added through commands like any other catalog.

``seed_demo_shop(shop)`` fills an empty shop with about twenty categories
(some nested: Home > Kitchen > Mugs) and 350 or so products. The catalog is a
small table: for each category, a few styles ("Blue Enamel") crossed with a few
items ("Mug", with a price in pounds), plus some named one-offs. A fixed seed
picks which combinations are stocked, their prices and stock levels, so every
run gives exactly the same shop.

SKUs are ``<PREFIX>-<4-digit serial in the category>`` ("MUG-0012"); barcodes
are EAN-13 in the in-store range (prefix 2, never a real product a till
might scan): ``2012345`` + a 5-digit serial + the check digit.
"""

import random
from dataclasses import dataclass

from core.demo_ru import CATALOG_RU, SHOP_ADDRESS_RU, SHOP_NAME_RU
from core.errors import InvalidCommand
from core.i18n import N_
from core.messages.commands import AddCategory, AddProduct, AddProducts, UpdateShopSettings
from core.messages.queries import GetCategories, GetShopSettings

SEED = 20240601
BARCODE_PREFIX = "2012345"

# (category path, SKU prefix, how many style x item combinations to stock,
#  styles as (name, extra pounds), items as (name, pounds), one-offs as (name, pounds))
_CATALOG = (
    (
        ("Home", "Kitchen", "Mugs"),
        "MUG",
        24,
        (
            ("Blue Enamel", 0),
            ("Speckled Stoneware", 2),
            ("Sage Green", 0),
            ("Mustard Yellow", 0),
            ("Polka Dot", 0),
            ("Hand-Thrown", 6),
            ("Midnight Blue", 1),
            ("Striped Breton", 1),
        ),
        (("Mug", 8), ("Espresso Cup", 6), ("Latte Mug", 10), ("Cup & Saucer", 12)),
        (("Déjà Brew Mug", 10), ("Café au Lait Bowl", 9)),
    ),
    (
        ("Home", "Kitchen", "Teapots"),
        "TEA",
        22,
        (
            ("Vintage Rose", 2),
            ("Duck Egg Blue", 0),
            ("Willow Pattern", 2),
            ("Gingham", 0),
            ("Cottage Garden", 1),
            ("Bee & Honey", 1),
        ),
        (
            ("2-Cup Teapot", 18),
            ("4-Cup Teapot", 25),
            ("6-Cup Teapot", 32),
            ("Tea Cosy", 14),
            ("Milk Jug", 9),
            ("Sugar Bowl", 8),
        ),
        (("Cast Iron Teapot", 45), ("Loose Leaf Tea Infuser", 6)),
    ),
    (
        ("Home", "Kitchen", "Glassware"),
        "GLS",
        20,
        (("Ribbed", 0), ("Fluted", 1), ("Smoked", 1), ("Amber", 1), ("Recycled", 0), ("Etched Fern", 3)),
        (("Tumbler", 7), ("Wine Glass", 9), ("Carafe", 18), ("Coupe Glass", 10), ("Highball Glass", 8)),
        (("Café Latte Glass", 7), ("Crystal Decanter", 55)),
    ),
    (
        ("Home", "Kitchen", "Tableware"),
        "TBL",
        18,
        (("Rustic Stoneware", 2), ("White Porcelain", 0), ("Reactive Glaze", 3), ("Blue Rim", 1), ("Olive Green", 1)),
        (("Dinner Plate", 10), ("Side Plate", 7), ("Pasta Bowl", 9), ("Serving Platter", 24), ("Cereal Bowl", 7)),
        (("Crème Brûlée Ramekin", 5), ("Crêpe Pan 24cm", 22), ("Olive Wood Chopping Board", 28)),
    ),
    (
        ("Home", "Candles"),
        "CDL",
        30,
        (
            ("Fig & Cassis", 1),
            ("Sea Salt & Sage", 1),
            ("Lavender", 0),
            ("Orange Blossom", 0),
            ("Cedarwood", 1),
            ("Fresh Linen", 0),
            ("Pomegranate", 1),
            ("Vanilla & Tonka", 2),
        ),
        (("Candle in Tin", 8), ("Glass Jar Candle", 18), ("Travel Candle", 6), ("Reed Diffuser", 22), ("Wax Melts", 5)),
        (("Pêche & Jasmin Candle", 26), ("Beeswax Taper Candles (Pair)", 7)),
    ),
    (
        ("Home", "Cushions & Throws"),
        "CSH",
        18,
        (
            ("Herringbone", 2),
            ("Velvet", 4),
            ("Chunky Knit", 6),
            ("Linen", 3),
            ("Bouclé", 5),
            ("Ochre Stripe", 0),
            ("Teal Geometric", 0),
        ),
        (("Cushion 45cm", 22), ("Cushion 30x50cm", 20), ("Throw", 38)),
        (),
    ),
    (
        ("Garden", "Tools"),
        "GTL",
        16,
        (("Stainless Steel", 4), ("Ash-Handled", 2), ("Copper-Finish", 6), ("Forest Green", 0), ("Heritage", 5)),
        (
            ("Hand Trowel", 12),
            ("Hand Fork", 12),
            ("Dibber", 8),
            ("Pruning Shears", 18),
            ("Weeding Knife", 10),
            ("Watering Can", 24),
        ),
        (
            ("Leather Gardening Gloves (M)", 16),
            ("Leather Gardening Gloves (L)", 16),
            ("Foam Kneeling Pad", 9),
            ("Jute Twine in a Tin", 7),
        ),
    ),
    (
        ("Garden", "Planters"),
        "PLT",
        22,
        (("Terracotta", 0), ("Glazed Blue", 2), ("Concrete", 1), ("Zinc", 2), ("White Ceramic", 1), ("Speckled", 1)),
        (("Planter 12cm", 8), ("Planter 20cm", 15), ("Hanging Planter", 14), ("Window Box", 28), ("Plant Saucer", 4)),
        (),
    ),
    (
        ("Garden", "Bird Care"),
        "BRD",
        12,
        (("Rustic Wooden", 0), ("Beach Hut", 2), ("Copper Roof", 4), ("Sage Green", 0)),
        (("Bird House", 22), ("Seed Feeder", 14), ("Nut Feeder", 12), ("Bird Table", 48)),
        (("Woven Willow Bird Nest", 12),),
    ),
    (
        ("Stationery", "Notebooks"),
        "NTB",
        26,
        (
            ("Kraft Paper", 0),
            ("Linen Cover", 2),
            ("Marbled", 1),
            ("Botanical Print", 1),
            ("Leather-Look", 3),
            ("Dotted Grid", 0),
            ("Terrazzo", 1),
        ),
        (("Notebook A5", 8), ("Notebook A6", 5), ("Notebook A4", 10), ("Lined Journal", 14), ("Sketchbook", 12)),
        (("Fête des Fleurs Notebook A5", 9),),
    ),
    (
        ("Stationery", "Cards"),
        "CRD",
        30,
        (
            ("Hedgehog", 0),
            ("Wildflower", 0),
            ("Hot Air Balloon", 0),
            ("Fox", 0),
            ("Letterpress Floral", 1),
            ("Gold Foil Star", 1),
        ),
        (
            ("Birthday Card", 3),
            ("Thank You Card", 3),
            ("Congratulations Card", 3),
            ("New Home Card", 3),
            ("Wedding Card", 4),
            ("Notecard Set", 8),
        ),
        (),
    ),
    (
        ("Stationery", "Pens & Pencils"),
        "PEN",
        14,
        (("Brass", 6), ("Matte Black", 2), ("Pastel", 0), ("Rainbow", 0), ("Wooden", 1)),
        (("Ballpoint Pen", 6), ("Fountain Pen", 18), ("Pencil Set", 5), ("Mechanical Pencil", 8)),
        (),
    ),
    (
        ("Stationery", "Gift Wrap"),
        "WRP",
        18,
        (("Kraft Star", 0), ("Botanical", 0), ("Gold Spot", 1), ("Tartan", 0), ("Confetti", 0)),
        (
            ("Wrapping Paper Sheet", 2),
            ("Gift Wrap Roll", 5),
            ("Gift Tags (Pack of 10)", 3),
            ("Ribbon Spool", 4),
            ("Gift Bag", 3),
        ),
        (),
    ),
    (
        ("Toys",),
        "TOY",
        16,
        (("Knitted", 2), ("Plush", 0), ("Felt", 0), ("Wooden", 3)),
        (("Bunny", 14), ("Bear", 16), ("Fox", 14), ("Dinosaur", 15), ("Elephant", 16), ("Owl", 12)),
        (
            ("Wooden Stacking Rainbow", 25),
            ("Jigsaw Puzzle 500 Pieces", 15),
            ("Piñata Llama", 20),
            ("Wooden Noah's Ark", 40),
            ("Skipping Rope", 7),
            ("Spinning Top", 5),
        ),
    ),
    (
        ("Christmas", "Decorations"),
        "XMS",
        28,
        (
            ("Glass", 1),
            ("Gold Glitter", 0),
            ("Red Velvet", 1),
            ("Felt", 0),
            ("Wooden", 0),
            ("Silver Mercury", 2),
            ("Nordic White", 0),
        ),
        (
            ("Bauble", 4),
            ("Tree Topper Star", 14),
            ("Hanging Heart", 5),
            ("Reindeer Ornament", 6),
            ("Garland", 18),
            ("Baubles (Set of 6)", 16),
        ),
        (("Joyeux Noël Wooden Sign", 12), ("Advent Calendar House", 35)),
    ),
    (
        ("Christmas", "Crackers"),
        "CRK",
        6,
        (("Luxury", 10), ("Eco Kraft", 0), ("Tartan", 2), ("Gold Star", 4)),
        (("Crackers (Box of 6)", 12), ("Crackers (Box of 12)", 22)),
        (),
    ),
    (
        ("Bags",),
        "BAG",
        22,
        (("Canvas", 0), ("Jute", 0), ("Waxed Cotton", 8), ("Leather", 25), ("Striped", 0), ("Floral", 1)),
        (("Tote Bag", 12), ("Shopper", 16), ("Backpack", 38), ("Zip Pouch", 8), ("Weekend Bag", 48)),
        (),
    ),
)


@dataclass(frozen=True)
class DemoProduct:
    category_path: tuple[str, ...]
    sku: str
    name: str
    price_cents: int
    stock: int
    barcode: str
    reorder_level: int


def ean13_check_digit(first12: str) -> int:
    """The check digit that completes a 12-digit EAN-13 body."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def _price(pounds: int, rng: random.Random) -> int:
    """A shelf price near ``pounds``: 4.99, 7.49, 12.50, 24.99, 45.00."""
    if pounds < 10:
        ending = rng.choice((-1, -1, -51))
    elif pounds < 30:
        ending = rng.choice((-1, -1, -50, -51))
    else:
        ending = rng.choice((-1, -1, 0, -50))  # 44.99, 45.00, 44.50
    return max(pounds * 100 + ending, 99)


def _stock(price_cents: int, rng: random.Random) -> tuple[int, int]:
    """(stock, reorder level): mostly healthy, some low, a few sold out."""
    reorder = rng.randint(2, 10)
    roll = rng.random()
    if roll < 0.06:
        return 0, reorder
    if roll < 0.18:
        return rng.randint(1, reorder), reorder
    most = 80 if price_cents < 1000 else 40 if price_cents < 3000 else 15
    return rng.randint(reorder + 1, max(most, reorder + 5)), reorder


def _catalog(language: str):
    return CATALOG_RU if language == "ru" else _CATALOG


def _price_ru(roubles: int, rng: random.Random) -> int:
    """A shelf price in whole roubles near ``roubles``: 449, 690, 1 290."""
    return max(roubles - rng.choice((1, 1, 0, 10)), 99) * 100


def demo_category_paths(language: str = "en") -> tuple[tuple[str, ...], ...]:
    """Every category of the demo shop as a path, parents before children."""
    paths: list[tuple[str, ...]] = []
    for path, *_rest in _catalog(language):
        for depth in range(1, len(path) + 1):
            if path[:depth] not in paths:
                paths.append(path[:depth])
    return tuple(paths)


def demo_products(language: str = "en") -> tuple[DemoProduct, ...]:
    """The demo shop's products, the same on every call (in English, in
    pounds; in Russian, ``language="ru"``, in roubles: core/demo_ru.py)."""
    rng = random.Random(SEED)
    products: list[DemoProduct] = []
    russian = language == "ru"
    for path, prefix, count, styles, items, one_offs in _catalog(language):
        combos = [
            (f"{item} {style}" if russian else f"{style} {item}", pounds + extra)
            for item, pounds in items
            for style, extra in styles
        ]
        rng.shuffle(combos)
        chosen = sorted(combos[:count]) + list(one_offs)
        for serial, (name, pounds) in enumerate(chosen, start=1):
            price = _price_ru(pounds, rng) if russian else _price(pounds, rng)
            stock, reorder = _stock(price, rng)
            body = f"{BARCODE_PREFIX}{len(products) + 1:05d}"
            products.append(
                DemoProduct(
                    category_path=path,
                    sku=f"{prefix}-{serial:04d}",
                    name=name,
                    price_cents=price,
                    stock=stock,
                    barcode=f"{body}{ean13_check_digit(body)}",
                    reorder_level=reorder,
                )
            )
    return tuple(products)


def seed_demo_shop(shop, language: str = "en") -> None:
    """Fill an empty shop with the demo catalog, through commands only (in
    Russian, ``language="ru"``: Russian names, a shop selling in roubles).

    Categories are added one by one, then every product in one transaction
    (AddProducts: all or none). Raises InvalidCommand, changing nothing, when
    the shop already has categories. Should the products be refused (a full
    disk), the categories stay: there is no command that adds them atomically.
    """
    if shop.ask(GetCategories()):
        raise InvalidCommand(N_("The demo shop can only be added to an empty shop."))
    if language == "ru":
        settings = shop.ask(GetShopSettings())
        shop.dispatch(
            UpdateShopSettings.based_on(
                settings,
                name=SHOP_NAME_RU,
                address=SHOP_ADDRESS_RU,
                currency_code="RUB",
                currency_symbol="₽",
                language="ru",
            )
        )
    category_ids: dict[tuple[str, ...], int] = {}
    for path in demo_category_paths(language):
        parent_id = category_ids[path[:-1]] if len(path) > 1 else None
        category_ids[path] = shop.dispatch(AddCategory(name=path[-1], parent_id=parent_id))
    shop.dispatch(
        AddProducts(
            products=tuple(
                AddProduct(
                    sku=p.sku,
                    name=p.name,
                    category_id=category_ids[p.category_path],
                    price_cents=p.price_cents,
                    stock=p.stock,
                    barcode=p.barcode,
                    reorder_level=p.reorder_level,
                )
                for p in demo_products(language)
            )
        )
    )
