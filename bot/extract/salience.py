"""Subject resolution at the level of the article: the device an article is about (the
`salience` stage of bot/extract/pipeline.py).

A sentence that gives a spec to the company ("Google will include a 6.7-inch display") or to no
name at all is about the article's salient device: the title's device, else the device the article
names most in its own right (not in a comparison, not as another name of it), the earlier one on a
tie. A company never takes a device attribute while the article names a device of its brand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.extract.mentions import COMPANY, COMPANY_REF, DEVICE, SERIES, Mention, MentionFinder

# Attributes a company may hold: its optics partner and its launch events; every other attribute
# is a device's.
COMPANY_ATTRIBUTES = frozenset(("camera_partner", "launch_date"))


@dataclass
class Salience:
    """The salient device of the article and of each brand it names."""

    main: Mention | None = None
    by_brand: dict[str, Mention] = field(default_factory=dict)

    def member_of(self, series: Mention | None) -> Mention | None:
        """The salient device when it belongs to a series ("the Xperia 5 series" and its Xperia 5 V)."""
        main = self.main
        if (
            series is None
            or series.kind != SERIES
            or main is None
            or main.brand != series.brand
            or not series.subject
            or not series.subject.endswith(" series")
        ):
            return None
        assert main.subject is not None
        return main if main.subject.startswith(series.subject[: -len("series")]) else None

    def device_of(self, brand: str | None) -> Mention | None:
        if brand is None:
            return None
        return self.by_brand.get(brand)


def _own(m: Mention) -> bool:
    return m.kind == DEVICE and bool(m.subject) and not m.comparison and not m.alias_only and not m.tentative


def salience(title: str | None, mentions: list[Mention]) -> Salience:
    """Counts each device's own mentions; the title's devices come first, in the title's order."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if _own(m):
            assert m.subject is not None
            counts[m.subject] = counts.get(m.subject, 0) + 1
            first.setdefault(m.subject, m)
    titled: list[str] = []
    if title:
        finder = MentionFinder(title)
        found, _taken = finder.find()
        for m in found:
            if m.kind == DEVICE and m.subject and m.subject not in titled:
                titled.append(m.subject)
                if m.subject not in first:
                    first[m.subject] = Mention(0, 0, DEVICE, m.subject, m.brand, m.text, model=m.model)
                    counts[m.subject] = 0
    ranked = sorted(
        first,
        key=lambda s: (s not in titled, titled.index(s) if s in titled else 0, -counts[s], first[s].start),
    )
    out = Salience()
    for subject in ranked:
        m = first[subject]
        if out.main is None:
            out.main = m
        if m.brand and m.brand not in out.by_brand:
            out.by_brand[m.brand] = m
    return out


def device_for_company(company: Mention, topic: Mention | None, salient: Salience) -> Mention | None:
    """The device a company's sentence is about: the topic when it is that brand's device or series,
    else the brand's salient device; None when the article names no device of the brand."""
    if company.kind not in (COMPANY, COMPANY_REF):
        return None
    if (
        topic is not None
        and topic.kind in (DEVICE, SERIES)
        and topic.brand == company.brand
        and topic.subject
    ):
        target: Mention | None = salient.member_of(topic) or topic
    else:
        target = salient.device_of(company.brand)
    if target is None:
        return None
    return Mention(
        company.start,
        company.end,
        target.kind,
        target.subject,
        target.brand,
        company.text,
        model=target.model,
    )
