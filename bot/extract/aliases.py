"""Other names of a device: "the Galaxy S23 Ultra (formerly rumored as the S23 Note)", "the X,
which was renamed to Y". Each gives an alias claim, and the other name counts as the device for the
rest of the article."""

from __future__ import annotations

import re
from bisect import bisect_left

from bot.extract.lexicon import fragments, key, lexicon
from bot.extract.mentions import DEVICE, REF_DEVICE, Mention, brand_of_lead, resolve_device
from bot.extract.patterns import patterns
from bot.extract.state import ArticleState, Assignment
from bot.extract.status import CONFIRMED, DENIED, RUMORED


def find_aliases(doc: ArticleState, mentions: list[Mention]) -> dict[str, str]:
    """Alias claims (doc.aliases.claims), and a map from the other name to the canonical device;
    the mentions inside an alias phrase are marked alias_only."""
    assert doc.sentences is not None
    assert doc.statuses is not None
    alias_after, renamed = patterns().alias_after, patterns().renamed
    body = doc.body
    aliases = doc.aliases
    alias_map = aliases.names
    devices = [m for m in mentions if m.kind == DEVICE]
    for m in devices:
        match = alias_after.match(body, m.end, min(len(body), m.end + 120))
        forward = True
        if not match:
            match = renamed.match(body, m.end, min(len(body), m.end + 80))
            if match:
                target = next(
                    (d for d in devices if d.start >= match.end() - 1 and d.start <= match.end() + 1), None
                )
                if target is None or _POSSESSIVE_AFTER.match(body, target.end):
                    continue  # "marketed as the Y's rival": something of the Y, not the Y
                alias_name, subject = m.subject, target
                forward = False
            else:
                continue
        if forward:
            if _IS_QUOTED.match(body, m.end) and not _names_code(doc, m.start):
                continue  # 'the X is "stunning"': a quote, not another name
            raw = (match.group("alias") or match.group("qalias") or "").rstrip(").,;:”\"'’")
            raw = re.sub(r"\s+(?:series|phone|smartphone|model|device)$", "", raw)
            alias_name = alias_name_of(raw, m.brand)
            subject = m
            if not alias_name or key(alias_name) == key(subject.subject):
                continue
            if match.group("bracket_or") and key(alias_name) in lexicon().devices_by_key:
                continue  # "the Pixel 9 (or Pixel 9 Pro)": a phone of its own, the other choice
            span_end = match.end()
            aliases.spans.append((match.start(), span_end))
            for other in mentions:
                if other is not m and match.start() <= other.start < span_end:
                    other.alias_only = True
        s, e = doc.sentences.bounds(m.start)
        if e <= s:
            continue
        status = doc.statuses.cues.status_at(s, e, m.start, m.end) or CONFIRMED
        if status == DENIED:
            status = RUMORED
        assert alias_name is not None and subject.subject is not None
        aliases.claims.append(Assignment((s, e), None, subject, "alias", alias_name, m.start, m.end, status))
        alias_map[alias_name] = subject.subject
        if subject.brand:
            model = (
                alias_name[len(subject.brand) :].strip()
                if alias_name.startswith(subject.brand)
                else alias_name
            )
            aliases.models.setdefault(subject.brand, set()).add(key(model))
    _future_names(doc, mentions, alias_map)
    _codenames_before_brackets(doc, devices, alias_map)
    _rebadged(doc, devices, mentions, alias_map)
    _rebadged_of_reference(doc, devices)
    return alias_map


# "the X may go on sale abroad as the Y", "it was once said to be named the Y": the name
# the phone is to carry (data/lexicon/context.json future_name_*).
_FUTURE_NAME = re.compile(
    r"\s+(?:(?:is|was|were|are|has been|had been|first|also|now|initially|originally|earlier|still)\s+)*"
    r"(?:(?:" + fragments("future_name_hedges") + r")\s+to|will)\s+"
    r"(?:(?:" + fragments("future_name_as_verbs") + r")"
    r"(?:\s+(?:globally|internationally|in\s+(?:the\s+)?(?:global|international)\s+markets?|in\s+[A-Z][a-z]+))?"
    r"\s+as|(?:" + fragments("future_name_verbs") + r"))"
    r"\s+(?:the\s+)?(?P<alias>(?:[A-Z0-9]|[a-z]{1,2}[A-Z])[\w+-]*(?:\s+[A-Z0-9][\w+-]*){0,3})"
    # the name ends its phrase: "as the Y's successor", "as the Y series' cheapest model", "as the Y
    # did" name no other name of the phone
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|on|for|with|and|later|next|this|soon|by|at|from|after|alongside)\b)"
)
_FUTURE_NAME_GATE = re.compile(r"\b(?:as|called|named|dubbed)\s+(?:the\s+)?[A-Z0-9]")


