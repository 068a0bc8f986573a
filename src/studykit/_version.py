"""studykit's version, in one place: the package metadata takes it from here when it is built
(``[tool.hatch.version]`` in pyproject.toml), and the bank cache stamps its entries with it
without the cost of :mod:`importlib.metadata` on every start."""

VERSION = "0.1.0"
