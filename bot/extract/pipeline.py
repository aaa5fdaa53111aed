"""The extraction pipeline: named stages over one `ArticleState` (bot/extract/state.py), run in
order. Each stage reads what the stages before it found and sets its own fields:

    sentences   the body split into sentences and paragraphs, lowered, scanned for lead words
    posts       embedded posts: signature lines (no claims) and a maker's own words (official)
    mentions    subjects named: devices, series, companies, reference words, model references
    cues        status cues of the body (rumored, speculated, confirmed, denied)
    aliases     other names of a device (alias claims); comparisons marked
    values      spec values found and normalised; makers named inside a value dropped as subjects
    salience    the device the article is about: the title's, else the one it names most
    launched    devices the article reports as launched (their plain specs are confirmed)
    tables      table cells given to their column's device, flattened two-column tables too
    references  the discourse, sentence by sentence: references resolved, the topic carried;
                the names said of a reference ("it will launch as the Y") claimed for its phone
    launched_references  devices a launch sentence refers to ("it was introduced") launched
    column_cues a run-together table's rows read with their header column's cue
    subjects    each value handed to the subject its clause is about (a company's to its device)
    dates       launch dates handed to the device launched
    partners    camera partners (Leica, Zeiss ...) of makers
    claims      statuses decided and the claims built, deduplicated

`run_pipeline(article)` runs them all; `analyse(article, until=name)` stops after a stage, for a
test or a look at what a stage found.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import cast

from bot.extract import dates as _dates
from bot.extract import wordscan
from bot.extract.aliases import aliases_of_references, find_aliases
from bot.extract.discourse import read_discourse
from bot.extract.glued import carry_column_cues, glued_table_cells
from bot.extract.launched import find_launched, find_launched_by_reference, launched_on_publication
from bot.extract.launched import leads as launched_leads
from bot.extract.lexicon import fragments, key, lexicon, lowered, pattern_starts, word_gate, word_start
from bot.extract.mentions import (
    COMPANY,
    COMPANY_REF,
    DEVICE,
    REF_DEVICE,
    REF_SERIES,
    SERIES,
    Mention,
    MentionFinder,
    letter_dropped_names,
    mark_comparisons,
    short_names,
)
from bot.extract.mentions import leads as mention_leads
from bot.extract.model_numbers import model_number_aliases
from bot.extract.partners import camera_partners
from bot.extract.patterns import patterns
from bot.extract.salience import COMPANY_ATTRIBUTES, device_for_company, salience
from bot.extract.sentences import paragraphs, related_links, split_sentences
from bot.extract.state import ArticleState, Assignment, Posts, Statuses
from bot.extract.status import CONFIRMED, DENIED, RUMORED, Cues
from bot.extract.status import leads as status_leads
from bot.extract.subjects import (
    chip_led,
    compared_value,
    drop_part_names,
    drop_value_makers,
    edition_references,
    flattened_columns,
    higher_model_references,
    model_references,
    open_choices,
    order_references,
    pair_values,
    said_of_other_phones,
    starting_price_owners,
    subjects_for,
    table_cells,
)
from bot.extract.subjects import leads as subject_leads
from bot.extract.values import Sentences, Value
from bot.extract.values import find_values as _find_values
from bot.extract.values import leads as value_leads
from bot.models import Article, Claim

__all__ = ["PIPELINE", "Stage", "analyse", "new_state", "run_pipeline"]


@lru_cache(maxsize=1)
def word_scan_ready() -> bool:
    """Registers the word lists of the shared scan once: cues, makers, companies, references,
    predecessor and generic phrases, launch words, launch reports, camera counts."""
    leads = {**status_leads(), **mention_leads(), **subject_leads(), **launched_leads(), **value_leads()}
    for kind, words in leads.items():
        wordscan.register(kind, words)
    wordscan.register("launch", pattern_starts("specs.json", "launch_words"))
    return True


# -- stages -------------------------------------------------------------------------------------


def read_sentences(doc: ArticleState) -> None:
    """Sentences and paragraphs with offsets; the lowered body and its shared word scan."""
    doc.spans = split_sentences(doc.body)
    doc.sentences = Sentences(doc.spans)
    doc.paragraphs = paragraphs(doc.body)
    doc.low = lowered(doc.body)
    doc.related_links = related_links(doc.low)
    word_scan_ready()
    doc.word_hits = wordscan.scan(doc.low)


def in_related_link(doc: ArticleState, pos: int) -> bool:
    """Whether `pos` is inside a link to another article ("Also Read - ...")."""
    return any(a <= pos < b for a, b in doc.related_links)


def outside_links(doc: ArticleState, found: list) -> list:
    """The mentions or values that are not in a link to another article."""
    if not doc.related_links:
        return found
    return [x for x in found if not in_related_link(doc, x.start)]


def read_posts(doc: ArticleState) -> None:
    """Embedded posts: their signature lines carry no claims; a maker's post is official."""
    body = doc.body
    posts = _dates.post_signatures(body)
    doc.posts = Posts(signatures=[m.span() for m, _ in posts])
    lex = lexicon()
    paras = doc.paragraphs
    for m, _when in posts:
        author = (m.group(1) or "").strip().lower()
        handle = m.group(2).lower()
        brand = (
            lex.handle_to_brand.get(handle) or lex.word_to_brand.get(author) or lex.exec_to_brand.get(author)
        )
        if not brand:
            continue
        para = next((p for p in paras if p[0] <= m.start() < p[1]), None)
        start = para[0] if para else m.start()
        if para and para[0] == m.start() - (m.start() - para[0]) and body[para[0] : m.start()].strip() == "":
            previous = [p for p in paras if p[1] <= para[0]]
            start = previous[-1][0] if previous else start
        doc.posts.official_regions.append((start, m.start()))


