"""Finding the subject a person means: shared by every command and by autocomplete.

Names are compared in `name_key` form (case, spaces and punctuation forgiven), whole or by
their ending ("12S Ultra" for "Xiaomi 12S Ultra", "11 Pro" for "Google Pixel 11 Pro"). An alias
(a rumored name, a codename) leads to the device it names; a subject whose own name is such an
alias redirects to that device. A typo is forgiven only where it cannot change the model: a
misspelt or unfinished word, never a different number or letter of the model, so "Galaxy S23"
never silently becomes the S22. When nothing fits, the answer is a list of suggestions, not a
guess.

The names of a store are read once and kept until a name changes (the store's `names_version`,
which triggers raise when a subject, an alias or an alias claim's standing changes), which keeps
autocomplete within milliseconds on a store of a million claims, also while another process
ingests. Whenever anything changes (`PRAGMA data_version` for other connections,
`total_changes` for this one), the memo of what a guild sees is emptied, and so is the memo of
the answers' counts, except when the change only added claims: then only the counts about their
subjects are forgotten (`AnswerMemo`, `_schema_v9`).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from heapq import merge

from rapidfuzz import fuzz, process

from bot.names import name_key
from bot.store import Store
from bot.store.answers import (
    alias_links,
    answers_revised,
    last_claim_id,
    names_stamp,
    store_stamp,
    subject_is_visible,
    subjects_after,
    subjects_newest_first,
    subjects_of_claims_after,
)

_TOKEN = re.compile(r"[a-z]+|[0-9]+|\+")
SUGGESTIONS = 5
FUZZY_ACCEPT = 75  # how alike a misspelt word must be to its intended one
SUGGEST_FROM = 55  # how alike a name must be to be offered as a suggestion
PREFIX_SCAN = 400  # how many prefix or substring hits autocomplete ranks at most
TRIGRAM = 3  # letters of the pieces the substring index keeps
MEMO_SIZE = 512  # answers' counts kept per store version (see spec.py)
MAX_UNSORTED = 2_000  # entries of new subjects kept unsorted before the index is rebuilt


def spaced_name(name: str) -> str:
    """A name in lower case with single spaces: word boundaries kept, for series and tokens."""
    return " ".join(re.sub(r"[^0-9a-z+]+", " ", name.lower()).split())


def trigrams(key: str) -> set[str]:
    """The distinct three-letter pieces of a key, for the substring index (`NameIndex.containing`)."""
    return {key[i : i + TRIGRAM] for i in range(len(key) - TRIGRAM + 1)}


def model_tokens(name: str) -> list[str]:
    """The words, numbers and plus signs of a name: "12S Ultra" -> ["12", "s", "ultra"]."""
    return _TOKEN.findall(name.lower())


class AnswerMemo:
    """Answers' counts (see spec.py), each kept with the subjects whose claims it was counted
    from: a commit that only adds claims forgets the counts of those claims' subjects and keeps
    the others. Beyond `size`, the least recently used are forgotten.

    Which counts each subject's claims went into is kept too: during an ingest every commit asks
    what to forget, and looking at every kept count each time cost more than the few it finds.
    """

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._counted_from: dict[int, set] = {}

    def get(self, key):
        """The value kept for `key`, or None."""
        if key not in self._entries:
            return None
        self._entries.move_to_end(key)
        return self._entries[key][0]

    def put(self, key, value, depends_on: Iterable[int]) -> None:
        """Keep `value`, counted from the claims about the subjects `depends_on`."""
        if key in self._entries:
            self._forget(key)
        depends = frozenset(depends_on)
        self._entries[key] = (value, depends)
        for subject_id in depends:
            self._counted_from.setdefault(subject_id, set()).add(key)
        if len(self._entries) > self.size:
            self._forget(next(iter(self._entries)))

    def forget_about(self, subject_ids: set[int]) -> None:
        """Forget what was counted from claims about any of these subjects."""
        for subject_id in subject_ids:
            for key in list(self._counted_from.get(subject_id, ())):
                self._forget(key)

    def _forget(self, key) -> None:
        _, depends = self._entries.pop(key)
        for subject_id in depends:
            keys = self._counted_from[subject_id]
            keys.discard(key)
            if not keys:
                del self._counted_from[subject_id]

    def clear(self) -> None:
        """Forget everything."""
        self._entries.clear()
        self._counted_from.clear()

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True, slots=True)
class Subject:
    id: int
    name: str
    key: str
    kind: str
    brand: str | None


def name_suffixes(name: str) -> list[str]:
    """The shorter names a name is typed as: its endings at word boundaries that still name a
    model ("12S Ultra", "11 Pro", "X90"), not a bare number or word ("7", "Ultra")."""
    words = spaced_name(name).split()
    endings = (" ".join(words[start:]) for start in range(1, len(words)))
    return [ending for ending in endings if len(model_tokens(ending)) >= 2]


@dataclass(frozen=True, slots=True)
class AliasRow:
    alias: str
    subject_id: int
    claim_id: int
    guild_id: int | None
    alive: bool

    def seen_by(self, guild_id: int | None) -> bool:
        return self.alive and (self.guild_id is None or self.guild_id == guild_id)


@dataclass(frozen=True, slots=True)
class AliasUse:
    """A name that leads to a subject because an alias claim says so."""

    name: str
    canonical_id: int
    claim_id: int


@dataclass
class GuildView:
    """The aliases one guild can see, and where they lead."""

    redirect: dict[int, int] = field(default_factory=dict)
    alias_keys: dict[str, list[AliasUse]] = field(default_factory=lambda: defaultdict(list))
    members: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    aliases_of: dict[int, list[AliasUse]] = field(default_factory=lambda: defaultdict(list))
    alias_entries: list[tuple[str, AliasUse]] = field(default_factory=list)
    alias_key_list: list[str] = field(default_factory=list)

    def canonical(self, subject_id: int) -> int:
        return self.redirect.get(subject_id, subject_id)


@dataclass
class Resolution:
    """Which subject a name was taken to mean, and how; or the suggestions when none fits."""

    query: str
    subject: Subject | None = None
    via: str | None = None
    via_claim: int | None = None
    suggestions: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.subject is not None


class NameIndex:
    """Every subject and alias name of one store version, arranged for lookups."""

    # set by _build_match_keys, extended by _append_entry
    joined: str
    offsets: list[int]
    initial_keys: dict[str, list[str]]

    def __init__(self, store: Store, stamp: tuple[int, int], names: tuple[int, int], hidden: int):
        self.store = store
        self.stamp = stamp
        self.names = names
        self.hidden = hidden
        self.subjects: dict[int, Subject] = {}
        self.by_key: dict[str, int] = {}
        self.series_by_base: dict[str, list[int]] = defaultdict(list)
        self.company_by_key: dict[str, int] = {}
        self.newest_first: list[int] = []
        self._read_subjects(store)
        self.alias_rows = self._read_aliases(store)
        # the aliases change only with a rebuild: a new subject is checked against them without
        # working out their keys again (a millisecond on a big store, at every name added)
        self.alias_name_keys = frozenset(name_key(row.alias) for row in self.alias_rows)
        self._build_match_keys()
        self._views: dict[int | None, GuildView] = {}
        self.memo = AnswerMemo(MEMO_SIZE)
        # what the memo was counted from: revisions of stored claims, and the last claim added
        self.revised = answers_revised(store)
        self.claims_seen = last_claim_id(store)
        # (guild, subject) pairs found visible, and not: a commit can only make the second
        # kind visible, unless it hid a claim (`hidden`)
        self._seen: set[tuple[int | None, int]] = set()
        self._unseen: set[tuple[int | None, int]] = set()

    def store_changed(self, store: Store, stamp: tuple[int, int], hidden: int, revised: int) -> None:
        """Something other than the names changed: forget the counts it can change, and who
        sees what unless nothing was hidden since (then what a guild saw it still sees).

        When claims were only added (no revision), only the counts about their subjects
        change; otherwise all may. A new subject can join a family (as its series or maker),
        which the memo's keys hold: a family that changed is counted anew.
        """
        self.stamp = stamp
        if revised == self.revised:
            changed, self.claims_seen = subjects_of_claims_after(store, self.claims_seen)
            self.memo.forget_about(changed)
        else:
            self.memo.clear()
            self.revised = revised
            self.claims_seen = last_claim_id(store)
        self._unseen.clear()
        if hidden != self.hidden:
            self._seen.clear()
            self.hidden = hidden

    def _read_subjects(self, store: Store) -> None:
        """Every subject. One with no claims the guild can see (none yet, or its article
        removed or redated away) is no name to offer: `visible` asks that per query, so a
        subject's first claim changes no name and the index is kept."""
        for row in subjects_newest_first(store):
            self._take_subject(Subject(*row))
            self.newest_first.append(row[0])

    def _take_subject(self, subject: Subject) -> None:
        self.subjects[subject.id] = subject
        self.by_key[subject.key] = subject.id
        if subject.kind == "series":
            self.series_by_base[series_base(subject.name)].append(subject.id)
        elif subject.kind == "company":
            self.company_by_key[subject.key] = subject.id

    @staticmethod
    def _subject_entries(subject: Subject) -> list[tuple[str, str, int]]:
        """(key, spaced name, subject id) of a subject's full name and of its endings."""
        entries = [(subject.key, spaced_name(subject.name), subject.id)]
        for ending in name_suffixes(subject.name):
            entries.append((name_key(ending), ending, subject.id))
        return entries

    def take_new_subjects(self, store: Store, names: tuple[int, int]) -> bool:
        """Take in the subjects added since the index was read, without reading the others
        again; False when that would not be the same as a rebuild (a new name an alias already
        uses, or so many new entries that the unsorted tail should be sorted in)."""
        newest = self.newest_first[0] if self.newest_first else 0  # the highest id
        new = [Subject(*row) for row in subjects_after(store, newest)]
        tail = len(self.entries) - self.sorted_count
        if any(
            subject.key in self.alias_name_keys or subject.key in self.by_key for subject in new
        ) or tail + 4 * len(new) > max(MAX_UNSORTED, self.sorted_count // 20):
            return False
        for subject in new:
            self._take_subject(subject)
            self.newest_first.insert(0, subject.id)
            for entry in self._subject_entries(subject):
                self._append_entry(entry)
        self.names = names
        return True

    def _append_entry(self, entry: tuple[str, str, int]) -> None:
        """An entry after the sorted ones: numbers of the others stay; `prefixed` merges it in."""
        key, _, sid = entry
        number = len(self.entries)
        self.entries.append(entry)
        self.keys.append(key)
        if key != self.subjects[sid].key:
            self.ending_ids[key].append(sid)
        self.offsets.append(len(self.joined) + 1 if self.joined else 0)
        self.joined = f"{self.joined}\n{key}" if self.joined else key
        self.by_initial[key[:1]].append(number)
        self.initial_keys.setdefault(key[:1], []).append(key)
        for trigram in trigrams(key):
            self.by_trigram[trigram].append(number)

    @staticmethod
    def _read_aliases(store: Store) -> list[AliasRow]:
        return [
            AliasRow(alias, sid, cid, guild, bool(alive))
            for alias, sid, cid, guild, alive in alias_links(store)
        ]

    def _build_match_keys(self) -> None:
        """Sorted (key, spaced name, subject id) of full names and endings; buckets for fuzz."""
        entries = []
        for subject in self.subjects.values():
            entries.extend(self._subject_entries(subject))
        entries.sort()
        self.entries = entries
        self.sorted_count = len(entries)  # entries after these were added later, unsorted
        self.keys = [key for key, _, _ in entries]
        self.ending_ids: dict[str, list[int]] = defaultdict(list)
        for key, _, sid in entries:
            if key != self.subjects[sid].key:
                self.ending_ids[key].append(sid)
        self.joined = "\n".join(self.keys)
        self.offsets = []
        position = 0
        for key in self.keys:
            self.offsets.append(position)
            position += len(key) + 1
        self.by_initial: dict[str, list[int]] = defaultdict(list)
        for number, key in enumerate(self.keys):
            self.by_initial[key[:1]].append(number)
        self.initial_keys = {
            initial: [self.keys[n] for n in numbers] for initial, numbers in self.by_initial.items()
        }
        self.by_trigram: dict[str, list[int]] = defaultdict(list)
        for number, key in enumerate(self.keys):
            for trigram in trigrams(key):
                self.by_trigram[trigram].append(number)

    # Aliases as a guild sees them ----------------------------------------------------------

    def view(self, guild_id: int | None) -> GuildView:
        if guild_id not in self._views:
            self._views[guild_id] = self._build_view(guild_id)
        return self._views[guild_id]

    def _build_view(self, guild_id: int | None) -> GuildView:
        view = GuildView()
        links = [row for row in self.alias_rows if row.seen_by(guild_id)]
        for row in links:
            named = self.by_key.get(name_key(row.alias))
            if named is not None and named != row.subject_id:
                view.redirect[named] = row.subject_id
        view.redirect = {sid: self._follow(view.redirect, sid) for sid in view.redirect}
        view.redirect = {sid: target for sid, target in view.redirect.items() if sid != target}
        for sid, target in view.redirect.items():
            view.members[target].append(sid)
        for row in links:
            use = AliasUse(row.alias, view.canonical(row.subject_id), row.claim_id)
            if name_key(row.alias) == self.subjects[use.canonical_id].key:
                continue
            view.aliases_of[use.canonical_id].append(use)
            for name in (spaced_name(row.alias), *name_suffixes(row.alias)):
                view.alias_keys[name_key(name)].append(use)
                view.alias_entries.append((name, use))
                view.alias_key_list.append(name_key(name))
        return view

    @staticmethod
    def _follow(redirect: dict[int, int], start: int) -> int:
        """Where a chain of redirects ends; a cycle ends at its oldest subject."""
        seen = [start]
        current = start
        while current in redirect:
            current = redirect[current]
            if current in seen:
                return min(seen[seen.index(current) :])
            seen.append(current)
        return current

    def visible(self, subject_id: int, guild_id: int | None) -> bool:
        """Whether the guild sees a claim about this subject or a subject that redirects to it."""
        memo = (guild_id, subject_id)
        if memo in self._seen:
            return True
        if memo in self._unseen:
            return False
        group = [subject_id, *self.view(guild_id).members.get(subject_id, ())]
        seen = any(subject_is_visible(self.store, sid, guild_id) for sid in group)
        (self._seen if seen else self._unseen).add(memo)
        return seen

    # The hierarchy ----------------------------------------------------------------------------

    def series_of(self, subject: Subject) -> list[Subject]:
        """Series whose base name starts this device's name, at a word or '+' boundary."""
        name = spaced_name(subject.name)
        found = []
        for end in _boundaries(name):
            for sid in self.series_by_base.get(name[:end], ()):
                if sid != subject.id:
                    found.append(self.subjects[sid])
        return found

    def members_of_series(self, series: Subject) -> list[Subject]:
        base = series_base(series.name)
        return [
            subject
            for subject in self.subjects.values()
            if subject.kind != "company"
            and subject.id != series.id
            and _starts_at_boundary(spaced_name(subject.name), base)
        ]

    def company_of(self, subject: Subject) -> Subject | None:
        brand = subject.brand or subject.name.split()[0]
        sid = self.company_by_key.get(name_key(brand))
        return self.subjects[sid] if sid is not None and sid != subject.id else None

    def brand_members(self, company: Subject) -> list[Subject]:
        key = company.key
        return [
            subject
            for subject in self.subjects.values()
            if subject.id != company.id and name_key(subject.brand or subject.name.split()[0]) == key
        ]

    # Matching -------------------------------------------------------------------------------

    def prefixed(self, fragment_key: str) -> Iterator[int]:
        """Entry numbers whose key starts with the fragment, in key order (the sorted entries
        and those added since, merged)."""
        later = sorted(
            (
                number
                for number in range(self.sorted_count, len(self.keys))
                if self.keys[number].startswith(fragment_key)
            ),
            key=self.keys.__getitem__,
        )
        yield from merge(self._sorted_prefixed(fragment_key), later, key=self.keys.__getitem__)

    def _sorted_prefixed(self, fragment_key: str) -> Iterator[int]:
        number = bisect_left(self.keys, fragment_key, 0, self.sorted_count)
        while number < self.sorted_count and self.keys[number].startswith(fragment_key):
            yield number
            number += 1

    def containing(self, fragment_key: str) -> Iterator[int]:
        """Entry numbers whose key contains the fragment, in key order: only the keys that hold
        the fragment's rarest three letters are looked at (a scan of every key cost 0.5-2 ms
        an autocomplete on a big store); a shorter fragment is found by C-speed `str.find`."""
        if len(fragment_key) >= TRIGRAM:
            rarest = min(
                (
                    self.by_trigram.get(fragment_key[i : i + TRIGRAM], ())
                    for i in range(len(fragment_key) - TRIGRAM + 1)
                ),
                key=len,
            )
            keys = self.keys
            return (number for number in rarest if fragment_key in keys[number])
        return self._found_in_joined(fragment_key)

    def _found_in_joined(self, fragment_key: str) -> Iterator[int]:
        position = self.joined.find(fragment_key)
        while position != -1:
            number = bisect_left(self.offsets, position + 1) - 1
            yield number
            position = self.joined.find(fragment_key, self.offsets[number] + len(self.keys[number]))

    def alike(self, fragment_key: str, limit: int, everywhere: bool) -> list[tuple[int, float]]:
        """Entry numbers of keys most like the fragment (rapidfuzz), best first.

        `everywhere=False` looks only among keys with the fragment's first character: a typo
        there is rare, and the full list takes milliseconds on a big store.
        """
        if everywhere:
            numbers, keys = None, self.keys
        else:
            numbers = self.by_initial.get(fragment_key[:1], [])
            keys = self.initial_keys.get(fragment_key[:1], [])
        found = process.extract(fragment_key, keys, scorer=fuzz.ratio, limit=limit, score_cutoff=SUGGEST_FROM)
        return [(numbers[index] if numbers is not None else index, score) for _, score, index in found]


def series_base(name: str) -> str:
    """The name a series' devices start with: "Xiaomi 12S series" -> "xiaomi 12s"."""
    spaced = spaced_name(name)
    return spaced.removesuffix(" series").removesuffix(" family").removesuffix(" lineup")


def _boundaries(name: str) -> Iterator[int]:
    for index, char in enumerate(name):
        if char in " +":
            yield index
    yield len(name)


def _starts_at_boundary(name: str, base: str) -> bool:
    return name.startswith(base) and (len(name) == len(base) or name[len(base)] in " +")


_indexes: weakref.WeakKeyDictionary[Store, NameIndex] = weakref.WeakKeyDictionary()


def name_index(store: Store) -> NameIndex:
    """The store's name index, rebuilt only when its names have changed since it was read."""
    stamp = store_stamp(store)
    index = _indexes.get(store)
    if index is not None and index.stamp == stamp:
        return index
    names, hidden = names_stamp(store)
    revised = answers_revised(store)
    if index is not None and (
        index.names == names or (index.names[1] == names[1] and index.take_new_subjects(store, names))
    ):
        index.store_changed(store, stamp, hidden, revised)
    else:
        index = NameIndex(store, stamp, names, hidden)
        _indexes[store] = index
    return index


# Resolution -----------------------------------------------------------------------------------


def resolve_subject(store: Store, name: str, guild_id: int | None = None) -> Resolution:
    """The subject a typed name means, through aliases and forgiven typos, or suggestions."""
    index = name_index(store)
    view = index.view(guild_id)
    resolution = Resolution(query=name)
    key = name_key(name)
    if not key:
        return resolution
    for uses in (_exact_full(index, view, key), _exact_ending(index, view, key)):
        uses = [use for use in uses if index.visible(use.canonical_id, guild_id)]
        distinct = _distinct_canonicals(uses)
        if len(distinct) == 1:
            return _resolved(resolution, index, uses[0])
        if distinct:
            resolution.suggestions = [index.subjects[sid].name for sid in distinct][:SUGGESTIONS]
            return resolution
    return _forgive_typos(resolution, index, view, key, guild_id)


def _exact_full(index: NameIndex, view: GuildView, key: str) -> list[AliasUse]:
    """The subject with exactly this name, else the devices with an alias of exactly this name."""
    sid = index.by_key.get(key)
    if sid is None:
        return [use for use in view.alias_keys.get(key, ()) if name_key(use.name) == key]
    return [_subject_use(index, view, sid)]


def _exact_ending(index: NameIndex, view: GuildView, key: str) -> list[AliasUse]:
    """Subjects and aliases whose name ends with exactly this ("12S Ultra", "11 Pro")."""
    uses = [_subject_use(index, view, sid) for sid in index.ending_ids.get(key, ())]
    return uses + view.alias_keys.get(key, [])


def _subject_use(index: NameIndex, view: GuildView, sid: int) -> AliasUse:
    """A subject reached by its own name: through the alias claim that redirects it, if any."""
    canonical = view.canonical(sid)
    if canonical == sid:
        return AliasUse("", sid, 0)
    name = index.subjects[sid].name
    claim = next(
        (
            use.claim_id
            for use in view.alias_keys.get(index.subjects[sid].key, ())
            if use.canonical_id == canonical
        ),
        0,
    )
    return AliasUse(name, canonical, claim)


def _distinct_canonicals(uses: list[AliasUse]) -> list[int]:
    return list(dict.fromkeys(use.canonical_id for use in uses))


def _resolved(resolution: Resolution, index: NameIndex, use: AliasUse) -> Resolution:
    resolution.subject = index.subjects[use.canonical_id]
    if use.name and name_key(use.name) != resolution.subject.key:
        resolution.via = use.name
        resolution.via_claim = use.claim_id or None
    return resolution


def _forgive_typos(
    resolution: Resolution, index: NameIndex, view: GuildView, key: str, guild_id: int | None
) -> Resolution:
    """Accept a near match only when it is the same model; otherwise offer suggestions."""
    alike = index.alike(key, limit=40, everywhere=False) or index.alike(key, limit=40, everywhere=True)
    candidates = []
    for number, score in alike:
        _, spaced, sid = index.entries[number]
        candidates.append((score, spaced, _subject_use(index, view, sid)))
    for _, score, number in process.extract(
        key, view.alias_key_list, scorer=fuzz.ratio, limit=10, score_cutoff=SUGGEST_FROM
    ):
        spaced, use = view.alias_entries[number]
        candidates.append((score, spaced, use))
    candidates.sort(key=lambda candidate: -candidate[0])
    seen = [(spaced, use) for _, spaced, use in candidates if index.visible(use.canonical_id, guild_id)]
    typed = model_tokens(resolution.query)
    fitting = [use for spaced, use in seen if same_model(typed, model_tokens(spaced))]
    distinct = _distinct_canonicals(fitting)
    if len(distinct) == 1:
        return _resolved(resolution, index, fitting[0])
    offered = distinct or _distinct_canonicals([use for _, use in seen])
    resolution.suggestions = [index.subjects[sid].name for sid in offered][:SUGGESTIONS]
    return resolution


def same_model(typed: list[str], known: list[str]) -> bool:
    """Whether a typed name can only mean this known one.

    Numbers, one- to three-letter parts ("S", "Pro") and plus signs must be equal; a longer word
    may be misspelt ("Xiaomy") and the last word may be unfinished ("Ultr").
    """
    if len(typed) != len(known) or not typed:
        return False
    for position, (word, target) in enumerate(zip(typed, known, strict=True)):
        if word == target:
            continue
        if not (word.isalpha() and target.isalpha()):
            return False
        last = position == len(typed) - 1
        if last and len(word) >= 2 and target.startswith(word):
            continue
        if min(len(word), len(target)) < 4 or fuzz.ratio(word, target) < FUZZY_ACCEPT:
            return False
    return True


# Autocomplete ---------------------------------------------------------------------------------


def autocomplete(store: Store, fragment: str, guild_id: int | None = None, limit: int = 25) -> list[str]:
    """Up to `limit` subject names for what has been typed so far: prefixes first, then names
    containing it, then names like it. Empty input gives the most recently added subjects."""
    index = name_index(store)
    view = index.view(guild_id)
    key = name_key(fragment)
    names: dict[int, None] = {}

    def offer(sid: int) -> bool:
        canonical = view.canonical(sid)
        if canonical not in names and index.visible(canonical, guild_id):
            names[canonical] = None
        return len(names) >= limit

    if not key:
        for sid in index.newest_first:
            if offer(sid):
                break
        return [index.subjects[sid].name for sid in names]
    for use in view.alias_keys.get(key, ()):
        offer(use.canonical_id)
    # each kind of hit is looked for only when the kinds before it gave too few names: the
    # substring scan and the fuzzy match cost more than the prefix hits of a short fragment
    for hits in (
        lambda: _shortest_first(index, index.prefixed(key)),
        lambda: _shortest_first(index, index.containing(key)),
        lambda: [number for number, _ in index.alike(key, limit=limit * 2, everywhere=False)],
    ):
        for number in hits():
            if offer(index.entries[number][2]):
                return [index.subjects[sid].name for sid in names]
    return [index.subjects[sid].name for sid in names]


def _shortest_first(index: NameIndex, numbers: Iterator[int]) -> list[int]:
    """The first hits, shortest names first: "Pixel 7" before "Pixel 7 Pro"."""
    found = []
    for number in numbers:
        found.append(number)
        if len(found) >= PREFIX_SCAN:
            break
    return sorted(found, key=lambda number: (len(index.keys[number]), index.keys[number]))
