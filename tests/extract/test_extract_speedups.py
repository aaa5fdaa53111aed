"""The speed-ups must not change what is found: each targeted scan gives the same matches as the
plain scan it replaces, on own sentences with odd spacing and punctuation."""

from __future__ import annotations

import random
import re

import pytest

from bot.extract import sentences as S
from bot.extract import values as V
from bot.extract.mentions import Taken

PIECES = [
    "6.7-inch",
    '6.1" OLED',
    "6.4 in display",
    "1,080 x 2,400",
    "2400×1080",
    "1440p",
    "90Hz",
    "1-120 Hz",
    "8GB/256GB",
    "12/512GB",
    "16 GB + 1 TB",
    "24GB",
    "50MP",
    "200-megapixel",
    "13 mega-pixel",
    "4,500mAh",
    "5.000 mAh",
    "33W",
    "7.5W",
    "65 watts",
    "$1,199.99",
    "€899",
    "£749",
    "₹39,999",
    "3,999 yuan",
    "899 EUR",
    "1,299,000 won",
    "8,99 €",
    "Sony IMX890",
    "Samsung ISOCELL HP3",
    "OmniVision OV64B",
    "LYT-700",
    "x 2",
    "the phone",
    "has a",
    "and",
    ",",
    ";",
    "RAM",
    "storage",
    "display",
    "camera",
    "ultrawide",
    "selfie",
    "charging",
    "wireless",
    "battery",
    "costs",
    "priced at",
    ".",
    "Mr. Lee",
    "e.g. this",
    "U.S. price",
    '"Nice." Then',
    "Why?",
    "Wow!",
    "…",
    "\n",
    "\n\n",
    "\n \n",
    "- a bullet",
    "1) an item",
]


def texts(n: int = 400):
    rng = random.Random(20)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 35)))


def spans(matches):
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@pytest.mark.parametrize(
    "kind, pattern",
    [
        ("size", V._SIZE),
        ("res_p", V._RES_P),
        ("wxh", V._RES_WXH),
        ("hz", V._HZ),
        ("pair", V._PAIR),
        ("amount", V._AMOUNT),
        ("mp", V._MP),
        ("mah", V._MAH),
        ("watt", V._WATT),
    ],
)
def test_unit_patterns_tried_where_their_unit_follows_find_what_a_full_scan_finds(kind, pattern):
    for text in texts():
        assert spans(V._hits(pattern, text, V.scan_numbers(text).get(kind))) == spans(
            pattern.finditer(text)
        ), text


def test_suffix_prices_from_the_number_scan_are_those_of_a_full_scan():
    suffix = V._price_patterns()[1]
    for text in texts():
        assert spans(V._hits(suffix, text, V.scan_numbers(text).get("price"))) == spans(
            suffix.finditer(text)
        ), text


def test_sensors_from_their_lead_words_are_those_of_a_full_scan():
    for text in texts():
        assert spans(V._sensor_hits(text)) == spans(V._SENSOR.finditer(text)), text


def test_sentence_ends_and_paragraphs_are_those_of_the_plain_patterns():
    import re

    plain_paragraph = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
    for text in texts():
        assert spans(S._ends(text, 0, len(text))) == spans(S._END.finditer(text, 0, len(text))), text
        assert [m.span() for m in S._PARAGRAPH.finditer(text)] == [
            m.span() for m in plain_paragraph.finditer(text)
        ]


def test_taken_spans_answer_as_the_plain_overlap_test():
    rng = random.Random(3)
    taken = Taken(200)
    for _ in range(15):
        a = rng.randrange(190)
        taken.append((a, a + rng.randint(1, 10)))
    for _ in range(500):
        s = rng.randrange(200)
        e = s + rng.randint(0, 12)
        assert taken.free(s, e) == all(e <= a or s >= b for a, b in taken), (s, e)


