"""PySide6's check of each module imported after it, answered from the file's bytes
(revorg.gui.pyside_imports): the same answers as PySide6's own, without inspect.getsource."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

import revorg.gui.chart.view
import revorg.model.summary
from revorg.gui import pyside_imports

FEATURE = sys.modules[pyside_imports._FEATURE_MODULE]


def pysides_own_check() -> Callable[[types.ModuleType], bool]:
    check: Callable[[types.ModuleType], bool] = FEATURE._mod_uses_pyside  # type: ignore[attr-defined]
    assert getattr(check, "reads_bytes", False), "revorg.gui.pyside_imports ran at its import"
    own: Callable[[types.ModuleType], bool] = check.__closure__[0].cell_contents  # type: ignore[attr-defined]
    return own


@pytest.mark.parametrize(
    ("module", "uses"),
    [
        (revorg.gui.chart.view, True),  # imports PySide6
        (revorg.model.summary, False),  # the model: no Qt
        (sys, False),  # built in: no file, asked PySide6's way
        (pytest, False),
    ],
)
def test_the_quick_check_answers_as_pyside6s_own(module: types.ModuleType, uses: bool) -> None:
    check = FEATURE._mod_uses_pyside  # type: ignore[attr-defined]
    assert check(module) is uses
    assert pysides_own_check()(module) is uses


def test_a_module_whose_file_went_is_asked_pyside6s_way(tmp_path: Path) -> None:
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    check = FEATURE._mod_uses_pyside  # type: ignore[attr-defined]
    assert check(gone) is pysides_own_check()(gone) is False


def test_it_is_replaced_once() -> None:
    check = FEATURE._mod_uses_pyside  # type: ignore[attr-defined]
    assert pyside_imports.quicken_pyside_import_check()
    assert FEATURE._mod_uses_pyside is check  # type: ignore[attr-defined]
