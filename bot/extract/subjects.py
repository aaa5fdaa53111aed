"""Which subject a value belongs to: the name its clause is about (never a compared device, nor a
name in a prepositional phrase), devices named together taking values in order, a table's column
device; and the mention clean-ups that decide what can be a subject at all."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import cast

from bot.extract import wordscan
from bot.extract.lexicon import (
    context_words,
    fragments,
    key,
    lexicon,
    load_json,
    pattern_entries,
    word_gate,
)
from bot.extract.mentions import (
    COMPANY,
    COMPANY_REF,
    DEVICE,
    REF_DEVICE,
    REF_SERIES,
    SERIES,
    Mention,
    _tidy_model,
    resolve_device,
)
from bot.extract.salience import device_for_company
from bot.extract.values import DETERMINER_BEFORE, Value

# The grammar is here; the words are data (data/lexicon/context.json), read once at import.
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:" + fragments("comparison_prepositions") + r")"
    r"\s+(?:the\s+|its\s+|a\s+)?|\blast year['’]s\s+|\bthe previous\s+)$",
    re.IGNORECASE,
)
_COMPARE_GATE = word_gate("comparison_gate")
_AFTER_COMPARED = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}|\s*\(\s*|\s*,\s*which\s+(?:[\w-]+\s+){0,3}?(?:at\s+|for\s+)?(?:an?\s+|the\s+)?"
    r"|\s*,\s*with\s+(?:an?\s+|the\s+)?|\s+(?:with|and its|has|had)\s+(?:an?\s+|the\s+|its\s+)?)"
)
_ADJACENT_VALUE = re.compile(
    r"(?:['’]s?)?\s+(?:"
    + "|".join(re.escape(w) + r"\s+" for w in context_words("own_value_modifiers"))
    + r")?"
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:" + fragments("object_prepositions") + r")\s+"
    r"(?:(?:" + fragments("object_determiners") + r")\s+)?(?:[\w-]+\s+){0,2}$"
)
# "[Tt](?<!\w[Tt])he" is "\b[Tt]he" led by its first letter: the regex engine finds the T's by a
# scan in C instead of trying every offset (half the scan of an article).
_MODEL_REF = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?:(?P<adj>(?:" + fragments("model_reference_adjectives") + r")\s+)"
    r"(?P<noun>(?:" + fragments("model_reference_nouns") + r")s?\b|one\b)"
    r"|(?P<bare>" + fragments("model_reference_bare_adjectives") + r")(?![\w+-])"
    r"|(?P<var>(?:"
    + fragments("model_reference_variants")
    + r")|(?:"
    + fragments("model_reference_network_variants")
    + r")(?=\s*(?:"
    + fragments("model_reference_nouns")
    + r")\b))(?![\w+])"
    r"(?:\s*(?:" + fragments("model_reference_nouns") + r")\b)?)"
)
_TABLE = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*$(?:\n[ \t]*\|[^\n]*\|[ \t]*$)+")
_DEAL_COLUMN = re.compile(r"(?i)\b(?:" + fragments("deal_column_words") + r")\b")
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and|or|as well as)?|and|&|as well as|or)\s*(?:the\s+)?")
# "the 8GB + 128GB variant of the X": a value before "<noun> of the X" is the X's.
VARIANT_OF = re.compile(
    r"(?i)\b(?:(?:"
    + fragments("configuration_nouns")
    + r")\s+(?:of|for)|"
    + fragments("destined_for")
    + r")\s+(?:the\s+|its\s+)?$"
)
_POSSESSIVE = re.compile(r"['’]s?\b")
_BUT_CLAUSE = re.compile(r",\s*but\b|;\s")
# "The X mimics the Y's panel": a verb of taking over a part, right before the phone that had it.
_SHARED_FROM = re.compile(r"\b(?:" + fragments("sharing_verbs") + r")\s+(?:the\s+|its\s+)?$")
# "than the X, which launched at $999", "the X series of phones that were launched in February"
_COMPARED_RELATIVE = re.compile(r"(?:\s+of\s+[a-z]+)?,?\s*(?:which|that)\b[^;]*")
_PREDECESSOR = re.compile(r"\b(?:" + fragments("predecessor_phrases") + r")\b")
_OWNER_AFTER_LEAD = re.compile(r"\s+(?:of|to)\s+(?:the\s+|this\s+|its\s+)?")
_FOUND_IN = re.compile(
    r"(?i)\s*(?:[\w-]+\s+){0,3}(?:"
    + fragments("found_in")
    + r")\s+(?:the\s+|its\s+)?(?:(?:"
    + fragments("model_reference_adjectives")
    + "|"
    + fragments("owner_adjectives")
    + r")\s+)?"
)
_FOUND_BEFORE = re.compile(r"(?i)\b(?:" + fragments("found_in") + r")\s+(?:the\s+|its\s+)?$")
_IN_BEFORE = re.compile(r"(?i)\b(?:in|inside)\s+(?:the\s+|its\s+)?$")
_PART_AFTER = re.compile(r"\s+(?:" + fragments("part_nouns") + r")\b")
_MAKER_OF_VALUE = ("camera_sensor", "chipset", "ui", "os")
_ACCOMPANYING_BEFORE = re.compile(r"\b(?:" + fragments("accompanying_words") + r")\s+(?:the\s+|its\s+)?$")
_RANGE_REFERENCE = re.compile(r"(?i)\b(?:lineup|line-up|range|portfolio)$")
_TOPIC_LEAD = re.compile(r"\W*(?:" + fragments("topic_leads") + r")\s+(?:the\s+)?")
_RELATIVE_LEAD = re.compile(r"\b(?:on|in|at|by|with)\s+which\s+(?:the\s+)?$")
_LAUNCH_CLAUSE_BREAK = re.compile(r";|\bbut\b|\bwhereas\b|\bwhile\b|,\s*and\b")
# "the Snapdragon 888-powered X": a value joined by a hyphen to "powered" (and the like) names its phone next.
_VALUE_LED = re.compile(
    r"(?i)(?:\s+(?:SoC|chip|chipset|processor|camera|battery))?\s*[-‑–]\s*(?:"
    + fragments("value_led_adjectives")
    + r")\s+(?:the\s+|an?\s+|its\s+)?(?:(?:new|upcoming|latest)\s+)?"
)
# "succeeds the X from March last year": a date right after a name, joined by "from", is that phone's.
_DATED_NAME = re.compile(r"\s*\(?\s*from\s+")
_CHIP_LEAD = re.compile(
    r"(?is)(?:.*\bthat\s+)?(?:(?:" + fragments("chip_subject_leads") + r")\s*,?\s*)?"
    r"(?:the\s+|this\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
)
# "The Dimensity 7300, on the other hand, brings ...": an aside between commas may stand before the verb.
_CHIP_VERB = re.compile(
    r"(?i)\s*(?:(?:chip|chipset|processor|soc|platform)\s+)?(?:,\s*(?:"
    + fragments("chip_subject_asides")
    + r")\s*,\s*)?(?:"
    + fragments("chip_subject_verbs")
    + r")\b"
)
_CHIP_PAIRED = re.compile(r"(?i)[^.;]{0,40}?\b(?:" + fragments("chip_pairing_words") + r")\b")
_GENERIC = (
    r"\b(?:"
    + fragments("generic_devices")
    + r")\s+(?:[\w-]+\s+)?(?:"
    + fragments("generic_device_nouns")
    + r")\b"
)
_GENERIC_BEFORE = re.compile(_GENERIC + r"\s+(?:[\w-]+\s+){0,3}$")
_GENERIC_AFTER = re.compile(
    r"\s*(?:(?!(?:like|as|unlike|than)\b)[\w-]+\s+){0,2}?(?:(?:on|in|of|from|that)\s+)?" + _GENERIC
)


def leads() -> dict[str, list[str]]:
    """The words a predecessor phrase and a generic phrase ("some rival phones") start with, for
    the shared word scan: a value with none of them near it skips those searches (the 1 MB
    sentence of one chip name repeated spent a second in them). Only literal words can be scanned
    for: a list that also holds patterns is left out, and its search always runs."""
    lists = {"predecessor": "predecessor_phrases", "generic": "generic_devices"}
    return {
        kind: context_words(name) for kind, name in lists.items() if not pattern_entries("context.json", name)
    }


def _none_near(doc, kind: str, start: int, end: int) -> bool:
    """Whether the shared word scan saw no lead word of `kind` in [start, end) (never, when the
    kind is not scanned)."""
    hits = doc.word_hits.get(kind)
    return hits is not None and not wordscan.any_in(hits, start, end)


def in_object_position(low: str, m: Mention, s: int) -> bool:
    """Whether a name follows a preposition in its sentence ("on the Y", "of the Y's camera",
    "alongside the cheaper Z"): then it is not what the sentence is about."""
    if m.start - s <= 30 and _TOPIC_LEAD.fullmatch(low, s, m.start):
        return False  # "As for the X, ...": the sentence turns to the X
    lead_from = max(s, m.start - 12)
    # Every relative lead holds "which": a window without it (most) is not searched.
    if low.find("which", lead_from, m.start) != -1 and _RELATIVE_LEAD.search(low, lead_from, m.start):
        return False  # "the date on which X and Y will launch": X leads the relative clause
    return (
        _OBJECT_BEFORE.search(low, max(s, m.start - 48), m.start) is not None
        or _FOUND_BEFORE.search(low, max(s, m.start - 24), m.start) is not None
    )


def compared_value(doc, v: Value, mentions: list[Mention], s: int, compare_before_value) -> bool:
    """A value that belongs to a compared device ("the Moto G54's 6,000mAh", "up from 4,500mAh",
    "than the X, which launched at $999 with a 50MP camera") or to a predecessor named without its
    name ("Last year's model made do with ...")."""
    body = doc.body
    window = doc.low[max(s, v.start - 40) : v.start]
    if _COMPARE_GATE(window) and compare_before_value.search(body, max(s, v.start - 40), v.start):
        return True
    if v.attribute == "chipset" and _chip_compared(doc, v.start, s):
        return True
    for m in mentions:
        if (
            m.comparison
            and m.end <= v.start
            and (
                _AFTER_COMPARED.fullmatch(body, m.end, v.start)
                or _COMPARED_RELATIVE.fullmatch(body, m.end, v.start)
            )
        ):
            return True
        if m.comparison and v.end <= m.start and not body[v.end : m.start].strip():
            return True  # "to take on the $449 X": the figure before the compared name describes it
    lead_from = max(s, v.start - 160)
    if not _none_near(doc, "predecessor", lead_from, v.start):
        lead = _PREDECESSOR.search(doc.low, lead_from, v.start)
        if lead is not None and not any(
            lead.end() <= m.start < v.start and not _OWNER_AFTER_LEAD.fullmatch(doc.low, lead.end(), m.start)
            for m in mentions
            if m.kind != COMPANY
        ):
            return True  # "the predecessor of the phone comes with 80W": the older phone's
    return _coordinated_with_compared(doc, v, s, compare_before_value)


_VALUE_COORDINATION = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&|/)\s*(?:the\s+|a\s+)?")
# "upgraded from 80W wired / 66W wireless": values of two kinds, each with its word, as one pair.
_SLASHED_PAIR = re.compile(r"\s+[a-z]+\s*/\s*")


def _coordinated_with_compared(doc, v: Value, s: int, compare_before_value) -> bool:
    """ "similar to the one in the Exynos 1380 and Exynos 1280": a value joined by "and" to a
    compared value of its kind is compared too, as is one of another kind paired with it by a
    slash ("up from 80W wired / 50W wireless")."""
    at = bisect_left(doc.values, v.start, key=lambda x: x.start)  # a search, not a scan: linear in all
    first = doc.values[at - 1] if at > 0 else None
    if (
        first is None
        or first.start < s
        or first.end > v.start
        or not (
            (first.attribute == v.attribute and _VALUE_COORDINATION.fullmatch(doc.body, first.end, v.start))
            or _SLASHED_PAIR.fullmatch(doc.body, first.end, v.start)
        )
    ):
        return False
    window = doc.low[max(s, first.start - 40) : first.start]
    return bool(
        _COMPARE_GATE(window) and compare_before_value.search(doc.body, max(s, first.start - 40), first.start)
    ) or (v.attribute == "chipset" and _chip_compared(doc, first.start, s))


_CHIP_COMPARED = re.compile(
    r"\b(?:" + fragments("chip_comparison_before_value") + r")\s+(?:(?:the|a|its|their)\s+)?"
    r"(?:[\w'’-]+\s+|[–—-]\s+){0,6}$"
)
_CHIP_COMPARISON_REACH = int(load_json("context.json")["chip_comparison_reach"])


def _chip_compared(doc, start: int, s: int) -> bool:
    """ "positioned just below the maker's flagship X", "on par with the X", "a 20 percent
    improvement over the X": a chip named after such words is the one measured against, not the
    phone's own (its clause only: a comma or a stop between ends the comparison)."""
    lead = max(s, start - _CHIP_COMPARISON_REACH)
    return _CHIP_COMPARED.search(doc.low, lead, start) is not None


