"""What goes wrong with a team plan, in one line a user can act on; never with a password."""

from __future__ import annotations

from revorg.model.errors import ExplainedError


class TeamPlanError(ExplainedError):
    """A team plan that cannot be reached, read or written: the server is down, the password
    is wrong, the plan does not exist, the user may not, or the server is newer than RevOrg."""
