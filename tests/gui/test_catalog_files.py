"""File > Import products... and Export catalog...: CSV in a worker thread, reports, export."""

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog

from core.queries import FindProductByCode, GetCategories, GetProducts
from tests.gui.helpers import choose_category, click, listed_names, open_dialog, type_into

CATALOG_WITH_BAD_ROWS = """\
sku,name,category,price,stock,barcode,reorder_level
NEW-1,Green Enamel Mug,Kitchen/Mugs,4.50,10,,2
NEW-2,,Kitchen,3.00,1,,
NEW-3,Bad Price,Kitchen,abc,1,,
MUG-001,Blue Enamel Mug,Kitchen/Mugs,8.99,3,5012345000017,1
NEW-4,Twin,Home/Hall,2.00,,5012345000017,
TEA-001,Rose Teapot,Kitchen,26.99,5,,5
"""


def write(tmp_path, text: str, name: str = "catalog.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(qtbot, window, path):
    files = window.files
    with qtbot.waitSignal(files.importFinished, timeout=20_000) as finished:
        progress = files.import_from(path)
        assert isinstance(progress, QProgressDialog)
        assert progress.objectName() == "importProgress" and progress.isVisible()
        assert not window.import_action.isEnabled()  # one import at a time
    return finished.args[0]


def test_import_a_csv_with_bad_rows_and_see_the_report(qtbot, window, shop, tmp_path, monkeypatch):
    path = write(tmp_path, CATALOG_WITH_BAD_ROWS)
    results = run_import(qtbot, window, path)

    assert results.objectName() == "importResults" and results.isVisible()
    counts = {key: label.text() for key, label in results.counts.items()}
    assert counts == {"created": "1", "updated": "1", "unchanged": "1", "rejected": "3"}
    model = results.model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert [row[:2] for row in rows] == [["3", "NEW-2"], ["4", "NEW-3"], ["6", "NEW-4"]]
    assert "Name" in rows[0][2] and "abc" in rows[1][2] and "5012345000017" in rows[2][2]
    assert not progress_dialogs(window)
    assert window.import_action.isEnabled()
    # The good rows are in, and on screen.
    assert shop.ask(FindProductByCode("NEW-1")).stock == 10
    assert shop.ask(FindProductByCode("TEA-001")).price_cents == 2699
    assert "Green Enamel Mug" in listed_names(window)
    assert window.statusBar().currentMessage() == ("Import finished: 1 created, 1 updated, 1 unchanged, 3 rejected.")

    report = tmp_path / "rejected.csv"
    monkeypatch.setattr(results, "choose_report_path", lambda: str(report))
    click(qtbot, results.save_button)
    with report.open(encoding="utf-8-sig", newline="") as saved:
        lines = list(csv.reader(saved))
    assert lines[0] == ["line", "sku", "reason"]
    assert [line[:2] for line in lines[1:]] == [["3", "NEW-2"], ["4", "NEW-3"], ["6", "NEW-4"]]
    assert results.saved.text() == f"3 rejected rows saved to {report}."
    results.close()


def progress_dialogs(window):
    return [w for w in window.findChildren(QProgressDialog) if w.isVisible()]


def test_importing_the_same_file_twice_changes_nothing_the_second_time(qtbot, window, tmp_path):
    path = write(tmp_path, CATALOG_WITH_BAD_ROWS)
    run_import(qtbot, window, path).close()
    again = run_import(qtbot, window, path)
    counts = {key: label.text() for key, label in again.counts.items()}
    assert counts == {"created": "0", "updated": "0", "unchanged": "3", "rejected": "3"}
    again.close()


def test_import_from_the_file_menu(qtbot, window, shop, tmp_path, monkeypatch):
    path = write(tmp_path, "sku;name;category;price\nNEW-9;Semicolon Mug;Kitchen;5,00\n")
    monkeypatch.setattr(window.files, "choose_import_path", lambda: str(path))
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    with qtbot.waitSignal(window.files.importFinished, timeout=20_000) as finished:
        window.import_action.trigger()
    assert shop.ask(FindProductByCode("NEW-9")).price_cents == 500
    assert finished.args[0].counts["rejected"].text() == "0"
    assert not finished.args[0].save_button.isEnabled()
    finished.args[0].close()


def test_an_unreadable_file_says_why_and_imports_nothing(qtbot, window, shop, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(window.files, "tell", told.append)
    path = tmp_path / "catalog.csv"
    path.write_bytes("sku,name,category,price\n".encode("utf-16"))
    window.files.import_from(path)
    qtbot.waitUntil(lambda: told != [], timeout=20_000)
    assert '"catalog.csv" is UTF-16 text, not UTF-8' in told[0]
    assert not progress_dialogs(window)
    assert window.import_action.isEnabled()
    assert len(shop.ask(GetProducts())) == 4


def test_cancelling_the_column_question_imports_nothing(qtbot, window, shop, tmp_path):
    path = write(tmp_path, "name,price\nMug,2.00\n")
    assert window.files.import_from(path) is None
    dialog = open_dialog(window, "columnMappingDialog")
    assert dialog.problem.text() == "Still needed: sku, category."
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    assert not window.files.is_importing() and not progress_dialogs(window)
    assert len(shop.ask(GetProducts())) == 4


@pytest.fixture
def held_after_first_batch(monkeypatch):
    """Holds the import after its first batch until Cancel was pressed, so the
    test can press it at a known point (and the window must keep running)."""
    from core import catalog_csv

    real = catalog_csv.import_catalog
    released = threading.Event()

    def import_catalog(shop, path, *, progress, cancelled, **kwargs):
        def held_progress(done, total):
            progress(done, total)
            if done:
                for _ in range(200):  # at most 10 s
                    if cancelled():
                        break
                    released.wait(0.05)

        return real(shop, path, progress=held_progress, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(catalog_csv, "import_catalog", import_catalog)
    return released


def test_cancel_leaves_whole_batches_and_the_window_responsive(qtbot, window, shop, tmp_path, held_after_first_batch):
    rows = "".join(f"BULK-{i:03},Bulk item {i},Bulk/Items,1.{i % 100:02},{i}\n" for i in range(50))
    path = write(tmp_path, "sku,name,category,price,stock\n" + rows)
    files = window.files
    files.batch_size = 10
    progress = files.import_from(path)
    qtbot.waitUntil(lambda: progress.value() == 10, timeout=10_000)
    assert progress.labelText().endswith("10 of 50")

    # The import is running (held in its thread): the window still answers.
    qtbot.keyClicks(window.catalog.search, "bulk")
    assert len(listed_names(window)) == 10  # the first batch is on screen already

    with qtbot.waitSignal(files.importFinished, timeout=20_000) as finished:
        click(qtbot, progress.findChild(type(window.order_form.place_button)))  # its Cancel button
    results = finished.args[0]
    assert results.windowTitle() == "Import stopped"
    assert results.counts["created"].text() == "10"
    assert (
        "Cancelled: 10 of the file's 50 good rows were imported"
        in results.findChild(type(results.saved), "importStoppedNote").text()
    )
    assert len(shop.ask(GetProducts(search="bulk"))) == 10  # whole batches only
    assert window.statusBar().currentMessage().startswith("Import cancelled: 10 created")
    results.close()


def test_closing_the_window_stops_an_import(qtbot, window, shop, tmp_path, held_after_first_batch):
    rows = "".join(f"BULK-{i:03},Bulk item {i},Bulk,1.00,1\n" for i in range(30))
    path = write(tmp_path, "sku,name,category,price,stock\n" + rows)
    window.files.batch_size = 10
    progress = window.files.import_from(path)
    qtbot.waitUntil(lambda: progress.value() == 10, timeout=10_000)
    window.close()  # cancels between batches and waits for the thread
    assert not window.files.is_importing()
    assert len(shop.ask(GetProducts(search="bulk"))) == 10


def test_export_all_and_one_category(qtbot, window, tmp_path, monkeypatch):
    everything = tmp_path / "all.csv"
    monkeypatch.setattr(window.files, "choose_export_path", lambda suggested: str(everything))
    window.export_action.trigger()
    assert window.statusBar().currentMessage() == "Exported 4 products to all.csv."
    with everything.open(encoding="utf-8-sig", newline="") as exported:
        lines = list(csv.reader(exported))
    assert lines[0] == ["sku", "name", "category", "price", "stock", "barcode", "reorder_level"]
    assert ["MUG-001", "Blue Enamel Mug", "Kitchen/Mugs", "8.99", "3", "5012345000017", "1"] in lines

    assert not window.export_category_action.isEnabled()  # "All products" is chosen
    choose_category(qtbot, window, "Kitchen")
    assert window.export_category_action.text() == "Export \u201cKitchen\u201d..."
    kitchen = tmp_path / "kitchen.csv"
    suggested = []
    monkeypatch.setattr(window.files, "choose_export_path", lambda s: suggested.append(s) or str(kitchen))
    window.export_category_action.trigger()
    assert suggested == ["Kitchen.csv"]
    assert window.statusBar().currentMessage() == "Exported 3 products to kitchen.csv."


def test_export_then_import_into_an_empty_shop_gives_the_same_catalog(qtbot, window, shop, tmp_path):
    from core import open_shop
    from shop_gui.main_window import MainWindow

    path = tmp_path / "catalog.csv"
    window.files.export_to(path)
    empty = open_shop(tmp_path / "empty")
    other = MainWindow(empty)
    qtbot.addWidget(other)
    results = run_import(qtbot, other, path)
    assert results.counts["created"].text() == "4"

    def catalog_of(a_shop):
        return sorted(
            (p.sku, p.name, p.price_cents, p.stock, p.barcode, p.reorder_level) for p in a_shop.ask(GetProducts())
        )

    assert catalog_of(empty) == catalog_of(shop)
    results.close()
    other.close()
    empty.close()


def test_file_dialogs_start_in_the_documents_folder(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from shop_gui.file_places import documents_folder

    started = []

    def remember(_parent, _caption, directory, _filter):
        started.append(directory)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", remember)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", remember)
    assert window.files.choose_import_path() is None
    assert window.files.choose_export_path("catalog.csv") is None
    folder = documents_folder()
    assert started == [folder, str(Path(folder) / "catalog.csv")]
    assert folder != str(Path.cwd())


def test_a_file_without_the_needed_columns_asks_which_is_which(qtbot, window, shop, tmp_path):
    path = write(tmp_path, "Code;Item;Cost;Group\nNEW-1;Apple Mug;3.50;\nNEW-2;Pear Mug;4.00;Garden\n")
    files = window.files
    assert files.import_from(path) is None  # a question first, not a refusal
    dialog = open_dialog(window, "columnMappingDialog")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem.text() == "Still needed: name, category, price."
    for field, column in (("name", 1), ("price", 2), ("category", 3)):
        combo = dialog.combos[field]
        combo.setCurrentIndex(combo.findData(column))
    type_into(qtbot, dialog.default_category.lineEdit(), "Kitchen / Mugs")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(files.importFinished, timeout=20_000):
        click(qtbot, dialog.ok_button)
    found = {p.sku: (p.name, p.price_cents, p.category_id) for p in shop.ask(GetProducts(search="NEW-"))}
    mugs = next(c.id for c in shop.ask(GetCategories()) if c.name == "Mugs")
    garden = next(c.id for c in shop.ask(GetCategories()) if c.name == "Garden")
    assert found == {"NEW-1": ("Apple Mug", 350, mugs), "NEW-2": ("Pear Mug", 400, garden)}


def test_repeated_skus_can_keep_the_last_row(qtbot, window, shop, tmp_path, monkeypatch):
    path = write(tmp_path, "sku,name,category,price\nNEW-1,Old name,Garden,1.00\nNEW-1,New name,Garden,2.00\n")
    asked = []
    monkeypatch.setattr(window.files, "ask_repeats", lambda count, name: asked.append((count, name)) or "last")
    run_import(qtbot, window, path)
    assert asked == [(1, "catalog.csv")]
    (product,) = shop.ask(GetProducts(search="NEW-1"))
    assert (product.name, product.price_cents) == ("New name", 200)


def test_declining_the_repeats_question_imports_nothing(qtbot, window, shop, tmp_path, monkeypatch):
    path = write(tmp_path, "sku,name,category,price\nNEW-1,A,Garden,1.00\nNEW-1,B,Garden,2.00\n")
    monkeypatch.setattr(window.files, "ask_repeats", lambda count, name: None)
    assert window.files.import_from(path) is None
    assert not window.files.is_importing() and shop.ask(GetProducts(search="NEW-1")) == ()
