"""Errors that reach users: each carries one line that says what is wrong and with which file."""


class RevOrgError(Exception):
    """A problem the user can act on; str() is one line without a traceback."""


class PlanFileError(RevOrgError):
    """A .revorg file that cannot be opened or saved."""


class PlanFileLockedError(PlanFileError):
    """The file is open for editing in another RevOrg window or process."""


class TemplateError(RevOrgError):
    """An unknown or malformed template."""


class PlanEditError(RevOrgError):
    """An edit that would break the plan (a reporting cycle, a bad value)."""
