"""PEP 810 explicit lazy imports (Python 3.15 syntax): not importable by CPython 3.11."""
lazy import heavy
lazy from helpers import greet

import light

message = greet("lazy")
