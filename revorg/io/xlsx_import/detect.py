"""Is a workbook RevOrg's own? Answered from two small XML parts, never the sheets."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml import ElementTree as DefusedElementTree

from revorg.io.xlsx_layout import MARKER_PROPERTY, ORG, REQUIRED_NAMES, TARGETS


def is_revorg_workbook(path: Path) -> bool:
    """True for a workbook RevOrg exported: its marker property, or (when a program dropped
    custom properties) its sheets and defined names. Reads two small XML parts of the zip,
    never the sheets, so that asking costs nothing even for a large roster."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            if CUSTOM_PROPERTIES in members:
                custom = _xml(archive, CUSTOM_PROPERTIES)
                names = {item.get("name") for item in custom.iter(f"{{{CUSTOM_NS}}}property")}
                if MARKER_PROPERTY in names:
                    return True
            workbook = _xml(archive, _workbook_part(archive, members))
            sheets = {item.get("name") for item in workbook.iter(f"{{{MAIN_NS}}}sheet")}
            defined = {item.get("name") for item in workbook.iter(f"{{{MAIN_NS}}}definedName")}
            return {TARGETS, ORG} <= sheets and defined >= REQUIRED_NAMES
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, DefusedXmlException, ParseError):
        return False


CUSTOM_PROPERTIES = "docProps/custom.xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
MAX_PART_BYTES = 16 * 1024 * 1024  # workbook.xml of a sane workbook is a few kilobytes


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise ValueError(f"{name} is too large")
    with archive.open(name) as handle:
        return DefusedElementTree.fromstring(handle.read(MAX_PART_BYTES + 1))


def _workbook_part(archive: zipfile.ZipFile, members: set[str]) -> str:
    """The workbook part named by the package relationships (xl/workbook.xml as a rule)."""
    if "_rels/.rels" in members:
        for item in _xml(archive, "_rels/.rels").iter(f"{{{RELATIONSHIPS_NS}}}Relationship"):
            if item.get("Type") == OFFICE_DOCUMENT:
                return str(item.get("Target", "")).lstrip("/")
    return "xl/workbook.xml"
