"""The plan as SQLAlchemy 2.0 typed ORM entities; one .revorg file holds one Plan.

Money is stored as integer cents and rates as decimal text, so nothing passes through float.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from revorg.model.money import from_cents, to_cents
from revorg.model.months import YearMonth
from revorg.model.vocabulary import LANGUAGES as LANGUAGES  # where it was defined before
from revorg.model.vocabulary import in_language


class Money(TypeDecorator[Decimal]):
    """Decimal money in the model, integer cents in SQLite."""

    impl = Integer
    cache_ok = True
    stored_form = "cents"  # as the checks at open read it: store.columns

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_cents(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_cents(value)


class DecimalText(TypeDecorator[Decimal]):
    """An exact Decimal (rates, capacities) kept as text: SQLite has no decimal type."""

    impl = String
    cache_ok = True
    stored_form = "decimal_text"  # as the checks at open read it: store.columns

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class YearMonthText(TypeDecorator[YearMonth]):
    """A YearMonth kept as "YYYY-MM"."""

    impl = String(7)
    cache_ok = True
    stored_form = "year_month_text"  # as the checks at open read it: store.columns

    def process_bind_param(self, value: YearMonth | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> YearMonth | None:
        return None if value is None else YearMonth.parse(value)


class Base(DeclarativeBase):
    pass


class Plan(Base):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    fiscal_year: Mapped[int]
    fiscal_start_month: Mapped[int] = mapped_column(default=1)

    # The scenarios a user works on: tabs, pickers, `--scenario`, copies. Snapshots are
    # scenario rows too (frozen copies, format 6) but never listed here: this join is the one
    # place that keeps them apart, so every list of scenarios leaves them out without a check.
    scenarios: Mapped[list[Scenario]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        order_by="Scenario.sort_order",
        primaryjoin="and_(Plan.id == Scenario.plan_id, Scenario.snapshot_at.is_(None))",
    )
    # The frozen copies (revorg.model.snapshots), oldest first; read only.
    snapshots: Mapped[list[Scenario]] = relationship(
        viewonly=True,
        order_by="(Scenario.snapshot_at, Scenario.id)",
        primaryjoin="and_(Plan.id == Scenario.plan_id, Scenario.snapshot_at.is_not(None))",
    )

    __table_args__ = (CheckConstraint("fiscal_start_month BETWEEN 1 AND 12"),)

    def scenario_named(self, name: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.name == name), None)

    def snapshot_named(self, name: str) -> Scenario | None:
        return next((s for s in self.snapshots if s.name == name), None)


class Department(Base):
    """One of the five functions of a revenue organisation (DOMAIN.md)."""

    __tablename__ = "departments"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_es: Mapped[str] = mapped_column(Text)
    name_zh: Mapped[str] = mapped_column(Text)
    color: Mapped[str] = mapped_column(String(7))
    sort_order: Mapped[int] = mapped_column(default=0)

    def name(self, language: str = "en") -> str:
        return in_language(self, "name", language)


class RoleType(Base):
    """A role of the catalogue (stable key such as "ae"), or a custom role a user added."""

    __tablename__ = "role_types"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    department_key: Mapped[str] = mapped_column(ForeignKey("departments.key"))
    funnel_stage: Mapped[str] = mapped_column(String(20), default="all")
    capacity_kind: Mapped[str] = mapped_column(String(30), default="none")
    is_leader: Mapped[bool] = mapped_column(default=False)
    is_custom: Mapped[bool] = mapped_column(default=False)
    name_en: Mapped[str] = mapped_column(Text)
    name_es: Mapped[str] = mapped_column(Text, default="")
    name_zh: Mapped[str] = mapped_column(Text, default="")
    short_en: Mapped[str] = mapped_column(Text, default="")
    short_es: Mapped[str] = mapped_column(Text, default="")
    short_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_es: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    default_annual_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    sort_order: Mapped[int] = mapped_column(default=0)

    department: Mapped[Department] = relationship()

    def name(self, language: str = "en") -> str:
        return in_language(self, "name", language)

    def short(self, language: str = "en") -> str:
        return str(getattr(self, f"short_{language}", None) or self.short_en or self.name_en)

    def description(self, language: str = "en") -> str:
        return str(getattr(self, f"description_{language}", None) or self.description_en)


class Scenario(Base):
    """A version of the organisation and its targets; every position belongs to one."""

    __tablename__ = "scenarios"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(default=0)
    # A snapshot (format 6): when it was taken (UTC, ISO 8601 to the second), by whom, and the
    # name its scenario had then. None in the scenarios a user works on; a snapshot is never
    # edited (revorg.model.snapshots). Names are shared: a snapshot and a scenario cannot have
    # the same one.
    snapshot_at: Mapped[str | None] = mapped_column(Text, default=None)
    snapshot_by: Mapped[str | None] = mapped_column(Text, default=None)
    snapshot_of: Mapped[str | None] = mapped_column(Text, default=None)

    plan: Mapped[Plan] = relationship(back_populates="scenarios")
    targets: Mapped[Targets] = relationship(
        back_populates="scenario", cascade="all, delete-orphan", uselist=False
    )
    positions: Mapped[list[Position]] = relationship(
        back_populates="scenario",
        cascade="all, delete-orphan",
        order_by="Position.id",
        foreign_keys="Position.scenario_id",
    )
    dotted_lines: Mapped[list[DottedLine]] = relationship(
        back_populates="scenario", cascade="all, delete-orphan", order_by="DottedLine.id"
    )
    assumptions: Mapped[list[Assumption]] = relationship(
        back_populates="scenario",
        cascade="all, delete-orphan",
        order_by="(Assumption.role_key, Assumption.metric)",
    )

    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    @property
    def is_snapshot(self) -> bool:
        return self.snapshot_at is not None


class Targets(Base):
    """The driver inputs of a scenario (seed 002): goal, leads, close rate, deal size, retention."""

    __tablename__ = "targets"

    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True
    )
    goal: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    leads: Mapped[int] = mapped_column(default=0)
    close_rate: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    average_deal: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    base_revenue: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    retention: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    expansion: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    # The seasonality of bookings: twelve monthly weights in percent, "5,7.5,12.5,..."
    # (revorg.model.seasonality); None: flat. Added in format 4.
    seasonality: Mapped[str | None] = mapped_column(Text, default=None)

    scenario: Mapped[Scenario] = relationship(back_populates="targets")

    __table_args__ = (CheckConstraint("leads >= 0"),)


class Position(Base):
    """A card on the chart: one person, a vacancy, or a group ("SDR x 6") of the same role."""

    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    role_key: Mapped[str] = mapped_column(ForeignKey("role_types.key"))
    department_key: Mapped[str] = mapped_column(ForeignKey("departments.key"))
    # Deferred: a subtree can be deleted or restored row by row within one transaction.
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("positions.id", deferrable=True, initially="DEFERRED"), default=None
    )
    # None or "" means the position is open (a vacancy to hire).
    person_name: Mapped[str | None] = mapped_column(Text, default=None)
    headcount: Mapped[int] = mapped_column(default=1)
    # Only meaningful for open positions: the month the hire starts.
    start_month: Mapped[YearMonth | None] = mapped_column(YearMonthText, default=None)
    # Fully loaded cost of one head for a full year; a group costs headcount times this.
    annual_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    capacity_override: Mapped[Decimal | None] = mapped_column(DecimalText, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Order among the manager's direct reports, left to right on the chart.
    sort_order: Mapped[int] = mapped_column(default=0)
    # The same position across scenarios: a scenario copy keeps it, so that two scenarios can be
    # compared card by card. None in rows made before format 3 (compare then uses the id).
    lineage: Mapped[str | None] = mapped_column(Text, default=None)
    # Format 8. The person's email, as a roster gives it: CRM deals name their owner by email.
    email: Mapped[str | None] = mapped_column(Text, default=None)
    # Format 8. Staff of the manager (an executive assistant, a chief of staff, a deal desk):
    # drawn beside the manager rather than in the team row; still counted in the manager's span
    # and cost. The server default lets older files gain the column with ALTER TABLE.
    staff: Mapped[bool] = mapped_column(default=False, server_default=text("0"))

    scenario: Mapped[Scenario] = relationship(back_populates="positions")
    role: Mapped[RoleType] = relationship()
    department: Mapped[Department] = relationship()

    __table_args__ = (
        CheckConstraint("headcount >= 1"),
        CheckConstraint("manager_id IS NULL OR manager_id != id"),
        Index("ix_positions_scenario_manager", "scenario_id", "manager_id"),
    )

    @property
    def is_open(self) -> bool:
        return not (self.person_name or "").strip()

    def __repr__(self) -> str:
        return f"Position(id={self.id!r}, title={self.title!r}, manager_id={self.manager_id!r})"


class DottedLine(Base):
    """A secondary (dotted) reporting line from one position to another."""

    __tablename__ = "dotted_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"))
    from_position_id: Mapped[int] = mapped_column(ForeignKey("positions.id", ondelete="CASCADE"))
    to_position_id: Mapped[int] = mapped_column(ForeignKey("positions.id", ondelete="CASCADE"))

    scenario: Mapped[Scenario] = relationship(back_populates="dotted_lines")

    __table_args__ = (
        UniqueConstraint("from_position_id", "to_position_id"),
        CheckConstraint("from_position_id != to_position_id"),
    )


class Assumption(Base):
    """A planning assumption of a scenario (an AE's quota, a CSM's book...), with its source.

    role_key "*" holds plan-wide values such as the meeting-to-win rate.
    """

    __tablename__ = "assumptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"))
    role_key: Mapped[str] = mapped_column(String(60))
    metric: Mapped[str] = mapped_column(String(40))
    value: Mapped[Decimal] = mapped_column(DecimalText)
    source: Mapped[str] = mapped_column(Text, default="")

    scenario: Mapped[Scenario] = relationship(back_populates="assumptions")

    __table_args__ = (UniqueConstraint("scenario_id", "role_key", "metric"),)


# --- the change log (format 5; revorg.model.history) ------------------------------------------
# Tables, not mapped classes: the log is written and read with SQL by revorg.model.history and
# never loaded by the ORM, so opening, reading and comparing plans never touch it. Scenario ids
# have no foreign key: a scenario can be deleted and its steps stay. Values are JSON text, so a
# damaged row is reported by the log's checks instead of refusing the whole plan (check_values
# skips LOG_TABLES).

history_steps = Table(
    "history_steps",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),  # UTC, ISO 8601 to the second: 2027-01-31T09:30:00Z
    Column("who", Text, nullable=False),
    Column("scenario_id", Integer, nullable=False),
    Column("text", Text, nullable=False),  # the step's name: its template ("Edit %1")
    Column("text_values", Text, nullable=False),  # and the template's values, as JSON
    Column("direction", String(4), nullable=False),  # do, undo, redo
    Column("previous_hash", LargeBinary, nullable=False),  # sha256 of the step before
    Column("hash", LargeBinary, nullable=False),  # sha256 of this step (history.chain)
)

history_changes = Table(
    "history_changes",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    # No foreign key: rows another program left without their step must not stop a save
    # (the check of the log reports them instead).
    Column("step_id", Integer, nullable=False),
    Column("scenario_id", Integer, nullable=False),
    Column("record", String(20), nullable=False),  # a RecordKind: position, target...
    Column("record_id", Text, nullable=False),  # JSON: 12, or "text"
    Column("field", Text, nullable=False),  # "*": the record added or removed as a whole
    Column("old", Text, nullable=False),  # JSON
    Column("new", Text, nullable=False),  # JSON
    Index("ix_history_changes_step", "step_id"),
    Index("ix_history_changes_record", "record", "record_id"),
)

# One row: where the chain starts (the previous hash of the first step kept after a compaction,
# 32 zero bytes before any) and where it ends (the last step's hash: a step cut off the end is
# seen).
history_chain = Table(
    "history_chain",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("anchor", LargeBinary, nullable=False),
    Column("head", LargeBinary, nullable=False),
    Column("compacted_before", Text),  # the date of the last compaction's cut, or NULL
    Column("dropped", Integer, nullable=False, default=0),  # steps dropped by compactions
    Column("last_dropped_id", Integer),  # step ids are never given twice, even after a cut
)

LOG_TABLES = frozenset({"history_steps", "history_changes", "history_chain"})

# --- actuals (format 7; revorg.model.actuals) --------------------------------------------------
# Deals imported from a CRM are facts of the plan, not of a scenario: every scenario is compared
# with the same bookings. Tables read and written with SQL by revorg.model.actuals.store; money
# as exact decimal text, dates as ISO text.

deals = Table(
    "deals",
    Base.metadata,
    Column("crm_id", Text, primary_key=True),  # the CRM's id, or one made from the row
    Column("owner", Text, nullable=False),
    Column("owner_email", Text, nullable=False, default=""),
    Column("account", Text, nullable=False, default=""),
    Column("name", Text, nullable=False, default=""),
    Column("stage", Text, nullable=False, default=""),
    Column("deal_type", Text, nullable=False, default=""),
    Column("status", String(4), nullable=False),  # won, lost, open
    Column("kind", String(12), nullable=False),  # new_business, expansion, renewal
    Column("amount", Text, nullable=False),  # exact decimal text: "24000.00"
    Column("currency", String(3)),
    Column("close_date", Text, nullable=False),  # 2027-03-15
    Column("import_id", Integer, nullable=False),  # the import that last changed it
)

# Each import: when, by whom, from which file. Each deal's versions are in the change log (each
# import records every deal it added or changed, with its whole row), not kept twice.
deal_imports = Table(
    "deal_imports",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),  # UTC, ISO 8601
    Column("who", Text, nullable=False),
    Column("file", Text, nullable=False),
    Column("source", String(12), nullable=False),  # salesforce, hubspot, generic
    Column("added", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("unchanged", Integer, nullable=False),
)

# The user's rules for reading stages and types (over the defaults), and owners matched by hand.
deal_rules = Table(
    "deal_rules",
    Base.metadata,
    Column("rule", String(5), primary_key=True),  # stage or type
    Column("key", Text, primary_key=True),  # revorg.model.actuals.deals.rule_key of the text
    Column("value", String(12), nullable=False),  # a DealStatus or DealKind value
)

owner_assignments = Table(
    "owner_assignments",
    Base.metadata,
    Column("owner_key", Text, primary_key=True),  # revorg.model.actuals.owners.person_key
    Column("owner", Text, nullable=False),  # as the CRM writes it
    Column("lineage", Text, nullable=False),  # the position in every scenario (lineage_of)
)

ACTUALS_TABLES = frozenset({"deals", "deal_imports", "deal_rules", "owner_assignments"})


def column_values(entity: Base) -> dict[str, Any]:
    """The entity's column attributes by name: used to copy rows and to compare plans."""
    return {column.key: getattr(entity, column.key) for column in entity.__mapper__.column_attrs}


# --- photos (format 8) ---------------------------------------------------------------------------
# A person's photo, downscaled, kept once for the position in every scenario (by lineage, as
# owner assignments are): a scenario copy does not copy images.

photos = Table(
    "photos",
    Base.metadata,
    Column("lineage", Text, primary_key=True),  # the position in every scenario (lineage_of)
    Column("image", LargeBinary, nullable=False),  # PNG or JPEG bytes, at most 256 px a side
    Column("media_type", String(10), nullable=False),  # image/png or image/jpeg
)
