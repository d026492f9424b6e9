"""The bundle's program: `revorg`, as the pip-installed entry point runs it."""

import sys

from revorg.app import main

if __name__ == "__main__":
    sys.exit(main())