def find_mentions(doc: ArticleState) -> None:
    """Subjects named: branded devices, series and companies first, then brand-less models given
    the brand around them, then model references ("the Pro") to the family named before."""
    finder = MentionFinder(doc.body, doc.low, doc.word_hits)
    finder.published = doc.published.isoformat() if doc.published else None
    mentions, taken = finder.find()
    mentions = outside_links(doc, mentions)
    seen_models = doc.seen_models
    families = lexicon().family_words
    for m in mentions:
        if m.kind in (DEVICE, SERIES) and m.brand:
            models = seen_models.setdefault(m.brand, set())
            mkey = key(m.model)
            models.add(mkey)
            for family in families.get(m.brand, ()):  # "Galaxy S23 Ultra" is also "S23 Ultra"
                fkey = key(family)
                if fkey and mkey.startswith(fkey) and len(mkey) > len(fkey):
                    models.add(mkey[len(fkey) :])
    finder.seen_models = seen_models
    branded = [m for m in mentions if m.kind in (DEVICE, SERIES, COMPANY, COMPANY_REF) and m.brand]
    counts: dict[str, int] = {}
    for m in branded:
        assert m.brand is not None
        counts[m.brand] = counts.get(m.brand, 0) + 1
    dominant = (
        max(counts, key=lambda b: (counts[b], -min(x.start for x in branded if x.brand == b)))
        if counts
        else None
    )

    # The devices and series a brand-less model can take its brand from, in order of offset
    # (comparisons are marked later, by read_aliases, after the last brand-less look-up).
    named_devices = [m for m in branded if m.kind in (DEVICE, SERIES) and not m.comparison]
    named_starts = [m.start for m in named_devices]

    def brand_at(offset: int) -> str | None:
        """The brand of the last device or series named before `offset` (a binary search: a scan
        back over every mention made a body of many names quadratic), else the article's."""
        before = bisect_left(named_starts, offset)
        return named_devices[before - 1].brand if before else dominant

    mentions += finder.find_brandless(taken, brand_at)
    mentions += short_names(doc.body, mentions, taken)
    mentions.sort(key=lambda x: x.start)
    letter_dropped_names(mentions)
    mentions = edition_references(doc, mentions, taken)
    doc.mentions = drop_part_names(
        doc,
        order_references(
            doc, higher_model_references(doc, model_references(doc, mentions, taken), taken), taken
        ),
    )
    doc.taken, doc.brand_at, doc.mention_finder = taken, brand_at, finder


def find_cues(doc: ArticleState) -> None:
    """The status cues of the body, looked up by offset from here on."""
    doc.statuses = Statuses(cues=Cues(doc.body, doc.low, doc.word_hits))


def read_aliases(doc: ArticleState) -> None:
    """Alias claims; the other names then count as the device's; comparisons are marked and
    tentative models only a comparison kept are dropped."""
    mentions = doc.mentions
    alias_map = find_aliases(doc, mentions)
    model_number_aliases(doc, mentions)
    if alias_map:
        for canonical_brand, alias_key in [(b, k) for b, ks in doc.aliases.models.items() for k in ks]:
            doc.seen_models.setdefault(canonical_brand, set()).add(alias_key)
        assert doc.mention_finder is not None
        extra = doc.mention_finder.find_brandless(doc.taken, doc.brand_at)
        for m in extra:
            if any(a <= m.start < b for a, b in doc.aliases.spans):
                m.alias_only = True
        mentions += extra
        mentions.sort(key=lambda x: x.start)
        for m in mentions:
            if m.kind == DEVICE and not m.alias_only and m.subject in alias_map:
                m.subject = alias_map[m.subject]
    mark_comparisons(doc.body, mentions)
    doc.mentions = [m for m in mentions if not m.tentative or m.comparison]


