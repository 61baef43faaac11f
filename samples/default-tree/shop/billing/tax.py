"""Tax rates, imported by invoice."""
RATE = 0
