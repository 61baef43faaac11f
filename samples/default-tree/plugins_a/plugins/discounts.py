"""One portion of the `plugins` namespace package."""
from plugins import loyalty

RATE = 5
