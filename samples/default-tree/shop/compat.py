"""Version-dependent names, chosen at import time."""
modern = "modern"
legacy = "legacy"
