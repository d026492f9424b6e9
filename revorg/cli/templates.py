"""`revorg templates`: the plan templates."""

from __future__ import annotations

import argparse
import json

from revorg.cli.parsing import Commands


def register(commands: Commands) -> None:
    templates = commands.add_parser("templates", help="list the plan templates")
    templates.add_argument("--json", action="store_true", help="print JSON")


def run(options: argparse.Namespace) -> int:
    from revorg.model.templates import template_infos

    infos = template_infos()
    if options.json:
        rows = [{"key": i.key, "name": i.name(), "description": i.description()} for i in infos]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max(len(info.key) for info in infos)
    for info in infos:
        print(f"{info.key:<{width}}  {info.name()}: {info.description()}")
    return 0