def chip_led(doc, sentence, values: list[Value]) -> bool:
    """Whether the sentence is about a chip ("Word has it that the Exynos 2700 will be faster ...",
    "The Dimensity 9600 is said to use ..."): led by a chip and its verb, naming no phone after it
    and pairing it with no memory."""
    chip = values[0]
    if chip.attribute != "chipset" or sentence.is_item:
        return False
    body = doc.body
    if (
        not _CHIP_LEAD.fullmatch(body, sentence.start, chip.start)
        or not _CHIP_VERB.match(body, chip.end)
        or _CHIP_PAIRED.match(body, chip.end, sentence.end)
    ):
        return False  # "The Dimensity 9300 is paired with 16GB of RAM": the phone's configuration
    return not any(
        m.start >= chip.end and m.kind in (DEVICE, SERIES, REF_DEVICE, REF_SERIES) and not m.comparison
        for m in sentence.resolved
    )


_OPEN_CHOICE_LEAD = re.compile(r"\b(?:" + fragments("open_choice_leads") + r")\b")
_SETTLED_CHOICE_BEFORE = re.compile(r"\b(?:" + fragments("settled_choice_leads") + r")\s+$")
_CHOICE_OR = re.compile(r"\s*(?:[\w-]+\s+){0,2}?or\s+(?:an?\s+|the\s+)?")
_CHOICE_BREAK = re.compile(r"[;:]|,\s*(?:but|while|though|although|yet|so)\b|\bbut\b|\bwhile\b|\bwhereas\b")


