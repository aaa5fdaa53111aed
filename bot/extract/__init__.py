"""Extraction: an article in, its claims out, each with a verbatim quote and its offsets.

`extract(article)` is pure Python (no Discord), never raises, and reads the article in one pass:
sentences with offsets; subject mentions (devices by pattern, brand and catalogue, brand-less
models given the article's brand, series, companies, words referring to the current topic);
values found by pattern and normalised; each value handed to the subject its clause is about
(never a compared device), with a status from the cues governing its own clause.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache

from bot.extract import dates as _dates
from bot.extract import wordscan
from bot.extract.lexicon import alternation, context_words, fragments, key, lexicon, lowered, optics_brand, trie_pattern, word_start
from bot.extract.mentions import (COMPANY, COMPANY_REF, DEVICE, REF_DEVICE, REF_SERIES, SERIES,
                                  Mention, MentionFinder, mark_comparisons, resolve_device,
                                  _tidy_model, brand_of_lead)
from bot.extract.mentions import leads as mention_leads
from bot.extract.sentences import paragraphs, split_sentences
from bot.extract.status import (CONFIRMED, DENIED, RUMORED, UPCOMING_LAUNCH, Cues, headline, launched_in_headline,
                                series_after)
from bot.extract.status import leads as status_leads
from bot.extract.values import Sentences, Value, find_values
from bot.models import Article, Claim

__all__ = ["extract"]

_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|and|while|though|although|yet|so)\b|\bbut\b|\bwhile\b|\bwhereas\b")


@lru_cache(maxsize=1)
def _wish_pattern() -> re.Pattern:
    return re.compile(lexicon().cues["wish"])


# The grammar is here; the words are data (data/lexicon/context.json), read once at import.
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:" + fragments("comparison_prepositions") + r")"
    r"\s+(?:the\s+|its\s+|a\s+)?|\blast year['’]s\s+|\bthe previous\s+)$", re.IGNORECASE)
_FIRST_OF_BRAND = re.compile(r"(?i)the (?:" + fragments("first_of_brand") + r")\b")
_GROUP_REF = re.compile(r"(?i)(?:" + fragments("group_references") + r")\b")
_GROUP_START = re.compile(r"(?:" + fragments("group_references") + r")\b")
_COMPARE_GATE = re.compile(fragments("comparison_gate"))
_AFTER_COMPARED = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}|\s*\(\s*|\s*,\s*which\s+(?:[\w-]+\s+){0,3}?(?:at\s+|for\s+)?(?:an?\s+|the\s+)?"
    r"|\s*,\s*with\s+(?:an?\s+|the\s+)?|\s+(?:with|and its|has|had)\s+(?:an?\s+|the\s+|its\s+)?)")
_LAUNCHED_GATE = re.compile(fragments("launched_gate"))
_LAUNCHED = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:" + "|".join(w + r"\s+" for w in context_words("launch_adverbs")) + r")*)?"
    r"(?:" + fragments("launched_verbs") + r")\b"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:" + fragments("launched_states") + r")\b|\b(?:goes|went|gone)\s+official\b")
_NOT_LAUNCHED = re.compile(
    r"\b(?:" + fragments("launch_hedges") + r")\s+(?:\w+\s+)?(?:\w+\s+)?$|n['’]t\s+(?:\w+\s+)?$")
_ADJACENT_VALUE = re.compile(
    r"(?:['’]s?)?\s+(?:" + "|".join(w + r"\s+" for w in context_words("own_value_modifiers")) + r")?")
_OBJECT_BEFORE = re.compile(
    r"\b(?:" + fragments("object_prepositions") + r")\s+"
    r"(?:(?:" + fragments("object_determiners") + r")\s+)?(?:[\w-]+\s+){0,2}$")
_MODEL_REF = re.compile(
    r"\b[Tt]he\s+(?:(?P<adj>(?:" + fragments("model_reference_adjectives") + r")\s+)"
    r"(?P<noun>(?:" + fragments("model_reference_nouns") + r"|one)\b)"
    r"|(?P<var>" + fragments("model_reference_variants") + r")(?![\w+])"
    r"(?:\s*(?:" + fragments("model_reference_nouns") + r")\b)?)")
_SMALLER = re.compile(fragments("smaller_words"))
_LARGER = re.compile(fragments("larger_words"))


_RANKS = tuple((word, rank) for word, rank in context_words("variant_ranks"))


def _variant_rank(model: str) -> int:
    """Smaller to bigger members of a family: base, +, Pro, Pro+, Max, Ultra."""
    low = model.lower()
    for word, rank in _RANKS:
        if low.endswith(word):
            return rank
    return 0


def _group_members(text: str, group: list[Mention]) -> list[Mention]:
    low = text.lower()
    variants = lexicon().variant_lower
    words = {w.rstrip("+") for w in re.findall(r"[\w+]+", low) if w in variants or w.rstrip("+") in variants}
    marked = [m for m in group if m.model and words & {w.lower().rstrip("+") for w in m.model.split()[1:]}]
    if marked:
        group = marked
    count = 2 if _GROUP_START.match(low) else 3 if "three" in low else None
    if count and len(group) > count:
        group = group[-count:] if _LARGER.search(low) else group[:count]
    return group


def _on_sale_hits(low: str) -> list[int]:
    """Where a phone is said to be on discount or on the market: "$100 off", "(€50) off" found from
    each "off" backwards (no scan led by a digit), and the other phrases of _ON_SALE."""
    hits = []
    i = low.find("off")
    while i != -1:
        after = low[i + 3:i + 4]
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


# A literal gate before _ON_SALE_PHRASES: its phrases with single spaces ("cut it" also covers "cut its price").
_ON_SALE_WORDS = tuple(context_words("price_drop_states")) + tuple(
    f"{verb} {obj}" for verb in context_words("price_cut_verbs") for obj in context_words("price_cut_objects"))
_ON_SALE_PHRASES = re.compile(
    r"\b(?:is|are|has|have)\s+(?:now\s+)?(?:" + fragments("price_drop_states") + r")\b"
    r"|\b(?:" + fragments("price_cut_verbs") + r")\s+(?:" + fragments("price_cut_objects") + r")\s+to\b")
_TABLE = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*$(?:\n[ \t]*\|[^\n]*\|[ \t]*$)+")
_DEAL_COLUMN = re.compile(r"(?i)\b(?:" + fragments("deal_column_words") + r")\b")
_NOT_LAUNCH_DATE = re.compile(fragments("not_launch_date"))
log = logging.getLogger("receipts.extract")


def extract(article: Article) -> list[Claim]:
    """The claims an article makes. Never raises: an unreadable article gives no claims."""
    try:
        return _Extraction(article).run()
    except Exception:  # pragma: no cover - a safety net; the property tests look for these
        log.exception("extraction failed for %s", getattr(article, "id", "?"))
        return []


@lru_cache(maxsize=1)
def _optics_words() -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in lexicon().optics}))


def _has_optics_word(low: str) -> bool:
    """A literal gate before the optics scan: most articles name no optics brand."""
    return any(w in low for w in _optics_words())


@lru_cache(maxsize=1)
def _static():
    lex = lexicon()
    specs = lex.specs
    optics_words = sorted(lex.optics, key=len, reverse=True)
    optics = re.compile(trie_pattern(sorted({w.lower() for w in optics_words})) + r"(?![\w])")
    partnership = re.compile(lex.cues["partnership"])
    launch = re.compile(specs["launch_words"])
    past_block = re.compile(specs["past_date_blockers"] + r"[\w\s,]{0,12}$", re.IGNORECASE)
    compare_before_value = re.compile(
        r"(?:" + "".join(r"\b" + w + "|" for w in context_words("comparison_before_value"))
        + r"\b(?:" + fragments("change_verbs") + r")"
        r"\s+from)\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’-]+\s+){0,2}$",
        re.IGNORECASE)
    alias_after = re.compile(
        r"\s*(?:\(\s*|,\s*|\s+|—\s*|–\s*)(?:which (?:was|is|has been) |"
        + "|".join(w + " " for w in context_words("alias_lead_words")) + r")*"
        r"(?:" + fragments("alias_words") + r")"
        r"(?:\s+(?:as|to be))?\s+(?:the\s+)?(?:[\"“‘'](?P<qalias>[\w+ -]{2,30})[\"”’']|(?P<alias>[A-Z0-9][\w+-]*(?:\s+(?:[A-Z0-9][\w+-]*|\(\d{1,2}\))){0,3}))")
    renamed = re.compile(
        r"\s*(?:\(\s*|,\s*|\s+)?(?:which |that )?(?:(?:was|is|has been|will be|had been|got|gets|is being|now)\s+)*"
        r"(?:(?:" + fragments("renamed_verbs") + r")(?:\s+(?:to|as))?"
        r"|(?:" + fragments("marketed_as_verbs") + r")\s+(?:to|as))"
        r"\s+(?:the\s+)?")
    return optics, partnership, launch, past_block, compare_before_value, alias_after, renamed


@lru_cache(maxsize=1)
def _word_scan_ready() -> bool:
    """Registers the word lists of the shared scan once: cues, makers, companies, references, launch words."""
    for kind, words in {**status_leads(), **mention_leads()}.items():
        wordscan.register(kind, words)
    wordscan.register("launch", wordscan.lead_words(_static()[2].pattern))
    return True


def _launch_spans(launch, low: str, hits: dict) -> list[tuple[int, int]]:
    """Launch words at word starts, and "launch" anywhere ("relaunched"), as the plain scan kept them."""
    positions = hits["launch"]
    inside = low.find("launch")
    if inside != -1:
        extra = []
        while inside != -1:
            extra.append(inside)
            inside = low.find("launch", inside + 1)
        positions = sorted(set(positions).union(extra))
    return [m.span() for m in wordscan.matches_at(launch, low, positions)
            if low.startswith("launch", m.start()) or word_start(low, m.start())]


def _carried_cue(paragraph_start: int, sentence_status: str | None, topic: Mention | None,
                 previous: tuple) -> tuple:
    """The cue the next sentence may inherit: this sentence's own (a denial is never inherited),
    else the earlier one while the paragraph and the topic stay the same."""
    if sentence_status and sentence_status != DENIED:
        return (paragraph_start, sentence_status, topic.subject if topic else None)
    if previous[0] != paragraph_start or (topic and previous[2] != topic.subject):
        return (paragraph_start, None, None)
    return previous


def _valid_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class _Extraction:
    def __init__(self, article: Article):
        self.article = article
        self.body = article.body or ""
        self.base = _valid_date(article.published)
        self.claims: list[Claim] = []

    # -- helpers -----------------------------------------------------------------------------

    def claim(self, subject: Mention, attribute: str, value: str, status: str, span: tuple[int, int]):
        start, end = span
        article = self.article
        kind = subject.kind
        self.claims.append(Claim(
            article.id, subject.subject, attribute, value, status, self.body[start:end], start, end,
            article.published, article.published_basis,
            "device" if kind == DEVICE or kind == REF_DEVICE else "series" if kind == SERIES or kind == REF_SERIES
            else "company", subject.brand, subject.text or subject.subject))

    def is_launched(self, subject: str | None) -> bool:
        """Whether the article reports the device (or its series) as launched."""
        if not subject or not self.launched:
            return False
        if subject in self.launched:
            return True
        if any(subject.startswith(base) for base in self.launched_series):
            return True
        # A series whose members the article says were launched: "They run on ..." after
        # "the X and X Pro were introduced".
        series_base = subject[:-len(" series")] if subject.endswith(" series") else None
        return bool(series_base) and any(name.startswith(series_base) for name in self.launched)

    def find_launched(self, spans, mentions: list[Mention]) -> None:
        """Devices the article says were launched ("Asus has launched the Zenfone 10 and Zenfone 10 Pro",
        "the Galaxy S25 series is official"): their plain specs are confirmed."""
        self.launched: set[str] = set()
        self.launched_series: list[str] = []
        low = self.low
        self.mark_upcoming(spans, mentions)
        # A phone on discount or on the market for a while is a launched phone.
        self.mark_on_sale(spans, mentions)
        self.mark_headline_launches(mentions)
        if _LAUNCHED_GATE.search(low) is None:
            return
        starts = [m.start for m in mentions]
        hits = list(_LAUNCHED.finditer(low))
        if not hits:
            return
        sentence_starts = [sp[0] for sp in spans]
        done = set()
        for hit in hits:
            k = bisect_right(sentence_starts, hit.start()) - 1
            if k < 0 or k in done or hit.start() >= spans[k][1]:
                continue
            done.add(k)
            s, e, _item = spans[k]
            if _NOT_LAUNCHED.search(low, max(s, hit.start() - 60), hit.start()):
                continue
            if any(c[2] != CONFIRMED for c in self.cues.in_span(s, e)):
                continue  # "is rumored to have launched", "may be announced"
            i = bisect_right(starts, s - 1)
            while i < len(mentions) and mentions[i].start < e:
                m = mentions[i]
                i += 1
                if m.kind not in (DEVICE, SERIES) or m.comparison or m.alias_only or not m.subject:
                    continue
                if low[max(s, m.start - 16):m.start].rstrip().endswith(("last year's", "last year’s", "previous")):
                    continue
                self.launched.add(m.subject)
                if m.kind == SERIES or series_after(low, m.end):
                    self.launched_series.append(m.subject[:-len(" series")] if m.subject.endswith(" series") else m.subject)

    def mark_upcoming(self, spans, mentions: list[Mention]) -> None:
        """The devices and series whose launch the article says is still to come."""
        self.upcoming: set[str] = set()
        hits = [m.start() for m in UPCOMING_LAUNCH.finditer(self.low)] if "launch" in self.low or \
            "upcoming" in self.low or "debut" in self.low or "unveil" in self.low else []
        if not hits:
            return
        sentence_starts = [sp[0] for sp in spans]
        starts = [m.start for m in mentions]
        for k in sorted({bisect_right(sentence_starts, at) - 1 for at in hits}):
            if k < 0:
                continue
            s, e, _item = spans[k]
            i = bisect_right(starts, s - 1)
            while i < len(mentions) and mentions[i].start < e:
                m = mentions[i]
                i += 1
                if m.kind in (DEVICE, SERIES) and m.subject and not m.comparison and not m.alias_only:
                    self.upcoming.add(m.subject[:-len(" series")] if m.subject.endswith(" series") else m.subject)

    def is_upcoming(self, subject: str) -> bool:
        return any(subject == name or subject.startswith(name + " ") for name in self.upcoming)

    def mark_headline_launches(self, mentions: list[Mention]) -> None:
        """The phones the headline says were launched ("Sony Xperia 5 V Revealed ...")."""
        text = headline(self.article.title, self.article.url)
        if not text:
            return
        names = {(m.subject, m.text, m.kind == SERIES) for m in mentions
                 if m.kind in (DEVICE, SERIES) and m.subject and not m.ref and not m.alias_only and m.text}
        for subject, as_series in launched_in_headline(text, sorted(names)):
            self.launched.add(subject)
            if as_series:
                self.launched_series.append(subject[:-len(" series")] if subject.endswith(" series") else subject)

    def mark_on_sale(self, spans, mentions: list[Mention]) -> None:
        low = self.low
        sentence_starts = [sp[0] for sp in spans]
        starts = [m.start for m in mentions]
        done = set()
        for at in _on_sale_hits(low):
            k = bisect_right(sentence_starts, at) - 1
            if k < 0 or k in done or at >= spans[k][1]:
                continue
            done.add(k)
            s, e, _item = spans[k]
            if any(c[2] != CONFIRMED for c in self.cues.in_span(s, e)):
                continue
            i = bisect_right(starts, s - 1)
            while i < len(mentions) and mentions[i].start < e:
                m = mentions[i]
                i += 1
                if m.kind == DEVICE and m.subject and not m.comparison and not m.alias_only:
                    self.launched.add(m.subject)

    def default_status(self, subject: Mention, attribute: str) -> str:
        if attribute == "camera_partner":
            return CONFIRMED
        if self.is_launched(subject.subject):
            return CONFIRMED
        if subject.kind in (DEVICE, REF_DEVICE):
            device = lexicon().devices_by_key.get(key(subject.subject or ""))
            if device is not None and device.announced and (
                    self.base is None or device.announced <= self.base.isoformat()[:7]) \
                    and not self.is_upcoming(subject.subject):
                return CONFIRMED
        return RUMORED

    # -- the pass ----------------------------------------------------------------------------

    def run(self) -> list[Claim]:
        body = self.body
        if not body.strip():
            return []
        spans = split_sentences(body)
        self.sentences = Sentences(spans)
        optics, partnership, launch, past_block, compare_before_value, alias_after, renamed = _static()

        # Embedded posts: their signature lines carry no claims; a maker's post is official.
        posts = _dates.post_signatures(body)
        self.signatures = [m.span() for m, _ in posts]
        self.official_regions = []
        lex = lexicon()
        paras = paragraphs(body)
        for m, _when in posts:
            author = (m.group(1) or "").strip().lower()
            handle = m.group(2).lower()
            brand = lex.handle_to_brand.get(handle) or lex.word_to_brand.get(author) or lex.exec_to_brand.get(author)
            if not brand:
                continue
            para = next((p for p in paras if p[0] <= m.start() < p[1]), None)
            start = para[0] if para else m.start()
            if para and para[0] == m.start() - (m.start() - para[0]) and body[para[0]:m.start()].strip() == "":
                previous = [p for p in paras if p[1] <= para[0]]
                start = previous[-1][0] if previous else start
            self.official_regions.append((start, m.start()))

        # Mentions: branded, then aliases, then brand-less ones given the brand around them.
        self.low = lowered(body)
        _word_scan_ready()
        hits = wordscan.scan(self.low)
        finder = MentionFinder(body, self.low, hits)
        mentions, taken = finder.find()
        self.seen_models: dict[str, set[str]] = {}
        families = lex.family_words
        for m in mentions:
            if m.kind in (DEVICE, SERIES) and m.brand:
                models = self.seen_models.setdefault(m.brand, set())
                mkey = key(m.model)
                models.add(mkey)
                for family in families.get(m.brand, ()):  # "Galaxy S23 Ultra" is also "S23 Ultra"
                    fkey = key(family)
                    if fkey and mkey.startswith(fkey) and len(mkey) > len(fkey):
                        models.add(mkey[len(fkey):])
        finder.seen_models = self.seen_models
        branded = [m for m in mentions if m.kind in (DEVICE, SERIES, COMPANY, COMPANY_REF) and m.brand]
        counts: dict[str, int] = {}
        for m in branded:
            counts[m.brand] = counts.get(m.brand, 0) + 1
        dominant = max(counts, key=lambda b: (counts[b], -min(x.start for x in branded if x.brand == b))) if counts else None

        def brand_at(offset: int) -> str | None:
            for m in reversed(branded):
                if m.start < offset and m.kind in (DEVICE, SERIES) and not m.comparison:
                    return m.brand
            return dominant

        mentions += finder.find_brandless(taken, brand_at)
        mentions.sort(key=lambda x: x.start)
        mentions = self.model_references(mentions, taken)
        self.cues = Cues(body, self.low, hits)
        alias_map = self.find_aliases(mentions, alias_after, renamed)
        if alias_map:
            for canonical_brand, alias_key in [(b, k) for b, ks in self.alias_models.items() for k in ks]:
                self.seen_models.setdefault(canonical_brand, set()).add(alias_key)
            extra = finder.find_brandless(taken, brand_at)
            for m in extra:
                if any(a <= m.start < b for a, b in self.alias_spans):
                    m.alias_only = True
            mentions += extra
            mentions.sort(key=lambda x: x.start)
            for m in mentions:
                if m.kind == DEVICE and not m.alias_only and m.subject in alias_map:
                    m.subject = alias_map[m.subject]
        mark_comparisons(body, mentions)
        mentions = [m for m in mentions if not m.tentative or m.comparison]
        values = find_values(body, self.sentences)
        mentions = self.drop_value_makers(mentions, values)
        wish = _wish_pattern()
        self.mentions = mentions
        self.mentions_so_far = mentions
        self.find_launched(spans, mentions)
        table_map = self.table_subjects(mentions, values)
        low = self.low
        all_launch = _launch_spans(launch, low, hits)
        self.optic_hits = [m for m in optics.finditer(low)
                           if not m.start() or not (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_")
                           or low[m.start()] == "@"] if _has_optics_word(low) else []
        launch_dates = []
        li = 0
        signatures = self.signatures
        official_regions = self.official_regions
        in_object_position = self.in_object_position

        # Walk the sentences with the topic.
        topic: Mention | None = None
        series_topic: Mention | None = None
        last_group: list[Mention] = []
        previous_group: list[Mention] = []
        mi = 0
        vi = 0
        previous_cue: tuple = (-1, None, None)
        lead_in_status: str | None = None
        para_index = 0
        fast_li = 0
        for s, e, is_item in spans:
            while mi < len(mentions) and mentions[mi].start < s:
                mi += 1
            sent_mentions = []
            j = mi
            while j < len(mentions) and mentions[j].start < e:
                sent_mentions.append(mentions[j])
                j += 1
            while vi < len(values) and values[vi].start < s:
                vi += 1
            sent_values = []
            j = vi
            while j < len(values) and values[j].start < e:
                if values[j].end <= e:
                    sent_values.append(values[j])
                j += 1
            while para_index < len(paras) - 1 and paras[para_index][1] <= s:
                para_index += 1
            para = paras[para_index] if paras else (s, e)

            if not sent_mentions and not sent_values:
                # A sentence that names nothing and has no value: only its cues carry forward,
                # unless it has a launch word (a launch date then goes to the topic).
                while fast_li < len(all_launch) and all_launch[fast_li][0] < s:
                    fast_li += 1
                if fast_li >= len(all_launch) or all_launch[fast_li][0] >= e:
                    sentence_status = self.cues.last_in(s, e)
                    previous_cue = _carried_cue(para[0], sentence_status, topic, previous_cue)
                    if not is_item:
                        lead_in_status = sentence_status
                    continue

            # Resolve references to the topic.
            resolved: list[Mention] = []
            self.sentence_refs = [m for m in sent_mentions if m.kind in (REF_DEVICE, REF_SERIES)]
            for m in sent_mentions:
                if m.kind != REF_DEVICE and m.kind != REF_SERIES:
                    resolved.append(m)
                    continue
                antecedent = next((x for x in reversed(resolved) if x.kind in (DEVICE, SERIES) and not x.ref
                                   and not x.comparison and not x.alias_only and x.subject), None)
                if m.kind == REF_DEVICE:
                    target = antecedent if antecedent is not None and antecedent.kind == DEVICE else (topic or series_topic)
                elif m.kind == REF_SERIES:
                    target = antecedent if antecedent is not None and antecedent.kind == SERIES else (series_topic or topic)
                else:
                    resolved.append(m)
                    continue
                if m.kind == REF_SERIES and not last_group and _GROUP_REF.match(m.text) and topic is not None:
                    last_group = self.family_members(topic, m.start)
                if m.kind == REF_SERIES and previous_group and antecedent is None and m.text.lower() == "they":
                    # "Both handsets pack ... They run ...": "they" goes on with the same devices.
                    first = previous_group[0]
                    resolved.append(Mention(m.start, m.end, DEVICE, first.subject, first.brand, m.text,
                                            model=first.model, ref=True, group=tuple(previous_group)))
                    continue
                if m.kind == REF_SERIES and last_group and _GROUP_REF.match(m.text):
                    # "Both phones", "the two models": each device of the last pair named together;
                    # "both Pro models" those of them with the word, "the two smaller models" the first two.
                    group = _group_members(m.text, last_group)
                    first = group[0]
                    resolved.append(Mention(m.start, m.end, DEVICE, first.subject, first.brand, m.text,
                                            model=first.model, ref=True, group=tuple(group)))
                    continue
                if target is not None:
                    kind = SERIES if target.kind == SERIES else COMPANY if target.kind == COMPANY else m.kind
                    resolved.append(Mention(m.start, m.end, kind, target.subject, target.brand, m.text,
                                            model=target.model, ref=True))

            sentence_status = self.cues.last_in(s, e)
            in_signature = bool(signatures) and any(a < e and s < b for a, b in signatures)
            official = bool(official_regions) and any(a <= s < b for a, b in official_regions)

            def status_for(v_start: int, v_end: int, subject: Mention, attribute: str) -> str:
                status = self.cues.status_at(s, e, v_start, v_end)
                if status == DENIED:
                    return DENIED
                if official:
                    return CONFIRMED
                if status:
                    return status
                if is_item and lead_in_status:
                    return lead_in_status
                if previous_cue[0] == para[0] and previous_cue[1] and previous_cue[2] == subject.subject:
                    return previous_cue[1]
                return self.default_status(subject, attribute)

            if not in_signature:
                # Values.
                best_memory: dict[tuple[str, str], tuple[float, Value, Mention]] = {}
                if sent_values:
                    segment = low[s:e]
                    wish_hits = [w.end() for w in wish.finditer(self.cues.low, s, e)] \
                        if "wish" in segment or "would" in segment or "'d " in segment else []
                else:
                    wish_hits = []
                paired = self.pair_values(sent_values, resolved, last_group, s, e) if len(sent_values) >= 2 else {}
                for v in sent_values:
                    if table_map and v.start in table_map:
                        cell_subject = table_map[v.start]
                        if cell_subject is None:
                            continue
                        paired[id(v)] = cell_subject
                    if self.compared_value(v, resolved, s, compare_before_value):
                        continue
                    if wish_hits and any(w <= v.start and not _CLAUSE_BREAK.search(low, w, v.start) for w in wish_hits):
                        continue  # "I'd have preferred 144Hz": the writer's wish, no claim
                    for subject in ([paired[id(v)]] if id(v) in paired else self.subjects_for(v, resolved, topic, series_topic)):
                        if v.attribute in ("ram", "storage"):
                            k = (subject.subject, v.attribute)
                            if k not in best_memory or v.number > best_memory[k][0]:
                                best_memory[k] = (v.number, v, subject)
                            continue
                        self.claim(subject, v.attribute, v.value, status_for(v.start, v.end, subject, v.attribute), (s, e))
                for (_subject, attribute), (_n, v, subject) in best_memory.items():
                    self.claim(subject, attribute, v.value, status_for(v.start, v.end, subject, attribute), (s, e))

                # Launch dates.
                sentence = body[s:e]
                while li < len(all_launch) and all_launch[li][0] < s:
                    li += 1
                lj = li
                while lj < len(all_launch) and all_launch[lj][0] < e:
                    lj += 1
                launch_hits = all_launch[li:lj]
                if launch_hits:
                    prefer = _dates.tense(sentence)
                    for c in _dates.candidates(body, s, e):
                        if not self.launch_context(c, launch_hits, past_block):
                            continue
                        resolved_date = _dates.resolve_candidate(c, self.base, prefer)
                        if not resolved_date:
                            continue
                        value = Value(c.start(), c.end(), "launch_date", resolved_date[0])
                        if self.compared_value(value, resolved, s, compare_before_value):
                            continue
                        for subject in self.subjects_for(value, resolved, topic, series_topic, launch=True):
                            launch_dates.append(len(self.claims))
                            self.claim(subject, "launch_date", resolved_date[0],
                                       status_for(c.start(), c.end(), subject, "launch_date"), (s, e))

                # Camera partners.
                self.camera_partners(s, e, resolved, optics, partnership, status_for)

            # Carry the topic and the cue context forward.
            named = []
            object_position: dict[int, bool] = {}
            for m in sent_mentions:
                if m.kind == DEVICE and m.subject and not m.comparison and not m.alias_only and not m.ref \
                        and m.subject not in [x.subject for x in named]:
                    placed = object_position[id(m)] = in_object_position(m, s)
                    if not placed:
                        named.append(m)
            if len(named) >= 2:
                last_group = named
            sentence_group = next((m.group for m in resolved if m.group), None)
            if sentence_group:
                previous_group = list(sentence_group)
            elif named or any(m.kind in (DEVICE, SERIES) and not m.ref for m in resolved):
                previous_group = []
            # The new topic is the last name not in a prepositional phrase ("The X uses ... of the Y's
            # camera" keeps X; "debuted on the Y", "alongside the Z" do not take it).
            chosen = None
            fallback = None
            for m in resolved:
                # A resolved reference (ref=True) is a new Mention, never one of the sentence's own.
                if m.ref or m.comparison or m.alias_only or m.subject is None or m not in sent_mentions:
                    continue
                if m.kind in (DEVICE, SERIES):
                    if fallback is None:
                        fallback = m
                    placed = object_position.get(id(m))
                    if placed is None:
                        placed = in_object_position(m, s)
                    if not placed:
                        chosen = m  # the last one in subject position
            if chosen is None and topic is None:
                chosen = fallback
            if chosen is not None:
                topic = chosen
                if chosen.kind == SERIES:
                    series_topic = chosen
            else:
                for m in resolved:
                    if m.kind == COMPANY_REF and not m.comparison and m.subject:
                        topic = Mention(m.start, m.end, COMPANY, m.subject, m.brand, m.text)
            if topic is None:
                companies = [m for m in resolved if m.kind == COMPANY and not m.alias_only and m.subject]
                if companies:
                    topic = companies[0]
            previous_cue = _carried_cue(para[0], sentence_status, topic, previous_cue)
            if not is_item:
                lead_in_status = sentence_status

        self.drop_vague_launch_years(launch_dates)
        return self.dedupe()

    # -- pieces ------------------------------------------------------------------------------

    _MAKER_OF_VALUE = ("camera_sensor", "chipset", "ui", "os")

    def table_subjects(self, mentions: list[Mention], values: list[Value]) -> dict[int, Mention | None]:
        """Values in a table, by their start: a table with one column per phone ("| | A | B |") gives
        each cell's values to its column's phone and none to the row labels; a column headed as a deal
        or sale price carries no price. Values mapped to None are no claims."""
        body = self.body
        out: dict[int, Mention | None] = {}
        if "|" not in body or not values:
            return out
        for block in _TABLE.finditer(body):
            lines = [(block.start() + m.start(), block.start() + m.end()) for m in re.finditer(r"[^\n]+", block.group(0))]
            if len(lines) < 2:
                continue

            def cells(a: int, b: int) -> list[tuple[int, int]]:
                bars = [i for i in range(a, b) if body[i] == "|"]
                return list(zip([x + 1 for x in bars], bars[1:]))

            header = cells(*lines[0])
            columns: dict[int, Mention] = {}
            for ci, (cs, ce) in enumerate(header):
                devices = [m for m in mentions if cs <= m.start < ce and m.kind == DEVICE and m.subject and not m.alias_only]
                if len({m.subject for m in devices}) == 1:
                    columns[ci] = devices[0]
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
                        out[v.start] = Mention(col.start, col.end, DEVICE, col.subject, col.brand, col.text,
                                               model=col.model) if col is not None else None
        return out

    def drop_value_makers(self, mentions: list[Mention], values: list[Value]) -> list[Mention]:
        """A company named as part of a value is no subject: "Sony" in "Sony IMX766", "Nothing" in
        "Nothing OS 1.5", "Samsung" in "Samsung's own Exynos 2100" or "Samsung JN1"."""
        spans = [(v.start, v.end) for v in values if v.attribute in self._MAKER_OF_VALUE]
        if not spans:
            return mentions
        starts = [a for a, _ in spans]
        body = self.body
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

    def model_references(self, mentions: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
        """ "the Pro", "the Ultra", "the Pro Max", "the Pro model", "the regular model", "the base
        variant": the member of the family of the device or series named last before it, when the
        catalogue knows that member or the article names it."""
        body = self.body
        if "the " not in body and "The " not in body:
            return mentions
        hits = [m for m in _MODEL_REF.finditer(body) if m.group("var") or (m.group("adj") and m.group("noun"))]
        if not hits:
            return mentions
        variants = lexicon().variant_lower
        starts = [m.start for m in mentions]
        added = []
        for h in hits:
            s, e = h.span()
            if not (taken.free(s, e) if hasattr(taken, "free") else all(e <= a or s >= b for a, b in taken)):
                continue
            i = bisect_right(starts, s) - 1
            base_mention = None
            while i >= 0:
                c = mentions[i]
                if c.kind in (DEVICE, SERIES) and c.brand and c.model and not c.alias_only and not c.comparison:
                    base_mention = c
                    break
                i -= 1
            if base_mention is None:
                continue
            words = base_mention.model.split()
            while len(words) > 1 and words[-1].lower() in variants and not re.fullmatch(r"[IVX]+", words[-1]):
                words.pop()
            base = " ".join(words)
            var = h.group("var")
            model = f"{base}{var}" if var == "+" else f"{base} {var}" if var else base
            name, known = resolve_device(base_mention.brand, model)
            if not known and key(model) not in self.seen_models.get(base_mention.brand, set()):
                continue
            start = h.start("var") if var else h.start("adj")
            added.append(Mention(start, e, DEVICE, name, base_mention.brand, body[start:e], model=_tidy_model(model)))
            taken.append((start, e))
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda x: x.start)

    def family_members(self, topic: Mention, before: int) -> list[Mention]:
        """The devices named so far that share the topic's family ("S24", "S24+", "S24 Ultra")."""
        if not topic.model or not topic.brand:
            return []
        variants = lexicon().variant_lower

        def base(model: str) -> str:
            words = model.split()
            while len(words) > 1 and words[-1].lower() in variants and not re.fullmatch(r"[IVX]+", words[-1]):
                words.pop()
            k = key(" ".join(words)).rstrip("+")
            for family in families:
                if k.startswith(family) and len(k) > len(family):
                    return k[len(family):]
            return k

        families = [key(f) for f in lexicon().family_words.get(topic.brand, ())]
        target = base(topic.model)
        out: list[Mention] = []
        for m in self.mentions_so_far:
            if m.start >= before:
                break
            if m.kind == DEVICE and m.brand == topic.brand and m.model and not m.comparison and not m.alias_only \
                    and base(m.model) == target and m.subject not in [x.subject for x in out]:
                out.append(m)
        out.sort(key=lambda m: _variant_rank(m.model))
        return out if len(out) >= 2 else []

    def pair_values(self, values: list[Value], resolved: list[Mention], last_group: list[Mention],
                    s: int, e: int) -> dict[int, Mention]:
        """ "The A and B cost $699 and $999", "they cost £999 and £1,199", "... 8GB and 12GB of RAM
        respectively": as many values of one kind as devices named together, given in order."""
        named: list[Mention] = []
        by_reference = False
        for m in resolved:
            if m.kind == DEVICE and not m.comparison and not m.alias_only and m.subject:
                if m.group:
                    if not named:
                        named = list(m.group)
                        by_reference = True
                    continue
                if not m.ref and m.subject not in [x.subject for x in named]:
                    named.append(m)
        if len(named) < 2:
            if last_group and any(m.kind == REF_SERIES and m.text.lower() == "they" for m in self.sentence_refs):
                named = list(last_group)
                by_reference = True
            else:
                return {}
        respectively = "respectively" in self.low[s:e]
        kinds: dict[tuple, list[Value]] = {}
        for v in values:
            if not respectively and (v.attribute in ("ram", "storage") or by_reference and v.attribute != "price"):
                continue  # "Both use the X in Europe and the Y elsewhere": each has both
            kind = (v.attribute, v.value.split()[0] if v.attribute == "price" else "")
            kinds.setdefault(kind, []).append(v)
        out: dict[int, Mention] = {}
        first_name = min(m.start for m in named) if all(m.start >= s for m in named) else s
        for kind, group in kinds.items():
            if len(group) != len(named) or len({v.value for v in group}) != len(group):
                continue
            if group[0].start < first_name:
                continue
            for v, m in zip(group, named):
                out[id(v)] = m
        return out

    def in_object_position(self, m: Mention, s: int) -> bool:
        """Whether a name follows a preposition in its sentence ("on the Y", "of the Y's camera",
        "alongside the cheaper Z"): then it is not what the sentence is about."""
        return _OBJECT_BEFORE.search(self.low, max(s, m.start - 48), m.start) is not None

    def compared_value(self, v: Value, mentions: list[Mention], s: int, compare_before_value) -> bool:
        """A value that belongs to a compared device ("the Moto G54's 6,000mAh", "up from 4,500mAh")."""
        body = self.body
        window = self.low[max(s, v.start - 40):v.start]
        if _COMPARE_GATE.search(window) and compare_before_value.search(body, max(s, v.start - 40), v.start):
            return True
        for m in mentions:
            if m.comparison and m.end <= v.start and _AFTER_COMPARED.fullmatch(body, m.end, v.start):
                return True
        return False

    def subjects_for(self, v: Value, mentions: list[Mention], topic: Mention | None,
                     series_topic: Mention | None, launch: bool = False) -> list[Mention]:
        candidates = [m for m in mentions if not m.comparison and not m.alias_only and m.subject]
        if launch:
            devices = [m for m in candidates if m.kind in (DEVICE, SERIES, REF_DEVICE, REF_SERIES)]
            if devices:
                best = min(devices, key=lambda m: min(abs(m.start - v.end), abs(v.start - m.end)))
                return self.coordinated(best, candidates)
        before = [m for m in candidates if m.end <= v.start]
        if before and before[-1].group:
            return [Mention(before[-1].start, before[-1].end, DEVICE, g.subject, g.brand, before[-1].text,
                            model=g.model, ref=True) for g in before[-1].group]
        if before:
            chosen = before[-1]
            if chosen.kind in (COMPANY, COMPANY_REF) and not launch and (
                    chosen.kind == COMPANY or _FIRST_OF_BRAND.match(chosen.text)):
                if topic is not None and topic.kind in (DEVICE, SERIES) and topic.brand == chosen.brand:
                    return [Mention(chosen.start, chosen.end, topic.kind, topic.subject, topic.brand, topic.text,
                                    model=topic.model)]
            return self.coordinated(chosen, candidates)
        after = [m for m in candidates if m.start >= v.end and m.kind in (DEVICE, SERIES, COMPANY_REF, COMPANY)]
        if after:
            first = after[0]
            # "..., and Oppo's own chip", "... on the Moto G84", "... alongside the Nord 3": a later
            # company or a name in a prepositional phrase does not take a value the topic has.
            if topic is not None and not launch and (
                    first.kind in (COMPANY, COMPANY_REF)
                    or _PREPOSITION_BEFORE.search(self.body, max(v.end, first.start - 30), first.start)
                    or _OBJECT_BEFORE.search(self.low, max(v.end, first.start - 48), first.start)):
                return [topic]
            return self.coordinated(first, candidates)
        if topic is not None:
            return [topic]
        return []

    def coordinated(self, chosen: Mention, candidates: list[Mention]) -> list[Mention]:
        """ "the Mate 60 and 60 Pro": both take the value."""
        out = [chosen]
        if chosen.kind not in (DEVICE,):
            return out
        index = candidates.index(chosen) if chosen in candidates else -1
        while index > 0:
            prev = candidates[index - 1]
            if prev.kind != DEVICE or not re.fullmatch(r"\s*(?:,|and|&|as well as|or)\s*(?:the\s+)?", self.body[prev.end:out[0].start]):
                break
            out.insert(0, prev)
            index -= 1
        if index == -1:
            return out
        position = candidates.index(chosen)
        while position + 1 < len(candidates):
            nxt = candidates[position + 1]
            if nxt.kind != DEVICE or not re.fullmatch(r"\s*(?:,|and|&|as well as|or)\s*(?:the\s+)?", self.body[out[-1].end:nxt.start]):
                break
            out.append(nxt)
            position += 1
        seen, unique = set(), []
        for m in out:
            if m.subject not in seen:
                seen.add(m.subject)
                unique.append(m)
        return unique

    def launch_context(self, c, launch_hits, past_block) -> bool:
        body = self.body
        if any(a <= c.start() < b for a, b in self.signatures):
            return False
        if past_block.search(body, max(0, c.start() - 40), c.start()):
            return False
        if _NOT_LAUNCH_DATE.search(self.low, max(0, c.start() - 60), c.start()):
            return False  # "Pre-orders begin Friday, ...", "arrives as a free update ... on ..."
        tight = bool(c.group("td") or c.group("wd7"))
        sentence = self.sentences.bounds(c.start())
        for a, b in launch_hits:
            if _dates.not_the_phones_launch(body, sentence, c, a):
                continue
            if tight:
                if 0 <= c.start() - b <= 30 or (c.group("td") and 0 <= a - c.end() <= 12 and body[c.end():a].strip(" '’s") == ""):
                    return True
                continue
            if -90 <= c.start() - b <= 90 or 0 <= a - c.end() <= 60:
                return True
        return False

    def camera_partners(self, s, e, mentions, optics, partnership, status_for):
        body = self.body
        lex = lexicon()
        hits = [m for m in self.optic_hits if s <= m.start() < e]
        if not hits:
            return
        sentence = self.low[s:e]
        if not partnership.search(sentence):
            return
        makers = [m for m in mentions if m.kind in (COMPANY, COMPANY_REF, DEVICE, SERIES) and m.brand and m.subject
                  and not m.alias_only and not m.ref]
        if not makers:
            return
        # Clauses: "A and B with Hasselblad, while C with Zeiss".
        bounds = [s] + [s + x.end() for x in re.finditer(r";|,\s*(?:while|whereas|but|and)\b|\bwhile\b|\bwhereas\b", sentence)] + [e]
        for a, b in zip(bounds, bounds[1:]):
            clause_optics = []
            for h in hits:
                if a <= h.start() < b:
                    word = h.group(0).lower()
                    canonical = optics_brand(word)
                    if canonical is None:
                        continue
                    if canonical not in [c for c, _ in clause_optics]:
                        clause_optics.append((canonical, h))
            brands = []
            for m in makers:
                if a <= m.start < b and m.brand not in [x.brand for x in brands]:
                    brands.append(m)
            if not clause_optics:
                continue
            if not brands:
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
                self.claim(company, "camera_partner", canonical,
                           status_for(h.start(), h.end(), company, "camera_partner"), (s, e))

    def find_aliases(self, mentions: list[Mention], alias_after, renamed) -> dict[str, str]:
        """ "the Galaxy S23 Ultra (formerly rumored as the S23 Note)": alias claims, and a map from the
        other name to the canonical device for the rest of the article."""
        body = self.body
        alias_map: dict[str, str] = {}
        self.alias_spans: list[tuple[int, int]] = []
        self.alias_models: dict[str, set[str]] = {}
        devices = [m for m in mentions if m.kind == DEVICE]
        for m in devices:
            match = alias_after.match(body, m.end, min(len(body), m.end + 120))
            forward = True
            if not match:
                match = renamed.match(body, m.end, min(len(body), m.end + 80))
                if match:
                    target = next((d for d in devices if d.start >= match.end() - 1 and d.start <= match.end() + 1), None)
                    if target is None:
                        continue
                    alias_name, subject = m.subject, target
                    forward = False
                else:
                    continue
            if forward:
                raw = (match.group("alias") or match.group("qalias") or "").rstrip(").,;:”\"'’")
                raw = re.sub(r"\s+(?:series|phone|smartphone|model|device)$", "", raw)
                alias_name = self.alias_name(raw, m.brand)
                subject = m
                if not alias_name or key(alias_name) == key(subject.subject):
                    continue
                span_end = match.end()
                self.alias_spans.append((match.start(), span_end))
                for other in mentions:
                    if other is not m and match.start() <= other.start < span_end:
                        other.alias_only = True
            s, e = self.sentences.bounds(m.start)
            if e <= s:
                continue
            status = self.cues.status_at(s, e, m.start, m.end) or CONFIRMED
            if status == DENIED:
                status = RUMORED
            self.claim(subject, "alias", alias_name, status, (s, e))
            alias_map[alias_name] = subject.subject
            if subject.brand:
                model = alias_name[len(subject.brand):].strip() if alias_name.startswith(subject.brand) else alias_name
                self.alias_models.setdefault(subject.brand, set()).add(key(model))
        return alias_map

    def alias_name(self, raw: str, brand: str | None) -> str | None:
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
        return None

    def drop_vague_launch_years(self, indexes: list[int]) -> None:
        """A year-only launch date adds nothing when the article gives the month or day in it."""
        values = {self.claims[i].value for i in indexes}
        for i in indexes:
            value = self.claims[i].value
            if len(value) == 4 and any(v.startswith(value + "-") for v in values):
                self.claims[i] = None  # type: ignore[call-overload]
        self.claims = [c for c in self.claims if c is not None]

    def dedupe(self) -> list[Claim]:
        seen = set()
        out = []
        for c in sorted(self.claims, key=lambda c: (c.start, c.attribute)):
            k = (c.subject, c.attribute, c.value, c.start)
            if k in seen:
                continue
            seen.add(k)
            out.append(c)
        return out
