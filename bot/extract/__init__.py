"""Extraction: an article in, its claims out, each with a verbatim quote and its offsets.

A first, deliberately small extractor: it finds catalogue devices and catalogue chipsets named
in the same sentence. The full extractor replaces it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.catalogue import load_catalogue
from bot.models import Article, Claim

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    catalogue = load_catalogue()
    devices = sorted({d.name for d in catalogue.devices if d.kind == "phone"}, key=len, reverse=True)
    chipsets = sorted(set(catalogue.chipsets), key=len, reverse=True)
    brands = {d.name: d.brand for d in catalogue.devices}
    device_re = re.compile(r"\b(" + "|".join(map(re.escape, devices)) + r")(?![\w+])")
    chipset_re = re.compile(r"\b(" + "|".join(map(re.escape, chipsets)) + r")(?![\w+])")
    return device_re, chipset_re, brands


def extract(article: Article) -> list[Claim]:
    device_re, chipset_re, brands = _patterns()
    claims = []
    for sentence in _SENTENCE.finditer(article.body):
        text = sentence.group(0)
        devices = device_re.findall(text)
        chips = chipset_re.findall(text)
        if len(set(devices)) == 1 and chips:
            start = sentence.start() + len(text) - len(text.lstrip())
            end = sentence.end() - (len(text) - len(text.rstrip()))
            claims.append(Claim(
                article=article.id, subject=devices[0], attribute="chipset", value=chips[0],
                status="rumored", quote=article.body[start:end], start=start, end=end,
                published=article.published, published_basis=article.published_basis,
                brand=brands.get(devices[0]), mention=devices[0]))
    return claims