def find_values(doc: ArticleState) -> None:
    """Spec values with their attribute and normalised value; a company named as part of a value
    ("Sony IMX766") stops being a subject."""
    assert doc.sentences is not None
    name_starts = frozenset(m.start for m in doc.mentions if m.kind == DEVICE)
    doc.values = outside_links(doc, _find_values(doc.body, doc.sentences, doc.word_hits, name_starts))
    doc.mentions = drop_value_makers(doc, doc.mentions, doc.values)


def find_salient_device(doc: ArticleState) -> None:
    """The article's salient device, and each brand's: what a company's or a nameless sentence's
    specs belong to."""
    doc.salient = salience(doc.article.title, doc.mentions)


def find_launched_devices(doc: ArticleState) -> None:
    """Devices the article reports as launched or on sale."""
    find_launched(doc)


def map_tables(doc: ArticleState) -> None:
    """Table cells given to their column's device (or to none); the rows of a two-column table
    flattened into a sentence to each column's device."""
    doc.table_cells = cast(
        dict[int, Mention | list[Mention] | None], table_cells(doc.body, doc.mentions, doc.values)
    )
    doc.table_cells.update(flattened_columns(doc.body, doc.spans, doc.mentions, doc.values))
    doc.table_cells.update(glued_table_cells(doc))


def resolve_references(doc: ArticleState) -> None:
    """The discourse, sentence by sentence: each sentence's references resolved and the topic,
    groups and cue context it is read in."""
    doc.references = read_discourse(doc)
    aliases_of_references(doc)


# "..., whereas the Y may come with B, both with support for C": a closing clause of both phones
_BOTH_CLAUSE = re.compile(r",\s*both\s+(?:" + fragments("both_clause_words") + r")\b")
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:but|and|while|though|although|yet|so)\b|\bbut\b|\bwhile\b|\bwhereas\b"
)


def _sentence_values(doc: ArticleState):
    """(sentence, its values) for each sentence that is not a post's signature and has values."""
    values = doc.values
    vi = 0
    for sentence in doc.references:
        s, e = sentence.start, sentence.end
        while vi < len(values) and values[vi].start < s:
            vi += 1
        own = []
        j = vi
        while j < len(values) and values[j].start < e:
            if values[j].end <= e:
                own.append(values[j])
            j += 1
        if own and not sentence.in_signature:
            yield sentence, own


def find_launched_by_references(doc: ArticleState) -> None:
    """Devices a launch sentence refers to without naming them ("it was introduced")."""
    find_launched_by_reference(doc)


def read_column_cues(doc: ArticleState) -> None:
    """A run-together table's rows read with their header's column cue ("(rumored)")."""
    carry_column_cues(doc)


def _both_clause_values(doc: ArticleState, sentence, values: list[Value]) -> dict[int, list[Mention]]:
    """The values of a closing ", both with ..." clause, each given to every phone the sentence
    named before it ("The X packs A, whereas the Y may get B, both with support for C")."""
    s, e = sentence.start, sentence.end
    if "both" not in doc.low[s:e]:
        return {}
    clause = _BOTH_CLAUSE.search(doc.low, s, e)
    if clause is None:
        return {}
    phones: list = []
    for m in sentence.resolved:
        if (
            m.kind == DEVICE
            and m.subject
            and m.end <= clause.start()
            and not m.comparison
            and not m.alias_only
            and m.subject not in [p.subject for p in phones]
        ):
            phones.append(m)
    if len(phones) < 2:
        return {}
    return {id(v): list(phones) for v in values if v.start >= clause.end()}