def test_the_shared_word_scan_gives_what_each_list_s_own_scan_gives():
    from bot.extract import wordscan
    from bot.extract.lexicon import lowered, word_start
    from bot.extract.mentions import MentionFinder
    from bot.extract.patterns import patterns
    from bot.extract.pipeline import launch_spans, word_scan_ready
    from bot.extract.status import Cues

    word_scan_ready()
    launch = patterns().launch
    words = [
        "It",
        "the phone",
        "The company",
        "Samsung",
        "Xiaomi has confirmed",
        "its CEO said",
        "they",
        "both phones",
        "the two new models",
        "is expected to",
        "rumored",
        "relaunched",
        "launches",
        "on sale",
        "pre-order",
        "we’re anticipating",
        "we're",
        "Lei  Jun",
        "the\nfirm announced",
        "according to Apple",
        "Honor",
        "this device",
        "all three phones",
        "leaks",
        "may",
        "May",
        "Pixel Fold",
        "the iPhone SE",
        "Galaxy Note  Edge",
        "xPixel Fold",
    ]
    rng = random.Random(11)
    for text in list(texts(200)) + [
        "".join(
            rng.choice(words) + rng.choice([" ", "  ", ", ", ". ", "\n"]) for _ in range(rng.randint(1, 30))
        )
        for _ in range(400)
    ]:
        low = lowered(text)
        hits = wordscan.scan(low)
        assert Cues(text, low, hits).cues == Cues(text, low).cues, text
        a, b = MentionFinder(text, low, hits).find()[0], MentionFinder(text, low).find()[0]
        assert [(m.start, m.end, m.kind, m.subject) for m in a] == [
            (m.start, m.end, m.kind, m.subject) for m in b
        ]
        plain = [
            m.span()
            for m in launch.finditer(low)
            if low.startswith("launch", m.start()) or word_start(low, m.start())
        ]
        assert launch_spans(launch, low, hits) == plain, text


def test_predecessor_and_generic_phrases_start_where_the_shared_word_scan_saw_their_words():
    from bot.extract import subjects, wordscan
    from bot.extract.lexicon import lowered
    from bot.extract.pipeline import word_scan_ready

    word_scan_ready()
    words = [
        "its predecessor",
        "The previous-generation model",
        "last year’s phone",
        "the older models",
        "some rival phones",
        "a few  other flagships",
        "several competing handsets",
        "most devices",
        "others",
        "somewhat",
        "the phone",
        "has a",
        "50MP",
        "4,500mAh",
        "like",
        "on",
    ]
    rng = random.Random(12)
    for _ in range(300):
        low = lowered(
            "".join(
                rng.choice(words) + rng.choice([" ", "  ", ", ", ". ", "\n"])
                for _ in range(rng.randint(1, 25))
            )
        )
        hits = wordscan.scan(low)
        for start in range(len(low)):
            for end in (start + 20, start + 60, start + 160):
                if subjects._PREDECESSOR.search(low, start, end):
                    assert wordscan.any_in(hits["predecessor"], start, end), (low, start, end)
                if subjects._GENERIC_BEFORE.search(low, start, end) or subjects._GENERIC_AFTER.match(
                    low, start, end
                ):
                    assert wordscan.any_in(hits["generic"], start, end), (low, start, end)


def test_launch_reports_from_the_shared_word_scan_are_those_of_the_plain_scans():
    from bot.extract import launched, wordscan
    from bot.extract.lexicon import lowered
    from bot.extract.pipeline import word_scan_ready
    from bot.extract.status import UPCOMING_LAUNCH

    word_scan_ready()
    words = [
        "The Nova 5 has been launched",
        "has  now officially unveiled",
        "is now official",
        "are here",
        "went official",
        "hasn't launched",
        "Phones are on sale",
        "island",
        "took the wraps off",
        "is set to launch",
        "will be officially announced",
        "ahead of its India launch",
        "the upcoming model",
        "preparing to unveil",
        "washed",
        "gone",
        "it",
        "12GB",
    ]
    rng = random.Random(13)
    for _ in range(300):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "  ", ", ", ". ", "\n", "-"])
            for _ in range(rng.randint(1, 25))
        )
        low = lowered(text)
        hits = wordscan.scan(low)
        for kind, pattern in (("launched", launched._LAUNCHED), ("upcoming", UPCOMING_LAUNCH)):
            assert [m.span() for m in wordscan.matches_at(pattern, low, hits[kind])] == [
                m.span() for m in pattern.finditer(low)
            ], text
        for start in range(0, len(low), 7):
            for end in (start + 30, start + 90, len(low)):
                found = wordscan.search_at(launched._LAUNCHED, low, hits["launched"], start, end)
                plain = launched._LAUNCHED.search(low, start, end)
                assert (found and found.span()) == (plain and plain.span()), (text, start, end)


