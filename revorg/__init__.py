"""RevOrg: design a revenue organisation and its plan."""

__version__ = "0.1.0"
