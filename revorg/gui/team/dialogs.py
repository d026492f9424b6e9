"""The dialogs of team plans: which plan to open, where to publish, and a password the server
asked for. They only collect answers; revorg.gui.team.commands acts on them."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.i18n import fill
from revorg.gui.labels import error_text
from revorg.model.errors import RevOrgError

URL_EXAMPLE = "postgresql://ana@db.example.com:5432/revorg"


def plan_url(server: str, plan: str) -> str:
    """A plan's URL from a server's URL (any plan it named replaced) and a plan's name."""
    base = server.strip().split("?", 1)[0]
    return f"{base}?plan={quote(plan.strip(), safe='')}"


class OpenTeamPlanDialog(QDialog):
    """A plan's URL, or a server's URL and one of the plans it lists (`list_plans`: asks the
    server through `lister`, which raises RevOrgError with a line to show)."""

    def __init__(
        self,
        lister: Callable[[str], list[str]],
        parent: QWidget | None = None,
        url: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openTeamPlanDialog")
        self.setWindowTitle(self.tr("Open team plan"))
        self.lister = lister
        self.url_edit = QLineEdit(url)
        self.url_edit.setObjectName("teamUrl")
        self.url_edit.setPlaceholderText(URL_EXAMPLE)
        self.url_edit.setMinimumWidth(460)
        self.list_button = QPushButton(self.tr("List plans"))
        self.list_button.clicked.connect(self.list_plans)
        self.plans = QListWidget()
        self.plans.setObjectName("teamPlans")
        self.plans.itemDoubleClicked.connect(lambda _item: self.accept())
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The plan's URL (…/revorg?plan=NAME), or the server's URL to choose "
                    "one of its plans:"
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.plans, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def list_plans(self) -> list[str]:
        self.plans.clear()
        try:
            names = self.lister(self.url_edit.text().strip())
        except RevOrgError as error:
            self.status.setText(error_text(error))
            return []
        self.plans.addItems(names)
        if names:
            self.plans.setCurrentRow(0)
            self.status.setText(self.tr("%n plan(s) on this server", "", len(names)))
        else:
            self.status.setText(self.tr("No team plans on this server that you may read."))
        return names

    def chosen_url(self) -> str:
        """The plan's URL: the one typed, or the server's with the plan chosen in the list."""
        text = self.url_edit.text().strip()
        item = self.plans.currentItem()
        if item is not None and self.plans.count():
            return plan_url(text, item.text())
        return text


class PublishDialog(QDialog):
    """Where the open plan goes: a server's URL and the name the plan takes there."""

    def __init__(self, name: str, parent: QWidget | None = None, server: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish to team server"))
        self.server_edit = QLineEdit(server)
        self.server_edit.setObjectName("publishServer")
        self.server_edit.setPlaceholderText(URL_EXAMPLE)
        self.server_edit.setMinimumWidth(420)
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("publishName")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.server_edit)
        form.addRow(self.tr("Plan name on the server:"), self.name_edit)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The plan as it is now becomes a team plan; the window then edits it on the "
                "server, where each change is saved as you make it."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_url(self) -> str:
        return plan_url(self.server_edit.text(), self.name_edit.text())


class PasswordDialog(QDialog):
    """The password the server asked for, which libpq (PGPASSWORD, ~/.pgpass) did not have;
    optionally kept in the system keyring, never in RevOrg's settings."""

    def __init__(self, user: str, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPasswordDialog")
        self.setWindowTitle(self.tr("Team server password"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep_box = QCheckBox(self.tr("Keep it in the system keyring"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(fill(self.tr("Password of %1 on %2:"), user, server))
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.keep_box)
        layout.addWidget(buttons)

    def password(self) -> str:
        return self.password_edit.text()

    def keep(self) -> bool:
        return self.keep_box.isChecked()
