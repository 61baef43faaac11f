"""The catalogue: items and prices import each other (a cycle CPython resolves)."""
from . import items
from . import prices
