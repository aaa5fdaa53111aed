"""The discourse of an article, sentence by sentence: reference words ("it", "the phone", "both
models") resolved to the device or group they stand for, the topic carried from sentence to
sentence, and the status cue a later sentence may inherit."""

from __future__ import annotations

import re
from typing import cast

from bot.extract.dates import says_future
from bot.extract.lexicon import any_case_gate, context_words, fragments, key, lexicon
from bot.extract.mentions import (
    COMPANY,
    COMPANY_REF,
    DEVICE,
    REF_DEVICE,
    REF_SERIES,
    SERIES,
    Mention,
    recalls_older_phone,
)
from bot.extract.salience import device_for_company
from bot.extract.state import ArticleState, SentenceContext
from bot.extract.status import DENIED, RUMORED, SPECULATED
from bot.extract.subjects import VARIANT_OF, in_object_position

_GROUP_REF = re.compile(r"(?i)(?:" + fragments("group_references") + r")\b")
_GROUP_START = re.compile(r"(?:" + fragments("group_references") + r")\b")
_OLDER_LEAD = re.compile(r"(?i)\b(?:" + fragments("older_name_leads") + r")\s+$")
_NEWER_LEAD = re.compile(r"(?i)\b(?:" + fragments("newer_name_leads") + r")\s+$")
_OLDER_LEAD_GATE = any_case_gate("older_name_leads")
_OTHER = re.compile(r"(?i)\bother\b")
_NOVELTY = re.compile(r"(?i)\b(?:new|upcoming|rumou?red)\b")  # "the upcoming phone": one still to come
# A plural reference to phones, not to a series ("the lineup"): "they", "the handsets".
_PAIR_JOIN = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
_PLURAL_PHONES = re.compile(
    r"(?i)they|(?:the|these)\s+(?:[a-z]{2,10}\s+)?(?:phones|handsets|devices|smartphones|models|duo|pair)"
)
_EXPLETIVE_IT = re.compile(
    r"\s+(?:is|was|has\s+been)\s+(?:being\s+|also\s+|now\s+)?(?:"
    + fragments("expletive_it_words")
    + r")\s+that\b"
)
_LARGER = re.compile(fragments("larger_words"))
# "the chargers listed with the phone can deliver ...": plural products that are no phones
_PLURAL_OTHER = re.compile(
    r"(?i)\b(?:the|these|its|both)\s+(?:[\w-]+\s+)?(?:"
    + fragments("other_device_nouns")
    + "|"
    + fragments("accessory_nouns")
    + r")s\b"
)
_RANKS = tuple((word, rank) for word, rank in cast(list[tuple[str, int]], context_words("variant_ranks")))
_PASSING_WORD = re.compile(r"\b(?:" + fragments("passing_words") + r")\b")
_RELATIVE_WORD = re.compile(
    r"\b(?:" + fragments("relative_words") + r")\s+(?!(?:" + fragments("object_determiners") + r")\b)[a-z]"
)
_PASSING_BREAK = re.compile(r"[,;:()]|\b(?:" + fragments("passing_clause_breaks") + r")\b")
_PASSING_REACH = 120  # characters looked back from a name: bounded, so a sentence stays linear


def variant_rank(model: str) -> int:
    """Smaller to bigger members of a family: base, +, Pro, Pro+, Max, Ultra."""
    low = model.lower()
    for word, rank in _RANKS:
        if low.endswith(word):
            return rank
    return 0


def group_members(text: str, group: list[Mention]) -> list[Mention]:
    """The members of a group a plural reference picks: "both Pro models" those with the word,
    "the two smaller models" the first two."""
    low = text.lower()
    variants = lexicon().variant_lower
    words = {w.rstrip("+") for w in re.findall(r"[\w+]+", low) if w in variants or w.rstrip("+") in variants}
    marked = [m for m in group if m.model and words & {w.lower().rstrip("+") for w in m.model.split()[1:]}]
    if marked:
        group = marked
    count = 3 if "three" in low else 2 if _GROUP_START.match(low) else None
    if count and len(group) > count:
        group = group[-count:] if _LARGER.search(low) else group[:count]
    return group


def family_members(mentions: list[Mention], topic: Mention, before: int) -> list[Mention]:
    """The devices named before `before` that share the topic's family ("S24", "S24+", "S24 Ultra")."""
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
                return k[len(family) :]
        return k

    families = [key(f) for f in lexicon().family_words.get(topic.brand, ())]
    target = base(topic.model)
    out: list[Mention] = []
    for m in mentions:
        if m.start >= before:
            break
        if (
            m.kind == DEVICE
            and m.brand == topic.brand
            and m.model
            and not m.comparison
            and not m.alias_only
            and base(m.model) == target
            and m.subject not in [x.subject for x in out]
        ):
            out.append(m)
    out.sort(key=lambda m: variant_rank(m.model))
    return out if len(out) >= 2 else []


