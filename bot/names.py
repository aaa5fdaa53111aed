"""The one naming rule: the form in which names of devices, series and companies are compared.

The store keys subjects and aliases by it, the answers look names up by it, and the extractor
matches what an article says against its lexicon by it: one rule, so that a name the extractor
stored is found again as typed.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NOT_KEY = re.compile(r"[^0-9a-z+]+")


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """The form names are compared in: case, spaces and punctuation forgiven, `+` kept."""
    return _NOT_KEY.sub("", name.lower())