def open_choices(doc, s: int, values: list[Value]) -> set[int]:
    """The ids of values the writer offers as an open choice ("whether it will get an LCD panel or
    an AMOLED panel", "unclear if it comes with 12GB or 16GB"): two values of one attribute joined
    by "or" after a question word in their clause; neither is claimed."""
    out: set[int] = set()
    for first, second in zip(values, values[1:], strict=False):
        if first.attribute != second.attribute or not _CHOICE_OR.fullmatch(doc.body, first.end, second.start):
            continue
        leads_before = [
            m.end()
            for m in _OPEN_CHOICE_LEAD.finditer(doc.low, max(s, first.start - 120), first.start)
            if not _SETTLED_CHOICE_BEFORE.search(doc.low, max(s, m.start() - 24), m.start())
        ]
        if leads_before and not _CHOICE_BREAK.search(doc.low, leads_before[-1], first.start):
            out |= {id(first), id(second)}
    return out


def said_of_other_phones(doc, v: Value, mentions: list[Mention], s: int) -> bool:
    """A value said of phones named only generically ("the 120W some rival phones offer", "a few
    other flagships with the X chip"): nobody's."""
    low = doc.low
    if not _none_near(doc, "generic", v.end, v.end + 60) and _GENERIC_AFTER.match(low, v.end, v.end + 60):
        return True
    if _none_near(doc, "generic", max(s, v.start - 80), v.start):
        return False
    last = max((m.end for m in mentions if m.end <= v.start), default=s)
    return _GENERIC_BEFORE.search(low, max(last, v.start - 80), v.start) is not None


_SLASH = re.compile(r"\s*/\s*")


def _slashed_values_end(doc, v: Value) -> int:
    """Where a run of values joined by slashes that starts at `v` ends ("$799 / £799 / AU$1,499
    for the X"): a phrase after the run names the owner of every value in it."""
    end = v.end
    at = bisect_left(doc.values, v.start, key=lambda x: x.start) + 1
    while at < len(doc.values) and _SLASH.fullmatch(doc.body, end, doc.values[at].start):
        end = doc.values[at].end
        at += 1
    return end


