"""Model numbers ("SM-S9310", "model number CPH2581"): another name of the phone they are given
for, never a phone of their own. "X, Y and Z ... with model numbers A, B and C, respectively"
pairs them in order; a single one goes to the phone named before it in its clause."""

from __future__ import annotations

import re
from typing import cast

from bot.extract.lexicon import context_words, key, lexicon, pattern_entries
from bot.extract.mentions import DEVICE, Mention, mentions_within
from bot.extract.state import ArticleState, Assignment
from bot.extract.status import CONFIRMED, DENIED, RUMORED

# A maker's model-number shape (data/lexicon/context.json patterns.model_numbers), or any code
# with a digit right after the words "model number(s)".
_MAKER_SHAPE = re.compile(
    r"(?<![\w-])(?:" + "|".join(pattern_entries("context.json", "model_numbers")) + r")(?![\w-])"
)
# "with model number Vivo I2012": the maker's name may stand between the words and the code.
_LEAD = re.compile(
    r"(?i)\b(?:"
    + "|".join(re.escape(w) for w in context_words("model_number_words"))
    + r")\s*:?\s+(?-i:[A-Z][A-Za-z]{1,11}\s+)?$"
)
_LEAD_REACH = 40  # characters looked back from a code for its lead words
_SHAPE_LEADS = tuple(
    cast(re.Match[str], re.match(r"[A-Za-z-]*", p)).group(0) or p
    for p in pattern_entries("context.json", "model_numbers")
)
_LEAD_WORDS = tuple(w.lower() for w in context_words("model_number_words"))
_CODE = re.compile(r"(?<![\w-])[A-Z0-9][A-Z0-9-]{2,14}(?![\w-])")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|/)\s*")
_MAX_LISTED = 6
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\b|\bwhile\b|\bwhereas\b")


def model_number_aliases(doc: ArticleState, mentions: list[Mention]) -> None:
    """Alias claims (doc.aliases.claims) for the model numbers of each sentence."""
    body = doc.body
    if not any(lead in body for lead in _SHAPE_LEADS) and not any(w in doc.low for w in _LEAD_WORDS):
        return  # most articles name no model number: two literal gates before any scan
    devices = [
        m
        for m in mentions
        if m.kind == DEVICE and m.subject and not (m.alias_only or m.comparison or m.tentative)
    ]
    starts = [m.start for m in devices]
    for s, e, _item in doc.spans:
        codes = _codes(body, s, e)
        if not codes:
            continue
        own = mentions_within(devices, starts, s, e)
        named: list[Mention] = []
        for m in own:
            if m.subject not in [x.subject for x in named]:
                named.append(m)
        before = [m for m in named if m.end <= codes[0][0]]
        if len(codes) >= 2 and len(codes) == len(before) and "respectively" in doc.low[s:e]:
            pairs = list(zip(before, codes, strict=True))
        else:
            pairs = []
            for a, b in codes:
                owner = next(
                    (m for m in reversed(named) if m.end <= a and not _CLAUSE_BREAK.search(body, m.end, a)),
                    None,
                )
                if owner is None and len(named) == 1:
                    # "a benchmark lists model number N; it is thought to be the X": the one phone named
                    owner = named[0]
                if owner is not None:
                    pairs.append((owner, (a, b)))
        for owner, (a, b) in pairs:
            _add(doc, owner, body[a:b], s, e, a, b)


def _codes(body: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spans of the sentence's model numbers: a maker's shape anywhere, any code after
    "model number(s)" and the codes listed after it."""
    found = {m.span() for m in _MAKER_SHAPE.finditer(body, s, e)}
    for m in _CODE.finditer(body, s, e):
        if not any(c.isdigit() for c in m.group(0)) or m.span() in found:
            continue
        at = m.start()
        # back over a list of codes ("SM-A, SM-B, and SM-C") to its lead words; a few at most, so
        # that a sentence of many codes stays linear
        for _step in range(_MAX_LISTED):
            if _LEAD.search(body, max(s, at - _LEAD_REACH), at):
                found.add(m.span())
                break
            listed = list(_CODE.finditer(body, max(s, at - 20), at))
            previous = listed[-1] if listed else None
            if previous is None or not _LIST_GAP.fullmatch(body, previous.end(), at):
                break
            at = previous.start()
    return sorted(found)


def _add(doc: ArticleState, owner: Mention, code: str, s: int, e: int, a: int, b: int) -> None:
    assert doc.statuses is not None
    assert owner.subject is not None
    if doc.aliases.names.get(code) == owner.subject or key(code) == key(owner.subject):
        return
    if any(
        c.subject.subject == owner.subject and key(c.value).endswith(key(code)) for c in doc.aliases.claims
    ):
        return  # "the X, model number Y" gave it already, with the brand
    status = doc.statuses.cues.status_at(s, e, a, b) or _default_status(doc, owner.subject)
    if status == DENIED:
        status = RUMORED
    doc.aliases.claims.append(Assignment((s, e), None, owner, "alias", code, a, b, status))
    doc.aliases.names[code] = owner.subject


def _default_status(doc: ArticleState, subject: str) -> str:
    """A catalogued phone announced by the article's date has its model numbers on record."""
    device = lexicon().devices_by_key.get(key(subject))
    if device is not None and device.announced and doc.published is not None:
        return CONFIRMED if device.announced <= doc.published.isoformat()[:7] else RUMORED
    return RUMORED