def test_whole_names_in_a_headline_are_where_a_regex_of_the_name_finds_them():
    import re

    from bot.extract.status import _whole_name_offsets

    rng = random.Random(13)
    pieces = ["pixel", "9", "pro", "+", "9a", " ", "_", "é", "xl", "pixel 9"]
    for _ in range(3000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        words = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
        plain = [m.start() for m in re.finditer(r"(?<![\w+])" + re.escape(words) + r"(?![\w+])", low)]
        assert list(_whole_name_offsets(words, low)) == plain, (words, low)


def test_the_word_scan_finds_at_word_boundaries_what_it_finds_after_non_word_characters():
    """The non-word-led scan needs every word to start with a letter or digit; a list with a word
    like "'ll" makes it fall back to the word-boundary scan, with the same offsets for the rest."""
    from bot.extract import wordscan
    from bot.extract.lexicon import lowered
    from bot.extract.pipeline import word_scan_ready

    word_scan_ready()
    text = lowered("It'll launch: the phone, they say, is expected soon.\nSamsung has confirmed it")
    led = wordscan.scan(text)
    wordscan.register("test_apostrophe", ["'ll"])
    try:
        assert wordscan._scanner()[0] is None  # the fallback
        bounded = wordscan.scan(text)
    finally:
        del wordscan._KINDS["test_apostrophe"]
        wordscan._scanner.cache_clear()
    assert bounded.pop("test_apostrophe") == [text.index("'ll")]
    assert bounded == led and any(led.values())


@pytest.mark.parametrize(
    "name",
    [
        "comparison_gate",
        "launched_gate",
        "camera_count_gate",
        "launch_day_words",
        "not_launch_date",
        "higher_model_adjectives",
    ],
)
def test_a_word_gate_answers_as_a_search_for_its_words_and_patterns(name):
    from bot.extract.lexicon import fragments, word_gate

    gate, plain = word_gate(name), re.compile(fragments(name))
    pieces = ["compared to", "versus", "as fast as", "as  big as", "cam ", "camera", "unit", "is here"]
    pieces += [
        "on sale",
        "from",
        "basal",
        "has a",
        "vs.",
        "camcorder",
        "cam\n",
        "lens",
        "debuted",
        "x",
        "today",
    ]
    pieces += ["pre-order", "beta", "betas", "a deal", "premium", "top-end", "more  expensive", "update"]
    rng = random.Random(14)
    for _ in range(2000):
        text = "".join(
            rng.choice(pieces) + rng.choice([" ", "", "  ", ","]) for _ in range(rng.randint(0, 6))
        )
        text = text[rng.randint(0, 3) :]
        assert gate(text) == (plain.search(text) is not None), text
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert gate.in_span(text, start, end) == (plain.search(text, start, end) is not None), text


def test_a_body_the_rebadge_gates_pass_over_holds_no_rebadged_phrase():
    from bot.extract.lexicon import lowered
    from bot.extract.patterns import patterns

    p = patterns()
    pieces = ["the Nova 7", "is a", "ReBadged", "rebranded version of", "a renamed", "the", "Relabelled"]
    pieces += ["Zeta 5 Pro", "said to be", ",", "re-badged", "version", "of", "it", "not", "ſ", "RE-BRANDED"]
    pieces += ["’", "RETİTLED", "retıtled", "a relabelled", "₹"]
    rng = random.Random(15)
    for _ in range(1500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for gate, found in (
            (p.rebadge_word, [p.rebadged_after.search(text), p.rebadged_before.search(text)]),
            (p.rebadge_or_renamed_word, [re.compile(p.rebadged_lead.pattern[:-1]).search(text)]),
        ):
            named = gate(text, lowered(text))
            assert named == (gate.pattern.search(text) is not None), text
            if not named:
                assert found == [None] * len(found), text


def test_a_clause_starts_where_the_plain_clause_break_scan_says():
    from bot.extract.mentions import _CLAUSE_BREAK_BEFORE, clause_start

    pieces = ["the X", ",", ";", " while", ", whereas", ",but", " but", "and", "up from", "\n"]
    rng = random.Random(16)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        breaks = [b.end() for b in _CLAUSE_BREAK_BEFORE.finditer(text, start, end)]
        assert clause_start(text, start, end) == (breaks[-1] if breaks else start), text


def test_patterns_led_by_their_first_character_match_as_their_plain_forms():
    from bot.extract import subjects
    from bot.extract.lexicon import lexicon
    from bot.extract.mentions import patterns as mention_patterns

    def skins_after(skins, tail):
        words = "|".join(re.escape(s).replace(r"\ ", r"\s?") for s in sorted(skins, key=len, reverse=True))
        return re.compile(r"(?<![\w-])(?P<skin>" + words + ")" + tail)

    led_the = r"[Tt](?<!\w[Tt])he"
    led_model = r"(?P<model>[A-Z0-9](?<!\w[A-Z0-9])(?:(?<=[A-Z])[A-Z][0-9]{1,3}|[0-9]{0,3})"
    plain_model = r"\b(?P<model>(?:[A-Z]{2}[0-9]{1,3}|[A-Z0-9][0-9]{0,3})"
    specs = lexicon().specs
    brandless = mention_patterns()["brandless"]
    pairs = [
        (V._plain_skin_pattern(), skins_after(specs["skins_without_version"], r"(?![\w-]|\s?\d)")),
        (V._unversioned_skin_patterns()[0], skins_after(specs["skins"], r"(?![\w-]|\s?\d|['’])")),
        (subjects._MODEL_REF, re.compile(subjects._MODEL_REF.pattern.replace(led_the, r"\b[Tt]he", 1))),
        (
            subjects._HIGHER_MODEL_REF,
            re.compile(subjects._HIGHER_MODEL_REF.pattern.replace(led_the, r"\b[Tt]he", 1)),
        ),
        (brandless, re.compile(brandless.pattern.replace(led_model, plain_model, 1))),
    ]
    for led, plain in pairs:
        assert led.pattern != plain.pattern
    pieces = specs["skins"] + specs["skins_without_version"] + ["runs on", "-", "14", "’s", "X", "OS", "UI"]
    pieces += ["the", "The", "top-end", "premium", "variant", "model", "one", "Pro", "Ultra", "bathe", "of"]
    pieces += ["X9", "GT7", "15", "12S", "8GB", "S24+", "A5", "AB123", "1,299", "6.7", "Note", "series"]
    rng = random.Random(17)
    for _ in range(1500):
        text = "".join(
            rng.choice(pieces) + rng.choice(["", " ", "  ", "-", "\n", "."])
            for _ in range(rng.randint(1, 10))
        )
        for led, plain in pairs:
            assert [(m.span(), m.groupdict()) for m in led.finditer(text)] == [
                (m.span(), m.groupdict()) for m in plain.finditer(text)
            ], (text, plain.pattern[:40])


def test_the_cue_tries_match_what_the_cue_words_longest_first_match():
    from bot.extract import status
    from bot.extract.lexicon import lexicon, pattern_entries

    def plain_group(name):
        items = {(w.lower(), re.escape(w.lower())) for w in lexicon().cues[name]}
        items |= {(e["pattern"].lower(),) * 2 for e in pattern_entries("cues.json", name)}
        ordered = [regex for _text, regex in sorted(items, key=lambda t: len(t[0]), reverse=True)]
        return f"(?P<{name}>(?:" + "|".join(ordered) + r")(?![\w'’-]))"

    plain = re.compile("|".join(plain_group(name) for name in status._ORDER))
    cue = status.patterns()[0]
    words = [w.lower() for name in status._ORDER for w in lexicon().cues[name]]
    words += ["if it turns out to be true", "debunked", "speculation", "officially confirmed", "the", "x"]
    rng = random.Random(18)
    for _ in range(300):
        text = "".join(
            rng.choice(words)[: rng.choice([None, None, -1, 3])] + rng.choice([" ", "", "-", ". ", "'s "])
            for _ in range(rng.randint(1, 8))
        )
        for at in range(len(text)):
            a, b = cue.match(text, at), plain.match(text, at)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (text, at)


def test_post_signatures_are_those_of_the_plain_scan():
    from bot.extract import dates

    pieces = ["— Nova (@nova_mobile) March 2, 2024", "(@", "@x", "— ", "Leak - it", "(@ab) May 3, 2023", "\n"]
    pieces += ["A phone", "- Tipster (@t1) Jan. 5, 2024", "(", ")"]
    rng = random.Random(19)
    for _ in range(500):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(1, 8)))
        found = [(m.span(), when) for m, when in dates.post_signatures(text)]
        plain = [(m.span(), dates._post_date(m.group(3))) for m in dates.POST_SIGNATURE.finditer(text)]
        assert found == [p for p in plain if p[1]], text


