"""Camera partners: "A and B with Hasselblad, while C with Zeiss" gives each maker the optics
brand of its clause."""

from __future__ import annotations

import re

from bot.extract.lexicon import optics_brand
from bot.extract.mentions import COMPANY, COMPANY_REF, DEVICE, SERIES, Mention
from bot.extract.state import ArticleState, Assignment, SentenceContext

_CLAUSES = re.compile(r";|,\s*(?:while|whereas|but|and)\b|\bwhile\b|\bwhereas\b")


def camera_partners(doc: ArticleState, sentence: SentenceContext, optic_hits: list[re.Match],
                    partnership: re.Pattern) -> list[Assignment]:
    """The sentence's camera-partner claims: in each clause, one optics brand for every maker, or
    as many brands as makers, in order."""
    s, e = sentence.start, sentence.end
    hits = [m for m in optic_hits if s <= m.start() < e]
    if not hits:
        return []
    text = doc.low[s:e]
    if not partnership.search(text):
        return []
    makers = [m for m in sentence.resolved if m.kind in (COMPANY, COMPANY_REF, DEVICE, SERIES) and m.brand
              and m.subject and not m.alias_only and not m.ref]
    if not makers:
        return []
    out = []
    bounds = [s] + [s + x.end() for x in _CLAUSES.finditer(text)] + [e]
    for a, b in zip(bounds, bounds[1:]):
        clause_optics = []
        for h in hits:
            if a <= h.start() < b:
                canonical = optics_brand(h.group(0).lower())
                if canonical is None:
                    continue
                if canonical not in [c for c, _ in clause_optics]:
                    clause_optics.append((canonical, h))
        brands = []
        for m in makers:
            if a <= m.start < b and m.brand not in [x.brand for x in brands]:
                brands.append(m)
        if not clause_optics or not brands:
            continue
        if len(clause_optics) == 1:
            pairs = [(m, clause_optics[0]) for m in brands]
        elif len(clause_optics) == len(brands):
            pairs = list(zip(brands, clause_optics))
        else:
            continue
        for m, (canonical, h) in pairs:
            company = Mention(m.start, m.end, COMPANY, m.brand, m.brand,
                              m.text if m.kind in (COMPANY, COMPANY_REF) else m.brand)
            out.append(Assignment((s, e), sentence, company, "camera_partner", canonical, h.start(), h.end()))
    return out
