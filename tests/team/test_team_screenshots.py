"""The README's team screenshots (revorg.gui.screenshots.write_team_screenshots) made from a
real run on the test server: Bo's window with the red bar of his refused change, then without
it, the Team panel listing Ana and Bo; small enough for the README."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from revorg.gui.screenshots import TEAM_SIZE, write_team_screenshots
from revorg.gui.settings import AppSettings
from tests.gui.conftest import isolated_qt_locations  # noqa: F401 - settings out of $HOME
from tests.team.conftest import TeamServer

REFUSED_RED = QColor("#fde7e9")  # the refused bar's background (TeamNotice "refused")


def red_rows(image: QImage) -> int:
    """Rows of the image's top quarter whose middle pixel is the refused bar's pink."""
    x = image.width() // 2
    return sum(
        1 for y in range(image.height() // 4) if image.pixelColor(x, y).name() == REFUSED_RED.name()
    )


def test_the_team_screenshots_show_the_refused_bar_then_the_team_panel(
    team: TeamServer,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    AppSettings().set_user_name("Someone")
    written = write_team_screenshots(tmp_path, team.server_url())
    assert [path.name for path in written] == ["team-refused-edit.png", "team-presence.png"]
    refused, presence = (QImage(str(path)) for path in written)
    assert (refused.width(), refused.height()) == TEAM_SIZE
    assert all(path.stat().st_size < 300_000 for path in written)
    assert red_rows(refused) > 10
    assert red_rows(presence) == 0
    assert AppSettings().user_name() == "Someone"  # the user's own name given back
