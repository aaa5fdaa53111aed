"""Camera partners: "A and B with Hasselblad, while C with Zeiss" gives each maker the optics
brand of its clause: the devices the clause names (or a reference stands for), else the company."""

from __future__ import annotations

import re

from bot.extract.lexicon import fragments, optics_brand
from bot.extract.mentions import COMPANY, COMPANY_REF, DEVICE, SERIES, Mention
from bot.extract.salience import device_for_company
from bot.extract.state import ArticleState, Assignment, SentenceContext

_CLAUSES = re.compile(r";|,\s*(?:while|whereas|but|and)\b|\bwhile\b|\bwhereas\b")
# "once its deal with Zeiss came to an end", "parted ways with Zeiss": a partnership over
_ENDED_AFTER = re.compile(r"\s+(?:" + fragments("ended_partnership_after") + r")\b")
_ENDED_BEFORE = re.compile(r"\b(?:" + fragments("ended_partnership_before") + r")\s+$")


def _partnership_ended(low: str, hit: re.Match) -> bool:
    return bool(
        _ENDED_AFTER.match(low, hit.end()) or _ENDED_BEFORE.search(low, max(0, hit.start() - 40), hit.start())
    )


def camera_partners(
    doc: ArticleState, sentence: SentenceContext, optic_hits: list[re.Match], partnership: re.Pattern
) -> list[Assignment]:
    """The sentence's camera-partner claims: in each clause, one optics brand for every maker, or
    as many brands as makers, in order; a sentence naming no maker ("The Chinese brand has
    partnered with Zeiss") speaks of the topic."""
    s, e = sentence.start, sentence.end
    hits = [m for m in optic_hits if s <= m.start() < e and not _partnership_ended(doc.low, m)]
    if not hits:
        return []
    text = doc.low[s:e]
    if not partnership.search(text):
        return []
    makers = [
        m
        for m in sentence.resolved
        if m.kind in (COMPANY, COMPANY_REF, DEVICE, SERIES)
        and m.brand
        and m.subject
        and not m.alias_only
        and (not m.ref or m.kind in (DEVICE, SERIES))
    ]
    if not makers:
        topic = sentence.topic
        if topic is None or not topic.brand:
            return []
        makers = [Mention(s, s, topic.kind, topic.subject, topic.brand, topic.text, model=topic.model)]
    out = []
    bounds = [s] + [s + x.end() for x in _CLAUSES.finditer(text)] + [e]
    for a, b in zip(bounds, bounds[1:], strict=False):
        clause_optics: list[tuple[str, re.Match[str]]] = []
        for h in hits:
            if a <= h.start() < b:
                canonical = optics_brand(h.group(0).lower())
                if canonical is None:
                    continue
                if canonical not in [c for c, _ in clause_optics]:
                    clause_optics.append((canonical, h))
        brands = _clause_makers([m for m in makers if a <= m.start < b or m.start == m.end == s])
        if not clause_optics or not brands:
            continue
        if len(clause_optics) == 1:
            pairs = [(subjects, clause_optics[0]) for subjects in brands.values()]
        elif len(clause_optics) == len(brands):
            pairs = list(zip(brands.values(), clause_optics, strict=False))
        else:
            continue
        for subjects, (canonical, h) in pairs:
            for subject in subjects:
                if subject.kind == COMPANY:
                    # "a partnership between Honor and Zeiss" in an article about an Honor phone: the phone's
                    subject = device_for_company(subject, sentence.topic, doc.salient) or subject
                out.append(
                    Assignment((s, e), sentence, subject, "camera_partner", canonical, h.start(), h.end())
                )
    return out


def _clause_makers(makers: list[Mention]) -> dict[str, list[Mention]]:
    """Each brand's subjects in a clause: its devices ("both models" each), else the company."""
    brands: dict[str, list[Mention]] = {}
    for m in makers:
        assert m.brand is not None
        own = brands.setdefault(m.brand, [])
        members = (
            [Mention(m.start, m.end, DEVICE, g.subject, g.brand, m.text, model=g.model) for g in m.group]
            if m.group
            else [m]
        )
        if m.kind in (DEVICE, SERIES):
            own[:] = [x for x in own if x.kind in (DEVICE, SERIES)]
        elif any(x.kind in (DEVICE, SERIES) for x in own):
            continue
        for x in members:
            if x.subject not in [y.subject for y in own]:
                own.append(
                    x
                    if x.kind in (DEVICE, SERIES)
                    else Mention(x.start, x.end, COMPANY, x.brand, x.brand, x.text)
                )
    return brands
