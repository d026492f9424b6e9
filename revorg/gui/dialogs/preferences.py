"""Preferences: the interface language, the name the change log gives, and how the chart is
drawn, kept in QSettings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from revorg.gui.i18n import LANGUAGE_NAMES, fill, system_language
from revorg.gui.settings import AppSettings
from revorg.model.history.recording import system_user

SYSTEM_CHOICE = ""  # follow the system's language


class PreferencesDialog(QDialog):
    def __init__(
        self, settings: AppSettings, current_language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.current_language = current_language
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageChoice")
        system_name = LANGUAGE_NAMES[system_language()]
        self.language_combo.addItem(
            fill(self.tr("System language (%1)"), system_name), SYSTEM_CHOICE
        )
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.saved_language = settings.language() or SYSTEM_CHOICE
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(self.saved_language))
        )
        self.name_edit = QLineEdit(settings.user_name())
        self.name_edit.setObjectName("userName")
        self.name_edit.setPlaceholderText(system_user())
        self.name_edit.setToolTip(
            self.tr("The plan's history records your changes under this name.")
        )
        self.compact_box = QCheckBox(self.tr("Stack wide teams (compact chart)"))
        self.compact_box.setObjectName("compactChoice")
        self.compact_box.setChecked(settings.compact_teams())
        self.session_note = QLabel(self._session_note_text())
        self.session_note.setObjectName("sessionLanguageNote")
        self.session_note.setWordWrap(True)
        self.session_note.setVisible(bool(self.session_note.text()))
        self.restart_note = QLabel()
        self.restart_note.setObjectName("restartNote")
        self.restart_note.setWordWrap(True)
        self.language_combo.currentIndexChanged.connect(self._update_note)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Your name:"), self.name_edit)
        form.addRow("", self.compact_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.session_note)
        layout.addWidget(self.restart_note)
        layout.addWidget(buttons)
        self._update_note()

    def chosen_language(self) -> str:
        """The language code chosen, or "" for the system's language."""
        return str(self.language_combo.currentData())

    def language_changes(self) -> bool:
        """Whether the user picked another language than the saved one, and the next start
        will look different from this window."""
        chosen = self.chosen_language()
        if chosen == self.saved_language:
            return False
        return (chosen or system_language()) != self.current_language

    def _session_note_text(self) -> str:
        """When `--lang` overrode the saved choice, say so: else the list would show another
        language than the window's, and seem wrong."""
        if (self.saved_language or system_language()) == self.current_language:
            return ""
        return fill(
            self.tr(
                "This window is in %1, chosen for this start only (--lang). The list shows "
                "the language RevOrg starts in otherwise."
            ),
            LANGUAGE_NAMES.get(self.current_language, self.current_language),
        )

    def _update_note(self) -> None:
        self.restart_note.setText(
            self.tr("The new language applies when RevOrg starts again.")
            if self.language_changes()
            else ""
        )

    def save(self) -> None:
        self.settings.set_language(self.chosen_language() or None)
        self.settings.set_compact_teams(self.compact_box.isChecked())
        self.settings.set_user_name(self.name_edit.text())
