"""The other portion of the `plugins` namespace package."""
POINTS = 100
