"""Launcher: `python main.py [FILE]` or `python main.py COMMAND ...` (see revorg.app)."""

from revorg.app import main

raise SystemExit(main())