def _future_names(doc: ArticleState, mentions: list[Mention], alias_map: dict[str, str]) -> None:
    """The name a phone is to carry ("The X is expected to launch in India as the Y"): an alias
    of the phone named; after a reference ("the phone is tipped to ..."), one of the phone the
    reference stands for, claimed once the discourse has resolved it (aliases_of_references)."""
    body = doc.body
    if _FUTURE_NAME_GATE.search(body) is None:
        return
    for m in mentions:
        if m.kind not in (DEVICE, REF_DEVICE) or m.alias_only or (m.kind == DEVICE and not m.subject):
            continue
        match = _FUTURE_NAME.match(body, m.end, min(len(body), m.end + 160))
        if match is None:
            continue
        raw = match.group("alias").rstrip(").,;:")
        span = match.span("alias")
        for other in mentions:
            if other is not m and span[0] <= other.start < span[1]:
                other.alias_only = True
        doc.aliases.spans.append(span)
        if m.kind == REF_DEVICE:
            doc.aliases.of_references.append((m.start, raw, span))
            continue
        assert m.subject is not None  # a device mention without its name was passed over above
        alias_name = alias_name_of(raw, m.brand)
        if not alias_name or _same_name(alias_name, m.subject) or alias_name in alias_map:
            continue
        _add_alias(doc, m, alias_name, span)
        alias_map[alias_name] = m.subject


_NETWORK_SUFFIX = re.compile(r"\s+[45]G$")


def _same_name(alias_name: str, subject: str) -> bool:
    """Whether a name is the phone's own, its network suffix aside ("the X 5G" for the X)."""
    return key(_NETWORK_SUFFIX.sub("", alias_name)) == key(_NETWORK_SUFFIX.sub("", subject))


def _add_alias(doc: ArticleState, subject: Mention, alias_name: str, span: tuple[int, int]) -> None:
    assert doc.sentences is not None and doc.statuses is not None
    s, e = doc.sentences.bounds(span[0])
    if e <= s:
        return
    status = doc.statuses.cues.status_at(s, e, span[0], span[1]) or RUMORED
    if status == DENIED:
        status = RUMORED
    doc.aliases.claims.append(
        Assignment((s, e), None, subject, "alias", alias_name, span[0], span[1], status)
    )


def aliases_of_references(doc: ArticleState) -> None:
    """The future names said of a reference ("it is tipped to launch as the Y"), each given to the
    phone the discourse resolved the reference to."""
    pending = doc.aliases.of_references
    if not pending:
        return
    resolved = {m.start: m for sentence in doc.references for m in sentence.resolved if m.ref}
    for start, raw, span in pending:
        target = resolved.get(start)
        if (
            target is None
            or not target.subject
            or target.comparison
            or target.group
            or target.kind != REF_DEVICE
        ):
            continue
        alias_name = alias_name_of(raw, target.brand)
        if not alias_name or _same_name(alias_name, target.subject) or alias_name in doc.aliases.names:
            continue
        _add_alias(doc, target, alias_name, span)
        doc.aliases.names[alias_name] = target.subject


_CODENAME_BEFORE_BRACKET = re.compile(r"(?<![\w-])(?P<code>[A-Z][a-z]{2,19}) ?\($")


def _codenames_before_brackets(doc: ArticleState, devices: list[Mention], alias_map: dict[str, str]) -> None:
    """ "the code names of the line: Bison (Nova 14), Heron (Nova 14 Pro)": in a sentence that speaks
    of code names, a capitalised word right before a bracketed device name is that device's code
    name (the bracket explains the word, as "X (formerly Y)" explains the name before it)."""
    assert doc.sentences is not None
    assert doc.statuses is not None
    body = doc.body
    for m in devices:
        if m.alias_only or m.comparison or not m.subject or body[m.end : m.end + 1] != ")":
            continue
        match = _CODENAME_BEFORE_BRACKET.search(body, max(0, m.start - 22), m.start)
        if match is None or not _names_code(doc, m.start):
            continue
        code = match.group("code")
        if code in alias_map or brand_of_lead(code)[0] or key(code) in lexicon().devices_by_key:
            continue
        s, e = doc.sentences.bounds(m.start)
        if e <= s:
            continue
        status = doc.statuses.cues.status_at(s, e, match.start(), m.end) or CONFIRMED
        if status == DENIED:
            status = RUMORED
        doc.aliases.claims.append(
            Assignment((s, e), None, m, "alias", code, match.start("code"), match.end("code"), status)
        )
        alias_map[code] = m.subject