def assign_subjects(doc: ArticleState) -> None:
    """Each value handed to the subject its clause is about: a table's column device, one of
    devices named together ("respectively"), never a compared device nor the writer's wish; of
    several RAM or storage figures for one subject, the largest. A company never takes a device
    attribute while the article names a device of its brand."""
    assert doc.statuses is not None
    wish = patterns().wish
    compare_before_value = patterns().compare_before_value
    low = doc.low
    cue_low = doc.statuses.cues.low
    out = doc.subjects
    for sentence, sent_values in _sentence_values(doc):
        s, e = sentence.start, sentence.end
        resolved = sentence.resolved
        if (
            not resolved
            and sentence.topic is None
            and not doc.table_cells
            and not chip_led(doc, sentence, sent_values)
        ):
            continue  # naming nothing, before any topic: no value of it has a subject
        best_memory: dict[tuple[str | None, str], tuple[float, Value, Mention]] = {}
        segment = low[s:e]
        wish_hits = (
            [w.end() for w in wish.finditer(cue_low, s, e)]
            if "wish" in segment or "would" in segment or "'d " in segment
            else []
        )
        compared = {id(v) for v in sent_values if compared_value(doc, v, resolved, s, compare_before_value)}
        compared |= open_choices(doc, s, sent_values) if len(sent_values) >= 2 else set()
        # "The X and X Pro get 3,095mAh, compared to 2,815mAh": a compared value pairs with no device.
        own_values = [v for v in sent_values if id(v) not in compared]
        paired = cast(
            dict[int, Mention | list[Mention]],
            pair_values(doc, sentence, own_values) if len(own_values) >= 2 else {},
        )
        paired.update(_both_clause_values(doc, sentence, own_values))
        if chip_led(doc, sentence, sent_values):
            # A sentence about the chip: it says the chip again of the phone the article gave it to.
            chip = sent_values[0]
            owner = next((a.subject for a in out if a.attribute == "chipset" and a.value == chip.value), None)
            if owner is not None and id(chip) not in compared:
                out.append(Assignment((s, e), sentence, owner, "chipset", chip.value, chip.start, chip.end))
            continue
        for v in sent_values:
            if doc.table_cells and v.start in doc.table_cells:
                cell_subject = doc.table_cells[v.start]
                if cell_subject is None:
                    continue
                paired[id(v)] = cell_subject
            if id(v) in compared or said_of_other_phones(doc, v, resolved, s):
                continue
            if wish_hits and any(
                w <= v.start and not _CLAUSE_BREAK.search(low, w, v.start) for w in wish_hits
            ):
                continue  # "I'd have preferred 144Hz": the writer's wish, no claim
            chosen = paired.get(id(v))
            for subject in starting_price_owners(
                doc,
                v,
                chosen
                if isinstance(chosen, list)
                else [chosen]
                if chosen is not None
                else subjects_for(doc, v, resolved, sentence.topic, sentence.series_topic),
            ):
                if subject.kind in (COMPANY, COMPANY_REF) and v.attribute not in COMPANY_ATTRIBUTES:
                    subject = device_for_company(subject, None, doc.salient) or subject
                if v.attribute in ("ram", "storage"):
                    k = (subject.subject, v.attribute)
                    if k not in best_memory or v.number > best_memory[k][0]:
                        best_memory[k] = (v.number, v, subject)
                    continue
                out.append(Assignment((s, e), sentence, subject, v.attribute, v.value, v.start, v.end))
        for (_subject, attribute), (_n, v, subject) in best_memory.items():
            out.append(Assignment((s, e), sentence, subject, attribute, v.value, v.start, v.end))


# "Today's launch", "took the stage today to announce": a day word right before its launch word.
_TODAY_BEFORE_LAUNCH = re.compile(r"[\s'’s]*(?:to\s+)?")
_NOT_LAUNCH_DATE = word_gate("not_launch_date")  # its words by `in`, its patterns by one regex
# "Earlier this week, a leak claimed that the maker could launch ...": a date that opens its
# sentence before a report clause dates the report, not the launch it reports.
_OPENING_DATE_LEAD = re.compile(r"\s*(?:(?:earlier|just|also)\s+)?", re.IGNORECASE)
_REPORT_CLAUSE_AFTER = re.compile(
    r",\s+[^.;:]{0,80}?\b(?:" + fragments("report_clause_verbs") + r")\b", re.IGNORECASE
)
_DAY_BEFORE_LAUNCH = re.compile(
    r",?\s+(?:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?\s+)?(?:(?:officially|finally|also)\s+)?"
)


def launch_spans(launch: re.Pattern, low: str, hits: dict) -> list[tuple[int, int]]:
    """Launch words at word starts, and "launch" anywhere ("relaunched"), as the plain scan kept them."""
    positions = hits["launch"]
    inside = low.find("launch")
    if inside != -1:
        extra = []
        while inside != -1:
            extra.append(inside)
            inside = low.find("launch", inside + 1)
        positions = sorted(set(positions).union(extra))
    return [
        m.span()
        for m in wordscan.matches_at(launch, low, positions)
        if low.startswith("launch", m.start()) or word_start(low, m.start())
    ]


def _day_before_launch_verb(body: str, c, launch_start: int) -> bool:
    """ "Xiaomi on Tuesday launched the X", "On Monday, Honor unveiled the Y": a weekday right
    before the launch verb, with at most the launching maker's name between (a news report's day,
    never a day to come: that is "will launch")."""
    return bool(
        c.group("wd7")
        and 0 <= launch_start - c.end() <= 30
        and _DAY_BEFORE_LAUNCH.fullmatch(body, c.end(), launch_start)
    )


def _dates_a_report(doc: ArticleState, c, launch_hits) -> bool:
    """ "Earlier this week, a tipster claimed that ... could launch": the date opens its sentence and
    a report verb after its comma comes before every launch word, so it is when the report came."""
    body = doc.body
    assert doc.sentences is not None
    s, e = doc.sentences.bounds(c.start())
    if _OPENING_DATE_LEAD.fullmatch(body, s, c.start()) is None:
        return False
    report = _REPORT_CLAUSE_AFTER.match(body, c.end(), e)
    return report is not None and all(a >= report.end() for a, _b in launch_hits if s <= a < e)