def three_of_the_family(
    mentions: list[Mention], topic: Mention, reference: Mention, group: list[Mention]
) -> list[Mention]:
    """ "All three models" after the X and X+ were named together and the X Ultra after them: the
    three of the topic's family named before, when the last group named together is not three."""
    if "three" not in reference.text.lower() or len(group) == 3:
        return group
    family = family_members(mentions, topic, reference.start)
    return family if len(family) == 3 else group


def carried_cue(
    paragraph_start: int, sentence_status: str | None, topic: Mention | None, previous: tuple
) -> tuple:
    """The cue the next sentence may inherit: this sentence's own (a denial is never inherited),
    else the earlier one while the paragraph and the topic stay the same."""
    if sentence_status and sentence_status != DENIED:
        return (paragraph_start, sentence_status, topic.subject if topic else None)
    if previous[0] != paragraph_start or (topic and previous[2] != topic.subject):
        return (paragraph_start, None, None)
    return previous


def named_in_passing(doc: ArticleState, m: Mention, since: int) -> bool:
    """Whether a name after the sentence's subject phone (which ends at `since`) sits in a clause
    that only mentions it: "the X uses the Snapdragon 7 Gen 3, the same chip as the one in the Y",
    "..., which also powers the Y", "..., a chip shared with the Y". What follows is still about
    the X; "..., while the Y gets ..." opens a clause of the Y's own."""
    low = doc.low
    clause = max(since, m.start - _PASSING_REACH)
    for brk in _PASSING_BREAK.finditer(low, clause, m.start):
        clause = brk.end()
    return bool(
        _PASSING_WORD.search(low, clause, m.start)
        # case matters: "that also powers the Y" relates, "says that Samsung's Y" reports
        or _RELATIVE_WORD.search(doc.body, clause, m.start)
    )


def _coordinated_pair(body: str, sent_mentions: list[Mention]) -> list[Mention]:
    """ "more orders for the X and Y": the last two devices named together by "and", wherever they
    stand in the sentence, are the pair a plural reference after them ("the devices") stands for."""
    devices = [
        m for m in sent_mentions if m.kind == DEVICE and m.subject and not m.comparison and not m.alias_only
    ]
    for first, second in reversed(list(zip(devices, devices[1:], strict=False))):
        if first.subject != second.subject and _PAIR_JOIN.fullmatch(body, first.end, second.start):
            return [first, second]
    return []


def _unnamed_group(m: Mention) -> bool:
    """A plural reference that stands for no phone the article names ("the two handsets")."""
    return m.ref and m.subject is None and m.kind == REF_SERIES


def series_named_before(antecedent: Mention | None, reference: Mention) -> Mention | None:
    """ "nothing is official about the X series, but a leaker expects it in May": a series named earlier
    in the sentence is what a singular "it" stands for, not the device the sentences before were
    about ("the phone" and other nouns keep the topic)."""
    if antecedent is None or antecedent.kind != SERIES or reference.text.lower() != "it":
        return None
    return antecedent


