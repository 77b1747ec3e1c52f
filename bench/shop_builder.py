"""Builds benchmark shops through the core's commands, and caches them.

A shop of N products in 50 categories (10 top-level, 4 children each) is built
once per version under ``bench/results/cache/<N>/`` (git-ignored):

    shop/          the core's data folder (SQLite write model + read model)
    naive.json     the same catalog for the naive baseline (TinyDB JSONStorage)
    manifest.json  version, categories, build time

Measured runs never touch the cache: ``fresh_copy`` copies a cached folder to
a temp dir, so orders placed by one run never accumulate into the next.
"""

import hashlib
import json
import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "bench" / "results" / "cache"
BATCH = 10_000
STOCK = 100_000  # max is 1,000,000; high enough that repeated orders never run out
SEED = 20_260_101

# Bump when the generated catalog changes. The schema files' hashes are part
# of the key too, so a change to the stored shape rebuilds the cache.
BUILDER_VERSION = "catalog-2"  # 2: a shop in use (its name order saved)

# Top-level category -> (children, nouns sold there).
TREE = {
    "Kitchen": (
        ("Cookware", "Cutlery", "Tableware", "Storage Jars"),
        ("Saucepan", "Frying Pan", "Knife", "Mug", "Plate", "Bowl", "Jar", "Whisk", "Colander", "Teapot"),
    ),
    "Garden": (
        ("Planters", "Garden Tools", "Outdoor Lighting", "Seeds"),
        ("Planter", "Trowel", "Hose", "Lantern", "Rake", "Watering Can", "Seed Tray", "Bird Feeder"),
    ),
    "Lighting": (
        ("Lamps", "Ceiling Lights", "Bulbs", "Fairy Lights"),
        ("Table Lamp", "Floor Lamp", "Pendant", "Bulb", "Wall Light", "String Lights", "Shade"),
    ),
    "Furniture": (
        ("Chairs", "Tables", "Shelving", "Beds"),
        ("Chair", "Stool", "Side Table", "Desk", "Bookcase", "Shelf", "Bench", "Headboard"),
    ),
    "Stationery": (
        ("Notebooks", "Pens", "Desk Accessories", "Gift Wrap"),
        ("Notebook", "Fountain Pen", "Pencil Case", "Desk Tidy", "Envelope", "Gift Bag", "Ruler"),
    ),
    "Toys": (
        ("Puzzles", "Soft Toys", "Building Blocks", "Outdoor Toys"),
        ("Jigsaw", "Teddy Bear", "Block Set", "Kite", "Skipping Rope", "Spinning Top", "Rag Doll"),
    ),
    "Bathroom": (
        ("Towels", "Bath Accessories", "Mirrors", "Soap"),
        ("Bath Towel", "Hand Towel", "Soap Dish", "Mirror", "Bath Mat", "Toothbrush Holder", "Soap Bar"),
    ),
    "Tools": (
        ("Hand Tools", "Power Tools", "Fixings", "Tool Storage"),
        ("Hammer", "Screwdriver", "Drill", "Spanner", "Saw", "Tape Measure", "Tool Box", "Screws"),
    ),
    "Textiles": (
        ("Cushions", "Throws", "Curtains", "Rugs"),
        ("Cushion", "Throw", "Curtain", "Rug", "Blanket", "Table Runner", "Tea Towel"),
    ),
    "Pet Supplies": (
        ("Dog", "Cat", "Bird", "Fish"),
        ("Dog Bed", "Cat Bowl", "Lead", "Collar", "Scratching Post", "Bird Cage", "Fish Food"),
    ),
}
ADJECTIVES = (
    "Rustic",
    "Classic",
    "Modern",
    "Vintage",
    "Nordic",
    "Compact",
    "Deluxe",
    "Handmade",
    "Everyday",
    "Heritage",
    "Studio",
    "Coastal",
    "Urban",
    "Cottage",
    "Premium",
    "Essential",
    "Folding",
    "Stackable",
    "Round",
    "Square",
    "Tall",
    "Slim",
    "Large",
    "Small",
)
MATERIALS = (
    "Oak",
    "Walnut",
    "Pine",
    "Bamboo",
    "Steel",
    "Brass",
    "Copper",
    "Ceramic",
    "Stoneware",
    "Glass",
    "Linen",
    "Cotton",
    "Wool",
    "Velvet",
    "Rattan",
    "Marble",
    "Enamel",
    "Cast Iron",
    "Leather",
    "Recycled",
)
COLOURS = (
    "Sage",
    "Charcoal",
    "Ivory",
    "Mustard",
    "Navy",
    "Terracotta",
    "Blush",
    "Teal",
    "Slate",
    "Ochre",
    "Forest Green",
    "Dusky Pink",
    "White",
    "Black",
    "Grey",
)
# Search words typed in the keystroke benchmark (each is in many names).
SEARCH_TERMS = (
    "oak",
    "lamp",
    "linen",
    "brass",
    "mug",
    "velvet",
    "teal",
    "rustic",
    "planter",
    "copper",
    "stool",
    "navy",
    "cushion",
    "marble",
    "kite",
    "walnut",
    "towel",
    "slate",
    "bamboo",
    "drill",
    "sage",
    "jigsaw",
    "enamel",
    "bench",
)


