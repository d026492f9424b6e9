"""Ids, emails and managers of a roster's rows: duplicates, references and cycles."""

from __future__ import annotations

from collections import defaultdict

from revorg.io.messages import Listed, joined_with_and, phrase
from revorg.io.report import Severity
from revorg.io.roster.entry import Entry
from revorg.io.roster.findings import MAX_LISTED, RosterFindings
from revorg.io.roster.headings import Columns
from revorg.io.roster.options import RosterOptionError
from revorg.io.values.text import normalize
from revorg.model.emails import email_key
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.org_tree import OrgTree


class LinkChecks(RosterFindings):
    """Every id and email once; each manager found by id, email or unique name; no cycles."""

    def _check_ids(self, entries: list[Entry], columns: Columns) -> None:
        if "id" in columns.index:
            seen: dict[str, int] = {}
            for entry in entries:
                if entry.id is None:
                    continue
                key = entry.id.casefold()
                if key in seen:
                    self.error(
                        "duplicate id",
                        QT_TRANSLATE_NOOP(
                            "ImportFinding",
                            "id {id} is also on row {first_row}: ids must be unique",
                        ),
                        entry.row,
                        columns.heading("id"),
                        id=repr(entry.id),
                        first_row=seen[key],
                    )
                else:
                    seen[key] = entry.row
        if "email" in columns.index:
            first: dict[str, int] = {}
            for entry in entries:
                if entry.email is None:
                    continue
                key = email_key(entry.email)  # case is kept as given, and ignored here
                if key in first:
                    also = QT_TRANSLATE_NOOP(
                        "ImportFinding", "email {email} is also on row {first_row}"
                    )
                    said = phrase(also, email=repr(entry.email), first_row=first[key])
                    self.add(
                        Severity.WARNING,
                        "duplicate email",
                        said,
                        entry.row,
                        columns.heading("email"),
                    )
                else:
                    first[key] = entry.row

    def _link_managers(self, entries: list[Entry], columns: Columns) -> None:
        if "manager" not in columns.index:
            return
        heading = columns.heading("manager")
        by_id: dict[str, int] = {}
        by_email: dict[str, list[int]] = defaultdict(list)
        by_name: dict[str, list[int]] = defaultdict(list)
        for number, entry in enumerate(entries):
            if entry.id is not None:
                by_id.setdefault(entry.id.casefold(), number)
            if entry.email is not None:
                by_email[email_key(entry.email)].append(number)
            if entry.name is not None:
                by_name[normalize(entry.name)].append(number)
        for number, entry in enumerate(entries):
            if entry.manager is None:
                continue
            reference = entry.manager
            found: list[int] = []
            if reference.casefold() in by_id:
                found = [by_id[reference.casefold()]]
            elif "@" in reference:
                found = by_email.get(reference.casefold(), [])
            if not found:
                found = by_name.get(normalize(reference), [])
            if not found:
                self.error(
                    "manager not found",
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "manager {manager} not found: no row has this id, email or name",
                    ),
                    entry.row,
                    heading,
                    manager=repr(reference),
                )
            elif len(found) > 1:
                self.error(
                    "ambiguous manager",
                    QT_TRANSLATE_NOOP(
                        "ImportFinding",
                        "manager {manager} is ambiguous: rows {rows} match; give the manager's id "
                        "or email instead",
                    ),
                    entry.row,
                    heading,
                    manager=repr(reference),
                    rows=joined_with_and(entries[i].row for i in found[:MAX_LISTED]),
                )
            elif found[0] == number:
                themselves = QT_TRANSLATE_NOOP("ImportFinding", "{person} reports to themselves")
                self.error("self", themselves, entry.row, heading, person=entry.label())
            else:
                entry.parent = found[0]

    def _check_cycles(self, entries: list[Entry], columns: Columns) -> None:
        """Each reporting loop is an error, then cut: its members get no manager."""
        tree = OrgTree.of_links((number, entry.parent) for number, entry in enumerate(entries))
        for loop in tree.cycles():
            names = Listed(tuple(entries[i].label() for i in [*loop, loop[0]]), " -> ")
            self.error(
                "cycle",
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "reporting cycle: {people}; someone in it must report to a person outside it",
                ),
                min(entries[i].row for i in loop),
                columns.heading("manager"),
                people=names,
            )
            for i in loop:
                entries[i].parent = None

    def _branch(self, entries: list[Entry], root: str) -> list[Entry]:
        """Only `root` (an id, email or name) and everybody under them, in roster order."""
        wanted = root.strip()
        found = [n for n, e in enumerate(entries) if e.id and e.id.casefold() == wanted.casefold()]
        if not found and "@" in wanted:
            found = [n for n, e in enumerate(entries) if email_key(e.email) == wanted.casefold()]
        if not found:
            name = normalize(wanted)
            found = [n for n, e in enumerate(entries) if e.name and normalize(e.name) == name]
        if not found:
            raise RosterOptionError(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "no row has the id, email or name {root}: nobody to import"
                ),
                root=repr(wanted),
            )
        if len(found) > 1:
            raise RosterOptionError(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "{root} is ambiguous: rows {rows} match; give the person's id or email instead",
                ),
                root=repr(wanted),
                rows=joined_with_and(entries[i].row for i in found[:MAX_LISTED]),
            )
        top = found[0]
        tree = OrgTree.of_links((number, entry.parent) for number, entry in enumerate(entries))
        kept = sorted(tree.subtree(top))
        place = {old: new for new, old in enumerate(kept)}
        branch = []
        for old in kept:
            entry = entries[old]
            entry.parent = None if old == top or entry.parent is None else place[entry.parent]
            branch.append(entry)
        self.report.note(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "only the organisation of {person} is imported: {count} of {total} rows",
            ),
            sheet=self.sheet,
            row=entries[top].row,
            person=entries[top].label(),
            count=len(branch),
            total=len(entries),
        )
        return branch
