"""The till's hardware in the window: receipts to the thermal printer after
a payment (yes, no or ask), the cash drawer kicked through the printer when
cash moves, "No sale", "Reprint last receipt", the printer's settings, and
what to do when a job fails ("Print again").

It listens to the commands the window sends (``ShopBridge.commandSucceeded``):
by then the sale is stored, so printing (on its own thread, within a
timeout: shop_gui/receipt_printer.py) can fail without losing anything."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from core.commands import CASH, CancelOrder, OpenDrawer, PayIn, PayOut, ReceiveStock, RecordPayment, ReturnItems
from core.errors import ShopError
from core.hardware.escpos_jobs import drawer_job, receipt_job, trial_page_job
from core.queries import GetOrder, GetReceipt
from shop_gui import approval, local_settings, receipt_printer_settings
from shop_gui.dialogs.label_printer_dialog import LabelPrinterDialog
from shop_gui.dialogs.labels_dialog import LabelsDialog
from shop_gui.dialogs.print_failed_dialog import PrintFailedDialog
from shop_gui.dialogs.receipt_printer_dialog import ReceiptPrinterDialog
from shop_gui.receipt_printer import PrintJob, ReceiptPrinter
from shop_gui.receipt_printer_settings import AUTO_PRINT_ASK, AUTO_PRINT_YES
from shop_gui.texts import describe, fill

LAST_RECEIPT_KEY = "receiptPrinter/lastOrder"  # this till's last receipt, kept across restarts
TRIAL_PAGE = ("Shop Manager", "Receipt printer test", "£ € Ä é ñ", "Ёж Щука Юла")


class TillHardware(QObject):
    """``window`` parents the dialogs; ``add_to(menu)`` puts the actions in
    the Till menu.

    Signals:
        message(str): something to tell the person (status bar).
    """

    message = Signal(str)

    def __init__(self, bridge, window, load_settings=receipt_printer_settings.load):
        super().__init__(window)
        self._bridge = bridge
        self._window = window
        self._load_settings = load_settings
        self.printer = ReceiptPrinter(self, load_settings)
        self.printer.failed.connect(self._failed)
        self.printer.printed.connect(lambda job: self.message.emit(fill(self.tr("Printed %1."), job.what)))
        self.failure: PrintFailedDialog | None = None
        self.question: QMessageBox | None = None  # "Print the receipt?" while asking
        self.no_sale_action = self._action(
            self.tr("&No sale"),
            "noSale",
            "Ctrl+Shift+N",
            self.no_sale,
            self.tr("Open the cash drawer without a sale (recorded)"),
        )
        self.reprint_action = self._action(
            self.tr("&Reprint last receipt"),
            "reprintReceipt",
            "Ctrl+Shift+P",
            self.reprint_last,
            self.tr("Print the last receipt again"),
        )
        self.settings_action = self._action(
            self.tr("Receipt &printer..."),
            "receiptPrinterSettings",
            None,
            self.open_settings,
            self.tr("This computer's receipt printer, its paper, and when it prints"),
        )
        self.labels_action = self._action(
            self.tr("Print &labels..."),
            "printLabels",
            None,
            self.print_labels,
            self.tr("Shelf-edge or product labels with barcodes, on A4 label sheets"),
        )
        self.label_printer_action = self._action(
            self.tr("La&bel printer..."),
            "labelPrinterSettings",
            None,
            self.open_label_printer,
            self.tr("This computer's label printer"),
        )
        self.deliveries: list[tuple[int, int]] = []  # (product id, quantity) received on this till since it started
        bridge.commandSucceeded.connect(self._command_done)

    def _action(self, text, name, keys, slot, tip) -> QAction:
        action = QAction(text, self, objectName=f"{name}Action", toolTip=tip, statusTip=tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to(self, menu) -> None:
        menu.addSeparator()
        menu.addActions(
            [
                self.no_sale_action,
                self.reprint_action,
                self.labels_action,
                self.settings_action,
                self.label_printer_action,
            ]
        )

    # -- after each command ---------------------------------------------------------------------
    def _command_done(self, command, result) -> None:
        if isinstance(command, RecordPayment) and result.due_cents == 0:
            self._remember(command.order_id)  # for Reprint, printer or not
        if isinstance(command, ReceiveStock):
            self.deliveries.append((command.product_id, command.quantity))  # labels for what came in
        settings = self._load_settings()
        if not settings.connection.configured:
            return
        if isinstance(command, RecordPayment):
            cash = command.method == CASH
            if result.due_cents == 0:
                if settings.auto_print == AUTO_PRINT_YES:
                    self.print_receipt(command.order_id, open_drawer=cash)
                    return
                if settings.auto_print == AUTO_PRINT_ASK:
                    self._ask_to_print(command.order_id)
            if cash:
                self.kick_drawer()
        elif isinstance(command, (PayIn, PayOut, OpenDrawer)):
            self.kick_drawer()
        elif isinstance(command, (ReturnItems, CancelOrder)) and self._refunded_in_cash(command):
            self.kick_drawer()

    def _refunded_in_cash(self, command) -> bool:
        if command.refund_method is not None:
            return command.refund_method == CASH
        try:  # "as paid": the order says how
            order = self._bridge.ask(GetOrder(command.order_id))
        except ShopError:
            return False
        return any(p.method == CASH for p in order.payments)

    def _ask_to_print(self, order_id: int) -> None:
        if self.question is not None:
            self.question.close()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Receipt"),
            fill(self.tr("Print the receipt of order %1?"), order_id),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        box.setObjectName("printReceiptQuestion")
        yes = box.addButton(self.tr("&Print receipt"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("printReceiptButton")
        no = box.addButton(self.tr("No &receipt"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName("noReceiptButton")
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        yes.clicked.connect(lambda: self.print_receipt(order_id))
        box.finished.connect(lambda _result: setattr(self, "question", None))
        box.open()  # the counter goes on meanwhile
        self.question = box

    # -- the jobs -------------------------------------------------------------------------------
    def print_receipt(self, order_id: int, *, open_drawer: bool = False) -> None:
        settings = self._load_settings()
        try:
            receipt = self._bridge.ask(GetReceipt(order_id))
        except ShopError as error:
            self.message.emit(describe(error))
            return
        data = receipt_job(
            receipt, settings.options, copies=settings.copies, open_drawer=open_drawer and settings.kick_drawer
        )
        self.printer.submit(PrintJob(fill(self.tr("the receipt of order %1"), order_id), data))

    def kick_drawer(self) -> None:
        settings = self._load_settings()
        if settings.connection.configured and settings.kick_drawer:
            self.printer.submit(PrintJob(self.tr("the drawer"), drawer_job(settings.options)))

    def print_trial_page(self) -> None:
        self.printer.submit(PrintJob(self.tr("a test page"), trial_page_job(self._load_settings().options, TRIAL_PAGE)))

    def _failed(self, job: PrintJob, problem: str) -> None:
        text = fill(self.tr("%1 (Nothing is lost: the sale is stored.)"), problem)
        if self.failure is None:
            self.failure = PrintFailedDialog(self._window)
            self.failure.retry.connect(self.printer.submit)
        self.failure.show_failure(job, text)
        self.message.emit(problem)

    # -- the actions ------------------------------------------------------------------------------
    def no_sale(self):
        """Record the "No sale" (a manager's approval asked for when needed);
        the drawer opens once it is stored (``_command_done``)."""

        def done(outcome):
            if outcome.ok:
                self.message.emit(self.tr("No sale: the drawer opened."))

        return approval.dispatch(self._bridge, OpenDrawer(), self._window, done)

    def _remember(self, order_id: int) -> None:
        settings = local_settings.settings()
        settings.setValue(LAST_RECEIPT_KEY, order_id)
        settings.sync()

    def last_receipt(self) -> int | None:
        try:
            return int(local_settings.settings().value(LAST_RECEIPT_KEY))
        except (TypeError, ValueError):
            return None

    def reprint_last(self):
        """The last receipt again: on the receipt printer when there is one,
        else in the receipt window (print or PDF through the system)."""
        order_id = self.last_receipt()
        if order_id is None:
            self.message.emit(self.tr("No receipt has been printed on this till yet."))
            return None
        if self._load_settings().connection.configured:
            self.print_receipt(order_id)
            return None
        return self._window.orders.show_receipt(order_id, parent=self._window)

    def open_settings(self) -> ReceiptPrinterDialog:
        dialog = ReceiptPrinterDialog(self._load_settings(), self._window)
        dialog.trialRequested.connect(lambda: self.print_trial_page())
        dialog.open()
        return dialog

    def print_labels(self) -> LabelsDialog:
        chosen = self._window.catalog.selected_product()
        dialog = LabelsDialog(
            self._bridge, chosen.id if chosen is not None else None, self.deliveries, self._window, self.printer
        )
        dialog.open()
        return dialog

    def open_label_printer(self) -> LabelPrinterDialog:
        dialog = LabelPrinterDialog(receipt_printer_settings.load_label_printer(), self._window)
        dialog.open()
        return dialog