def test_every_reference_starts_with_one_of_the_starts_its_lexicon_entry_lists():
    from bot.extract.lexicon import pattern_starts
    from bot.extract.mentions import patterns as mention_patterns

    pieces = ["the new phone", "the same model", "the said handset", "the rumoured mobile device"]
    pieces += ["the flagship", "the flagship chip", "this upcoming smartphone", "the smartphone in question"]
    pieces += ["both phones", "both pro variants", "both use", "the pair get", "the two run", "the duo"]
    pieces += ["the three new phones", "the two pro models", "the four devices", "the upcoming handsets"]
    pieces += ["these smartphones", "all three models", "they", "it", "its", "the line-up", "the series"]
    pieces += ["the", "phone", "two", "new", ",", "."]
    p = mention_patterns()
    rng = random.Random(20)
    for name, pattern in (("reference_device", p["ref_device"]), ("reference_series", p["ref_series"])):
        starts = pattern_starts("specs.json", name)
        for _ in range(800):
            low = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
            for m in pattern.finditer(low):
                assert any(low.startswith(w, m.start()) for w in starts), (name, low, m.group(0))


def test_camera_counts_from_the_shared_word_scan_are_those_of_the_plain_scan():
    from bot.extract import wordscan
    from bot.extract.lexicon import lowered
    from bot.extract.pipeline import word_scan_ready

    word_scan_ready()
    pieces = [
        "triple camera",
        "quad-camera",
        "quadruple rear cameras",
        "2 sensors",
        "3-lens",
        "trio of  lenses",
    ]
    pieces += [
        "dual main shooters",
        "five units",
        "50MP",
        "5,000mAh",
        "two",
        "cams",
        "front",
        "X2",
        "4 lens",
        "5 cameras",
    ]
    rng = random.Random(21)
    for _ in range(800):
        text = "".join(
            rng.choice(pieces) + rng.choice([" ", ", ", ". ", "-", "\n"]) for _ in range(rng.randint(1, 9))
        )
        sentences = V.Sentences([(0, len(text), False)])
        hits = wordscan.scan(lowered(text))
        with_hits = V.find_cameras(text, sentences, V.scan_numbers(text), hits)
        assert with_hits == V.find_cameras(text, sentences, V.scan_numbers(text)), text


