"""Print labels > Give barcodes for a whole category: one command
(GiveBarcodes), so a cashier asks a manager's approval once, not once a
product."""

from core.queries import GetProducts
from tests.gui.helpers import click, open_dialog
from tests.gui.test_staff import outbox, sign_in, staff, tap, window_with_staff  # noqa: F401 (fixtures)


def test_a_category_gets_its_barcodes_with_one_approval(qtbot, window_with_staff, shop, staff, catalog, tmp_path):  # noqa: F811
    window = window_with_staff
    sign_in(qtbot, window, "Bob Cashier", "4321")
    dialog = window.hardware.print_labels()
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("category"))
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(catalog.kitchen))
    without = [p.name for p, _n in dialog.products() if not p.barcode]
    assert len(without) >= 2 and dialog.give_button.isVisible()
    click(qtbot, dialog.give_button)

    approval = open_dialog(window, "approvalDialog")
    assert approval.refusal.text().startswith("Giving products barcodes needs a manager")
    combo = approval.approver_combo
    combo.setCurrentIndex(combo.findData(staff.carol))
    tap(qtbot, approval.pad, "5678")  # Carol, once
    qtbot.waitUntil(lambda: not approval.isVisible())

    assert all(p.barcode for p in shop.ask(GetProducts(category_id=catalog.kitchen)))
    assert not dialog.give_button.isVisible()
    updated = outbox(tmp_path / "shop", "ProductUpdated")
    assert updated == [(staff.bob, staff.carol)] * len(without)
    dialog.close()
