"""The extraction stages one at a time: each reads the state the stages before it left and fills
in its own fields (bot/extract/pipeline.py, bot/extract/state.py)."""

from __future__ import annotations

import pytest

from bot.extract.mentions import DEVICE
from bot.extract.pipeline import PIPELINE, analyse, find_values, new_state, read_posts, read_sentences
from bot.models import Article


def article(body: str, published: str = "2025-01-10") -> Article:
    return Article(id="t", body=body, published=published, published_basis="header")


def test_the_stages_have_distinct_names_and_end_with_the_claims():
    names = [stage.name for stage in PIPELINE]
    assert len(set(names)) == len(names)
    assert names[0] == "sentences" and names[-1] == "claims"
    for field in ("posts", "mentions", "values", "references", "subjects", "dates"):
        assert field in names


def test_analyse_names_the_stages_when_asked_for_an_unknown_one():
    with pytest.raises(ValueError, match="sentences"):
        analyse(article("Some text."), until="nonsense")


def test_stopping_after_a_stage_leaves_the_later_fields_empty():
    doc = analyse(article("The Pixel 11 Pro packs a 5,100mAh battery."), until="mentions")
    assert doc.mentions and not doc.values and not doc.references and not doc.claims


def test_sentences_then_values_run_alone_on_a_fresh_state():
    doc = new_state(article("Its battery is 4,321mAh. It charges at 77W."))
    read_sentences(doc)
    assert [doc.body[s:e] for s, e, _ in doc.spans] == ["Its battery is 4,321mAh.", "It charges at 77W."]
    find_values(doc)
    assert [(v.attribute, v.value) for v in doc.values] == [
        ("battery", "4321 mAh"),
        ("wired_charging", "77 W"),
    ]


def test_posts_mark_a_maker_s_own_post_official_and_its_signature_line():
    body = (
        "Tease of the week.\n\nOur next phone has the brightest screen we ever made.\n"
        "— Samsung (@Samsung) March 3, 2025"
    )
    doc = new_state(article(body))
    read_sentences(doc)
    read_posts(doc)
    ((sig_start, sig_end),) = doc.posts.signatures
    assert body[sig_start:sig_end].startswith("— Samsung (@Samsung)")
    assert doc.posts.official(body.index("Our next phone"))
    assert not doc.posts.official(body.index("Tease"))


def test_mentions_name_a_branded_device():
    doc = analyse(article("The Pixel 11 Pro gets a new chip this year."), until="mentions")
    devices = [m for m in doc.mentions if m.kind == DEVICE]
    assert [m.subject for m in devices] == ["Google Pixel 11 Pro"]


def test_references_resolve_it_to_the_topic_of_the_sentence_before():
    doc = analyse(
        article("The Xiaomi 19 Ultra is on its way. It has a huge 7,200mAh cell."), until="references"
    )
    first, second = doc.references
    assert first.topic is None
    assert second.topic is not None and second.topic.subject == "Xiaomi 19 Ultra"
    refs = [m for m in second.resolved if m.ref]
    assert [m.subject for m in refs] == ["Xiaomi 19 Ultra"]


def test_subjects_never_give_a_compared_device_s_value_to_the_topic():
    doc = analyse(
        article("The Moto G99 gets a 6,100mAh battery, up from the Moto G98's 5,100mAh."), until="subjects"
    )
    given = [(a.subject.subject, a.value) for a in doc.subjects if a.attribute == "battery"]
    assert given == [("Motorola Moto G99", "6100 mAh")]


def test_dates_hand_a_launch_date_to_the_device_launched():
    doc = analyse(article("Oppo will launch the Find X11 on March 5."), until="dates")
    assert [(a.subject.subject, a.value) for a in doc.dates] == [("Oppo Find X11", "2025-03-05")]


def test_launched_devices_and_their_plain_specs_are_confirmed():
    doc = analyse(article("Asus has launched the Zenfone 14. The Zenfone 14 has a 5,400mAh battery."))
    assert "Asus Zenfone 14" in doc.statuses.launched
    battery = [c for c in doc.claims if c.attribute == "battery"]
    assert [(c.subject, c.status) for c in battery] == [("Asus Zenfone 14", "confirmed")]
