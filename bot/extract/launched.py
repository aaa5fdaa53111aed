"""Devices an article reports as launched ("Asus has launched the Zenfone 10", "the Galaxy S25
series is official") or on sale: their plain specs are confirmed."""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.extract.lexicon import context_words, first_letter_guard, fragments, pattern_entries, word_gate
from bot.extract.mentions import COMPANY_REF, DEVICE, REF_DEVICE, SERIES, Mention, mentions_within
from bot.extract.salience import device_for_company
from bot.extract.state import ArticleState, Assignment, Launched
from bot.extract.status import (
    CONFIRMED,
    UPCOMING_LAUNCH,
    UPCOMING_LEADS,
    headline,
    hedged_headline,
    launched_in_headline,
    series_after,
)
from bot.extract.subjects import coordinated
from bot.extract.wordscan import matches_at, search_at

# The grammar is here; the words are data (data/lexicon/context.json), read once at import.
_LAUNCHED_GATE = word_gate("launched_gate")
# Offsets where no launch phrase can start are passed at once (unless the list holds patterns).
_LAUNCHED_LEADS = (
    []
    if pattern_entries("context.json", "launched_verbs")
    else context_words("launched_verbs") + ["has", "have", "had", "is", "are", "goes", "went", "gone"]
)
_LAUNCHED_GUARD = first_letter_guard(_LAUNCHED_LEADS) if _LAUNCHED_LEADS else ""
_LAUNCHED = re.compile(
    _LAUNCHED_GUARD
    + r"(?:\b(?:(?:has|have|had)\s+(?:"
    + "|".join(re.escape(w) + r"\s+" for w in context_words("launch_adverbs"))
    + r")*)?"
    r"(?:" + fragments("launched_verbs") + r")\b"
    r"|\b(?:is|are)\s+(?:"  # "is now official", "is finally official"
    + "|".join(re.escape(w) + r"\s+" for w in context_words("launch_adverbs"))
    + r")?(?:"
    + fragments("launched_states")
    + r")\b|\b(?:goes|went|gone)\s+official\b)"
)
_NOT_LAUNCHED = re.compile(
    r"\b(?:" + fragments("launch_hedges") + r")\s+(?:\w+\s+)?(?:\w+\s+)?$|n['’]t\s+(?:\w+\s+)?$"
)
# "has (now) been introduced" reports a launch; the "been" of "will have been" is a hedge.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:already\s+|now\s+|officially\s+)?been\s+$")


_LAUNCHED_NOW = re.compile(
    r"\b(?:has|have)\s+(?:(?:"
    + fragments("launch_adverbs")
    + r")\s+)*(?:been\s+(?:(?:"
    + fragments("launch_adverbs")
    + r")\s+)*)?(?:"
    + fragments("perfect_launch_verbs")
    + r")\b"
)

# "Today, Nokia is announcing the G42": a launch told in the present tense on the day it happens.
_LAUNCHED_TODAY = re.compile(
    r"\b(?:is|are)\s+(?:(?:"
    + fragments("launch_adverbs")
    + r")\s+)*(?:"
    + fragments("progressive_launch_verbs")
    + r")\b"
)
_LAUNCH_DAY = re.compile(r"\b(?:" + fragments("launch_day_words") + r")\b")
_LAUNCH_DAY_GATE = word_gate("launch_day_words")


def _launched_today(low: str, s: int, e: int) -> re.Match | None:
    """The present-tense launch verb of a sentence that says the launch is today; without such a
    word, "is launching the X" may be a plan."""
    if not _LAUNCH_DAY_GATE.in_span(low, s, e) or _LAUNCH_DAY.search(low, s, e) is None:
        return None
    return _LAUNCHED_TODAY.search(low, s, e)


def leads() -> dict[str, list[str]]:
    """The words a launch report (_LAUNCHED) and a launch still to come (UPCOMING_LAUNCH) start
    with, for the shared word scan: each is then tried only where one of its words starts a word,
    not at every offset of the body (and again in each sentence that refers to a phone). Only
    literal words can be scanned for: when a list holds patterns, its kind is not registered and
    the plain scan runs."""
    lists = {"launched": _LAUNCHED_LEADS, "upcoming": UPCOMING_LEADS}
    return {kind: [w.lower() for w in words] for kind, words in lists.items() if words}