def test_the_any_case_gate_knows_every_character_ignorecase_folds_to_an_ascii_letter():
    from bot.extract.lexicon import _FOLDS_TO_ASCII

    letter = re.compile("[a-z]", re.IGNORECASE)
    folds = [chr(c) for c in range(128, 0x110000) if letter.fullmatch(chr(c))]
    assert sorted(folds) == sorted(_FOLDS_TO_ASCII)


def test_the_older_lead_gate_answers_as_its_case_insensitive_search():
    from bot.extract.lexicon import any_case_gate, fragments, lowered

    gate = any_case_gate("older_name_leads")
    plain = re.compile(fragments("older_name_leads"), re.IGNORECASE)
    assert gate.words is not None  # its words are ASCII or caseless: the lowered look-up runs
    pieces = [
        "Last Year’s",
        "LAST YEAR'S",
        "previous",
        "PREVİOUS",
        "Outgoing",
        "its predecessor, the",
        "the X",
    ]
    pieces += ["last year", "’", "ſ", "prev", "ious", "-generation"]
    rng = random.Random(22)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 6)))
        assert gate(text, lowered(text)) == (plain.search(text) is not None), text


def test_a_name_after_a_relative_lead_is_in_object_position_as_the_plain_search_says():
    from bot.extract import subjects
    from bot.extract.mentions import DEVICE, Mention

    def plain(low, m, s):
        if subjects._RELATIVE_LEAD.search(low, max(s, m.start - 12), m.start):
            return False
        return (
            subjects._OBJECT_BEFORE.search(low, max(s, m.start - 48), m.start) is not None
            or subjects._FOUND_BEFORE.search(low, max(s, m.start - 24), m.start) is not None
        )

    pieces = ["on which", "in which the", "with which", "on the", "of", "found in", "which", "the date", "x"]
    rng = random.Random(23)
    for _ in range(1500):
        low = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) + " "
        m = Mention(len(low), len(low) + 5, DEVICE, "Nova 5", "Nova", "nova 5")
        for s in (0, len(low) // 2):
            assert subjects.in_object_position(low, m, s) == plain(low, m, s), low


def test_a_value_s_status_is_the_cue_the_plain_list_reading_gives():
    from bot.extract.status import Cues

    def plain(cues, s, e, pos, end):
        if cues.negated(s, pos, end):
            return "denied"
        found = cues.in_span(s, e)
        before = [c for c in found if c[1] <= pos]
        after = [c for c in found if c[0] >= end]
        return before[-1][2] if before else after[0][2] if after else None

    pieces = ["is rumored to", "confirmed", "may", "could", "is expected to", "not", "the X", "50MP", "leaks"]
    pieces += ["officially", "announced", "tipped", ",", "."]
    rng = random.Random(24)
    for _ in range(400):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        cues = Cues(text)
        for _ in range(5):
            pos = rng.randint(0, len(text))
            end = min(len(text), pos + rng.randint(0, 6))
            assert cues.status_at(0, len(text), pos, end) == plain(cues, 0, len(text), pos, end), text
