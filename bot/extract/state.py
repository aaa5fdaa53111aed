"""The state of one article as the extraction stages (bot/extract/pipeline.py) fill it in: each
stage reads the fields of the stages before it and sets its own, so a stage can be run and
inspected alone (like the components of a spaCy pipeline over one `Doc`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from bot.extract.mentions import Mention, MentionFinder, Taken
from bot.extract.salience import Salience
from bot.extract.status import Cues
from bot.extract.values import Sentences, Value
from bot.models import Article, Claim


class SpanIndex:
    """Spans (which may overlap) sorted by start, with the furthest end reached so far: whether
    any span overlaps a range, or holds an offset, is a binary search instead of a scan of them
    all (an article of thousands of embedded posts made that scan, once a sentence, quadratic)."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        furthest = None
        for _, b in ordered:
            furthest = b if furthest is None or b > furthest else furthest
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span [a, b) has a < end and start < b."""
        before = bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start

    def holds(self, offset: int) -> bool:
        """Whether a span [a, b) has a <= offset < b."""
        upto = bisect_right(self.starts, offset)
        return upto > 0 and self.reach[upto - 1] > offset


@dataclass
class Posts:
    """Embedded social-media posts: their signature lines carry no claims, and the text of a
    maker's own post is official."""

    signatures: list[tuple[int, int]] = field(default_factory=list)
    official_regions: list[tuple[int, int]] = field(default_factory=list)

    def in_signature(self, start: int, end: int) -> bool:
        return bool(self.signatures) and self._index("signatures").overlaps(start, end)

    def official(self, start: int) -> bool:
        return bool(self.official_regions) and self._index("official_regions").holds(start)

    def _index(self, name: str) -> SpanIndex:
        # Built on first use, again when the list was replaced or grew (read_posts fills both
        # lists before the first look-up; the lists are only ever appended to).
        spans = getattr(self, name)
        cache = self.__dict__.setdefault("_indexes", {})
        held = cache.get(name)
        if held is None or held[0] is not spans or held[1] != len(spans):
            held = cache[name] = (spans, len(spans), SpanIndex(spans))
        return held[2]


@dataclass
class Aliases:
    """Other names of the article's devices ("the S23 Ultra (formerly rumored as the S23 Note)")."""

    claims: list[Assignment] = field(default_factory=list)  # an alias claim per other name
    names: dict[str, str] = field(default_factory=dict)  # other name -> canonical device
    spans: list[tuple[int, int]] = field(default_factory=list)  # where an alias phrase is
    models: dict[str, set[str]] = field(default_factory=dict)  # brand -> keys of alias models
    # a name said of a reference ("it is tipped to launch as the Y"): (the reference's start, the
    # name as written, its span), claimed once the discourse has resolved the reference
    of_references: list[tuple[int, str, tuple[int, int]]] = field(default_factory=list)


@dataclass
class Launched:
    """Devices (and series) the article reports as launched: their plain specs are confirmed; and
    those whose launch it reports as still to come."""

    devices: set[str] = field(default_factory=set)
    series: list[str] = field(default_factory=list)
    upcoming: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)  # on the maker's own site: its listing is official
    hedged_headline: bool = False  # the headline tells of a leak or of a launch to come

    def __contains__(self, subject: str | None) -> bool:
        if not subject or not self.devices:
            return False
        if subject in self.devices:
            return True
        if any(subject.startswith(base) for base in self.series):
            return True
        # A series whose members the article says were launched: "They run on ..." after
        # "the X and X Pro were introduced".
        series_base = subject[: -len(" series")] if subject.endswith(" series") else None
        return bool(series_base and any(name.startswith(series_base) for name in self.devices))

    def is_upcoming(self, subject: str | None) -> bool:
        return bool(
            subject and any(subject == name or subject.startswith(name + " ") for name in self.upcoming)
        )


@dataclass
class Statuses:
    """What decides a claim's status: the cue words of the body and the devices reported launched."""

    cues: Cues
    launched: Launched = field(default_factory=Launched)


@dataclass
class SentenceContext:
    """One sentence as the discourse reads it: its own mentions, its references resolved, and the
    topic, groups and carried cue in force while its claims are made."""

    start: int
    end: int
    is_item: bool
    paragraph_start: int
    mentions: list[Mention]  # the sentence's own mentions
    resolved: list[Mention]  # the same, each reference replaced by what it refers to
    refs: list[Mention]  # its reference words ("it", "they", "the phone")
    topic: Mention | None
    series_topic: Mention | None
    last_group: list[Mention]  # the last devices named together
    carried_cue: tuple  # (paragraph start, status, subject) from earlier sentences
    lead_in_status: str | None  # the cue of the sentence leading a bullet list
    official: bool  # inside a maker's own post
    in_signature: bool  # a post's signature line: no claims


@dataclass
class Assignment:
    """A value handed to a subject: a claim before its status is decided from the cues of its
    sentence (`status` set instead when the stage decided it already)."""

    quote: tuple[int, int]  # the sentence quoted as the receipt
    sentence: SentenceContext | None
    subject: Mention
    attribute: str
    value: str
    start: int  # where the value is: the cues are read from here
    end: int
    status: str | None = None


@dataclass
class ArticleState:
    """Everything the stages know about one article."""

    article: Article
    body: str
    published: date | None
    low: str = ""  # sentences: the lowered body
    spans: list[tuple[int, int, bool]] = field(default_factory=list)  # sentences (start, end, is_item)
    sentences: Sentences | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    related_links: list[tuple[int, int]] = field(default_factory=list)  # "Also Read - ..." lines
    word_hits: dict = field(default_factory=dict)  # the shared word scan of `low`
    posts: Posts = field(default_factory=Posts)
    mentions: list[Mention] = field(default_factory=list)
    taken: Taken | None = None  # spans named by branded mentions
    seen_models: dict[str, set[str]] = field(default_factory=dict)
    brand_at: Callable[[int], str | None] | None = None  # the brand in force at an offset
    mention_finder: MentionFinder | None = None
    statuses: Statuses | None = None
    aliases: Aliases = field(default_factory=Aliases)
    values: list[Value] = field(default_factory=list)
    salient: Salience = field(default_factory=Salience)  # the device the article is about
    table_cells: dict[int, Mention | list[Mention] | None] = field(default_factory=dict)
    table_row_cues: dict[int, tuple] = field(default_factory=dict)  # a table row's start -> its header's cue
    references: list[SentenceContext] = field(default_factory=list)
    subjects: list[Assignment] = field(default_factory=list)  # values handed to subjects
    dates: list[Assignment] = field(default_factory=list)  # launch dates handed to subjects
    partners: list[Assignment] = field(default_factory=list)  # camera partners of makers
    claims: list[Claim] = field(default_factory=list)