def _launch_reports(doc: ArticleState) -> list[re.Match]:
    """What _LAUNCHED.finditer(doc.low) gives, tried at the shared scan's lead words."""
    at = doc.word_hits.get("launched")
    return list(_LAUNCHED.finditer(doc.low)) if at is None else matches_at(_LAUNCHED, doc.low, at)


def _launch_report_in(doc: ArticleState, s: int, e: int) -> re.Match | None:
    """What _LAUNCHED.search(doc.low, s, e) gives, tried at the shared scan's lead words."""
    at = doc.word_hits.get("launched")
    return _LAUNCHED.search(doc.low, s, e) if at is None else search_at(_LAUNCHED, doc.low, at, s, e)


def hedged_launch(low: str, s: int, at: int) -> bool:
    """Whether the launch word at `at` is hedged ("may be announced", "yet to launch")."""
    perfect = _PERFECT_BEFORE.search(low, max(s, at - 30), at)
    if perfect:  # "has been launched", unless "will have been", "may have been"
        return _NOT_LAUNCHED.search(low, max(s, perfect.start() - 60), perfect.start()) is not None
    return _NOT_LAUNCHED.search(low, max(s, at - 60), at) is not None


# A literal gate before _ON_SALE_PHRASES: its phrases with single spaces ("cut it" also covers "cut its price").
_ON_SALE_WORDS = tuple(context_words("price_drop_states")) + tuple(
    f"{verb} {obj}" for verb in context_words("price_cut_verbs") for obj in context_words("price_cut_objects")
)
_ON_SALE_PHRASES = re.compile(
    r"\b(?:is|are|has|have)\s+(?:now\s+)?(?:" + fragments("price_drop_states") + r")\b"
    r"|\b(?:" + fragments("price_cut_verbs") + r")\s+(?:" + fragments("price_cut_objects") + r")\s+to\b"
)


_RELEASE_HAPPENED = re.compile(
    r"\b(?:"
    + fragments("release_happened_leads")
    + r")\s+the\s+(?:recent\s+)?(?:"
    + fragments("release_nouns")
    + r")\s+of\s+(?:the\s+)?$"
)
_OFFICIAL_LISTING = re.compile(
    r"\blisted\s+(?:on|at)\s+(?:the\s+)?(?P<owner>(?:[\w'’-]+\s+){0,3}?)(?:"
    + fragments("site_nouns")
    + r")\b"
)
_OFFICIAL_OWNERS = frozenset(context_words("official_site_owners"))
_PRODUCT_PAGE = re.compile(
    r"\b(?:"
    + fragments("page_nouns")
    + r")\s+(?:for\s+(?:the\s+)?[\w+() -]{1,40}?\s+)?on\s+(?:the\s+)?(?P<owner>(?:[\w'’-]+\s+){0,3}?)(?:"
    + fragments("site_nouns")
    + r")\b"
)


def on_sale_hits(low: str) -> list[int]:
    """Where a phone is said to be on discount or on the market: "$100 off", "(€50) off" found from
    each "off" backwards (no scan led by a digit), and the other phrases of _ON_SALE_PHRASES."""
    hits = []
    i = low.find("off")
    while i != -1:
        after = low[i + 3 : i + 4]
        if not (after.isalnum() or after == "_"):
            j = i
            while j > 0 and low[j - 1].isspace():
                j -= 1
            if j > 0 and low[j - 1] == ")":
                j -= 1
            if j > 0 and low[j - 1].isdigit():
                hits.append(j - 1)
        i = low.find("off", i + 3)
    if any(w in low for w in _ON_SALE_WORDS):
        hits += [m.start() for m in _ON_SALE_PHRASES.finditer(low)]
    hits.sort()
    return hits


