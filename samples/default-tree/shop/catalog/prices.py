"""Prices import the items module while items is still initialising."""
from . import items as _items

DEFAULT = 10


def lookup(item):
    return DEFAULT
