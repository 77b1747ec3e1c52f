"""The Till menu: open the till with a float, pay in, pay out, the X report,
close the till (a blind count, then the Z report), and past sessions' Z
reports. Each opens its dialog without blocking; which can be done follows
this till's session (open or not) as the read model changes."""

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from core.errors import ShopError
from core.queries import GetOpenTillSession, GetTillReport
from shop_gui.dialogs.command_dialog import open_dialog
from shop_gui.dialogs.till_cash_move_dialog import PAY_IN, PAY_OUT, TillCashMoveDialog
from shop_gui.dialogs.till_close_dialog import TillCloseDialog
from shop_gui.dialogs.till_open_dialog import TillOpenDialog
from shop_gui.dialogs.till_report_dialog import TillReportDialog
from shop_gui.dialogs.till_sessions_dialog import TillSessionsDialog
from shop_gui.formatting import local_time, money
from shop_gui.texts import fill


class TillActions(QObject):
    """``window`` parents the dialogs.

    Signals:
        message(str): something to tell the person (status bar).
    """

    message = Signal(str)

    def __init__(self, bridge, window):
        super().__init__(window)
        self._bridge = bridge
        self._window = window
        self.session = None  # this till's open session (a TillSessionSummary), if any
        self.last_z_report: TillReportDialog | None = None  # shown after closing
        self.open_action = self._action(
            self.tr("&Open till..."), "openTill", self.open_till, self.tr("Start a session with a float")
        )
        self.pay_in_action = self._action(
            self.tr("Pay &in..."), "payIn", self.pay_in, self.tr("Put cash into the drawer without a sale")
        )
        self.pay_out_action = self._action(
            self.tr("Pay o&ut..."), "payOut", self.pay_out, self.tr("Take cash out of the drawer without a refund")
        )
        self.x_report_action = self._action(
            self.tr("&X report"),
            "xReport",
            self.x_report,
            self.tr("The open session's figures so far (the till stays open)"),
        )
        self.close_action = self._action(
            self.tr("&Close till..."),
            "closeTill",
            self.close_till,
            self.tr("Count the drawer, end the session, print its Z report"),
        )
        self.z_reports_action = self._action(
            self.tr("&Z reports..."),
            "zReports",
            self.z_reports,
            self.tr("Past sessions: see, save or print their Z reports again"),
        )
        bridge.readModelChanged.connect(lambda _changes: self.update())
        self.update()

    def _action(self, text, name, slot, tip) -> QAction:
        action = QAction(text, self, objectName=f"{name}Action", toolTip=tip, statusTip=tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def menu(self, menu_bar) -> QMenu:
        """The Till menu, added to ``menu_bar``."""
        menu = menu_bar.addMenu(self.tr("&Till"))
        menu.setObjectName("tillMenu")
        menu.addActions([self.open_action, self.pay_in_action, self.pay_out_action])
        menu.addSeparator()
        menu.addActions([self.x_report_action, self.close_action])
        menu.addSeparator()
        menu.addAction(self.z_reports_action)
        return menu

    def update(self) -> None:
        """What can be done now. Pay in and out always (a session opens by
        itself if none is); the X report and closing while a session is open;
        opening when none is, or when the open one began by itself (a sale
        came first) and has no float yet: the float counted then is its float."""
        try:
            self.session = self._bridge.ask(GetOpenTillSession())
            report = self._bridge.ask(GetTillReport()) if self.session is not None else None
        except ShopError:
            self.session, report = None, None
        is_open = self.session is not None
        needs_float = report is not None and report.opened_automatically and not report.opening_float_cents
        self.open_action.setEnabled(not is_open or needs_float)
        self.x_report_action.setEnabled(is_open)
        self.close_action.setEnabled(is_open)
        if not is_open:
            tip = self.tr("The till is closed: open it with a float")
        elif needs_float:
            tip = self.tr("The till opened by itself with the first sale: count the float into it")
        else:
            tip = fill(self.tr("%1 is open since %2"), self.session.till, local_time(self.session.opened_at))
        self.open_action.setToolTip(tip)
        self.open_action.setStatusTip(tip)

    # -- the actions -----------------------------------------------------------------------------
    def open_till(self) -> TillOpenDialog:
        dialog = TillOpenDialog(self._bridge, self._window)

        def opened():
            cents = dialog.opening_float() or 0
            self.message.emit(
                fill(QCoreApplication.translate("till_actions", "Till open with a float of %1."), money(cents))
            )

        return open_dialog(dialog, opened)

    def pay_in(self) -> TillCashMoveDialog:
        return self._cash_move(PAY_IN)

    def pay_out(self) -> TillCashMoveDialog:
        return self._cash_move(PAY_OUT)

    def _cash_move(self, kind: str) -> TillCashMoveDialog:
        dialog = TillCashMoveDialog(self._bridge, kind, self._window)

        def done():
            amount = money(dialog.amount() or 0)
            what = (
                fill(QCoreApplication.translate("till_actions", "%1 paid in"), amount)
                if kind == PAY_IN
                else fill(QCoreApplication.translate("till_actions", "%1 paid out"), amount)
            )
            self.message.emit(f"{what}: {dialog.reason()}.")

        return open_dialog(dialog, done)

    def x_report(self) -> TillReportDialog:
        dialog = TillReportDialog(self._bridge, None, self._window)
        dialog.show()  # not modal: the counter goes on
        return dialog

    def close_till(self) -> TillCloseDialog:
        # The count is blind: an X report left open beside it would say what to find.
        for report in self._window.findChildren(TillReportDialog):
            if report.isVisible() and (report.report is None or report.report.closed_at is None):
                report.close()
        dialog = TillCloseDialog(self._bridge, self._window)

        def closed():
            session_id = dialog.result_value
            self.message.emit(fill(QCoreApplication.translate("till_actions", "Till closed: Z report %1."), session_id))
            self.last_z_report = TillReportDialog(self._bridge, session_id, self._window)
            self.last_z_report.show()

        return open_dialog(dialog, closed)

    def z_reports(self) -> TillSessionsDialog:
        dialog = TillSessionsDialog(self._bridge, self._window)
        dialog.show()
        return dialog