def find_launched(doc: ArticleState) -> Launched:
    """Devices the article says were launched, or are on discount or on the market (a phone on
    sale for a while is a launched phone); kept in doc.statuses.launched."""
    assert doc.statuses is not None
    launched = doc.statuses.launched = Launched()
    spans, mentions, low, cues = doc.spans, doc.mentions, doc.low, doc.statuses.cues
    _mark_upcoming(launched, spans, mentions, low, doc.word_hits)
    _mark_on_sale(launched, spans, mentions, low, cues)
    _mark_headline_launches(launched, doc)
    _mark_official_listings(launched, spans, mentions, low)
    _mark_product_pages(launched, doc)
    for m in mentions:
        # "with the release of the X": the X has been launched; "will continue with the launch of
        # the X next week": it has not
        if (
            m.kind in (DEVICE, SERIES)
            and m.subject
            and not m.comparison
            and not m.alias_only
            and (release := _RELEASE_HAPPENED.search(low, max(0, m.start - 40), m.start))
            and not hedged_launch(low, max(0, release.start() - 60), release.start())
        ):
            launched.devices.add(m.subject)
    if not _LAUNCHED_GATE(low):
        return launched
    starts = [m.start for m in mentions]
    hits = _launch_reports(doc)
    if not hits:
        return launched
    sentence_starts = [sp[0] for sp in spans]
    done = set()
    for hit in hits:
        k = bisect_right(sentence_starts, hit.start()) - 1
        if k < 0 or k in done or hit.start() >= spans[k][1]:
            continue
        s, e, _item = spans[k]
        if _CLAUSE_OBJECT.match(low, hit.end()) and UPCOMING_LAUNCH.search(low, hit.end(), e):
            continue  # "Oppo announced that the X will be launched on ...": a launch to come
        done.add(k)
        if hedged_launch(low, s, hit.start()):
            continue
        if any(c[2] != CONFIRMED for c in cues.in_span(s, _launch_clause_end(low, hit.end(), e))):
            continue  # "is rumored to have launched", "may be announced"
        own = mentions_within(mentions, starts, s, e)
        described = _launch_described(low, hit, own)
        if described is not None:
            # "will take on the recently launched X", "succeeds the X, which was launched in May":
            # the launch is the X's alone
            if described.subject and not described.alias_only:
                launched.devices.add(described.subject)
                if described.kind == SERIES or series_after(low, described.end):
                    launched.series.append(_series_base(described.subject))
            continue
        for m in own:
            if m.kind not in (DEVICE, SERIES) or m.comparison or m.alias_only or not m.subject:
                continue
            if (
                low[max(s, m.start - 16) : m.start]
                .rstrip()
                .endswith(("last year's", "last year’s", "previous"))
            ):
                continue
            launched.devices.add(m.subject)
            if m.kind == SERIES or series_after(low, m.end):  # "its Pura 70 smartphone series"
                launched.series.append(_series_base(m.subject))
    return launched


_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|an?|its|their)\s+(?:[a-z]+ly\s+)?$")
_RELATIVE_BEFORE = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:[a-z]+ly\s+)?"
)


def _launch_described(low: str, hit: re.Match, own: list[Mention]) -> Mention | None:
    """The phone a launch word only describes: "the recently launched X" (a participle before
    the name), "the X, which was launched in May" (a relative clause after it); None when the
    launch word is the sentence's own verb."""
    if _ATTRIBUTIVE_BEFORE.search(low, max(0, hit.start() - 24), hit.start()):
        after = next((m for m in own if m.start >= hit.end()), None)
        if after is not None and after.kind in (DEVICE, SERIES) and not low[hit.end() : after.start].strip():
            return after
    before = next((m for m in reversed(own) if m.end <= hit.start()), None)
    if (
        before is not None
        and before.kind in (DEVICE, SERIES)  # "Oppo, which launched the X today": the X's launch
        and _RELATIVE_BEFORE.fullmatch(low, before.end, hit.start())
    ):
        return before
    return None


# "announced that ...": the maker's word of what follows, which may be a launch still to come.
_CLAUSE_OBJECT = re.compile(r"\s+that\b")


# "X took the wraps off the Y in China, sparking rumours of a global launch": a clause after the
# launch (a participle, "which", "while", "but") hedges what follows, not the launch reported.
_LATER_CLAUSE = re.compile(r"[;–—]|,\s+(?:[a-z]+ing|which|while|whereas|but|though|although)\b")