_IS_QUOTED = re.compile(r"\s+is\s+[\"“‘]")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


def _names_code(doc: ArticleState, at: int) -> bool:
    """Whether the sentence at `at` speaks of code names ('in the firmware, the X is "tigris"')."""
    assert doc.sentences is not None
    s, e = doc.sentences.bounds(at)
    return "code" in doc.low[s:e]


_NEGATED = re.compile(r"(?i)\b(?:not|never|no longer)\b|n['’]t\b")


def _rebadged(
    doc: ArticleState, devices: list[Mention], mentions: list[Mention], alias_map: dict[str, str]
) -> None:
    """ "The X is said to be a rebadged Y", "a rebranded version of Y, the X ...": Y is another
    name of the X, the phone the article talks about, which keeps the values said of it."""
    assert doc.sentences is not None
    assert doc.statuses is not None
    pats = patterns()
    body = doc.body
    if not pats.rebadge_word(body, doc.low):
        return
    for m in devices:
        if m.alias_only or m.comparison or not m.subject:
            continue
        match = pats.rebadged_after.match(body, m.end, min(len(body), m.end + 160))
        if match is None:
            match = pats.rebadged_before.search(body, max(0, m.start - 120), m.start)
        if match is None or _NEGATED.search(body, match.start(), match.start("other")):
            continue  # "is not a rebadged Y": no other name
        raw = re.sub(r"['’]s\b", "", match.group("other")).strip()
        alias_name = alias_name_of(raw, m.brand)
        if not alias_name or key(alias_name) == key(m.subject) or alias_name in alias_map:
            continue
        span = match.span("other")
        for other in mentions:
            if other is not m and span[0] <= other.start < span[1]:
                other.alias_only = True
        doc.aliases.spans.append(span)
        s, e = doc.sentences.bounds(m.start)
        if e <= s:
            continue
        status = doc.statuses.cues.status_at(s, e, span[0], span[1]) or CONFIRMED
        if status == DENIED:
            status = RUMORED
        doc.aliases.claims.append(Assignment((s, e), None, m, "alias", alias_name, span[0], span[1], status))
        alias_map[alias_name] = m.subject
        if m.brand and alias_name.startswith(m.brand + " "):
            doc.aliases.models.setdefault(m.brand, set()).add(key(alias_name[len(m.brand) :]))


def _rebadged_of_reference(doc: ArticleState, devices: list[Mention]) -> None:
    """'the handset is tipped to be a rebadged Y, and is expected to launch in May': with no device
    named before the phrase, Y is still another name of the phone the sentence refers to, so Y
    takes none of the sentence's values (they go to the referred-to phone)."""
    assert doc.sentences is not None
    lead = patterns().rebadged_lead
    body = doc.body
    if not patterns().rebadge_or_renamed_word(body, doc.low):
        return
    named = [d.start for d in devices if d.subject and not d.alias_only]
    for m in devices:
        if m.alias_only or m.comparison or not m.subject:
            continue
        s, _e = doc.sentences.bounds(m.start)
        match = lead.search(body, max(s, m.start - 60), m.start)
        if match is None or _NEGATED.search(body, max(s, match.start() - 80), match.start()):
            continue
        first = bisect_left(named, s)
        if first < len(named) and named[first] < match.start():
            continue  # "the X is a rebadged Y": handled, with its alias claim, by _rebadged
        m.alias_only = True
        doc.aliases.spans.append((m.start, m.end))


def alias_name_of(raw: str, brand: str | None) -> str | None:
    """The device name an alias phrase gives: a branded model, a model of the same brand, or a
    codename or model number as written."""
    raw = raw.strip()
    if not raw or len(raw) > 40:
        return None
    first = raw.split()[0]
    lead_brand, rest = brand_of_lead(raw.split()[0]) if first else (None, "")
    if lead_brand:
        words = raw.split()
        brand_, lead_rest = brand_of_lead(words[0])
        model = " ".join(([lead_rest] if lead_rest else []) + words[1:])
        return resolve_device(lead_brand, model)[0] if model else None
    if re.search(r"\d", raw) and brand and re.match(r"^[A-Za-z]{0,3}\d", raw):
        return resolve_device(brand, raw)[0]
    if re.fullmatch(r"[\w-]{2,20}", raw):
        return raw  # a codename or model number
    if brand and re.search(r"\d", raw):
        name, known = resolve_device(brand, raw)
        if known:
            return name  # "the Edge X30 (aka Edge 30 Ultra)": a catalogued model of the same brand
    return None