def _file_hash(*relative: str) -> str:
    h = hashlib.sha1()
    for rel in relative:
        h.update((REPO / rel).read_bytes())
    return h.hexdigest()[:10]


def cache_version() -> str:
    return "-".join((BUILDER_VERSION, _file_hash("core/write_model/schema.py", "core/read_model/documents.py")))


@dataclass(frozen=True)
class Catalog:
    categories: list[tuple[str, str | None]]  # (name, parent name), parents first
    products: list[dict]  # AddProduct fields, category as a name


def generate(size: int) -> Catalog:
    """The same catalog every time for a given size: believable word-combo names."""
    rng = random.Random(SEED + size)
    categories: list[tuple[str, str | None]] = []
    places: list[tuple[str, tuple[str, ...], str]] = []  # (category, nouns, SKU prefix)
    for top, (children, nouns) in TREE.items():
        categories.append((top, None))
        places.append((top, nouns, top[:3].upper()))
        for child in children:
            categories.append((child, top))
            places.append((child, nouns, (top[:2] + child[:2]).upper()))
    leaves = [p for p in places if p[0] not in TREE]
    tops = [p for p in places if p[0] in TREE]
    products = []
    for i in range(1, size + 1):
        # 90% in leaf categories, 10% directly in a top-level category.
        cat, nouns, prefix = rng.choice(leaves) if rng.random() < 0.9 else rng.choice(tops)
        words = [rng.choice(ADJECTIVES), rng.choice(MATERIALS), rng.choice(nouns)]
        if rng.random() < 0.5:
            words.insert(1, rng.choice(COLOURS))
        name = " ".join(words)
        if rng.random() < 0.3:
            name += f" {rng.choice((10, 12, 20, 30, 40, 60, 90, 120))} cm"
        products.append(
            {
                "sku": f"{prefix}-{i:06d}",
                "name": name,
                "category": cat,
                "price_cents": rng.randrange(99, 50_000),
                "stock": STOCK,
                "barcode": f"50{i:010d}{rng.randrange(10)}" if rng.random() < 0.6 else None,
                "reorder_level": rng.choice((0, 5, 10, 20)),
            }
        )
    return Catalog(categories, products)


