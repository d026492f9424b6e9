"""`revorg actuals`: deals from a CRM export into a plan, the rules that read them, owners
matched by hand, and the plan against what was booked.

Each change is one step of the plan's change log (by `--who` or the system user). An export with
nothing usable in it: exit code 2 with one `error:` line, the plan unchanged; rows with problems
are listed with their row and column, and the others imported.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revorg.cli.editing import add_who_argument, open_for_editing
from revorg.cli.parsing import EXIT_USAGE, Commands, UsageError
from revorg.cli.plans import plan_location

if TYPE_CHECKING:
    from revorg.io.crm import DealsRead
    from revorg.model.actuals.progress import Progress
    from revorg.model.editing.actuals_requests import ImportPlan

SOURCES = ("salesforce", "hubspot", "generic")
STATUSES = ("won", "lost", "open")
KINDS = ("new_business", "expansion", "renewal")
# How an owner was matched to a position (revorg.model.actuals.owners.MatchedBy), in words.
MATCHED_BY = {"hand": "matched by hand", "email": "by email", "name": "by name"}


def register(commands: Commands) -> None:
    actuals = commands.add_parser(
        "actuals",
        help="import CRM deals into a plan and show the plan against what was booked",
        description=(
            "Import a Salesforce opportunity report, a HubSpot deal export or a table of owner, "
            "amount, close date, won and type (CSV or .xlsx). Deals are keyed by their CRM id: "
            "importing a later export updates the deals that changed. Without --import, shows "
            "what the plan holds."
        ),
    )
    actuals.add_argument("file", type=plan_location, help="a .revorg file or a team plan's URL")
    actuals.add_argument("--import", dest="export", type=Path, metavar="EXPORT")
    actuals.add_argument("--source", choices=SOURCES, help="the CRM (default: from the headings)")
    actuals.add_argument(
        "--stage",
        action="append",
        default=[],
        metavar="TEXT=STATUS",
        help=f"read a stage as {', '.join(STATUSES)} or default (kept in the plan)",
    )
    actuals.add_argument(
        "--type",
        dest="types",
        action="append",
        default=[],
        metavar="TEXT=KIND",
        help=f"read a deal type as {', '.join(KINDS)} or default (kept in the plan)",
    )
    actuals.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="OWNER=POSITION_ID",
        help="count an owner's deals as a position's (POSITION_ID empty: forget the match)",
    )
    actuals.add_argument("--scenario", help="scenario to measure against (default: the first)")
    actuals.add_argument("--json", action="store_true", help="print JSON")
    add_who_argument(actuals)


def run(options: argparse.Namespace) -> int:
    from revorg.io.crm import CrmSource, read_deals
    from revorg.io.report import ImportReport
    from revorg.model.actuals import store
    from revorg.model.editing import actuals_requests as requests
    from revorg.model.history.recording import system_user, utc_now

    rules = [_pair(text, "--stage", (*STATUSES, "default")) for text in options.stage]
    types = [_pair(text, "--type", (*KINDS, "default")) for text in options.types]
    matches = [_match(text) for text in options.match]
    who = (options.who or "").strip() or system_user()
    report = ImportReport(options.export.name if options.export else "")
    with open_for_editing(options.file, options.who) as (document, editor):
        editor.switch_scenario(document.scenario(options.scenario).id)
        changed = False
        for rule, values in (("stage", rules), ("type", types)):
            for written, value in values:
                edit = requests.set_deal_rule(editor, rule, written, _or_none(value))
                changed |= _performed(editor, edit)
        for owner, position_id in matches:
            changed |= _performed(editor, requests.match_owner(editor, owner, position_id))
        read: DealsRead | None = None
        plan: ImportPlan | None = None
        if options.export is not None:
            source = CrmSource(options.source) if options.source else None
            currency = document.plan.currency
            rules_now = store.stored_rules(editor.session)
            read = read_deals(options.export, report, rules_now, currency, source)
            if read is None:
                return _refused(report, options.export)
            plan = requests.import_deals(
                editor, read.deals, options.export.name, str(read.source), who, utc_now()
            )
            changed |= _performed(editor, plan.edit)
        progress = _progress(editor)
        ramps = _ramp_checks(editor, progress)
        rows = editor.positions()
        names = {  # in chart order, managers before their reports
            position_id: f"{rows[position_id].person_name or 'open'} ({rows[position_id].title})"
            for position_id in editor.tree().managers_first()
        }
        if changed:
            document.save()
    if options.json:
        result = _json(read, plan, progress, report)
        result["ramps"] = [_ramp_json(check) for check in ramps]
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            print(f"  {finding}", file=sys.stderr)
        print("\n".join(_lines(read, plan, progress, names) + _ramp_lines(ramps)))
    return 0


def _performed(editor: Any, edit: Any) -> bool:
    if edit is None:
        return False
    editor.perform(edit)
    return True


def _pair(text: str, option: str, allowed: tuple[str, ...]) -> tuple[str, str]:
    written, equals, value = text.rpartition("=")
    value = value.strip().lower()
    if not equals or not written.strip():
        raise UsageError(f"{option} takes TEXT=VALUE, not {text!r}")
    if value not in allowed:
        raise UsageError(
            f"{option} {written.strip()!r}: {value!r} is not one of {', '.join(allowed)}"
        )
    return written.strip(), value


def _or_none(value: str) -> str | None:
    return None if value == "default" else value


def _match(text: str) -> tuple[str, int | None]:
    owner, equals, position = text.rpartition("=")
    if not equals or not owner.strip():
        raise UsageError(f"--match takes OWNER=POSITION_ID, not {text!r}")
    position = position.strip()
    if position and not position.isdigit():
        raise UsageError(f"--match {owner.strip()!r}: {position!r} is not a position id")
    return owner.strip(), int(position) if position else None


def _refused(report: Any, export: Path) -> int:
    """One `error:` line: the first error, where it is and what it says."""
    errors = [finding for finding in report.findings if finding.severity.name == "ERROR"]
    if not errors:
        print(f"error: {export.name}: no deals can be read from it", file=sys.stderr)
        return EXIT_USAGE
    first = errors[0]
    where = first.where()
    print(f"error: {export.name}{': ' + where if where else ''}: {first.message}", file=sys.stderr)
    return EXIT_USAGE


def _progress(editor: Any) -> Progress:
    from revorg.model.actuals import store
    from revorg.model.actuals.scenario import scenario_progress

    session = editor.session
    bookings, _unreadable = store.plan_bookings(session)
    assigned = store.assignments_in(session, editor.scenario.id)
    return scenario_progress(session, editor.scenario, editor.summary(), bookings, assigned)


def _lines(
    read: DealsRead | None,
    plan: ImportPlan | None,
    progress: Progress,
    names: dict[int, str],
) -> list[str]:
    """What was read and the plan against it; `names`: "Raúl Jiménez (AE)" by position id."""
    from revorg.model.actuals.deals import DealKind, DealStatus

    lines = []
    if read is not None and plan is not None:
        lines.append(
            f"Read {len(read.deals)} deals ({read.source}): {read.count(DealStatus.WON)} won, "
            f"{read.count(DealStatus.LOST)} lost, {read.count(DealStatus.OPEN)} open; "
            f"{read.skipped_rows} rows left out, {read.footer_lines} report lines skipped"
        )
        lines.append(f"  {plan.added} new, {plan.changed} changed, {plan.unchanged} unchanged")
    through = progress.through_month
    if through is None:
        lines.append("No closed deal in the fiscal year yet.")
        return lines
    lines.append(f"Through {through}:")
    for label, kinds in (
        ("new business", (DealKind.NEW_BUSINESS,)),
        ("expansion", (DealKind.EXPANSION,)),
        ("renewals", (DealKind.RENEWAL,)),
    ):
        booked, target = progress.booked_to_date(kinds), progress.target_to_date(kinds)
        lines.append(f"  {label:<14}{booked:>14,.2f} of {target:,.2f}")
    for key, attainment in progress.departments.items():
        lines.append(f"  {key.replace('_', ' '):<18} attainment {_percent(attainment.ratio)}")
    lines.append(f"  forecast {progress.forecast():,.2f}; run rate {progress.run_rate():,.2f}")
    for team_id in names:  # in chart order
        attainment = progress.teams.get(team_id)
        if attainment is not None:
            lines.append(
                f"  team of {names[team_id]}: {attainment.booked:,.2f} of "
                f"{attainment.target:,.2f} ({_percent(attainment.ratio)})"
            )
    for matched in progress.matched:
        deals = "1 deal" if matched.deals == 1 else f"{matched.deals} deals"
        lines.append(
            f"  {matched.owner}: {names.get(matched.position_id, matched.position_id)} "
            f"({MATCHED_BY[matched.by]}; {deals}, {matched.won:,.2f} won)"
        )
    for owner in progress.unmatched:
        deals = "1 deal" if owner.deals == 1 else f"{owner.deals} deals"
        lines.append(f"  unmatched: {owner.owner} ({deals}, {owner.won:,.2f} won)")
    return lines


def _percent(ratio: Decimal | None) -> str:
    """An attainment as a percentage to one place, half up as the workbook rounds
    (0.3925 is 39.3%)."""
    if ratio is None:
        return "-"
    return f"{(ratio * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def _json(
    read: DealsRead | None, plan: ImportPlan | None, progress: Progress, report: Any
) -> dict[str, Any]:
    from revorg.model.actuals.deals import DealStatus
    from revorg.model.actuals.summary import progress_json

    result: dict[str, Any] = {"actuals": progress_json(progress)}
    if read is not None and plan is not None:
        result["import"] = {
            "source": str(read.source),
            "deals": len(read.deals),
            **{status.value: read.count(status) for status in DealStatus},
            "skipped_rows": read.skipped_rows,
            "report_lines": read.footer_lines,
            "added": plan.added,
            "changed": plan.changed,
            "unchanged": plan.unchanged,
            "findings": [str(finding) for finding in report.findings],
        }
    return result


def _ramp_checks(editor: Any, progress: Progress) -> list[Any]:
    from revorg.model.actuals.scenario import scenario_ramp_checks

    rows = list(editor.positions().values())
    return scenario_ramp_checks(editor.session, editor.scenario, progress, rows)


def _ramp_lines(checks: list[Any]) -> list[str]:
    """Is the ramp real? One line per role with hires in seat, and a suggestion if it differs."""
    lines = []
    for check in checks:
        shares = ", ".join(f"{point.observed:.0%}" for point in check.points)
        assumed = ", ".join(f"{point.assumed:.0%}" for point in check.points)
        line = (
            f"  ramp of {check.role_key}: months in seat {shares} of a full month "
            f"(assumed {assumed}, {check.ramp_months} months)"
        )
        if check.suggested is not None:
            line += f"; a {check.suggested}-month ramp fits better"
        lines.append(line)
    return lines


def _ramp_json(check: Any) -> dict[str, Any]:
    from revorg.model.money import json_number

    return {
        "role": check.role_key,
        "ramp_months": check.ramp_months,
        "suggested_ramp_months": check.suggested,
        "gap": json_number(check.gap),
        "months_in_seat": [
            {
                "month": point.month_in_seat,
                "people": point.people,
                "observed": json_number(point.observed),
                "assumed": json_number(point.assumed),
            }
            for point in check.points
        ],
    }