def _launch_context(doc: ArticleState, c, launch_hits, past_block) -> bool:
    """Whether a date is near enough a launch word of its sentence to be a launch date."""
    assert doc.sentences is not None
    body = doc.body
    if any(a <= c.start() < b for a, b in doc.posts.signatures):
        return False
    if past_block.search(body, max(0, c.start() - 40), c.start()):
        return False
    if _NOT_LAUNCH_DATE.in_span(doc.low, max(0, c.start() - 60), c.start()):
        return False  # "Pre-orders begin Friday, ...", "arrives as a free update ... on ..."
    if _dates_a_report(doc, c, launch_hits):
        return False
    tight = bool(c.group("td") or c.group("wd7"))
    last_before = max(((a, b) for a, b in launch_hits if b <= c.start()), key=lambda h: h[1], default=None)
    first_after = min((a for a, _b in launch_hits if a >= c.end()), default=None)
    if (
        last_before is not None
        # "... will also introduce MagicOS 8 during the January 10 launch event": a nearer launch
        # word after the date is the phone's
        and (first_after is None or first_after - c.end() > c.start() - last_before[1])
        and (
            _launches_a_part(doc, last_before[1], c.start())
            or _NETWORK_OBJECT.match(doc.body, last_before[1])
            or _TEASING_STARTED.search(doc.low, max(0, last_before[0] - 40), last_before[0])
        )
    ):
        # "... also announced it will launch MagicOS 9.0 on October 23", "launched 5G in 2022",
        # "started teasing the launch of the phone ... on 22 May": the date is another thing's
        return False
    sentence = None
    for a, b in launch_hits:
        if tight:
            near = 0 <= c.start() - b <= 30 or (
                c.group("td") and 0 <= a - c.end() <= 12 and _TODAY_BEFORE_LAUNCH.fullmatch(body, c.end(), a)
            )
            near = near or _day_before_launch_verb(body, c, a)
        else:
            near = -90 <= c.start() - b <= 90 or 0 <= a - c.end() <= 60
        if not near:
            continue
        sentence = sentence or doc.sentences.bounds(c.start())
        if not _dates.not_the_phones_launch(body, sentence, c, a):
            return True
    return False


_LAUNCHED_OBJECT_GAP = re.compile(r"\s+(?:(?:the|its|their|a)\s+)?(?:(?:new|latest|next)\s+)?")
_PART_ATTRIBUTES = ("ui", "os", "chipset")
# "began teasing the launch of the X on its page on May 22": when the teasing began, not the launch.
_TEASING_STARTED = re.compile(
    r"\b(?:started|began|starts|begins|has\s+been|have\s+been)\s+teasing\s+(?:the|its|their)\s+(?:\w+\s+)?$"
)
# "the operator launched 5G in 2022": a network's launch, not a phone's (a phone noun after the
# network word, "launched 5G phones", is a phone's).
_NETWORK_OBJECT = re.compile(
    r"\s+(?:(?:its|their)\s+)?(?:5G|4G|LTE)\b(?!\s*(?:"
    + fragments("company_reference_nouns")
    + r"|variant|version|edition|lineup|series|range)s?\b)"
)


def _launches_a_part(doc: ArticleState, launch_end: int, date_start: int) -> bool:
    """ "it will launch MagicOS 9.0 on October 23", "will unveil the Snapdragon 8 Elite in
    October": the object of the last launch word before the date is a skin, an OS or a chip,
    whose launch the date is, not the phone's."""
    at = bisect_left(doc.values, launch_end, key=lambda v: v.start)
    return (
        at < len(doc.values)
        and doc.values[at].end <= date_start
        and doc.values[at].attribute in _PART_ATTRIBUTES
        and _LAUNCHED_OBJECT_GAP.fullmatch(doc.body, launch_end, doc.values[at].start) is not None
    )