def subjects_for(
    doc,
    v: Value,
    mentions: list[Mention],
    topic: Mention | None,
    series_topic: Mention | None,
    launch: bool = False,
) -> list[Mention]:
    """The subjects a value goes to: the name before it in its sentence (a maker stands for the
    topic device it makes, else for the article's salient device of its brand), else the first
    after it, else the topic (the article's own member of a series topic); for a launch date the
    nearest device."""
    candidates = [m for m in mentions if not m.comparison and not m.alias_only and m.subject]
    if launch:
        dated = next(
            (
                m
                for m in mentions
                if m.kind == DEVICE
                and m.subject
                and not m.alias_only
                and m.end <= v.start
                and _DATED_NAME.fullmatch(doc.body, m.end, v.start)
            ),
            None,
        )
        if dated is not None:
            return [dated]
        devices = [m for m in candidates if m.kind in (DEVICE, SERIES, REF_DEVICE, REF_SERIES)]
        # "The X was released in May but the Y has not launched": the device of the date's clause.
        same_clause = [
            m
            for m in devices
            if not _LAUNCH_CLAUSE_BREAK.search(doc.body, min(m.end, v.end), max(m.start, v.start))
        ]
        devices = same_clause or devices
        # "adding the X to the lineup, ... a June launch": a phone named is meant before the range it joins.
        named = [m for m in devices if not (m.ref and _RANGE_REFERENCE.search(m.text))]
        devices = named or devices
        if devices:
            best = min(devices, key=lambda m: min(abs(m.start - v.end), abs(v.start - m.end)))
            lead = next((m for m in devices if m.end <= v.start and m.kind in (DEVICE, SERIES)), None)
            if (
                lead is not None
                and best.start >= v.end
                and best.kind in (DEVICE, SERIES)
                and _ACCOMPANYING_BEFORE.search(doc.body, max(v.end, best.start - 24), best.start)
            ):
                # "The X will launch on May 4 alongside the Y": the sentence's subject launches too.
                return coordinated(doc.body, lead, candidates) + [best]
            if best.group:  # "The three phones will debut on ...": each of them
                return [
                    Mention(
                        best.start, best.end, DEVICE, g.subject, g.brand, best.text, model=g.model, ref=True
                    )
                    for g in best.group
                ]
            return coordinated(doc.body, best, candidates)
    if not launch:
        end = _slashed_values_end(doc, v)
        owner = next((m for m in candidates if m.start >= end and m.kind in (DEVICE, SERIES)), None)
        if (
            owner is not None
            and owner.start - end <= 40
            and (
                _FOUND_IN.fullmatch(doc.body, end, owner.start)
                or _VALUE_LED.fullmatch(doc.body, end, owner.start)
                or (
                    owner.kind == DEVICE
                    and not doc.body[v.end : owner.start].strip()
                    and DETERMINER_BEFORE.search(doc.body, max(0, v.start - 8), v.start) is not None
                )
            )
        ):
            return coordinated(
                doc.body, owner, candidates
            )  # "the usual 5,000mAh cell found in the OnePlus 11"
    # "(down from 50MP on the Pixel 6)": a name inside a bracket closed before the value is an aside.
    before = [m for m in candidates if m.end <= v.start and not _in_closed_bracket(doc.body, m, v.start)]
    if not before and any(
        m.ref and m.subject is None and m.kind == REF_SERIES and m.end <= v.start for m in mentions
    ):
        return []  # "the two handsets are said to use ...": phones the article does not name
    if before and before[-1].group:
        return [
            Mention(
                before[-1].start,
                before[-1].end,
                DEVICE,
                g.subject,
                g.brand,
                before[-1].text,
                model=g.model,
                ref=True,
            )
            for g in before[-1].group
        ]
    if before:
        chosen = before[-1]
        if (
            len(before) >= 2
            and chosen.kind in (DEVICE, SERIES)
            and _POSSESSIVE.match(doc.body, chosen.end)
            and _BUT_CLAUSE.search(doc.body, chosen.end, v.start)
        ):
            # "The X will share the Ultra's panel, but with a smaller 5,170mAh cell": past the "but",
            # the sentence's own subject again.
            own = next(
                (
                    m
                    for m in before
                    if m.kind in (DEVICE, SERIES)
                    and not in_object_position(doc.low, m, 0)
                    and not _POSSESSIVE.match(doc.body, m.end)
                ),
                None,
            )
            chosen = own or chosen
        elif (
            len(before) >= 2
            and chosen.kind in (DEVICE, SERIES)
            and _POSSESSIVE.match(doc.body, chosen.end)
            and _SHARED_FROM.search(doc.low, max(0, chosen.start - 24), chosen.start)
        ):
            # "The X mimics the Y's 6.1in display": the part the X takes over is the X's too.
            sharer = next(
                (
                    m
                    for m in reversed(before[:-1])
                    if m.kind in (DEVICE, SERIES, REF_DEVICE)
                    and m.subject != chosen.subject
                    and not in_object_position(doc.low, m, doc.sentences.bounds(m.start)[0])
                ),
                None,
            )
            if sharer is not None:
                return [sharer, chosen]
        if chosen.kind in (COMPANY, COMPANY_REF) and not launch:
            # "Xiaomi's new phone with a Snapdragon 7+ Gen 2, ... the Poco F5": a device named after
            # the value in its own right says which one the maker's sentence is about.
            later = next((m for m in candidates if m.start >= v.end and m.kind == DEVICE), None)
            if later is not None and (
                VARIANT_OF.search(doc.body, max(v.end, later.start - 40), later.start)
                or (
                    not in_object_position(doc.low, later, max(v.end, later.start - 48))
                    and not _PREPOSITION_BEFORE.search(doc.body, max(v.end, later.start - 30), later.start)
                )
            ):
                return coordinated(doc.body, later, candidates)  # "... keeps the dual camera setup for the X"
            device = device_for_company(chosen, topic, doc.salient)
            if device is not None:
                return [device]
        return coordinated(doc.body, chosen, candidates)
    # "Sony's IMX989 sensor, which X80 got, may be in the X90 Pro": a name in a relative clause is an aside.
    after = [
        m
        for m in candidates
        if m.start >= v.end
        and m.kind in (DEVICE, SERIES, COMPANY_REF, COMPANY)
        and not _in_relative_clause(doc.body, m)
    ]
    if after:
        first = after[0]
        if first.kind in (DEVICE, SERIES) and VARIANT_OF.search(
            doc.body, max(v.end, first.start - 40), first.start
        ):
            return coordinated(doc.body, first, candidates)  # "the 8GB + 128GB variant of the X"
        # "..., and Oppo's own chip", "... on the Moto G84", "... alongside the Nord 3": a later
        # company or a name in a prepositional phrase does not take a value the topic has.
        if (
            topic is not None
            and not launch
            and (
                first.kind in (COMPANY, COMPANY_REF)
                # "the Snapdragon 7+ Gen 2 ... from the Snapdragon 870 in the Poco F4": "in the X"
                # owns only the value just before it
                or (
                    _IN_BEFORE.search(doc.body, max(v.end, first.start - 12), first.start)
                    and any(
                        v.end <= x.start and x.end <= first.start and x.attribute == v.attribute
                        for x in doc.values
                    )
                )
                or _PREPOSITION_BEFORE.search(doc.body, max(v.end, first.start - 30), first.start)
                or _OBJECT_BEFORE.search(doc.low, max(v.end, first.start - 48), first.start)
            )
        ):
            return [topic]
        return coordinated(doc.body, first, candidates)
    if topic is not None:
        if not mentions and _OTHER_DEVICE_LEAD.match(doc.body, doc.sentences.bounds(v.start)[0], v.start):
            return []  # "The tablet may run on ...": another product, not the topic phone
        # A sentence naming nothing while the topic is a series is about the article's own member of it.
        return [doc.salient.member_of(topic) or topic]
    return []


# A sentence led by a product that is no phone ("The tablet", "Its companion smartwatch").
_OTHER_DEVICE_LEAD = re.compile(
    r"\W*(?:the|its|this|their|a)\s+(?:(?:new|upcoming|companion|accompanying|rumou?red)\s+)?(?:"
    + fragments("other_device_nouns")
    + r")s?\b",
    re.IGNORECASE,
)


_RELATIVE_BEFORE = re.compile(r",\s*(?:which|that|as)\s+(?:[\w-]+\s+){0,2}$")
_RELATIVE_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}\s*,")


def _in_relative_clause(body: str, m: Mention) -> bool:
    return (
        _RELATIVE_BEFORE.search(body, max(0, m.start - 30), m.start) is not None
        and _RELATIVE_AFTER.match(body, m.end, m.end + 30) is not None
    )


def _in_closed_bracket(body: str, m: Mention, before: int) -> bool:
    opening = body.rfind("(", max(0, m.start - 80), m.start)
    return opening != -1 and body.rfind(")", opening, m.start) == -1 and body.find(")", m.end, before) != -1


