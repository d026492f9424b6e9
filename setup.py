"""The build step of the wheel: compile the interface translations (.ts -> .qm) into it.

Everything else about the package is in pyproject.toml. The .qm files are build products, not
sources: they are not committed (each branch that adds strings would otherwise carry a binary
file that conflicts on every merge), so `pip wheel .`, `pip install .` and `pipx install .`
make them here with Qt's `lrelease`, which ships in the PySide6-Essentials wheel that
pyproject.toml's [build-system] asks for.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("revorg") / "translations"


def lrelease_program() -> list[str]:
    """Qt's lrelease from the PySide6 of the build environment."""
    import PySide6  # the build requirement: imported only when building

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        program = folder / name
        if program.is_file():
            return [str(program)]
    raise RuntimeError(f"Qt's lrelease is not in {folder}: install PySide6-Essentials to build")


class BuildWithTranslations(build_py):  # type: ignore[misc]
    """build_py, then the compiled translations beside their sources in the build folder."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / TRANSLATIONS
        target.mkdir(parents=True, exist_ok=True)
        program = lrelease_program()
        for source in sorted(TRANSLATIONS.glob("revorg_*.ts")):
            compiled = target / source.with_suffix(".qm").name
            subprocess.run([*program, "-silent", str(source), "-qm", str(compiled)], check=True)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        compiled = [
            str(Path(self.build_lib) / TRANSLATIONS / source.with_suffix(".qm").name)
            for source in sorted(TRANSLATIONS.glob("revorg_*.ts"))
        ]
        outputs: list[str] = super().get_outputs(include_bytecode)
        return outputs + [path for path in compiled if path not in outputs]


setup(cmdclass={"build_py": BuildWithTranslations})
