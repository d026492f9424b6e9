"""The Roles sheet, and the role of an Org row: by key, name or alias, else a custom role."""

from __future__ import annotations

from decimal import Decimal

from revorg.io.messages import Listed
from revorg.io.role_match import custom_role_key, role_matcher
from revorg.io.values import decimal_mark, parse_number
from revorg.io.xlsx_import.cells import (
    NEGATIVE_COST,
    RoleRow,
    SheetRow,
    SheetTable,
    Where,
    as_boolean,
)
from revorg.io.xlsx_import.targets import TargetsReader
from revorg.io.xlsx_layout import OPEN_WORDS, ROLE_COLUMNS, ROLES, fold
from revorg.model.capacity import PLAN_WIDE
from revorg.model.catalogue import CAPACITY_KINDS, FUNNEL_STAGES, department_specs, role_specs
from revorg.model.errors import QT_TRANSLATE_NOOP
from revorg.model.money import to_money

MAX_KEY_LENGTH = 60


class RolesReader(TargetsReader):
    """The Roles sheet and the roles of Org rows."""

    def _roles(self) -> None:
        for spec in role_specs():
            self.roles[spec.key] = RoleRow(
                key=spec.key,
                department_key=spec.department,
                funnel_stage=spec.funnel_stage,
                capacity_kind=spec.capacity_kind,
                is_leader=spec.is_leader,
                is_custom=False,
                names=dict(spec.names),
                shorts=dict(spec.shorts),
                descriptions=dict(spec.descriptions),
                default_annual_cost=spec.default_annual_cost,
            )
            for language, aliases in spec.aliases.items():
                del language
                for alias in aliases:
                    self.role_names.setdefault(fold(alias), spec.key)
        if ROLES not in self.book.workbook.sheetnames:
            self.report.note(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "no Roles sheet: the built-in role catalogue is used"
                ),
                sheet=ROLES,
            )
        else:
            self._role_rows()
        for role in self.roles.values():
            for text in (*role.names.values(), *role.shorts.values(), role.key):
                if text:
                    self.role_names[fold(text)] = role.key
        self.content.roles = list(self.roles.values())

    def _role_rows(self) -> None:
        table = SheetTable(self, ROLES, ROLE_COLUMNS)
        if not table.ok(("key", "name_en", "department", "kind")):
            return
        seen: dict[str, int] = {}
        ordered: list[RoleRow] = []
        rows = list(table.rows())
        mark = decimal_mark(row.raw("default_cost") for row in rows)
        for row in rows:
            key = row.text("key")
            if not key:
                self.error(
                    QT_TRANSLATE_NOOP("ImportFinding", "a role needs a key"), row.where("key")
                )
                continue
            if key in seen:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "the role key {key} is also on row {first_row}"
                    ),
                    row.where("key"),
                    key=repr(key),
                    first_row=seen[key],
                )
                continue
            seen[key] = row.number
            if key == PLAN_WIDE or len(key) > MAX_KEY_LENGTH:
                self.error(
                    QT_TRANSLATE_NOOP("ImportFinding", "not a role key: {key}"),
                    row.where("key"),
                    key=repr(key),
                )
                continue
            department = self._department(row.text("department"), row.where("department"))
            kind = row.text("kind") or "none"
            if kind not in CAPACITY_KINDS:
                self.error(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "unknown capacity kind {kind} (one of: {kinds})"
                    ),
                    row.where("kind"),
                    kind=repr(kind),
                    kinds=Listed(tuple(CAPACITY_KINDS)),
                )
                continue
            stage = row.text("funnel_stage") or "all"
            if stage not in FUNNEL_STAGES:
                self.warning(
                    QT_TRANSLATE_NOOP(
                        "ImportFinding", "unknown funnel stage {stage}: 'all' is used"
                    ),
                    row.where("kind"),
                    stage=repr(stage),
                )
                stage = "all"
            cost = row.parsed("default_cost", lambda v: parse_number(v, mark))
            if cost is not None and cost < 0:
                self.error(NEGATIVE_COST, row.where("default_cost"), cost=cost)
            builtin = self.roles.get(key)
            role = RoleRow(
                key=key,
                department_key=department or "",
                funnel_stage=stage,
                capacity_kind=kind,
                is_leader=bool(row.parsed("is_leader", as_boolean)),
                is_custom=builtin is None
                or builtin.is_custom
                or bool(row.parsed("is_custom", as_boolean)),
                names={lang: row.text(f"name_{lang}") or "" for lang in OPEN_WORDS},
                shorts={lang: row.text(f"short_{lang}") or "" for lang in OPEN_WORDS},
                descriptions={lang: row.text(f"description_{lang}") or "" for lang in OPEN_WORDS},
                default_annual_cost=to_money(cost)
                if cost is not None and cost >= 0
                else Decimal(0),
            )
            if not role.names["en"]:
                role.names["en"] = key
            ordered.append(role)
        # The sheet's order first (it is the catalogue order), then roles it left out.
        others = {key: role for key, role in self.roles.items() if key not in seen}
        self.roles = {role.key: role for role in ordered} | others

    def _department(self, text: str | None, where: Where) -> str | None:
        if not text:
            self.error(QT_TRANSLATE_NOOP("ImportFinding", "a department is needed"), where)
            return None
        key = self.department_keys.get(fold(text))
        if key is None:
            choices = Listed(tuple(spec.key for spec in department_specs()))
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding", "unknown department {department} (one of: {keys})"
                ),
                where,
                department=repr(text),
                keys=choices,
            )
        return key

    def _role_of(self, row: SheetRow, department: str | None) -> str | None:
        """The row's role key: by key, else by name or alias; an unknown role becomes a custom
        role without capacity (warned)."""
        typed = row.text("role_key") if row.has("role_key") else None
        named = row.text("role") if row.has("role") and not row.is_formula("role") else None
        where = row.where("role_key" if row.has("role_key") else "role")
        for text in (typed, named):
            if text and text in self.roles:
                return text
            if text and fold(text) in self.role_names:
                return self.role_names[fold(text)]
        for text in (typed, named):  # the roster's words: "Ejecutiva de cuentas" is an AE
            found = role_matcher().match(text) if text else None
            if found is not None and found.exact and found.role_key in self.roles:
                return found.role_key
        text = typed or named
        if not text:
            self.error(QT_TRANSLATE_NOOP("ImportFinding", "a position needs a role"), where)
            return None
        if department is None:
            self.error(
                QT_TRANSLATE_NOOP(
                    "ImportFinding",
                    "unknown role {role}: name a department for it, or add it to the Roles sheet",
                ),
                where,
                role=repr(text),
            )
            return None
        key = custom_role_key(text, self.roles)
        self.roles[key] = RoleRow(key=key, department_key=department, names={"en": text})
        self.role_names[fold(text)] = key
        self.content.roles.append(self.roles[key])
        self.warning(
            QT_TRANSLATE_NOOP(
                "ImportFinding",
                "unknown role {role}: added as the custom role {key} without capacity (give it a "
                "capacity kind on the Roles sheet)",
            ),
            where,
            role=repr(text),
            key=repr(key),
        )
        return key