def _launch_clause_end(low: str, at: int, end: int) -> int:
    """Where the clause of the launch word ending at `at` ends (the sentence's end at the latest)."""
    m = _LATER_CLAUSE.search(low, at, end)
    return m.start() if m else end


def _series_base(subject: str) -> str:
    return subject[: -len(" series")] if subject.endswith(" series") else subject


def _mark_headline_launches(launched: Launched, doc: ArticleState) -> None:
    """The phones the headline (the title, else the address's words) says were launched
    ("Sony Xperia 5 V Revealed ...", "/huawei-unveils-pura-70-series-...")."""
    text = headline(doc.article.title, doc.article.url)
    if not text:
        return
    launched.hedged_headline = hedged_headline(text)
    names = {
        (m.subject, m.text, m.kind == SERIES)
        for m in doc.mentions
        if m.kind in (DEVICE, SERIES) and m.subject and not m.ref and not m.alias_only and m.text
    }
    for subject, as_series in launched_in_headline(text, sorted(names)):
        launched.devices.add(subject)
        if as_series:
            launched.series.append(_series_base(subject))


def _mark_official_listings(launched: Launched, spans, mentions: list[Mention], low: str) -> None:
    """Phones listed on their maker's own site ("listed on the vivo India website", "on the
    official site"): official, though not yet launched; a retailer's listing is not."""
    if "listed" not in low:
        return
    sentence_starts = [sp[0] for sp in spans]
    starts = [m.start for m in mentions]
    for hit in _OFFICIAL_LISTING.finditer(low):
        words = hit.group("owner").split()
        k = bisect_right(sentence_starts, hit.start()) - 1
        if k < 0:
            continue
        s, e, _item = spans[k]
        for m in mentions_within(mentions, starts, s, e):
            if m.kind not in (DEVICE, SERIES) or m.comparison or m.alias_only or not m.subject or not m.brand:
                continue
            if _official_owner(words, m.brand):  # "on Samsung's site"
                launched.devices.add(m.subject)
                launched.listed.add(m.subject)


def _official_owner(words: list[str], brand: str | None) -> bool:
    """Whether the owner words of a site ("its India", "Samsung's") name the maker's own site."""
    if any(w in _OFFICIAL_OWNERS for w in words) or " ".join(words[:2]) in _OFFICIAL_OWNERS:
        return True
    return bool(brand and brand.lower() in [re.sub(r"['’]s$", "", w) for w in words])


def _mark_product_pages(launched: Launched, doc: ArticleState) -> None:
    """Phones with a page on their maker's own site ("the company has set up a dedicated page on its
    website"): official, their plain specs confirmed; the phone of the sentence, else the article's
    salient phone. A retailer's page is not the maker's."""
    low = doc.low
    if "page" not in low and "microsite" not in low:
        return
    spans, mentions = doc.spans, doc.mentions
    sentence_starts = [sp[0] for sp in spans]
    starts = [m.start for m in mentions]
    done = set()
    for hit in _PRODUCT_PAGE.finditer(low):
        words = hit.group("owner").split()
        k = bisect_right(sentence_starts, hit.start()) - 1
        if k < 0 or (k, tuple(words)) in done:
            continue
        done.add((k, tuple(words)))  # each sentence's phones read once per owner, not once per page
        s, e, _item = spans[k]
        named = []
        for m in mentions_within(mentions, starts, s, e):
            if m.kind in (DEVICE, SERIES) and m.subject and m.brand and not m.comparison and not m.alias_only:
                named.append(m)
        for m in named or ([doc.salient.main] if doc.salient.main is not None else []):
            if _official_owner(words, m.brand):
                assert m.subject is not None
                launched.devices.add(m.subject)
                launched.listed.add(m.subject)


