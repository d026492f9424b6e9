"""The plan a roster makes: roles and departments assigned, positions written."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from revorg.io.draft import DRAFT_SCENARIO, DraftPlan, build_plan
from revorg.io.messages import Localized, Phrase, phrase
from revorg.io.report import Severity
from revorg.io.role_match import custom_role_key
from revorg.io.roster.entry import Entry
from revorg.io.roster.findings import listed_rows
from revorg.io.roster.headings import Columns
from revorg.io.roster.links import LinkChecks
from revorg.io.roster.roles import (
    LEADER_CJK,
    LEADER_WORDS,
    OTHER_DEPARTMENTS,
    OUTSIDE_ROLE,
    DepartmentMatcher,
    guess_department,
    role_matcher,
    title_words,
)
from revorg.io.values.text import normalize
from revorg.model.catalogue import department_specs, role_specs, staff_role_keys
from revorg.model.document import PlanDocument
from revorg.model.entities import RoleType
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.months import FiscalYear, YearMonth
from revorg.model.org_tree import OrgTree
from revorg.model.photos import Photo, write_photo
from revorg.model.rows import position_row


class PlanBuilder(LinkChecks):
    """Roles and departments of the checked entries, then the new plan."""

    source: Path
    template: str
    fiscal_year: int
    fiscal: FiscalYear
    custom: dict[str, CustomRole]  # by normalised title
    stated_currency: str | None  # the currency the costs state (None: the template's)
    photos: dict[str, Photo]  # the Photo column's, by the lineage of the person's position

    def _assign_roles(self, entries: list[Entry], columns: Columns) -> None:
        matcher = role_matcher()
        departments = DepartmentMatcher()
        dept_heading = columns.heading("department") if "department" in columns.index else None
        title_heading = columns.heading("title")
        unknown_departments: dict[str, int] = {}
        inexact: dict[str, tuple[str, int]] = {}
        moved: dict[tuple[str, str, bool], tuple[int, int]] = {}  # -> (first row, count)
        specs = {spec.key: spec for spec in role_specs()}
        taken = set(specs)  # catalogue keys, then each custom role's
        outside: list[Entry] = []
        for entry in entries:
            named_department = None
            if entry.department is not None:
                named_department = departments.match(entry.department)
            found = matcher.match(entry.title)
            # No revenue role, and a department that is no revenue function (or none, and a
            # title whose words suggest none): outside the revenue organisation.
            if (
                found.role_key is None
                and named_department is None
                and (entry.department is not None or guess_department(entry.title) is None)
            ):
                entry.role_key = OUTSIDE_ROLE
                entry.department_key = specs[OUTSIDE_ROLE].department
                outside.append(entry)
                continue
            if entry.department is not None and named_department is None:
                unknown_departments.setdefault(entry.department, entry.row)
            if found.role_key is not None:
                entry.role_key = found.role_key
                home = specs[found.role_key].department
                entry.department_key = home
                if not found.exact:
                    inexact.setdefault(entry.title, (found.role_key, entry.row))
                if named_department is not None and named_department != home:
                    allowed = named_department in OTHER_DEPARTMENTS.get(found.role_key, ())
                    if allowed:
                        entry.department_key = named_department
                    pair = (found.role_key, named_department, allowed)
                    first, count = moved.get(pair, (entry.row, 0))
                    moved[pair] = (first, count + 1)
                continue
            key = normalize(entry.title)
            custom = self.custom.get(key)
            if custom is None:
                department = named_department or guess_department(entry.title)
                custom = self.custom[key] = CustomRole(
                    key=custom_role_key(entry.title, taken),
                    title=entry.title,
                    department_key=department or specs[OUTSIDE_ROLE].department,  # not reached
                    guessed=named_department is None,
                    first_row=entry.row,
                    cost=entry.cost,
                )
                taken.add(custom.key)
            custom.count += 1
            entry.role_key = custom.key
            entry.department_key = named_department or custom.department_key
        names = {spec.key: Localized(spec.names) for spec in role_specs()}
        dept_names = {spec.key: Localized(spec.names) for spec in department_specs()}
        read_as = QT_TRANSLATE_NOOP("ImportFinding", "title {title} read as the role {role}")
        for title, (role_key, row) in inexact.items():
            said = phrase(read_as, title=repr(title), role=names[role_key])
            self.add(Severity.NOTE, "inexact", said, row, title_heading)
        for custom in self.custom.values():
            said = _custom_note(custom, dept_names)
            self.add(Severity.NOTE, "custom", said, custom.first_row, title_heading)
        for (role_key, department_key, allowed), (row, count) in moved.items():
            said = phrase(
                MOVED[allowed][0 if count == 1 else 1],
                count=count,
                role=names[role_key],
                department=dept_names[department_key],
                home=dept_names[specs[role_key].department],
            )
            self.add(Severity.NOTE, "department", said, row, dept_heading)
        none_of = QT_TRANSLATE_NOOP(
            "ImportFinding",
            "department {department} is none of Executive, Marketing, Sales, Customer Success, "
            "Revenue Operations: the role's department is used",
        )
        for text, row in unknown_departments.items():
            said = phrase(none_of, department=repr(text))
            self.add(Severity.NOTE, "unknown department", said, row, dept_heading)
        if outside:
            said = phrase(OUTSIDE[0 if len(outside) == 1 else 1], count=len(outside))
            self.add(Severity.NOTE, "outside", said, outside[0].row, title_heading)

    def _note_roots(self, entries: list[Entry], columns: Columns) -> None:
        roots = [entry for entry in entries if entry.parent is None]
        if len(roots) > 1:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "{count} rows have no manager (rows {rows}): each heads its own chart",
                ),
                sheet=self.sheet,
                row=roots[0].row,
                column=columns.heading("manager") if "manager" in columns.index else None,
                count=len(roots),
                rows=listed_rows([entry.row for entry in roots]),
            )

    # --- the plan -------------------------------------------------------------------------

    def _build(self, entries: list[Entry]) -> PlanDocument:
        """The plan: the template's targets and assumptions, the roster's people and roles."""
        default_cost = {spec.key: spec.default_annual_cost for spec in role_specs()}
        roles = []
        for order, custom in enumerate(self.custom.values()):
            cost = custom.cost if custom.cost is not None else Decimal(0)
            default_cost[custom.key] = cost
            roles.append(custom.entity(1000 + order, cost, self.source.name))
        draft = DraftPlan(
            template=self.template,
            fiscal_year=self.fiscal_year,
            name=self.source.stem,
            positions=self._position_rows(entries, DRAFT_SCENARIO, default_cost),
            roles=roles,
            currency=self.stated_currency,
        )
        document = build_plan(draft)
        write_roster_photos(document, self.photos)
        return document

    def _position_rows(
        self, entries: list[Entry], scenario_id: int, default_cost: dict[str, Decimal]
    ) -> list[dict[str, Any]]:
        """Rows in pre-order (every manager before its reports), reports in roster order."""
        tree = OrgTree.of_links((number, entry.parent) for number, entry in enumerate(entries))
        places = tree.places()
        self.photos = {}
        ids: dict[int, int] = {}
        rows: list[dict[str, Any]] = []
        named_starts: list[Entry] = []
        for number in tree.preorder():
            entry = entries[number]
            ids[number] = len(rows) + 1
            start_month = None
            notes = []
            if entry.id:
                notes.append(f"Id: {entry.id}")
            if entry.start is not None:
                month = YearMonth(entry.start.year, entry.start.month)
                if entry.name is None:
                    start_month = max(month, self.fiscal.first)
                elif month >= self.fiscal.first:
                    notes.append(f"Starts {entry.start.isoformat()}")
                    named_starts.append(entry)
            rows.append(
                position_row(
                    id=ids[number],
                    scenario_id=scenario_id,
                    title=entry.title,
                    role_key=entry.role_key,
                    department_key=entry.department_key,
                    manager_id=None if entry.parent is None else ids[entry.parent],
                    person_name=entry.name,
                    start_month=start_month,
                    annual_cost=default_cost[entry.role_key] if entry.cost is None else entry.cost,
                    notes="; ".join(notes),
                    sort_order=places[number],
                    email=entry.email,
                    staff=entry.parent is not None and _is_staff(entry),
                )
            )
            if entry.photo is not None:
                self.photos[rows[-1]["lineage"]] = entry.photo
        self._note_defaults(entries, named_starts)
        return rows

    def _note_defaults(self, entries: list[Entry], named_starts: list[Entry]) -> None:
        blank_costs = [entry.row for entry in entries if entry.cost is None]
        if blank_costs:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "{count} row without a cost: it takes the role's default cost"
                )
                if len(blank_costs) == 1
                else QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "{count} rows without a cost: they take the role's default cost",
                ),
                sheet=self.sheet,
                row=blank_costs[0],
                count=len(blank_costs),
            )
        if named_starts:
            first = min(named_starts, key=lambda entry: entry.row)
            self.report.note(
                NAMED_STARTS[0 if len(named_starts) == 1 else 1],
                sheet=self.sheet,
                row=first.row,
                count=len(named_starts),
                year=self.fiscal_year,
                person=first.label(),
            )


# A catalogue role's positions where the Department column puts them (True) or not (False);
# each for one position and for several.
MOVED = {
    True: (
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} position placed in {department}, as the Department column says",
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} positions placed in {department}, as the Department column says",
        ),
    ),
    False: (
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} position kept in {home}, the role's department, although the "
            "Department column says {department}",
        ),
        QT_TRANSLATE_NOOP(
            "ImportFinding",
            "{count} {role} positions kept in {home}, the role's department, although the "
            "Department column says {department}",
        ),
    ),
}
# People who went to Outside revenue; for one and for several.
OUTSIDE = (
    QT_TRANSLATE_NOOP(
        "ImportFinding",
        "{count} person placed in Outside revenue: the title matches no revenue role and the "
        "department is no revenue function; shown on the chart, not counted in revenue cost, "
        "CAC or capacity",
    ),
    QT_TRANSLATE_NOOP(
        "ImportFinding",
        "{count} people placed in Outside revenue: their titles match no revenue role and their "
        "departments are no revenue function; shown on the chart, not counted in revenue cost, "
        "CAC or capacity",
    ),
)
NAMED_STARTS = (
    QT_TRANSLATE_NOOP(
        "ImportFinding",
        "{count} named person starts in or after fiscal year {year}, first {person}: named people "
        "count for the whole year (the start date is in the position's notes); clear the name to "
        "plan an open hire from that month",
    ),
    QT_TRANSLATE_NOOP(
        "ImportFinding",
        "{count} named people start in or after fiscal year {year}, first {person}: named people "
        "count for the whole year (the start date is in the position's notes); clear the name to "
        "plan an open hire from that month",
    ),
)


def _custom_note(custom: CustomRole, dept_names: dict[str, Localized]) -> Phrase:
    """A title that matches no role: where its custom role went, and why there."""
    if custom.guessed:
        why = QT_TRANSLATE_NOOP("ImportFinding", "guessed from the title")
    else:
        why = QT_TRANSLATE_NOOP("ImportFinding", "from the Department column")
    if custom.count == 1:
        template = QT_TRANSLATE_NOOP(
            "ImportFinding",
            "title {title} matches no role of the catalogue: added as a custom role in "
            "{department} ({why}; no capacity), {count} position",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "ImportFinding",
            "title {title} matches no role of the catalogue: added as a custom role in "
            "{department} ({why}; no capacity), {count} positions",
        )
    return phrase(
        template,
        title=repr(custom.title),
        department=dept_names[custom.department_key],
        why=phrase(why),
        count=custom.count,
    )


@dataclass
class CustomRole:
    key: str
    title: str
    department_key: str
    guessed: bool
    first_row: int
    cost: Decimal | None
    count: int = 0

    def entity(self, sort_order: int, cost: Decimal, source: str) -> RoleType:
        words = title_words(self.title)
        leader = bool(words.latin & LEADER_WORDS) or any(
            marker in run for run in words.other for marker in LEADER_CJK
        )
        return RoleType(
            key=self.key,
            department_key=self.department_key,
            funnel_stage="all",
            capacity_kind="none",
            is_leader=leader,
            is_custom=True,
            name_en=self.title,
            name_es=self.title,
            name_zh=self.title,
            description_en=f"Custom role from {source}",
            default_annual_cost=cost,
            sort_order=sort_order,
        )


def write_roster_photos(document: PlanDocument, photos: dict[str, Photo]) -> None:
    """The roster's photos into its new plan, by lineage (the import's first log step then
    records them: revorg.model.history.recording.record_import)."""
    for lineage, photo in photos.items():
        write_photo(document.session, lineage, photo)
    if photos:
        document.session.flush()


def _is_staff(entry: Entry) -> bool:
    """Staff as the roster says, else as its role is when dropped under a manager."""
    if entry.staff is not None:
        return entry.staff
    return entry.role_key in staff_role_keys()
