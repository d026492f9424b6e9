"""History > Preview…, Restore as new scenario… and a position's history, for the window: a
state of the plan's history drawn read-only, made a scenario, or listed for one card. Their
texts keep the window's translation context (MainWindow), where they were first written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from revorg.gui.chart.scene import ChartScene
from revorg.gui.history_words import local_time, step_name
from revorg.gui.i18n import fill
from revorg.gui.labels import error_text
from revorg.gui.numbers import format_money
from revorg.model.document import PlanDocument
from revorg.model.editing.reading import PlanReading
from revorg.model.entities import Scenario
from revorg.model.errors import PlanEditError
from revorg.model.history.browse import step_by_id
from revorg.model.history.replay import ReplayError, state_after

if TYPE_CHECKING:  # the dialogs and the drawing are imported when used (the window's start)
    from revorg.gui.dialogs.position_history import PositionHistoryDialog
    from revorg.gui.dialogs.step_preview import StepPreviewDialog
    from revorg.gui.window.main_window import MainWindow

PREVIEW_PIXELS = 4000  # the longest side of a preview's picture: sharp when zoomed, not huge


class HistoryCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def preview_step(self, step_id: int) -> StepPreviewDialog | None:
        """The plan as it was right after a step (revorg.model.history.replay), the step's
        scenario drawn and summed up, read-only; None, with a word in the status bar, when the
        history cannot give it."""
        editor = self.window.controller.editor
        step = step_by_id(editor.session, step_id)
        if step is None:
            return None
        heading = fill(
            QCoreApplication.translate(
                "MainWindow", "The plan as it was right after step %1 (%2, %3): %4"
            ),
            step_id,
            step.who,
            local_time(step.at),
            step_name(step),
        )
        try:
            with state_after(editor.session, step_id) as then:
                scenario_id = step.scenario_id
                if then.session.get(Scenario, scenario_id) is None:  # the step removed it
                    scenario_id = then.scenario().id
                dialog = self.preview_document(then, scenario_id, heading)
        except ReplayError as error:
            self.window.show_error(error_text(error))
            return None
        dialog.restore_button.clicked.connect(lambda: self.restore_step(step_id, scenario_id))
        return dialog

    def preview_document(
        self, document: PlanDocument, scenario_id: int, heading: str
    ) -> StepPreviewDialog:
        """One scenario of a plan that is not the one edited (a state of its history), drawn
        and summed up in a read-only dialog."""
        reading = PlanReading(document, self.window.controller.language)
        reading.switch_scenario(scenario_id)
        scene = ChartScene(reading, compact=self.window.scene.compact)
        picture = chart_picture(scene)
        summary = reading.summary()
        currency = summary.plan.currency
        name = reading.scenario.name
        numbers = [
            (QCoreApplication.translate("MainWindow", "Scenario"), name),
            (
                QCoreApplication.translate("MainWindow", "Company revenue goal"),
                format_money(summary.inputs.goal, currency),
            ),
            (
                QCoreApplication.translate("MainWindow", "Planned revenue"),
                format_money(summary.outcome.total, currency),
            ),
            (
                QCoreApplication.translate("MainWindow", "Positions"),
                self.window.totals_text(summary),
            ),
        ]
        scene.clear()
        title = fill(QCoreApplication.translate("MainWindow", "Preview: %1"), name)
        from revorg.gui.dialogs.step_preview import StepPreviewDialog

        dialog = StepPreviewDialog(title, heading, picture, numbers, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def restore_step(self, step_id: int, scenario_id: int | None = None) -> int | None:
        """Restore as new scenario: a name asked (suggested: "Base after step 12"), then one
        undoable edit; a refusal is said in the status bar. The new scenario's id."""
        editor = self.window.controller.editor
        step = step_by_id(editor.session, step_id)
        if step is None:
            return None
        current = editor.session.get(Scenario, scenario_id or step.scenario_id)
        named = current.name if current is not None else editor.scenario.name
        suggested = fill(
            QCoreApplication.translate("MainWindow", "%1 after step %2"), named, step_id
        )
        name = self.window.scenario_commands.ask_name(
            self.window,
            QCoreApplication.translate("MainWindow", "Restore as new scenario"),
            suggested,
        )
        if name is None:
            return None
        try:
            return self.window.controller.restore_step(step_id, name, scenario_id)
        except (PlanEditError, ReplayError) as error:
            self.window.show_error(error_text(error))
            return None

    def show_position_history(self, position_id: int) -> PositionHistoryDialog:
        from revorg.gui.dialogs.position_history import PositionHistoryDialog

        dialog = PositionHistoryDialog(self.window.controller.editor, position_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def chart_picture(scene: ChartScene) -> QPixmap:
    """The whole chart as a picture in full detail, its longest side at most PREVIEW_PIXELS."""
    from revorg.gui.chart.export import export_drawing, render

    with export_drawing(scene) as source:
        scale = min(1.0, PREVIEW_PIXELS / max(source.width(), source.height(), 1.0))
        width, height = int(source.width() * scale), int(source.height() * scale)
        picture = QPixmap(max(1, width), max(1, height))
        picture.fill(QColor("white"))
        painter = QPainter(picture)
        render(scene, painter, QRectF(picture.rect()), source)
        painter.end()
    return picture
