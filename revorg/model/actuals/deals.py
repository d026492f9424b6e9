"""A deal as RevOrg keeps it, and the rules that read a CRM's words into it.

A CRM says where a deal stands with a stage ("Closed Won", HubSpot's `closedwon`, "Cerrada
ganada", "赢单") and what it is with a type ("New Business", "Existing Business", "Renewal",
HubSpot's `newbusiness`). Companies rename stages and types, so the reading is a table of
rules with defaults that the user can change: a stage or type the rules do not know is open
(stage) or new business (type), and the import says which texts it read that way.

Renewals are kept apart from expansion: in the plan a renewal is the retained base (Customer
Success keeps 90 % of last year's revenue), expansion is the upsell and cross-sell on top.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple


class DealStatus(StrEnum):
    WON = "won"
    LOST = "lost"
    OPEN = "open"


class DealKind(StrEnum):
    NEW_BUSINESS = "new_business"
    EXPANSION = "expansion"
    RENEWAL = "renewal"


class Deal(NamedTuple):
    """One opportunity of a CRM export. `crm_id` keys it across imports (a re-import updates
    the deal); an export without ids gets ids made from the row's contents. A named tuple:
    50,000 of them are made at every import and every reading of actuals."""

    crm_id: str
    owner: str
    amount: Decimal
    close_date: datetime.date
    status: DealStatus
    kind: DealKind
    stage: str = ""
    deal_type: str = ""
    account: str = ""
    name: str = ""
    owner_email: str = ""
    currency: str | None = None  # as the export wrote it; None when it named none
    row: int = 0  # the export's row, for messages


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)  # a few dozen stages and types, read for every deal
def rule_key(text: str) -> str:
    """A stage or type as the rules compare it: "Closed / Won" and "closed-won" alike, accents
    and case ignored; HubSpot's internal `closedwon` is its own key and listed in the rules."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_WORD.findall(bare))


DEFAULT_STAGES: Mapping[str, DealStatus] = {
    **dict.fromkeys(
        ("closed won", "closedwon", "won", "cerrada ganada", "cerrado ganado", "ganada",
         "ganado", "成交", "赢单", "已成交", "已赢单", "赢得"),
        DealStatus.WON,
    ),
    **dict.fromkeys(
        ("closed lost", "closedlost", "lost", "cerrada perdida", "cerrado perdido", "perdida",
         "perdido", "输单", "丢单", "已丢单", "已输单", "失败"),
        DealStatus.LOST,
    ),
}  # fmt: skip

DEFAULT_TYPES: Mapping[str, DealKind] = {
    **dict.fromkeys(
        ("new business", "newbusiness", "new", "new customer", "new logo", "nuevo negocio",
         "negocio nuevo", "nuevo cliente", "新业务", "新客户", "新签"),
        DealKind.NEW_BUSINESS,
    ),
    **dict.fromkeys(
        ("existing business", "existingbusiness", "existing customer upgrade", "upsell",
         "up sell", "upgrade", "cross sell", "crosssell", "expansion", "add on", "addon",
         "negocio existente", "cliente existente", "ampliacion", "venta adicional",
         "venta cruzada", "expansion de cuenta", "增购", "扩展", "追加销售", "交叉销售",
         "现有业务", "老客户"),
        DealKind.EXPANSION,
    ),
    **dict.fromkeys(
        ("renewal", "existing customer renewal", "renovacion", "renovación", "续约", "续费",
         "续签"),
        DealKind.RENEWAL,
    ),
}  # fmt: skip


@dataclass(frozen=True)
class DealRules:
    """How stages and types read: the defaults, overridden by what the user set (`stages`,
    `types`: rule_key -> status or kind)."""

    stages: Mapping[str, DealStatus] = field(default_factory=dict)
    types: Mapping[str, DealKind] = field(default_factory=dict)

    def status(self, stage: str, won: bool | None = None, closed: bool | None = None) -> DealStatus:
        """A deal's status from its stage; a CRM's own won and closed flags (HubSpot's "Is
        Closed Won", Salesforce's "Won" and "Closed") win over a stage the rules do not set."""
        key = rule_key(stage)
        if key in self.stages:
            return self.stages[key]
        default = DEFAULT_STAGES.get(key, DealStatus.OPEN)
        if won:
            return DealStatus.WON
        if closed or (won is False and not key and closed is None):
            return DealStatus.LOST  # a table of closed deals says only whether each was won
        if closed is False or (won is False and default is DealStatus.WON):
            return DealStatus.OPEN  # the CRM's flag over the stage's words
        return default

    def knows_stage(self, stage: str) -> bool:
        key = rule_key(stage)
        return key in self.stages or key in DEFAULT_STAGES

    def kind(self, deal_type: str) -> DealKind:
        """A deal's kind from its type; an unknown or blank type is new business."""
        key = rule_key(deal_type)
        if key in self.types:
            return self.types[key]
        return DEFAULT_TYPES.get(key, DealKind.NEW_BUSINESS)

    def reread(self, deal: Deal) -> Deal:
        """A stored deal with the user's rules for its stage and type applied (the flags a
        CRM gave at import are not kept: a rule set later names the text, and wins)."""
        if not self.stages and not self.types:
            return deal
        status = self.stages.get(rule_key(deal.stage), deal.status)
        kind = self.types.get(rule_key(deal.deal_type), deal.kind)
        if (status, kind) == (deal.status, deal.kind):
            return deal
        return deal._replace(status=status, kind=kind)

    def knows_type(self, deal_type: str) -> bool:
        key = rule_key(deal_type)
        return not key or key in self.types or key in DEFAULT_TYPES
