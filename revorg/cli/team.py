"""`revorg team grant|revoke|members URL`: who may do what on a team plan (owner, editor,
viewer), kept by the server's roles (revorg.model.team.roles)."""

from __future__ import annotations

import argparse
import json

from revorg.cli.parsing import CommandLineParser, Commands
from revorg.cli.plans import team_address

ROLES = ("owner", "editor", "viewer")
URL_HELP = "postgresql://user@host:5432/revorg?plan=NAME"


def register(commands: Commands) -> None:
    team = commands.add_parser(
        "team", help="give or take away a role on a team plan (owner, editor, viewer)"
    )
    actions = team.add_subparsers(dest="action", required=True, parser_class=CommandLineParser)
    grant = actions.add_parser(
        "grant", help="give a user a role on the plan (replaces the role they had)"
    )
    grant.add_argument("url", type=team_address, help=URL_HELP)
    grant.add_argument("--user", required=True, help="the user's login name on the server")
    grant.add_argument(
        "--role",
        required=True,
        choices=ROLES,
        help="owner: everything and roles; editor: changes; viewer: reads, without salaries",
    )
    revoke = actions.add_parser("revoke", help="take away a user's role on the plan")
    revoke.add_argument("url", type=team_address, help=URL_HELP)
    revoke.add_argument("--user", required=True, help="the user's login name on the server")
    members = actions.add_parser("members", help="list the plan's users and their roles")
    members.add_argument("url", type=team_address, help=URL_HELP)
    members.add_argument("--json", action="store_true", help="print JSON")


def run(options: argparse.Namespace) -> int:
    from revorg.model.team.roles import PlanRole, grant_role, plan_members, revoke_role

    address = options.url
    if options.action == "grant":
        grant_role(address, options.user, PlanRole(options.role))
        print(f"{options.user} is now {options.role} of {address.shown()}")
    elif options.action == "revoke":
        revoke_role(address, options.user)
        print(f"{options.user} has no role on {address.shown()}")
    else:
        found = plan_members(address)
        if options.json:
            report = [{"user": member.user, "role": member.role.value} for member in found]
            print(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            for member in found:
                print(f"{member.role.value:<8}{member.user}")
    return 0
