"""The chart view: zoom, fit, keyboard navigation, and drops of roles and cards."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from revorg.gui.chart.card import SIMPLE_DRAWING_BELOW, CardItem, DropState
from revorg.gui.chart.card_texts import name_font, readable_zoom
from revorg.gui.chart.scene import ChartScene
from revorg.gui.i18n import fill
from revorg.gui.labels import error_text
from revorg.gui.mime import POSITION_MIME_TYPE, ROLE_MIME_TYPE
from revorg.gui.numbers import format_percent
from revorg.model.editing import requests
from revorg.model.vocabulary import Status

ZOOM_STEP = 1.15
MIN_ZOOM, MAX_ZOOM = 0.02, 4.0
FIRST_VIEW_MAX_ZOOM = 1.0  # a small chart opens at 100 %, not blown up
SCREEN_MARGIN = 0.25  # of the view's width and height, each side: cards made before painted


def role_key_of(mime: QMimeData) -> str | None:
    if not mime.hasFormat(ROLE_MIME_TYPE):
        return None
    return bytes(mime.data(ROLE_MIME_TYPE).data()).decode("utf-8", errors="replace").strip()


def position_id_of(mime: QMimeData) -> int | None:
    if not mime.hasFormat(POSITION_MIME_TYPE):
        return None
    text = bytes(mime.data(POSITION_MIME_TYPE).data()).decode("utf-8", errors="replace")
    return int(text) if text.strip().isdigit() else None


class ChartView(QGraphicsView):
    role_dropped = Signal(str, object)  # role key, manager id or None
    card_dropped = Signal(int, object)  # position id, new manager id or None
    message = Signal(str)  # for the status bar
    card_activated = Signal(int)  # double-click: collapse or expand
    resized = Signal()  # the viewport has its new size (the overview map keeps to its corner)

    def __init__(self, scene: ChartScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("orgChart")
        self.chart_scene = scene
        self.setAcceptDrops(True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._hovered: CardItem | None = None
        # QGraphicsItems are not accessible objects in Qt (QAccessible serves QObjects only, and
        # a card is not one): assistive technology reads the selected card through the view.
        self.setAccessibleName(self.tr("Organisation chart"))
        scene.selectionChanged.connect(self.describe_selection)
        self.describe_selection()

    # --- zoom -------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        self.scale(target / self.zoom(), target / self.zoom())

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def chart_rect(self) -> QRectF:
        """The cards shown (collapsed teams' cards are hidden, not gone: the scene's items
        would count them)."""
        scene = self.chart_scene
        if not scene.layout.centres:
            return QRectF()
        left, top, right, bottom = scene.layout.bounds(scene.metrics)
        return QRectF(left, top, right - left, bottom - top)

    def set_zoom(self, zoom: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self.resetTransform()
        self.scale(zoom, zoom)

    def fit(self) -> None:
        """Fit: the whole chart as it is expanded, up to 100 %."""
        rect = self.chart_rect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.resetTransform()
            self.centerOn(rect.center())

    def fit_zoom(self) -> float:
        """The zoom at which the whole chart fits the view."""
        rect = self.chart_rect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return 1.0
        return min(viewport.width() / rect.width(), viewport.height() / rect.height())

    def fit_readable(self) -> None:
        """Fit readable: as much of the chart as shows with readable names, around the
        selected card (none: the top of the chart)."""
        self.set_zoom(max(readable_zoom(), min(self.fit_zoom(), FIRST_VIEW_MAX_ZOOM)))
        selected = self.chart_scene.selected_ids()
        if selected and selected[0] in self.chart_scene.layout.centres:
            self.centerOn(QPointF(*self.chart_scene.layout.centres[selected[0]]))
        else:
            self.show_top()

    def first_view(self) -> None:
        """The view a plan opens at: the whole chart as expanded if it fits with readable
        names (up to 100 %), else readable names from the top of the chart."""
        self.set_zoom(max(readable_zoom(), min(self.fit_zoom(), FIRST_VIEW_MAX_ZOOM)))
        self.show_top()

    def show_top(self) -> None:
        """The chart centred when it fits; else its top card in the middle of the top."""
        rect = self.chart_rect()
        if rect.isEmpty():
            return
        zoom = self.zoom()
        viewport = self.viewport().rect()
        fits_wide = rect.width() * zoom <= viewport.width()
        fits_high = rect.height() * zoom <= viewport.height()
        tops = self.chart_scene.tops()
        centres = self.chart_scene.layout.centres
        x = rect.center().x()
        if not fits_wide and tops and tops[0] in centres:
            x = centres[tops[0]][0]
        y = rect.center().y() if fits_high else rect.top() + viewport.height() / 2 / zoom
        self.centerOn(QPointF(x, y))

    def name_pixels(self) -> float:
        """How high a card's name is on screen now, in pixels (the readable rule's measure)."""
        return name_font().pixelSize() * self.transform().m22()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Cards too small to read: one overview item draws them all (see ChartScene).
        scene = self.chart_scene
        scene.set_overview(self.zoom() < SIMPLE_DRAWING_BELOW)
        if not scene.overview:  # zoomed out, the overview item draws cards not made yet
            scene.make_cards_on_screen(self.screen_rect())
        super().paintEvent(event)

    def screen_rect(self) -> QRectF:
        """The part of the scene on screen and a margin around it (a short scroll shows no
        card made late): the cards a large layout leaves to idle turns are made there first."""
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        margin_x, margin_y = rect.width() * SCREEN_MARGIN, rect.height() * SCREEN_MARGIN
        return rect.adjusted(-margin_x, -margin_y, margin_x, margin_y)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def center_on_card(self, position_id: int) -> None:
        card = self.chart_scene.shown_card(position_id)
        if card is not None and card.isVisible():
            self.centerOn(card)

    def show_card(self, position_id: int) -> None:
        """Open the teams above a card (and leave a focus it is outside), then centre it."""
        self.chart_scene.reveal(position_id)
        self.center_on_card(position_id)

    def describe_selection(self) -> None:
        """The view's accessible description: the selected card's full text (title, person,
        role, cost, its department's coverage), or how to choose one."""
        scene = self.chart_scene
        selected = scene.selected_ids()
        card = scene.cards.get(selected[0]) if len(selected) == 1 else None
        if card is None:
            text = (
                self.tr("%Ln cards selected", "", len(selected))
                if selected
                else self.tr("No card selected. Arrow keys move from card to card.")
            )
            self.setAccessibleDescription(text)
            return
        content = card.content
        parts = [content.title, content.person_line, content.role_line, content.cost_line]
        coverage = scene.coverage_of(card.position_id)
        if coverage is not None:
            status, value = coverage
            short = status in (Status.RED, Status.AMBER)
            words = self.tr("coverage %1, short of target") if short else self.tr("coverage %1")
            parts.append(fill(words, format_percent(value)))
        self.setAccessibleDescription(". ".join(parts))

    # --- keyboard ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        target = self._neighbour(event.key())
        card = self.chart_scene.shown_card(target) if target is not None else None
        if target is None or card is None or not card.isVisible():  # above a focus, collapsed
            super().keyPressEvent(event)
            return
        self.chart_scene.select_only([target])
        self.center_on_card(target)
        event.accept()

    def _neighbour(self, key: int) -> int | None:
        """The card that an arrow key leads to: up to the manager, down to the first report,
        left and right through the siblings."""
        selected = self.chart_scene.selected_ids()
        tree = self.chart_scene.plan.tree()
        if key not in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            return None
        if not selected:
            roots = tree.roots()
            return roots[0] if roots else None
        current = selected[0]
        if key == Qt.Key.Key_Up:
            return tree.parent.get(current)
        if key == Qt.Key.Key_Down:
            reports = tree.reports(current)
            visible = current not in self.chart_scene.collapsed
            return reports[0] if reports and visible else None
        siblings = tree.children.get(tree.parent.get(current), [])
        index = siblings.index(current) + (1 if key == Qt.Key.Key_Right else -1)
        return siblings[index] if 0 <= index < len(siblings) else None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        card = self.chart_scene.card_at(self.mapToScene(event.position().toPoint()))
        if card is not None:
            self.card_activated.emit(card.position_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # --- drops ------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(ROLE_MIME_TYPE) or mime.hasFormat(POSITION_MIME_TYPE):
            event.acceptProposedAction()
            self._update_hover(event.position().toPoint(), mime)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        if not (mime.hasFormat(ROLE_MIME_TYPE) or mime.hasFormat(POSITION_MIME_TYPE)):
            event.ignore()
            return
        refused = self._update_hover(event.position().toPoint(), mime)
        if refused:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_hovered(None, DropState.NONE)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        point = event.position().toPoint()
        refused = self._update_hover(point, mime)
        target = self._card_under(point)
        manager_id = target.position_id if target is not None else None
        self._set_hovered(None, DropState.NONE)
        if refused:
            event.ignore()
            return
        role_key = role_key_of(mime)
        position_id = position_id_of(mime)
        if role_key:
            self.role_dropped.emit(role_key, manager_id)
        elif position_id is not None:
            self.card_dropped.emit(position_id, manager_id)
        else:
            event.ignore()
            return
        event.acceptProposedAction()

    def _card_under(self, point: QPoint) -> CardItem | None:
        return self.chart_scene.card_at(self.mapToScene(point))

    def _update_hover(self, point: QPoint, mime: QMimeData) -> bool:
        """Mark the card under the cursor as a drop target; True when the drop is refused."""
        target = self._card_under(point)
        moving = position_id_of(mime)
        refusal = None
        if moving is not None:
            manager_id = target.position_id if target is not None else None
            refusal = requests.move_refusal(self.chart_scene.plan, moving, manager_id)
        if refusal:
            self._set_hovered(target, DropState.REFUSE)
            self.message.emit(error_text(refusal))
            return True
        self._set_hovered(target, DropState.ACCEPT)
        return False

    def _set_hovered(self, card: CardItem | None, state: DropState) -> None:
        if self._hovered is not None and self._hovered is not card:
            self._hovered.set_drop_state(DropState.NONE)
        self._hovered = card
        if card is not None:
            card.set_drop_state(state)