def drop_part_names(doc, mentions: list[Mention]) -> list[Mention]:
    """A name followed by a part's noun ("a Samsung E7 AMOLED screen", "the Apple A15 chipset")
    names a panel or a chip, not a phone: no subject, unless the article names it alone too."""
    body = doc.body
    parts = [m for m in mentions if m.kind == DEVICE and _PART_AFTER.match(body, m.end)]
    if not parts:
        return mentions
    alone = {m.subject for m in mentions if m.kind == DEVICE and not _PART_AFTER.match(body, m.end)}
    dropped = {id(m) for m in parts if m.subject not in alone}
    return [m for m in mentions if id(m) not in dropped]


def coordinated(body: str, chosen: Mention, candidates: list[Mention]) -> list[Mention]:
    """ "the Mate 60 and 60 Pro": both take the value."""
    out = [chosen]
    if chosen.kind not in (DEVICE,):
        return out
    index = candidates.index(chosen) if chosen in candidates else -1
    while index > 0:
        prev = candidates[index - 1]
        if prev.kind != DEVICE or not _COORDINATION.fullmatch(body, prev.end, out[0].start):
            break
        out.insert(0, prev)
        index -= 1
    if index == -1:
        return out
    position = candidates.index(chosen)
    while position + 1 < len(candidates):
        nxt = candidates[position + 1]
        if nxt.kind != DEVICE or not _COORDINATION.fullmatch(body, out[-1].end, nxt.start):
            break
        out.append(nxt)
        position += 1
    seen, unique = set(), []
    for m in out:
        if m.subject not in seen:
            seen.add(m.subject)
            unique.append(m)
    return unique


def pair_values(doc, sentence, values: list[Value]) -> dict[int, Mention]:
    """ "The A and B cost $699 and $999", "they cost £999 and £1,199", "... 8GB and 12GB of RAM
    respectively": as many values of one kind as devices named together, given in order."""
    s, e = sentence.start, sentence.end
    named: list[Mention] = []
    by_reference = False
    for m in sentence.resolved:
        if m.kind == DEVICE and not m.comparison and not m.alias_only and m.subject:
            if m.group:
                if not named:
                    named = list(m.group)
                    by_reference = True
                continue
            if not m.ref and m.subject not in [x.subject for x in named]:
                named.append(m)
    header = _header_run(doc.body, sentence.resolved)
    if header:
        return _table_row_values(doc.body, header, values)
    if len(named) < 2:
        if sentence.last_group and any(
            m.kind == REF_SERIES and m.text.lower() == "they" for m in sentence.refs
        ):
            named = list(sentence.last_group)
            by_reference = True
        else:
            return {}
    respectively = "respectively" in doc.low[s:e]
    kinds: dict[tuple, list[Value]] = {}
    for v in values:
        if not respectively and (
            v.attribute in ("ram", "storage") or by_reference and v.attribute != "price"
        ):
            continue  # "Both use the X in Europe and the Y elsewhere": each has both
        kind = (v.attribute, v.value.split()[0] if v.attribute == "price" else "")
        kinds.setdefault(kind, []).append(v)
    out: dict[int, Mention] = {}
    first_name = min(m.start for m in named) if all(m.start >= s for m in named) else s
    for group in kinds.values():
        if len(group) != len(named) or len({v.value for v in group}) != len(group):
            continue
        if group[0].start < first_name:
            continue
        for v, m in zip(group, named, strict=False):
            out[id(v)] = m
    return out


def _header_run(body: str, resolved: list[Mention]) -> list[Mention]:
    """The phones of a flattened table's header inside a sentence ("... A B Refresh rate 120Hz
    120Hz Battery 4,000mAh 4,500mAh"): two to four different phones named back to back, nothing
    but a space between them; none when the sentence has no such run."""
    devices = [m for m in resolved if m.kind == DEVICE and m.subject and not m.ref and not m.alias_only]
    best: list[Mention] = []
    run: list[Mention] = []
    for m in devices:
        if run and body[run[-1].end : m.start].strip() == "" and m.subject not in [x.subject for x in run]:
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best if 2 <= len(best) <= 4 else []