def _mark_upcoming(launched: Launched, spans, mentions: list[Mention], low: str, word_hits: dict) -> None:
    """The devices and series whose launch the article says is still to come."""
    if "launch" not in low and "upcoming" not in low and "debut" not in low and "unveil" not in low:
        return
    at = word_hits.get("upcoming")
    found = UPCOMING_LAUNCH.finditer(low) if at is None else matches_at(UPCOMING_LAUNCH, low, at)
    hits = [m.start() for m in found]
    if not hits:
        return
    sentence_starts = [sp[0] for sp in spans]
    starts = [m.start for m in mentions]
    for k in sorted({bisect_right(sentence_starts, at) - 1 for at in hits}):
        if k < 0:
            continue
        s, e, _item = spans[k]
        for m in mentions_within(mentions, starts, s, e):
            if m.kind in (DEVICE, SERIES) and m.subject and not m.comparison and not m.alias_only:
                launched.upcoming.add(_series_base(m.subject))


def _mark_on_sale(launched: Launched, spans, mentions: list[Mention], low: str, cues) -> None:
    sentence_starts = [sp[0] for sp in spans]
    starts = [m.start for m in mentions]
    done = set()
    for at in on_sale_hits(low):
        k = bisect_right(sentence_starts, at) - 1
        if k < 0 or k in done or at >= spans[k][1]:
            continue
        done.add(k)
        s, e, _item = spans[k]
        if any(c[2] != CONFIRMED for c in cues.in_span(s, e)):
            continue
        for m in mentions_within(mentions, starts, s, e):
            if m.kind == DEVICE and m.subject and not m.comparison and not m.alias_only:
                launched.devices.add(m.subject)


# The reference is the launch verb's subject: only auxiliaries and adverbs between them.
_REFERENCE_THEN_VERB = re.compile(r"\s+(?:(?:" + fragments("launch_auxiliaries") + r")\s+)*")


def find_launched_by_reference(doc: ArticleState) -> None:
    """ "The handset was introduced in Kenya in May": a launch sentence that names no device but
    refers to one ("it", "the smartphone", "Samsung's latest flagship") says the device it stands
    for was launched. Read after the discourse has resolved the references; the sentences that
    name a device were read before."""
    assert doc.statuses is not None
    launched = doc.statuses.launched
    low, cues = doc.low, doc.statuses.cues
    if not _LAUNCHED_GATE(low):
        return
    for sentence in doc.references:
        if not (sentence.refs or any(m.kind == COMPANY_REF for m in sentence.mentions)) or any(
            m.kind in (DEVICE, SERIES) and not m.ref for m in sentence.mentions
        ):
            continue
        s, e = sentence.start, sentence.end
        hit = _launch_report_in(doc, s, e)
        if hit is None or hedged_launch(low, s, hit.start()):
            continue
        if any(c[2] != CONFIRMED for c in cues.in_span(s, e)):
            continue
        for m in sentence.resolved:
            if (
                m.ref
                and m.kind == REF_DEVICE
                and m.subject
                and not m.comparison
                and _REFERENCE_THEN_VERB.fullmatch(low, m.end, hit.start())
            ):
                launched.devices.add(m.subject)
                _end_carried_rumour(doc.references, sentence)
            elif (
                m.kind == COMPANY_REF
                and m.subject
                and not m.comparison
                and _REFERENCE_THEN_VERB.fullmatch(low, m.end, hit.start())
            ):
                # "Samsung's latest flagship is here": the maker's phone the article is about
                device = device_for_company(m, sentence.topic, doc.salient)
                if device is not None and device.kind == DEVICE and device.subject:
                    launched.devices.add(device.subject)
                    _end_carried_rumour(doc.references, sentence)


def _end_carried_rumour(sentences, launch) -> None:
    """The rumour cue carried into a launch report ("the X is said to come to Europe ... The handset
    was introduced in Kenya") ends there: that sentence and the ones after it that carry the same cue
    read as what they say themselves."""
    carried = launch.carried_cue
    if not carried[1]:
        return
    ended = (carried[0], None, None)
    for sentence in sentences:
        if sentence.start >= launch.start and sentence.carried_cue is carried:
            sentence.carried_cue = ended


