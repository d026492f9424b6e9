"""The machine a benchmark ran on, described from /proc, the OS and the installed packages."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any


def _first_value(path: str, key: str) -> str | None:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip() == key:
            return value.strip()
    return None


def _os_name() -> str:
    pretty = None
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.partition("=")[2].strip().strip('"')
    except OSError:
        pass
    return f"{pretty or platform.system()} (kernel {platform.release()})"


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def graphviz_version() -> str | None:
    dot = shutil.which("dot")
    if dot is None:
        return None
    completed = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False)
    return (completed.stderr or completed.stdout).strip() or "unknown version"


def describe_machine() -> dict[str, Any]:
    memory_kib = _first_value("/proc/meminfo", "MemTotal")
    memory_gib = None
    if memory_kib is not None and memory_kib.split()[0].isdigit():
        memory_gib = round(int(memory_kib.split()[0]) / 1024**2, 1)
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": _first_value("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "memory_gib": memory_gib,
        "os": _os_name(),
        "python": sys.version.split()[0],
        "pyside6": _version("PySide6"),
        "sqlalchemy": _version("SQLAlchemy"),
        "openpyxl": _version("openpyxl"),
        "sqlite": _sqlite_version(),
        "graphviz": graphviz_version(),
    }


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def machine_lines(machine: dict[str, Any]) -> list[str]:
    memory = f"{machine['memory_gib']} GiB RAM" if machine.get("memory_gib") else "RAM unknown"
    cores = f"{machine['cores']} cores"
    if machine.get("cores_usable") and machine["cores_usable"] != machine["cores"]:
        cores += f" ({machine['cores_usable']} usable)"
    return [
        f"machine: {machine['cpu']}, {cores}, {memory}",
        f"system:  {machine['os']}",
        (
            f"python:  {machine['python']}, PySide6 {machine['pyside6']}, "
            f"SQLAlchemy {machine['sqlalchemy']}, openpyxl {machine['openpyxl']}, "
            f"SQLite {machine['sqlite']}"
        ),
        f"peers:   {machine['graphviz'] or 'Graphviz dot not installed'}",
    ]
