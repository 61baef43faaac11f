"""Invoices: pull in the catalogue by absolute name and a tax module."""
import shop.catalog.items
from ..catalog.prices import DEFAULT as DEFAULT_PRICE
import shop.billing.tax

TYPE_CHECKING = False
if TYPE_CHECKING:
    import shop.catalog.prices


def total(items):
    return len(items) * DEFAULT_PRICE + shop.billing.tax.RATE