# The words between "has launched" and the phone launched ("has launched its new X"), and between the
# phone and "has (now) been unveiled": anything else ("the launch date of the X", "that the X will")
# is not the X launched.
_OBJECT_GAP = re.compile(
    r"\s+(?:(?:" + fragments("object_determiners") + r"|" + fragments("reference_adjectives") + r")\s+)*"
)
_SUBJECT_GAP = re.compile(r"\s+(?:(?:" + fragments("launch_auxiliaries") + r")\s+)*")


# "Vivo has launched one more budget handset", "Oppo has launched a new phone": a phone the
# sentence does not name.
_UNNAMED_PHONE = re.compile(
    r"\s+(?:(?:yet\s+)?another|an?|its)\s+(?:[\w-]+\s+){0,3}?(?:"
    + fragments("company_reference_nouns")
    + r")\b"
)


def _unnamed_launched_phone(doc: ArticleState, sentence, hit: re.Match) -> Mention | None:
    """ "Vivo has now launched one more budget handset. ... It is the Y36": the article's salient
    device, launched by the article's account, when its maker is the sentence's subject and the
    launched phone is left unnamed."""
    assert doc.statuses is not None
    main = doc.salient.main
    if main is None or main.kind != DEVICE or main.subject not in doc.statuses.launched:
        return None
    if not _UNNAMED_PHONE.match(doc.low, hit.end()):
        return None
    makers = [m for m in sentence.resolved if m.end <= hit.start() and m.brand == main.brand and not m.ref]
    if not makers or not _SUBJECT_GAP.fullmatch(doc.low, makers[-1].end, hit.start()):
        return None
    return main


def launched_on_publication(doc: ArticleState, found: list[Assignment]) -> list[Assignment]:
    """ "Oppo has now launched the Reno 20", "the Reno 20 has been unveiled" in the opening
    paragraph of an article dated in its header, the sentence giving no date: the launch happened
    on the article's date, a launch date for the device named (unless the article dates it
    elsewhere, on or before its own date)."""
    assert doc.statuses is not None
    if doc.published is None or doc.article.published_basis != "header" or not doc.references:
        return []
    # A date of the device later than the article's ("has launched the X ... on sale from the
    # 13th") is of its sale or another market, not of the launch the sentence reports.
    published = doc.published.isoformat()
    dated = {a.subject.subject for a in found if a.value <= published}
    first_paragraph = doc.references[0].paragraph_start
    out: list[Assignment] = []
    for sentence in doc.references:
        if sentence.paragraph_start != first_paragraph:
            break
        s, e = sentence.start, sentence.end
        hit = _LAUNCHED_NOW.search(doc.low, s, e) or _launched_today(doc.low, s, e)
        if (
            hit is None
            or sentence.in_signature
            or _NOT_LAUNCHED.search(doc.low, max(s, hit.start() - 60), hit.start())
        ):
            continue
        devices = [
            m
            for m in sentence.resolved
            if m.kind == DEVICE and m.subject and not m.comparison and not m.alias_only and s <= m.start < e
        ]
        low = doc.low
        after = [
            m for m in devices if m.start >= hit.end() and _OBJECT_GAP.fullmatch(low, hit.end(), m.start)
        ]
        before = [
            m for m in devices if m.end <= hit.start() and _SUBJECT_GAP.fullmatch(low, m.end, hit.start())
        ]
        subject = after[0] if after else before[-1] if before else None
        if subject is None and not devices:
            subject = _unnamed_launched_phone(doc, sentence, hit)
        if subject is None or low.startswith(("'s", "’s"), subject.end):
            continue  # "has unveiled the X's design", "announced that the X will ...": not the X's launch
        if any(c[2] != CONFIRMED for c in doc.statuses.cues.in_span(s, max(hit.end(), subject.end))):
            continue  # a hedge of the launch itself; one in a clause after the name ("a model people
            # might consider") is not
        for m in coordinated(doc.body, subject, devices):  # "has launched the X and the X Pro"
            assert m.subject is not None
            doc.statuses.launched.devices.add(m.subject)  # launched on the article's day
            if m.subject in dated:
                continue
            dated.add(m.subject)
            when = doc.published.isoformat()
            out.append(
                Assignment((s, e), sentence, m, "launch_date", when, hit.start(), hit.end(), CONFIRMED)
            )
    return out
