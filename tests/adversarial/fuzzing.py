"""Inputs for the importer fuzz tests: a reproducible real export, zip surgery, and the one
rule every import must follow (a plan, or a refusal with a report; never anything else)."""

from __future__ import annotations

import io
import re
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

from revorg.io.importers import import_plan
from revorg.io.report import ImportRefusedError
from revorg.io.xlsx_export import export_workbook
from revorg.model.document import PlanDocument
from revorg.model.summary import summarize
from tests.adversarial.limits import time_limit
from tests.adversarial.plans import dump, file_dump

SECONDS_PER_IMPORT = 30  # a hang becomes a failure (a normal import takes under a second)
FIXED_TIME = (2027, 1, 1, 0, 0, 0)


def reproducible_export(path: Path) -> Path:
    """The demo plan exported, with its random lineages and time stamps fixed, so that the
    same mutation gives the same file on every run."""
    with PlanDocument.from_template("demo", 2027) as document:
        for position in document.scenario().positions:
            position.lineage = f"lineage-{position.id}"
        export_workbook(document, document.scenario(), path)
    members = zip_members(path.read_bytes())
    core = members.get("docProps/core.xml")
    if core is not None:
        members["docProps/core.xml"] = re.sub(
            rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2027-01-01T00:00:00Z", core
        )
    for name, content in members.items():
        if name.startswith("xl/worksheets/"):  # the export date in each page header
            members[name] = re.sub(rb"\d{4}-\d\d-\d\d(?=</oddHeader>)", b"2027-01-01", content)
    path.write_bytes(rezip(members))
    return path


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


# --- known bugs ----------------------------------------------------------------------------
# Crashes already reported, each with its own strict xfail test. The fuzz tests count them
# (hypothesis `event`) instead of failing on them, so that they keep catching any *other*
# crash meanwhile. When a bug is fixed its xfail test passes (strict: the run fails) and its
# entry here must go.


def _revorg_frames(error: BaseException) -> list[traceback.FrameSummary]:
    return [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if "/revorg/" in frame.filename.replace("\\", "/")
    ]


def _innermost_revorg_frame(error: BaseException) -> traceback.FrameSummary | None:
    frames = _revorg_frames(error)
    return frames[-1] if frames else None


KNOWN_BUGS: dict[str, Callable[[BaseException], bool]] = {}  # none open: all were fixed


def known_bug(error: BaseException) -> str | None:
    for name, matches in KNOWN_BUGS.items():
        if matches(error):
            return name
    return None


# --- the rule ------------------------------------------------------------------------------


def import_outcome(path: Path, saved: Path) -> str:
    """Import `path`: "plan" (which must then be complete enough to summarise, save and
    reopen as it is), "refused" (an ImportRefusedError with errors in its report and a
    one-line message), or "known bug: ...". Anything else, or a hang, fails the test."""
    with time_limit(SECONDS_PER_IMPORT):
        try:
            document, report = import_plan(path, "demo", 2027)
        except ImportRefusedError as refused:
            assert refused.report.has_errors, refused.report.lines()
            assert "\n" not in str(refused)
            return "refused"
        except Exception as error:
            name = known_bug(error)
            if name is None:
                raise
            return f"known bug: {name}"
        with document:
            assert not report.has_errors
            for scenario in document.plan.scenarios:
                summarize(document.session, scenario, "en")
            document.save_as(saved)
            assert file_dump(saved) == dump(document)
        return "plan"