def assign_launch_dates(doc: ArticleState) -> None:
    """Dates near a launch word, resolved against the article's date, handed to the device
    launched; a year alone is dropped when the article gives a month or day in it."""
    pats = patterns()
    body = doc.body
    all_launch = launch_spans(pats.launch, doc.low, doc.word_hits)
    if not all_launch:  # "Today, Nokia is announcing the G42" names no launch word, yet dates a launch
        doc.dates = launched_on_publication(doc, [])
        return
    found: list[Assignment] = []
    li = 0
    for sentence in doc.references:
        s, e = sentence.start, sentence.end
        while li < len(all_launch) and all_launch[li][0] < s:
            li += 1
        lj = li
        while lj < len(all_launch) and all_launch[lj][0] < e:
            lj += 1
        launch_hits = all_launch[li:lj]
        if not launch_hits or sentence.in_signature:
            continue
        sentence_tense = None  # read when the sentence has a launch date at all
        for c in _dates.candidates(body, s, e):
            if in_related_link(doc, c.start()):
                continue  # another article's headline dates another launch
            if not _launch_context(doc, c, launch_hits, pats.past_block):
                continue
            if sentence_tense is None:
                sentence_tense = _dates.tense(body[s:e])
            prefer = (
                "past"
                if any(_day_before_launch_verb(body, c, a) for a, _b in launch_hits)
                else _dates.tense_at(body, s, e, c.start(), sentence_tense)
            )
            resolved_date = _dates.resolve_candidate(
                c, doc.published, prefer, _dates.leading_year(body, s, doc.published)
            )
            if not resolved_date:
                continue
            value = Value(c.start(), c.end(), "launch_date", resolved_date[0])
            if compared_value(doc, value, sentence.resolved, s, pats.compare_before_value):
                continue
            for subject in subjects_for(
                doc, value, sentence.resolved, sentence.topic, sentence.series_topic, launch=True
            ):
                if subject.kind == COMPANY and prefer == "past":
                    # a launch that happened is a phone's: "Vivo says its Y series, out since
                    # spring, sold well" dates a phone the extractor did not name, not the maker
                    continue
                found.append(
                    Assignment((s, e), sentence, subject, "launch_date", resolved_date[0], c.start(), c.end())
                )
    found += launched_on_publication(doc, found)
    values = {a.value for a in found}
    days = {(a.subject.subject, a.value[:7]) for a in found if len(a.value) == 10}
    doc.dates = [
        a
        for a in found
        if not (len(a.value) == 4 and any(v.startswith(a.value + "-") for v in values))
        and not (len(a.value) == 7 and (a.subject.subject, a.value) in days)
    ]


def assign_camera_partners(doc: ArticleState) -> None:
    """Optics brands a maker partners with, clause by clause."""
    pats = patterns()
    low = doc.low
    optic_hits = (
        [
            m
            for m in pats.optics.finditer(low)
            if not m.start()
            or not (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_")
            or low[m.start()] == "@"
        ]
        if _has_optics_word(low)
        else []
    )
    if not optic_hits:
        return
    optic_starts = [m.start() for m in optic_hits]
    for sentence in doc.references:
        if not sentence.in_signature:  # each sentence gets its own hits, not all of them to sift
            own = optic_hits[
                bisect_left(optic_starts, sentence.start) : bisect_left(optic_starts, sentence.end)
            ]
            doc.partners += camera_partners(doc, sentence, own, pats.partnership)


@lru_cache(maxsize=1)
def _optics_words() -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in lexicon().optics}))


def _has_optics_word(low: str) -> bool:
    """A literal gate before the optics scan: most articles name no optics brand."""
    return any(w in low for w in _optics_words())


def status_for(doc: ArticleState, a: Assignment) -> str:
    """A claim's status: a denial in its clause, a maker's own post, the cue governing the value,
    the cue leading a bullet list or carried from the sentence before about the same subject, else
    what the article and the catalogue say of the device."""
    assert doc.statuses is not None
    sentence = a.sentence
    assert sentence is not None
    s, e = a.quote
    status = doc.statuses.cues.status_at(s, e, a.start, a.end)
    if status not in (None, DENIED) and a.attribute == "launch_date" and _launch_given(doc, s, a.start):
        status = None
    if status == DENIED:
        return DENIED
    if sentence.official:
        return CONFIRMED
    if (
        status == RUMORED
        and a.subject.subject in doc.statuses.launched.listed
        and _listing_cues_only(doc, s, e, a.start)
    ):
        return CONFIRMED  # "The base model is listed with 256GB" on the maker's own site
    if status:
        return status
    if sentence.is_item and sentence.lead_in_status:
        return sentence.lead_in_status
    carried = sentence.carried_cue
    if (
        carried[0] == sentence.paragraph_start
        and carried[1]
        and carried[2] == a.subject.subject
        and not _launched_plain(doc, a.subject.subject, doc.body[s:e])
    ):
        return carried[1]
    if a.attribute == "launch_date" and (
        maker_confirms_next(doc, sentence, a.value)
        or maker_announces(doc, sentence, a)
        or maker_confirmed_date_before(doc, a)
    ):
        return CONFIRMED
    return default_status(doc, a.subject, a.attribute, doc.body[s:e])


# "what could be the price of the X, when it launches on February 7": the launch a clause takes as given.
_WHEN_LAUNCHES = re.compile(
    r",\s*(?:when|once)\s+(?:it|they|the\s+[\w-]+|[A-Z][\w-]*(?:\s+[A-Z0-9][\w+-]*){0,3})\s+"
    r"(?:launches|launch|arrives|arrive|debuts|debut|goes\s+on\s+sale|lands|land)\b"
)