def _table_row_values(body: str, header: list[Mention], values: list[Value]) -> dict[int, Mention]:
    """The values after a flattened header, each to its column's phone: the values of one kind
    come a column after another ("120Hz 120Hz": one each, alike or not; "128GB/256GB 256GB/512GB":
    equal runs; fewer than the columns, as in a row cut short: the first columns'), in the
    header's order."""
    end = header[-1].end
    after = [v for v in values if v.start >= end]
    for first, nxt in zip(after, after[1:], strict=False):
        if (
            first.attribute.endswith("_camera")
            and nxt.attribute.endswith("_camera")
            and not body[first.end : nxt.start].strip()
        ):
            # "Ultrawide 12MP 12MP Zoom 3x": the row's label before its first
            # cell says what each cell is, not the next row's label after the last.
            nxt.attribute = first.attribute
    kinds: dict[tuple, list[Value]] = {}
    for v in after:
        kinds.setdefault((v.attribute, v.value.split()[0] if v.attribute == "price" else ""), []).append(v)
    out: dict[int, Mention] = {}
    n = len(header)
    for group in kinds.values():
        if len(group) < n:  # a row cut short: its cells are still in the columns' order
            for v, column in zip(group, header, strict=False):
                out[id(v)] = column
            continue
        if len(group) % n:
            continue
        size = len(group) // n
        for i, v in enumerate(group):
            out[id(v)] = header[i // size]
    return out


def table_cells(body: str, mentions: list[Mention], values: list[Value]) -> dict[int, Mention | None]:
    """Values in a table, by their start: a table with one column per phone ("| | A | B |") gives
    each cell's values to its column's phone and none to the row labels; a column headed as a deal
    or sale price carries no price. Values mapped to None are no claims."""
    out: dict[int, Mention | None] = {}
    if "|" not in body or not values:
        return out
    for block in _TABLE.finditer(body):
        lines = [
            (block.start() + m.start(), block.start() + m.end())
            for m in re.finditer(r"[^\n]+", block.group(0))
        ]
        if len(lines) < 2:
            continue

        def cells(a: int, b: int) -> list[tuple[int, int]]:
            bars = [i for i in range(a, b) if body[i] == "|"]
            return list(zip([x + 1 for x in bars], bars[1:], strict=False))

        header = cells(*lines[0])
        columns: dict[int, Mention] = {}
        for header_index, (cs, ce) in enumerate(header):
            devices = [
                m
                for m in mentions
                if cs <= m.start < ce and m.kind == DEVICE and m.subject and not m.alias_only
            ]
            if len({m.subject for m in devices}) == 1:
                columns[header_index] = devices[0]
        by_column = len(columns) >= 2
        deal = {ci for ci, (cs, ce) in enumerate(header) if _DEAL_COLUMN.search(body, cs, ce)}
        if not by_column and not deal:
            continue
        for a, b in lines[1:]:
            row = cells(a, b)
            for v in values:
                if not a <= v.start < b:
                    continue
                ci = next((i for i, (cs, ce) in enumerate(row) if cs <= v.start < ce), None)
                if ci is None:
                    continue
                if ci in deal and v.attribute == "price":
                    out[v.start] = None
                elif by_column:
                    col = columns.get(ci)
                    out[v.start] = (
                        Mention(col.start, col.end, DEVICE, col.subject, col.brand, col.text, model=col.model)
                        if col is not None
                        else None
                    )
    return out


def drop_value_makers(doc, mentions: list[Mention], values: list[Value]) -> list[Mention]:
    """A company named as part of a value is no subject: "Sony" in "Sony IMX766", "Nothing" in
    "Nothing OS 1.5", "Samsung" in "Samsung's own Exynos 2100" or "Samsung JN1"."""
    spans = [(v.start, v.end) for v in values if v.attribute in _MAKER_OF_VALUE]
    if not spans:
        return mentions
    starts = [a for a, _ in spans]
    body = doc.body
    out = []
    for m in mentions:
        if m.kind == COMPANY:
            i = bisect_right(starts, m.start) - 1
            if i >= 0 and spans[i][0] <= m.start < spans[i][1]:
                continue
            if i + 1 < len(spans) and _ADJACENT_VALUE.fullmatch(body, m.end, spans[i + 1][0]):
                continue
        out.append(m)
    return out


def model_references(doc, mentions: list[Mention], taken) -> list[Mention]:
    """ "the Pro", "the Ultra", "the Pro Max", "the Pro model", "the regular model", "the base
    variant": the member of the family of the device or series named last before it, when the
    catalogue knows that member or the article names it."""
    body = doc.body
    if "the " not in body and "The " not in body:
        return mentions
    hits = [
        m
        for m in _MODEL_REF.finditer(body)
        if m.group("var") or m.group("bare") or (m.group("adj") and m.group("noun"))
    ]
    if not hits:
        return mentions
    variants = lexicon().variant_lower
    starts = [m.start for m in mentions]
    # For each mention, the last device or series with a model at or before it: looked up once,
    # not by a walk back over every mention for each reference (quadratic in a long article).
    family_before: list[Mention | None] = []
    last = None
    for c in mentions:
        if c.kind in (DEVICE, SERIES) and c.brand and c.model and not c.alias_only and not c.comparison:
            last = c
        family_before.append(last)
    dominant_before = _dominant_families(mentions, variants)
    first_named: dict[tuple[str | None, str], int] = {}  # (brand, model key) -> index of first own mention
    for j, c in enumerate(mentions):
        if c.kind == DEVICE and c.brand and c.model and not c.ref and not c.alias_only:
            first_named.setdefault((c.brand, key(c.model)), j)
    added = []
    absorbed: set[int] = set()
    for h in hits:
        s, e = h.span()
        if not (taken.free(s, e) if hasattr(taken, "free") else all(e <= a or s >= b for a, b in taken)):
            continue
        i = bisect_right(starts, s) - 1
        base_mention = family_before[i] if i >= 0 else None
        var = h.group("var")
        named_after = _family_named_after(body, h, mentions, starts) if var else None
        if named_after is not None:
            # "the 4G variant of the X": the X's member, and the X named there is no subject of its own
            base_mention = named_after
            absorbed.add(id(named_after))
        if base_mention is None:
            continue
        base = _family_base(base_mention.model, variants)
        dominant = dominant_before[i]
        if (
            named_after is None
            and dominant is not None
            and dominant is not base_mention
            and dominant.brand == base_mention.brand
            and in_object_position(doc.low, base_mention, doc.sentences.bounds(base_mention.start)[0])
        ):
            # "the Pro" after "the same sensor as the X 12 Pro" in an article about the X 13 and
            # the X 13 Pro: a phone named in passing (after a preposition) gives way to the
            # article's own family, when it named that member before ("the regular model", "the
            # non-Pro": the own family's base model).
            own = _family_base(dominant.model, variants)
            own_model = f"{own}{var}" if var == "+" else f"{own} {var}" if var else own
            if key(own) != key(base) and (
                not var or first_named.get((dominant.brand, key(own_model)), i + 1) <= i
            ):
                base_mention, base = dominant, own
        model = f"{base}{var}" if var == "+" else f"{base} {var}" if var else base
        name, known = resolve_device(base_mention.brand, model)
        if (
            not known
            and named_after is None  # "the Pro model of the X" names the X Pro itself
            and key(model) not in doc.seen_models.get(base_mention.brand, set())
            and not (var and family_named(doc.seen_models.get(base_mention.brand, set()), key(base)))
        ):
            continue
        start = h.start("var") if var else h.start("adj") if h.group("adj") else h.start("bare")
        plural = _PLURAL_NOUN_AFTER.match(body, e) if var else None
        members = []
        if plural:
            # The article's own family first (its first phone named): "the Pro models" after last
            # year's pair is named in passing are this year's.
            first = next((c for c in family_before if c is not None), None)
            for owner in (first, base_mention) if first is not None else (base_mention,):
                members = _members_with(
                    mentions[: i + 1], owner.brand, key(_family_base(owner.model, variants)), var
                )
                if len(members) >= 2:
                    break
        if len(members) >= 2:
            # "the Pro models" after the X, X Pro and X Pro+: each member with the word.
            assert plural is not None
            first, e = members[0], plural.end()
            added.append(
                Mention(
                    start,
                    e,
                    DEVICE,
                    first.subject,
                    first.brand,
                    body[start:e],
                    model=first.model,
                    ref=True,
                    group=tuple(members),
                )
            )
            taken.append((start, e))
            continue
        added.append(
            Mention(start, e, DEVICE, name, base_mention.brand, body[start:e], model=_tidy_model(model))
        )
        taken.append((start, e))
    if not added:
        return mentions
    return sorted([m for m in mentions if id(m) not in absorbed] + added, key=lambda x: x.start)


_OF_FAMILY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")


def _family_named_after(body: str, h: re.Match, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """ "the 4G variant of the X", "the Pro model of the X": the device named right after a
    variant word and its noun, whose family the reference is of."""
    if h.end() == h.end("var"):
        return None  # a bare variant word ("the Pro"): no noun for an "of" to follow
    of = _OF_FAMILY_AFTER.match(body, h.end())
    if of is None:
        return None
    at = bisect_left(starts, of.end())
    if at >= len(mentions) or mentions[at].start != of.end():
        return None
    named = mentions[at]
    if named.kind != DEVICE or not named.brand or not named.model or named.ref or named.alias_only:
        return None
    return named


# "an Ultimate Edition version of the X", "the Racing Edition of the X": an edition named before its phone.
_EDITION_OF = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?P<words>(?:[A-Z][\w-]*\s+){1,2}Edition)"
    r"(?:\s+(?:" + fragments("model_reference_nouns") + r"))?\s+of\s+(?:the\s+)?"
)