class _Discourse:
    """What carries from sentence to sentence while the article is read."""

    def __init__(self, doc: ArticleState):
        self.doc = doc
        # Whether the body names an older phone's lead ("last year's") at all: else no mention of it
        # is searched for one.
        self.older_leads = _OLDER_LEAD_GATE(doc.body, doc.low)
        self.topic: Mention | None = None
        self.series_topic: Mention | None = None
        self.last_group: list[Mention] = []  # the last devices named together
        self.previous_group: list[Mention] = []  # the devices "they" went on about
        self.previous_cue: tuple = (-1, None, None)
        self.lead_in_status: str | None = None
        self.paragraph = -1  # where the sentence being read starts its paragraph
        # An older phone recalled as the topic ("its predecessor X was ..."): the topic to return
        # to when its paragraph ends or a sentence speaks of what is to come, and that paragraph.
        self.resume: Mention | None = None
        self.recall_paragraph = -1
        self.group_paragraph = -2  # the paragraph that named the last group together
        # The sentence before: when it named plural products that are no phones ("the
        # chargers"), a "they" stands for them (looked for only when a "they" comes).
        self.sentence_before: tuple[int, int] | None = None

    def _plural_other_before(self) -> bool:
        span = self.sentence_before
        return span is not None and _PLURAL_OTHER.search(self.doc.body, *span) is not None

    def resolve(self, sent_mentions: list[Mention], end: int) -> list[Mention]:
        """The sentence's mentions with each reference replaced by what it refers to (the
        sentence ends at `end`)."""
        resolved: list[Mention] = []
        topic, series_topic = self.topic, self.series_topic
        for m in sent_mentions:
            if m.kind != REF_DEVICE and m.kind != REF_SERIES:
                resolved.append(m)
                continue
            if m.kind == REF_DEVICE and m.text.lower() == "it" and _EXPLETIVE_IT.match(self.doc.body, m.end):
                continue  # "It is rumoured that ...": no phone
            if _OTHER.search(m.text) or (
                m.text.lower() == "they"
                and (self._plural_other_before() or any(_unnamed_group(x) for x in resolved))
            ):
                # "the two other models, which launched in April": not the topic; what is said of
                # them is a compared phone's; "they" after "the two handsets" names no phone either.
                resolved.append(
                    Mention(m.start, m.end, m.kind, None, None, m.text, comparison=True, ref=True)
                )
                continue
            antecedent = next(
                (
                    x
                    for x in reversed(resolved)
                    if x.kind in (DEVICE, SERIES)
                    and not x.ref
                    and not x.comparison
                    and not x.alias_only
                    and x.subject
                ),
                None,
            )
            if m.kind == REF_DEVICE:
                target = (
                    antecedent
                    if antecedent is not None and antecedent.kind == DEVICE
                    else series_named_before(antecedent, m) or topic or series_topic
                )
                if (
                    antecedent is None
                    and target is topic
                    and (
                        self._rumour_of_launched(topic, m, end)
                        or (_NOVELTY.search(m.text) is not None and self._launched_before_main(topic))
                    )
                ):
                    target = self.doc.salient.main
                # "the phone" while the topic is a series: the article's own device when it is a member.
                target = self.doc.salient.member_of(target) or target
            else:
                target = (
                    antecedent
                    if antecedent is not None and antecedent.kind == SERIES
                    else (series_topic or topic)
                )
            if (
                m.kind == REF_SERIES
                and not self.last_group
                and _GROUP_REF.match(m.text)
                and topic is not None
            ):
                self.last_group = family_members(self.doc.mentions, topic, m.start)
            if m.kind == REF_SERIES and topic is not None and _GROUP_REF.match(m.text):
                self.last_group = three_of_the_family(self.doc.mentions, topic, m, self.last_group)
            if (
                m.kind == REF_SERIES
                and self.previous_group
                and antecedent is None
                and _PLURAL_PHONES.fullmatch(m.text)
            ):
                # "Both handsets pack ... They run ...", "... These Huawei phones get ...": a plural
                # reference goes on with the same devices.
                resolved.append(group_reference(m, self.previous_group))
                continue
            if (
                m.kind == REF_SERIES
                and antecedent is None
                and len(self.last_group) >= 2
                and self.group_paragraph == self.paragraph
                and _PLURAL_PHONES.fullmatch(m.text)
            ):
                # "The X and Y feature ... The handsets bear ... They pack ...": in the paragraph
                # that named them together, a plural reference is to both.
                resolved.append(group_reference(m, self.last_group))
                continue
            if (
                m.kind == REF_SERIES
                and self.last_group
                and _GROUP_REF.match(m.text)
                and ("three" not in m.text.lower() or len(self.last_group) == 3)
            ):
                # "Both phones", "the two models": each device of the last pair named together;
                # "both Pro models" those of them with the word, "the two smaller models" the first two.
                resolved.append(group_reference(m, group_members(m.text, self.last_group)))
                continue
            if (
                m.kind == REF_SERIES
                and target is not None
                and target.kind == DEVICE
                and _GROUP_REF.match(m.text)
                and len(family_members(self.doc.mentions, target, m.start)) < 2
            ):
                # "the two handsets" with no two phones named, nor the topic's siblings: phones
                # the article does not name, not the one phone it is about
                resolved.append(
                    Mention(m.start, m.end, m.kind, None, None, m.text, comparison=True, ref=True)
                )
                continue
            if target is not None:
                kind = SERIES if target.kind == SERIES else COMPANY if target.kind == COMPANY else m.kind
                resolved.append(
                    Mention(
                        m.start,
                        m.end,
                        kind,
                        target.subject,
                        target.brand,
                        m.text,
                        model=target.model,
                        ref=True,
                    )
                )
        return resolved

    def _rumour_of_launched(self, topic: Mention | None, reference: Mention, end: int) -> bool:
        """ "The X2, by contrast, is 268 grams heavy. It may get 100W charging": a
        rumour told of "it" while the topic is an older phone already on sale (the catalogue's,
        announced before the article) is about the unreleased phone the article is about."""
        statuses = self.doc.statuses
        assert statuses is not None
        return self._older_than_main(topic) and any(
            c[2] == RUMORED for c in statuses.cues.in_span(reference.end, end)
        )

    def _launched_before_main(self, topic: Mention | None) -> bool:
        """Whether the topic is an older phone than the main device: the catalogue's (see
        _older_than_main), or one the article reports launched while the main device is not."""
        if self._older_than_main(topic):
            return True
        doc = self.doc
        main = doc.salient.main
        assert doc.statuses is not None
        launched = doc.statuses.launched
        return (
            topic is not None
            and main is not None
            and topic.kind == DEVICE
            and main.subject != topic.subject
            and main.brand == topic.brand
            and topic.subject in launched
            and main.subject not in launched
        )

    def _older_than_main(self, topic: Mention | None) -> bool:
        """Whether the topic is an older phone of the main device's maker, already on sale (the
        catalogue's, announced before the article) while the main device is not: "the upcoming
        phone" said then is the main device."""
        doc = self.doc
        assert doc.statuses is not None
        main = doc.salient.main
        if (
            topic is None
            or main is None
            or topic.kind != DEVICE
            or main.subject == topic.subject
            or main.brand != topic.brand
            or doc.published is None
        ):
            return False
        published = doc.published.isoformat()[:7]
        by_key = lexicon().devices_by_key
        older = by_key.get(key(topic.subject or ""))
        if older is None or not older.announced or older.announced > published:
            return False
        newer = by_key.get(key(main.subject or ""))
        return newer is None or not newer.announced or newer.announced > published

    def move_on(self, s: int, e: int, sent_mentions: list[Mention], resolved: list[Mention]) -> None:
        """The topic and groups after the sentence: the last name not in a prepositional phrase
        ("The X uses ... of the Y's camera" keeps X; "debuted on the Y", "alongside the Z" do not
        take it), unless a reference opens the sentence ("The handset will join the X"); a name
        after a preposition only when it owns the sentence's configuration ("the 8GB variant of
        the X"), is the article's own device, or heads a list ("the prices of the X as follows:")."""
        doc = self.doc
        named: list[Mention] = []
        object_position: dict[int, bool] = {}
        for m in sent_mentions:
            if (
                m.kind == DEVICE
                and m.subject
                and not m.comparison
                and not m.alias_only
                and not m.ref
                and m.subject not in [x.subject for x in named]
            ):
                in_object = object_position[id(m)] = in_object_position(doc.low, m, s)
                if not in_object:
                    named.append(m)
        pair = _coordinated_pair(doc.body, sent_mentions)
        if pair and not all(m in named for m in pair):
            named = pair  # "X and Y" said together, even after a preposition, is the pair
        if len(named) >= 2:
            self.last_group = named
            self.group_paragraph = self.paragraph
        sentence_group = next((m.group for m in resolved if m.group), None)
        if sentence_group:
            self.previous_group = list(sentence_group)
        elif named or any(m.kind in (DEVICE, SERIES) and not m.ref for m in resolved):
            self.previous_group = []
        chosen = None
        fallback = None
        subject = None  # the sentence's subject phone so far: a name, or a reference to a phone
        for m in resolved:
            if (
                subject is None
                and m.ref
                and m.subject
                and not m.comparison
                and m.kind not in (COMPANY, COMPANY_REF)
            ):
                subject = m
            # A resolved reference (ref=True) is a new Mention, never one of the sentence's own.
            if m.ref or m.comparison or m.alias_only or m.subject is None or m not in sent_mentions:
                continue
            if m.kind in (DEVICE, SERIES):
                if (
                    self.older_leads
                    and _OLDER_LEAD.search(doc.body, max(s, m.start - 24), m.start)
                    and not recalls_older_phone(doc.body, m)
                ):
                    continue  # "Last year's Mate 50 brought ...": an older phone, not the topic
                if fallback is None:
                    fallback = m
                placed = object_position.get(id(m))
                if placed is None:
                    placed = in_object_position(doc.low, m, s)
                if not placed and (subject is None or not named_in_passing(doc, m, subject.end)):
                    chosen = subject = m  # the last one in subject position
        if chosen is None and self.topic is None:
            chosen = fallback
        lead = next((m for m in resolved if m.kind != COMPANY), None)
        if (
            lead is not None
            and lead.ref
            and lead.kind in (DEVICE, REF_DEVICE)
            and not lead.group
            and len(doc.body[s : lead.start].split()) <= 3
        ):
            chosen = None  # "The phone is set to join the X and the Y": it stays the topic
        successor = next(
            (
                m
                for m in sent_mentions
                if m.kind == DEVICE
                and m.subject
                and not m.ref
                and not m.alias_only
                and not m.comparison
                and _NEWER_LEAD.search(doc.body, max(s, m.start - 24), m.start)
            ),
            None,
        )
        if successor is not None:
            chosen = successor  # "the renders of its successor, the X, leaked": the newer phone
        if chosen is None:
            own = [
                m
                for m in resolved
                if m.kind == DEVICE
                and not m.ref
                and not m.comparison
                and not m.alias_only
                and m in sent_mentions
            ]
            main = doc.salient.main
            chosen = next(
                (m for m in reversed(own) if VARIANT_OF.search(doc.body, max(s, m.start - 40), m.start)), None
            )
            if chosen is None and (lead is None or not lead.ref) and main is not None:
                chosen = next((m for m in own if m.subject == main.subject), None)
            if chosen is None and doc.body[s:e].rstrip().endswith(":") and own:
                chosen = own[-1]
        if chosen is not None:
            if (
                chosen.kind == DEVICE
                and not chosen.ref
                and chosen is not self.topic
                and recalls_older_phone(doc.body, chosen)
            ):
                if self.resume is None:
                    self.resume = self.topic
                self.recall_paragraph = self.paragraph
            elif self.resume is not None and chosen.subject != self.resume.subject:
                self.resume = None  # another phone named in its own right: no return
            self.topic = chosen
            if chosen.kind == SERIES:
                self.series_topic = chosen
        else:
            for m in resolved:
                if m.kind == COMPANY_REF and not m.comparison and m.subject:
                    # "Google's next phone": the brand's salient device when the article names one.
                    self.topic = device_for_company(m, self.topic, doc.salient) or Mention(
                        m.start, m.end, COMPANY, m.subject, m.brand, m.text
                    )
        if self.topic is None:
            companies = [m for m in resolved if m.kind == COMPANY and not m.alias_only and m.subject]
            if companies:
                self.topic = companies[0]