def _launch_given(doc: ArticleState, s: int, date_start: int) -> bool:
    """Whether a launch date sits in a ", when it launches on ..." clause after the cue before it:
    the clause takes the launch as given, so the cue (a guess at the price) does not hedge it."""
    assert doc.statuses is not None
    before = [c for c in doc.statuses.cues.in_span(s, date_start) if c[1] <= date_start]
    return bool(before) and _WHEN_LAUNCHES.search(doc.body, before[-1][1], date_start) is not None


def _launched_plain(doc: ArticleState, subject: str | None, sentence: str) -> bool:
    """Whether a sentence without a cue of its own states a plain fact of a launched phone ("it
    could be priced under $300 there. It packs a Dimensity 7050"): a hedge of the sentence before
    (a guess at a regional price) does not make the launched phone's specs a guess; nor, for a
    phone launched and coming to a new market, when the sentence says nothing of what is to come."""
    assert doc.statuses is not None
    launched = doc.statuses.launched
    return subject in launched and (not launched.is_upcoming(subject) or not _dates.says_future(sentence))


_MAKER_LAUNCH = re.compile(r"\s+(?:" + fragments("maker_launch_verbs") + r")\b")


def maker_announces(doc: ArticleState, sentence, a: Assignment) -> bool:
    """ "Motorola will launch the Moto G85 in India on July 10": a launch date in a sentence that
    the phone's maker opens with its launch verb, and no cue hedges, is the maker's own word. The
    maker's sub-brand ("Poco will launch the X ...", a family word of the brand) speaks for it."""
    if _sub_brand_announces(doc, sentence.start, a.subject.brand):
        return True
    opener = next((m for m in sentence.mentions if m.kind != REF_DEVICE), None)
    if (
        opener is None
        or opener.kind != COMPANY
        or opener.brand != a.subject.brand
        or doc.body[sentence.start : opener.start].strip()
    ):
        return False
    return _MAKER_LAUNCH.match(doc.body, opener.end) is not None


def _sub_brand_announces(doc: ArticleState, start: int, brand: str | None) -> bool:
    """Whether the sentence at `start` opens with a family word of `brand` ("Redmi", "iQOO") and
    a maker's launch verb right after it."""
    if not brand:
        return False
    body = doc.body
    at = start + len(body[start : start + 40]) - len(body[start : start + 40].lstrip())
    for family in lexicon().family_words.get(brand, ()):
        if body.startswith(family, at) and _MAKER_LAUNCH.match(body, at + len(family)):
            return True
    return False


# "Honor has finally confirmed the release date of its next smartphone"
_MAKER_CONFIRMED_DATE = re.compile(
    r"\b(?:has|have)\s+(?:[a-z]+ly\s+|now\s+|also\s+)?(?:"
    + fragments("confirming_verbs")
    + r")\s+(?:the|its)\s+(?:official\s+)?(?:launch|release|arrival|unveiling)\s+date\b"
)


def maker_confirmed_date_before(doc: ArticleState, a: Assignment) -> bool:
    """ "Honor has finally confirmed the release date of its next phone. ... The X9b is scheduled
    to launch on February 15": a launch date whose sentence has no cue is the one the maker of
    the phone confirmed in an earlier sentence, which gives no date of its own."""
    brand = a.subject.brand
    if not brand or "date" not in doc.low:
        return False
    for earlier in doc.references:
        if earlier.start >= a.quote[0]:
            return False
        hit = _MAKER_CONFIRMED_DATE.search(doc.low, earlier.start, earlier.end)
        if hit is None:
            continue
        maker = next((m for m in earlier.resolved if m.end <= hit.start()), None)
        if (
            maker is not None
            and maker.kind in (COMPANY, COMPANY_REF)
            and maker.brand == brand
            and not any(d.quote[0] == earlier.start for d in doc.dates)
        ):
            return True
    return False


def maker_confirms_next(doc: ArticleState, sentence, value: str) -> bool:
    """ "The X arrives on June 3. The maker has confirmed the launch on its blog": a launch date
    whose own sentence has no cue is confirmed by the maker's confirmation of the launch in the
    sentence after it, in the same paragraph, when that sentence gives no other launch date."""
    assert doc.statuses is not None
    at = bisect_left(doc.references, sentence.end, key=lambda x: x.start)
    if at >= len(doc.references):
        return False
    after = doc.references[at]
    if after.paragraph_start != sentence.paragraph_start:
        return False
    cues = doc.statuses.cues.in_span(after.start, after.end)
    if not cues or any(c[2] != CONFIRMED for c in cues):
        return False
    # doc.dates run in sentence order: those of the sentence after are found by a search
    first = bisect_left(doc.dates, after.start, key=lambda d: d.quote[0])
    for d in doc.dates[first:]:
        if d.quote[0] != after.start:
            break
        if d.value != value:
            return False  # it confirms a launch date of its own, not this one
    return patterns().launch.search(doc.low, after.start, after.end) is not None


