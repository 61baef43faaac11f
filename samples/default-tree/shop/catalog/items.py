"""Items refer to prices, which refer back to items (circular import)."""
from . import prices


class Item:
    """A thing for sale."""
    currency = "EUR"

    def price(self):
        from .prices import lookup  # deferred: runs only when called
        return lookup(self)
