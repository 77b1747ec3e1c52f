"""What can be done to the chosen product: new, edit, receive and adjust
stock, stock history, archive or restore, delete. Shared by the toolbar above
the product table and its context menu; each opens its dialog (never
blocking) or sends its command through the bridge."""

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from core.commands import ArchiveProduct, DeleteProduct, RestoreProduct
from core.errors import UnknownProduct
from core.queries import GetStockHistory, ProductView
from shop_gui import approval
from shop_gui.dialogs.adjust_stock_dialog import AdjustStockDialog
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.product_dialog import ProductDialog
from shop_gui.dialogs.receive_stock_dialog import ReceiveStockDialog
from shop_gui.dialogs.stock_history_dialog import StockHistoryDialog
from shop_gui.texts import describe, fill
from shop_gui.views.message_boxes import confirm_action, show_notice


class ProductActions(QObject):
    """``catalog`` is the CatalogView: it says which product and category are chosen.

    Signals:
        message(str): something to tell the person (status bar).
    """

    message = Signal(str)

    def __init__(self, bridge, catalog, parent=None):
        super().__init__(parent)
        self._bridge = bridge
        self._catalog = catalog
        self.new_action = self._action(
            self.tr("New product..."),
            "newProduct",
            self.new_product,
            self.tr("Add a product to the catalog (Ctrl+N)"),
            QKeySequence.StandardKey.New,
        )
        self.edit_action = self._action(
            self.tr("Edit..."),
            "editProduct",
            self.edit_product,
            self.tr("Edit the chosen product (Ctrl+E)"),
            QKeySequence("Ctrl+E"),
        )
        self.receive_action = self._action(
            self.tr("Receive stock..."),
            "receiveStock",
            self.receive_stock,
            self.tr("Record a delivery of the chosen product"),
        )
        self.adjust_action = self._action(
            self.tr("Adjust stock..."),
            "adjustStock",
            self.adjust_stock,
            self.tr("Correct the chosen product's stock: a count, damage, loss"),
        )
        self.history_action = self._action(
            self.tr("Stock history"),
            "stockHistory",
            self.stock_history,
            self.tr("Every stock movement of the chosen product"),
        )
        self.archive_action = self._action(
            self.tr("Archive"),
            "archiveProduct",
            self.toggle_archived,
            self.tr("Take the chosen product out of the list (it stays in past orders)"),
        )
        self.delete_action = self._action(
            self.tr("Delete..."),
            "deleteProduct",
            self.delete_product,
            self.tr("Delete the chosen product (only one never sold)"),
        )
        self.update()

    def _action(self, text, name, slot, tip, shortcut=None) -> QAction:
        action = QAction(text, self, objectName=f"{name}Action", toolTip=tip, statusTip=tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.edit_action,
            self.receive_action,
            self.adjust_action,
            self.history_action,
            self.archive_action,
            self.delete_action,
        ]

    def context_menu(self, parent) -> QMenu:
        menu = QMenu(parent, objectName="productMenu")
        menu.addActions([self.edit_action, self.receive_action, self.adjust_action, self.history_action])
        menu.addSeparator()
        menu.addActions([self.archive_action, self.delete_action])
        menu.addSeparator()
        menu.addAction(self.new_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    # -- state ----------------------------------------------------------------------------
    def _chosen(self, product: ProductView | None) -> ProductView | None:
        return product if product is not None else self._catalog.selected_product()

    def has_been_sold(self, product: ProductView) -> bool:
        try:
            return any(move.kind == "sold" for move in self._bridge.ask(GetStockHistory(product.id)))
        except UnknownProduct:
            return False

    def update(self, *_) -> None:
        """Enable what makes sense for the chosen product (after every change)."""
        product = self._catalog.selected_product()
        for action in (
            self.edit_action,
            self.receive_action,
            self.adjust_action,
            self.history_action,
            self.archive_action,
        ):
            action.setEnabled(product is not None)
        archived = product is not None and not product.active
        self.archive_action.setText(self.tr("Restore") if archived else self.tr("Archive"))
        self.archive_action.setToolTip(
            self.tr("Put the chosen product back in the list")
            if archived
            else self.tr("Take the chosen product out of the list (it stays in past orders)")
        )
        # The core refuses to delete a sold product: say so before it is tried.
        sold = product is not None and self.has_been_sold(product)
        self.delete_action.setEnabled(product is not None and not sold)
        self.delete_action.setToolTip(
            self.tr("Sold before: archive it instead")
            if sold
            else self.tr("Delete the chosen product (only one never sold)")
        )

    # -- questions (tests replace these) ---------------------------------------------------------
    def confirm(self, question: str) -> bool:
        return confirm_action(
            self._catalog, self.tr("Delete product"), question, self.tr("&Delete product"), self.tr("&Keep product")
        )

    def tell(self, text: str) -> None:
        """The core's refusal where no dialog is open."""
        self.message.emit(text)
        show_notice(self._catalog, self.tr("Products"), text, "productRefusal")

    # -- dialogs -------------------------------------------------------------------------------------
    def _open(self, dialog, done=None):
        """Open ``dialog``; once accepted, ``done(dialog)``."""
        return open_dialog(dialog, None if done is None else lambda: done(dialog))

    def new_product(self) -> ProductDialog:
        dialog = ProductDialog(self._bridge, category_id=self._catalog.current_category_id(), parent=self._catalog)

        def added(dialog):
            self._catalog.select_product(dialog.result_value)
            self.message.emit(
                fill(QCoreApplication.translate("product_actions", "%1 added."), dialog.name_edit.text().strip())
            )

        return self._open(dialog, added)

    def edit_product(self, product: ProductView | None = None) -> ProductDialog | None:
        product = self._chosen(product)
        if product is None:
            return None
        return self._open(
            ProductDialog(self._bridge, product, parent=self._catalog),
            lambda d: self.message.emit(fill(self.tr("%1 saved."), d.name_edit.text().strip())),
        )

    def receive_stock(self, product: ProductView | None = None) -> ReceiveStockDialog | None:
        product = self._chosen(product)
        if product is None:
            return None
        return self._open(
            ReceiveStockDialog(self._bridge, product, parent=self._catalog),
            lambda d: self.message.emit(
                fill(
                    self.tr("Received %1 of %2: %3 in stock."),
                    QLocale().toString(d.quantity_spin.value()),
                    product.name,
                    QLocale().toString(d.result_value),
                )
            ),
        )

    def adjust_stock(self, product: ProductView | None = None) -> AdjustStockDialog | None:
        product = self._chosen(product)
        if product is None:
            return None
        return self._open(
            AdjustStockDialog(self._bridge, product, parent=self._catalog),
            lambda d: self.message.emit(
                fill(self.tr("Stock of %1 is now %2."), product.name, QLocale().toString(d.result_value))
            ),
        )

    def stock_history(self, product: ProductView | None = None) -> StockHistoryDialog | None:
        product = self._chosen(product)
        if product is None:
            return None
        dialog = StockHistoryDialog(self._bridge, product, parent=self._catalog)
        dialog.show()  # not modal: selling goes on meanwhile
        return dialog

    # -- commands without a dialog ---------------------------------------------------------------
    def toggle_archived(self, product: ProductView | None = None) -> None:
        product = self._chosen(product)
        if product is None:
            return
        command = RestoreProduct(product.id) if not product.active else ArchiveProduct(product.id)

        def sent(outcome):
            if outcome.error is not None:
                self.tell(describe(outcome.error))
            elif outcome.ok:
                self.message.emit(
                    fill(QCoreApplication.translate("product_actions", "%1 restored."), product.name)
                    if not product.active
                    else fill(
                        QCoreApplication.translate(
                            "product_actions", "%1 archived: tick “Show archived” to find it again."
                        ),
                        product.name,
                    )
                )
            self.update()

        approval.dispatch(self._bridge, command, self._catalog, sent)

    def delete_product(self, product: ProductView | None = None) -> None:
        product = self._chosen(product)
        if product is None:
            return
        if not self.confirm(
            fill(self.tr("Delete %1 (%2) for good? This cannot be undone."), product.name, product.sku)
        ):
            return

        def sent(outcome):
            if outcome.error is not None:
                self.tell(describe(outcome.error))
            elif outcome.ok:
                self.message.emit(fill(QCoreApplication.translate("product_actions", "%1 deleted."), product.name))
            self.update()

        approval.dispatch(self._bridge, DeleteProduct(product.id), self._catalog, sent)
