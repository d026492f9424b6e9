"""PySide6 asks of every module imported after it whether its source names "PySide6" (its
`__feature__` switches apply only to modules that use PySide). It asks through
inspect.getsource, which goes through linecache and the tokenizer's encoding check for each
file: with the 300 modules the window imports after Qt (RevOrg's gui and the parts of the model
and SQLAlchemy they load), some 100 ms of CPU time before the first paint on this machine
(docs/speed.md, "Cold start"). The same question is answered here from the file's bytes.

Only the way of reading changes: a module without a `.py` file (built in, compiled, zipped)
is still asked PySide6's way, and if PySide6 no longer has this check nothing is replaced.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401 (installs PySide6's import hook, replaced below)

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def quicken_pyside_import_check() -> bool:
    """Replace PySide6's check of each imported module by a read of its file's bytes; whether
    it was replaced (now or before)."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original: Callable[[ModuleType], bool] | None = getattr(feature, _CHECK, None)
    if feature is None or original is None:
        return False
    if getattr(original, "reads_bytes", False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            return b"PySide6" in Path(path).read_bytes()
        except OSError:
            return bool(original(module))

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    setattr(feature, _CHECK, uses_pyside)
    return True


quicken_pyside_import_check()