def read_discourse(doc: ArticleState) -> list[SentenceContext]:
    """Each sentence with its references resolved and the context its claims are made in."""
    assert doc.statuses is not None
    mentions = doc.mentions
    paras = doc.paragraphs
    posts = doc.posts
    cues = doc.statuses.cues
    state = _Discourse(doc)
    out: list[SentenceContext] = []
    mi = 0
    para_index = 0
    for s, e, is_item in doc.spans:
        while mi < len(mentions) and mentions[mi].start < s:
            mi += 1
        sent_mentions = []
        j = mi
        while j < len(mentions) and mentions[j].start < e:
            sent_mentions.append(mentions[j])
            j += 1
        while para_index < len(paras) - 1 and paras[para_index][1] <= s:
            para_index += 1
        para = paras[para_index] if paras else (s, e)
        # A sentence that names nothing changes no topic: only its cue carries forward.
        state.paragraph = para[0]
        if state.resume is not None and (
            para[0] != state.recall_paragraph
            or says_future(doc.body[s:e])
            or cues.last_in(s, e) in (RUMORED, SPECULATED)
        ):
            # back to the phone the article is about: the older phone's facts are known, what is
            # to come or only said is the new one's
            state.topic, state.resume = state.resume, None
        resolved = state.resolve(sent_mentions, e) if sent_mentions else []
        out.append(
            SentenceContext(
                s,
                e,
                is_item,
                para[0],
                sent_mentions,
                resolved,
                [m for m in sent_mentions if m.kind in (REF_DEVICE, REF_SERIES)],
                state.topic,
                state.series_topic,
                state.last_group,
                state.previous_cue,
                state.lead_in_status,
                posts.official(s),
                posts.in_signature(s, e),
            )
        )
        if sent_mentions:
            state.move_on(s, e, sent_mentions, resolved)
        state.sentence_before = (s, e)
        sentence_status = cues.last_in(s, e)
        state.previous_cue = carried_cue(para[0], sentence_status, state.topic, state.previous_cue)
        if not is_item:
            state.lead_in_status = sentence_status
    return out


def group_reference(reference: Mention, group: list[Mention]) -> Mention:
    """A reference to several devices at once ("both phones", "they"): it names the first of them
    and carries the whole group, so each device takes the sentence's values."""
    first = group[0]
    return Mention(
        reference.start,
        reference.end,
        DEVICE,
        first.subject,
        first.brand,
        reference.text,
        model=first.model,
        ref=True,
        group=tuple(group),
    )