def _build_core_shop(folder: Path, catalog: Catalog, log) -> dict[str, int]:
    from core import open_shop
    from core.commands import AddCategory, AddProduct, AddProducts, ReceiveStock
    from core.queries import GetProducts

    shop = open_shop(folder)
    try:
        ids: dict[str, int] = {}
        for name, parent in catalog.categories:
            ids[name] = shop.dispatch(AddCategory(name, ids[parent] if parent else None))
        products = catalog.products
        for start in range(0, len(products), BATCH):
            batch = tuple(
                AddProduct(
                    p["sku"],
                    p["name"],
                    ids[p["category"]],
                    p["price_cents"],
                    p["stock"],
                    p["barcode"],
                    p["reorder_level"],
                )
                for p in products[start : start + BATCH]
            )
            t = time.perf_counter()
            shop.dispatch(AddProducts(batch))
            log(f"    products {start + 1:,}-{start + len(batch):,}: {time.perf_counter() - t:.1f} s")
        # A shop in use, not one left straight after a bulk load: its list has
        # been shown (sorted) and a command saved since, which saves the name
        # order with it, as the window's first command of a day would.
        shop.ask(GetProducts())
        shop.dispatch(ReceiveStock(1, 1, note="first delivery"))
    finally:
        shop.close()
    return ids


def _build_naive_db(path: Path, catalog: Catalog, category_ids: dict[str, int]) -> None:
    """One TinyDB document per product (doc_id = the core's product id, which
    is 1..N in insertion order), in TinyDB's stock JSONStorage."""
    from tinydb import TinyDB
    from tinydb.table import Document

    db = TinyDB(path)  # JSONStorage
    db.table("categories").insert_multiple(
        Document(
            {"id": category_ids[name], "name": name, "parent_id": category_ids[parent] if parent else None},
            doc_id=category_ids[name],
        )
        for name, parent in catalog.categories
    )
    db.table("products").insert_multiple(
        Document(
            {
                "id": i,
                "sku": p["sku"],
                "name": p["name"],
                "category_id": category_ids[p["category"]],
                "price_cents": p["price_cents"],
                "stock": p["stock"],
                "barcode": p["barcode"],
            },
            doc_id=i,
        )
        for i, p in enumerate(catalog.products, start=1)
    )
    db.close()


def cached_shop(size: int, *, rebuild: bool = False, log=print) -> Path:
    """The cache folder for ``size`` (built now if missing or of another version)."""
    folder = CACHE / str(size)
    version = cache_version()
    manifest_path = folder / "manifest.json"
    if not rebuild and manifest_path.exists():
        try:
            if json.loads(manifest_path.read_text())["version"] == version:
                return folder
        except (ValueError, KeyError):
            pass
    log(f"  building a shop of {size:,} products (cache {version})...")
    CACHE.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".build-{size}-", dir=CACHE))
    try:
        t = time.perf_counter()
        catalog = generate(size)
        category_ids = _build_core_shop(staging / "shop", catalog, log)
        core_seconds = time.perf_counter() - t
        t = time.perf_counter()
        _build_naive_db(staging / "naive.json", catalog, category_ids)
        naive_seconds = time.perf_counter() - t
        manifest = {
            "version": version,
            "size": size,
            "categories": [
                {"id": category_ids[n], "name": n, "parent_id": category_ids[p] if p else None}
                for n, p in catalog.categories
            ],
            "search_terms": list(SEARCH_TERMS),
            "build_seconds": {"core": round(core_seconds, 2), "naive": round(naive_seconds, 2)},
        }
        publish(staging, folder, manifest)
        log(f"  built in {core_seconds:.1f} s (core) + {naive_seconds:.1f} s (naive TinyDB)")
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return folder


def publish(staging: Path, folder: Path, manifest: dict) -> None:
    """Write a built shop's manifest and put it in its cache folder's place."""
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1))
    if folder.exists():
        shutil.rmtree(folder)
    staging.rename(folder)


def manifest(cache_folder: Path) -> dict:
    return json.loads((cache_folder / "manifest.json").read_text())


def fresh_copy(cache_folder: Path, what: str, into: Path) -> Path:
    """Copy ``shop`` (a folder) or ``naive.json`` from the cache into ``into``."""
    src = cache_folder / what
    dst = into / what
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        shutil.copy2(src, dst)
    # Write the copy out now, or the first measured fsyncs would pay for it.
    os.sync()
    return dst