def edition_references(doc, mentions: list[Mention], taken) -> list[Mention]:
    """ "an Ultimate Edition version of the X": the X's edition of that name, a device of its
    own; the X named after "of" is part of the phrase, no subject of its own."""
    body = doc.body
    if "Edition" not in body:
        return mentions
    starts = [m.start for m in mentions]
    replaced: dict[int, Mention] = {}
    for h in _EDITION_OF.finditer(body):
        at = bisect_left(starts, h.end())
        if at >= len(mentions) or mentions[at].start != h.end():
            continue
        named = mentions[at]
        if named.kind != DEVICE or not named.brand or not named.model or named.ref or named.alias_only:
            continue
        model = f"{named.model} {' '.join(h.group('words').split())}"
        name, _known = resolve_device(named.brand, model)
        start = h.start("words")
        replaced[id(named)] = Mention(
            start, named.end, DEVICE, name, named.brand, body[start : named.end], model=_tidy_model(model)
        )
        taken.append((start, h.end()))
    if not replaced:
        return mentions
    return sorted((replaced.get(id(m), m) for m in mentions), key=lambda x: x.start)


def _dominant_families(mentions: list[Mention], variants) -> list[Mention | None]:
    """For each mention, the first-named device or series of the family named most often (in its
    own right) up to it, the earlier family on a tie: the article's own family so far."""
    counts: dict[tuple[str, str], int] = {}
    firsts: dict[tuple[str, str], Mention] = {}
    best: tuple[str, str] | None = None
    out: list[Mention | None] = []
    for c in mentions:
        if (
            c.kind in (DEVICE, SERIES)
            and c.brand
            and c.model
            and not c.alias_only
            and not c.comparison
            and not c.ref
        ):
            family = (c.brand, key(_family_base(c.model, variants)))
            counts[family] = counts.get(family, 0) + 1
            firsts.setdefault(family, c)
            if best is None or counts[family] > counts[best]:
                best = family
        out.append(firsts[best] if best is not None else None)
    return out


def _family_base(model: str, variants) -> str:
    """ "S23" of "S23 Ultra" and of "S23+": a model without its last variant words."""
    words = model.split()
    while len(words) > 1 and words[-1].lower() in variants and not re.fullmatch(r"[IVX]+", words[-1]):
        words.pop()
    if len(words[-1]) > 1 and words[-1].endswith("+"):
        words[-1] = words[-1][:-1]  # "the Ultra" after the "S40+" is the S40 Ultra
    return " ".join(words)


_PLURAL_NOUN_AFTER = re.compile(r"\s*(?:" + fragments("model_reference_nouns") + r")s\b")


def _members_with(mentions: list[Mention], brand: str | None, base_key: str, variant: str) -> list[Mention]:
    """The devices of a family named in `mentions` whose model holds the variant word ("Pro" is
    in "Pro" and "Pro+"), each once, in the order named."""
    word = variant.lower().rstrip("+") or "+"
    out: list[Mention] = []
    for m in mentions:
        if m.kind != DEVICE or m.brand != brand or not m.model or m.comparison or m.alias_only or m.ref:
            continue
        if not key(m.model).startswith(base_key):
            continue
        words = {w.lower().rstrip("+") or "+" for w in m.model.split()}
        if word in words and all(x.subject != m.subject for x in out):
            out.append(m)
    return out


_ORDER_REF = re.compile(
    r"\b(?:(?P<latter>"
    + fragments("latter_references")
    + r")|(?P<former>"
    + fragments("former_references")
    + r"))\b"
)


def order_references(doc, mentions: list[Mention], taken) -> list[Mention]:
    """ "the latter" / "the former": the last or the first of the two distinct phones named last
    before it, in its sentence or the one before (nothing when fewer than two are named there)."""
    body = doc.body
    if "latter" not in body and "former" not in body:
        return mentions
    hits = list(_ORDER_REF.finditer(body))
    if not hits:
        return mentions
    devices = [
        m for m in mentions if m.kind == DEVICE and m.subject and not m.alias_only and not m.comparison
    ]
    starts = [m.start for m in devices]
    added = []
    for h in hits:
        if not taken.free(*h.span()):
            continue
        k = bisect_right(doc.sentences.starts, h.start()) - 1
        reach = doc.sentences.spans[k - 1][0] if k > 0 else 0  # the sentence before starts here
        named: list[Mention] = []
        i = bisect_left(starts, h.start()) - 1
        stop = max(-1, i - 12)  # a bounded look back: a long run of one name costs no more per hit
        while i > stop and devices[i].start >= reach and len(named) < 2:
            if all(devices[i].subject != m.subject for m in named):
                named.append(devices[i])
            i -= 1
        if len(named) < 2:
            continue
        chosen = named[0] if h.group("latter") else named[1]
        added.append(
            Mention(h.start(), h.end(), DEVICE, chosen.subject, chosen.brand, h.group(0), model=chosen.model)
        )
        taken.append(h.span())
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


_HIGHER_MODEL_REF = re.compile(  # led by its first letter, as _MODEL_REF
    r"[Tt](?<!\w[Tt])he\s+(?:"
    + fragments("higher_model_adjectives")
    + r")\s+(?:"
    + fragments("model_reference_nouns")
    + r"|one)\b(?!\s+of\b)"  # "the top-end variant of the X" is a configuration of the X
)
# Every match holds one of these words: a body without any (most) is not scanned.
_HIGHER_MODEL_GATE = word_gate("higher_model_adjectives")
_RANKS = tuple(cast(list[tuple[str, int]], context_words("variant_ranks")))


