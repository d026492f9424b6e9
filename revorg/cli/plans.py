"""The one place a read command's FILE is opened: a .revorg file, or a team plan's URL
(`postgresql://user@host:5432/revorg?plan=NAME`). The team-plan modules (psycopg, Alembic) are
imported only when the argument is a URL: reading a file stays as fast as before."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revorg.model.document import PlanDocument
    from revorg.model.team.address import TeamPlanAddress

URL_PREFIXES = ("postgresql://", "postgres://")


def plan_location(text: str) -> Path | TeamPlanAddress:
    """argparse type of FILE: a path, or a team plan's URL read (and checked) once."""
    if text.lower().startswith(URL_PREFIXES):
        from revorg.model.team.address import parse_plan_url

        return parse_plan_url(text)
    return Path(text)


def team_address(text: str) -> TeamPlanAddress:
    """argparse type of an argument that must be a team plan's URL."""
    from revorg.model.team.address import parse_plan_url

    return parse_plan_url(text)


def open_for_reading(location: Path | TeamPlanAddress) -> PlanDocument:
    """The plan, checked and in memory, for a command that only reads it."""
    if isinstance(location, Path):
        from revorg.model.document import PlanDocument

        return PlanDocument.open(location, for_editing=False)
    from revorg.model.team.document import open_team_plan

    return open_team_plan(location)


def shown_location(location: Path | TeamPlanAddress) -> str:
    """The plan as messages name it: a path, or the URL without its password."""
    return str(location) if isinstance(location, Path) else location.shown()
