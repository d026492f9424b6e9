"""`--without-salaries` of `export` and `pull`: a copy of the plan to share with the whole
company, every salary removed before anything is written (revorg.model.team.salaries).

A viewer of a team plan may not read salaries: a command that writes a copy refuses until
`--without-salaries` says that a copy without them is what is wanted, so that nobody hands on a
file that looks complete and is not. Commands that only show (summary, history) show the
costs as not available.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from revorg.cli.parsing import UsageError

if TYPE_CHECKING:
    from revorg.model.document import PlanDocument

OPTION_HELP = (
    "leave out every salary (cards, cells, the file's tables and its change log): "
    "a copy to share with the whole company"
)


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--without-salaries", action="store_true", help=OPTION_HELP)


def salaries_hidden(document: PlanDocument) -> bool:
    """Whether the plan was read without its salaries (a team plan's viewer)."""
    return document.without_salaries


def prepare_copy(document: PlanDocument, without_salaries: bool, shown: str) -> None:
    """Remove the salaries from the in-memory plan when asked; refuse a viewer who did not ask."""
    if without_salaries:
        from revorg.model.team.salaries import strip_salaries

        document.commit()
        strip_salaries(document.session)
        # Read by whatever draws costs (the chart's cards, the slides): none, rather than 0.
        document.without_salaries = True
    elif salaries_hidden(document):
        raise UsageError(
            f"you may not read the salaries of {shown}: add --without-salaries "
            "for a copy without them"
        )