def _rank(model: str) -> int:
    low = model.lower()
    return next((rank for word, rank in _RANKS if low.endswith(word)), 0)


def higher_model_references(doc, mentions: list[Mention], taken) -> list[Mention]:
    """ "the high-end variant", "the top-end model" after the X and the X Pro were named: the
    sibling of the highest rank among those named before it (none when one sibling is named)."""
    body = doc.body
    if " the " not in body.lower():
        return mentions
    hits = list(_HIGHER_MODEL_REF.finditer(body)) if _HIGHER_MODEL_GATE(body) else []
    if not hits:
        return mentions
    variants = lexicon().variant_lower
    # (brand, family base) -> {model: mention} of the siblings named so far, walked once with the hits
    families: dict[tuple[str, str], dict[str, Mention]] = {}
    last_family: tuple[str, str] | None = None
    added = []
    i = 0
    for h in hits:
        while i < len(mentions) and mentions[i].start < h.start():
            c = mentions[i]
            i += 1
            if c.kind != DEVICE or not c.brand or not c.model or c.alias_only or c.comparison:
                continue
            words = c.model.split()
            while len(words) > 1 and words[-1].lower() in variants:
                words.pop()
            last_family = (c.brand, key(" ".join(words)).rstrip("+"))
            assert c.subject is not None
            families.setdefault(last_family, {})[c.subject] = c
        siblings = families.get(last_family, {}) if last_family else {}
        if len(siblings) < 2 or not taken.free(*h.span()):
            continue
        best = max(siblings.values(), key=lambda m: _rank(m.model))
        if _rank(best.model) <= 0:
            continue
        added.append(
            Mention(h.start(), h.end(), DEVICE, best.subject, best.brand, h.group(0), model=best.model)
        )
        taken.append(h.span())
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


_STARTING_AT = re.compile(r"(?i)\b(?:start(?:s|ing)?|from)\s+(?:at\s+)?(?:just\s+|only\s+)?$")


def starting_price_owners(doc, v: Value, subjects: list[Mention]) -> list[Mention]:
    """ "the X and X Pro go on sale in China, from $499": a starting price of a base model and
    its variants named together is the base model's, the cheapest of them."""
    if v.attribute != "price" or len(subjects) < 2:
        return subjects
    if not _STARTING_AT.search(doc.body, max(0, v.start - 20), v.start):
        return subjects
    keys = {key(m.subject or ""): m for m in subjects if m.kind == DEVICE}
    variants = lexicon().variant_lower
    base = next(
        (
            m
            for k, m in keys.items()
            if all(o == k or (o.startswith(k) and o[len(k) :] in variants) for o in keys)
        ),
        None,
    )
    return [base] if base is not None and len(keys) == len(subjects) else subjects


def family_named(seen: set[str], base_key: str) -> bool:
    """Whether the article named the base model together with a variant of it ("the iPhone 20 and
    iPhone 20 Pro"): then "the Pro Max" is that family's Pro Max, catalogued or not."""
    variants = lexicon().variant_lower
    return base_key in seen and any(
        k != base_key
        and k.startswith(base_key)
        and (k[len(base_key) :] in variants or k[len(base_key) :] == "+")
        for k in seen
    )


# "Display: 6.8-inch AMOLED 6.8-inch AMOLED Chipset: ...": a label of one to three words and its colon.
_LABEL = re.compile(r"(?<![\w-])([A-Z][A-Za-z]*(?:[ -][A-Za-z][a-z]*){0,2}):\s")
_MIN_LABELS = 3


def flattened_columns(
    body: str, spans, mentions: list[Mention], values
) -> dict[int, Mention | list[Mention]]:
    """Values of a two-column spec table flattened into running text (its header names two phones,
    then each "Label:" is followed by the first phone's values, then the second's): each value's
    column phone, by the value's start. The second half of a row begins where its first value's
    kind comes again; a row whose halves cannot be told apart is left to the sentence."""
    out: dict[int, Mention | list[Mention]] = {}
    if body.count(":") < _MIN_LABELS:
        return out
    mention_starts = [m.start for m in mentions]
    value_starts = [v.start for v in values]
    for s, e, _item in spans:
        if body.count(":", s, e) < _MIN_LABELS:
            continue
        own = mentions[bisect_left(mention_starts, s) : bisect_left(mention_starts, e)]
        labels = [
            m for m in _LABEL.finditer(body, s, e) if not any(x.start <= m.start(1) < x.end for x in own)
        ]
        if len(labels) < _MIN_LABELS:
            continue
        header = [
            m
            for m in own
            if m.start < labels[0].start() and m.kind == DEVICE and m.subject and not m.alias_only
        ]
        columns: list[Mention] = []
        for m in reversed(header):
            if m.subject not in [c.subject for c in columns]:
                columns.insert(0, m)
            if len(columns) == 2:
                break
        if len(columns) != 2 or header[-1].subject != columns[1].subject:
            continue
        cells = [Mention(c.start, c.end, DEVICE, c.subject, c.brand, c.text, model=c.model) for c in columns]
        bounds = [m.end() for m in labels] + [e]
        for label, a, b in zip(labels, bounds, bounds[1:], strict=False):
            row = values[bisect_left(value_starts, a) : bisect_left(value_starts, b)]
            memory = _MEMORY_LABELS.get(label.group(1).lower())
            for v in row:
                if memory and v.attribute in ("ram", "storage"):
                    v.attribute = memory  # "RAM: 8GB / 12GB": the row's label says which memory
            split = _row_split([v.attribute for v in row])
            for i, v in enumerate(row):
                # A row whose halves cannot be told apart gave one value for both phones.
                out[v.start] = cells if split is None else cells[0] if i < split else cells[1]
    return out


_MEMORY_LABELS = {
    "ram": "ram",
    "memory": "ram",
    "storage": "storage",
    "rom": "storage",
    "internal storage": "storage",
}


def _row_split(kinds: list[str]) -> int | None:
    """Where the second column's values begin in a row's values: halves alike, else where the
    first kind comes again; None when no kind comes twice."""
    n = len(kinds)
    if n % 2 == 0 and kinds[: n // 2] == kinds[n // 2 :]:
        return n // 2
    again = next((i for i in range(1, n) if kinds[i] == kinds[0]), None)
    if again is None:
        return None
    return again