_LISTING_CUES = ("listed", "listing")


def _listing_cues_only(doc: ArticleState, s: int, e: int, pos: int) -> bool:
    """Whether the rumour cues before `pos` in its sentence are all listing words."""
    assert doc.statuses is not None
    cues = [c for c in doc.statuses.cues.in_span(s, e) if c[1] <= pos] or doc.statuses.cues.in_span(s, e)
    return bool(cues) and all(doc.low[c[0] : c[1]] in _LISTING_CUES for c in cues)


def default_status(doc: ArticleState, subject, attribute: str, sentence: str | None = None) -> str:
    """The status of a claim no cue governs: confirmed for what the article and the catalogue
    say is out, else rumored. `sentence` is the claim's sentence, when there is one."""
    assert doc.statuses is not None
    if attribute == "camera_partner":
        return CONFIRMED
    if subject.subject in doc.statuses.launched:
        return CONFIRMED
    if subject.kind in (DEVICE, REF_DEVICE, REF_SERIES):  # "they" may stand for one named phone
        device = lexicon().devices_by_key.get(key(subject.subject or ""))
        month = doc.published.isoformat()[:7] if doc.published else None
        if device is None or not device.announced or (month is not None and device.announced > month):
            return RUMORED
        if device.announced == month and doc.statuses.launched.hedged_headline:
            return RUMORED  # announced this month, maybe after a headline that tells of a leak
        if not doc.statuses.launched.is_upcoming(subject.subject):
            return CONFIRMED  # announced before the article: on sale, its plain specs confirmed
        if (
            month is not None
            and device.announced < month
            and sentence is not None
            and not _dates.says_future(sentence)
        ):
            # A launch to come of a phone announced in an earlier month is one in a new market
            # (India, after China): what the article says the phone has is known; what it says
            # the phone will have there is still a forecast.
            return CONFIRMED
    return RUMORED


def build_claims(doc: ArticleState) -> None:
    """The claims, each with its status and the sentence quoted; one claim per subject, attribute,
    value and sentence."""
    article = doc.article
    body = doc.body
    claims = []
    for a in doc.aliases.claims + doc.subjects + doc.dates + doc.partners:
        status = a.status if a.status is not None else status_for(doc, a)
        start, end = a.quote
        subject = a.subject
        assert subject.subject is not None
        kind = subject.kind
        claims.append(
            Claim(
                article.id,
                subject.subject,
                a.attribute,
                a.value,
                status,
                body[start:end],
                start,
                end,
                article.published,
                article.published_basis,
                "device"
                if kind == DEVICE or kind == REF_DEVICE
                else "series"
                if kind == SERIES or kind == REF_SERIES
                else "company",
                subject.brand,
                subject.text or subject.subject,
            )
        )
    seen = set()
    out = []
    for c in sorted(claims, key=lambda c: (c.start, c.attribute)):
        k = (c.subject, c.attribute, c.value, c.start)
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    doc.claims = out


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[ArticleState], None]


PIPELINE: tuple[Stage, ...] = (
    Stage("sentences", read_sentences),
    Stage("posts", read_posts),
    Stage("mentions", find_mentions),
    Stage("cues", find_cues),
    Stage("aliases", read_aliases),
    Stage("values", find_values),
    Stage("salience", find_salient_device),
    Stage("launched", find_launched_devices),
    Stage("tables", map_tables),
    Stage("references", resolve_references),
    Stage("launched_references", find_launched_by_references),
    Stage("column_cues", read_column_cues),
    Stage("subjects", assign_subjects),
    Stage("dates", assign_launch_dates),
    Stage("partners", assign_camera_partners),
    Stage("claims", build_claims),
)


def new_state(article: Article) -> ArticleState:
    """An article's state before any stage: its body and the date its relative dates count from."""
    return ArticleState(article=article, body=article.body or "", published=_valid_date(article.published))


def _valid_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def analyse(article: Article, until: str | None = None) -> ArticleState:
    """The article's state after the stages up to and including `until` (all when None)."""
    if until is not None and until not in [stage.name for stage in PIPELINE]:
        raise ValueError(f"no stage {until!r}; the stages are {', '.join(s.name for s in PIPELINE)}")
    doc = new_state(article)
    if not doc.body.strip():
        return doc
    for stage in PIPELINE:
        stage.run(doc)
        if stage.name == until:
            break
    return doc


def run_pipeline(article: Article) -> list[Claim]:
    """The claims of an article, every stage run (exceptions pass through; `extract` guards)."""
    return analyse(article).claims
