"""A device's spec said of a company whose article names none of its devices ("the company's first
phone will pack a 6,000mAh battery") is no claim: a company never takes a device attribute. The
company keeps what is its own, its launch events. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of, facts


def _company_facts(body: str) -> set[tuple[str, str]]:
    return {(c.attribute, c.value) for c in claims_of(body) if c.subject_kind == "company"}


def test_a_nameless_phone_gives_its_specs_to_no_company():
    body = (
        "Nokia will launch its first gaming handset in India in September. "
        "The company says the phone packs a 6,000mAh battery and a 6.8-inch OLED screen."
    )
    found = _company_facts(body)
    assert ("battery", "6000 mAh") not in found, found
    assert ("display_size", "6.8 in") not in found, found
    assert ("display_type", "OLED") not in found, found


def test_the_company_keeps_its_launch_event():
    body = (
        "Nokia will launch its first gaming handset in India in September. "
        "The company says the phone packs a 6,000mAh battery."
    )
    assert ("launch_date", "2024-09") in _company_facts(body)


def test_a_named_device_of_the_brand_still_takes_the_company_sentence():
    body = "The Nokia X60 goes on sale next month. Nokia says it packs a 6,000mAh battery."
    assert ("Nokia X60", "battery", "6000 mAh") in facts(body)
