"""A small shop: the entry package of the sample tree."""
import sys

from . import catalog
from .billing import invoice
from .catalog.items import Item

if sys.version_info >= (3, 8):
    from .compat import modern as compat_impl
else:
    from .compat import legacy as compat_impl

try:
    import plugins.discounts as discounts
except ImportError:
    discounts = None

__all__ = ["catalog", "invoice", "Item", "compat_impl", "discounts"]
VERSION = "1.0"
