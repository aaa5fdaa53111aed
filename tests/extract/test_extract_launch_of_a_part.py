"""'It will launch MagicOS 10 on October 8': a launch word whose object is a skin, an OS or a chip
dates that product's launch, not the phone's. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_skins_launch_date_is_not_the_phones():
    found = values_of(
        "The Honor Magic 8 arrives on October 15. Besides showing the Magic 8's launch poster, Honor also "
        "said it will launch MagicOS 10 on October 8.",
        "launch_date",
        "2025-09-20",
    )
    assert found == {("Honor Magic 8", "2025-10-15")}, found


def test_a_chips_unveiling_is_not_the_phones():
    found = values_of(
        "The Galaxy S26 is due in February. Qualcomm will unveil the Snapdragon 8 Elite Gen 5 in September.",
        "launch_date",
        "2025-07-01",
    )
    assert ("Samsung Galaxy S26", "2025-09") not in found, found


def test_a_phones_launch_after_its_software_is_named_keeps_its_date():
    found = values_of(
        "The Honor Magic 8, running MagicOS 10, will launch on October 15.", "launch_date", "2025-09-20"
    )
    assert found == {("Honor Magic 8", "2025-10-15")}, found


def test_a_launch_word_right_after_the_date_keeps_it_the_phones():
    found = values_of(
        "Besides the Honor 500 series, the company will also introduce MagicOS 11 during the October 10 launch event.",
        "launch_date",
        "2030-09-01",
    )
    assert found == {("Honor 500 series", "2030-10-10")}, found
