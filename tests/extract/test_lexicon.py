"""The lexicon files (data/lexicon/*.json) are checked when loaded: lists hold literal words, the
regular expressions sit in a `patterns` section and compile, and an error names the file and key."""

from __future__ import annotations

import json
import re

import pytest

from bot.extract.lexicon import LEXICON_DIR, LexiconError, fragments, read_lexicon_file


def write(tmp_path, name: str, data) -> object:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_every_shipped_lexicon_file_passes_the_check():
    for path in sorted(LEXICON_DIR.glob("*.json")):
        assert read_lexicon_file(path)


def test_a_regular_expression_in_a_word_list_is_refused_with_its_file_and_key(tmp_path):
    path = write(tmp_path, "context.json", {"patterns": {}, "handover_verbs": ["passes", "hands? over"]})
    with pytest.raises(LexiconError, match=r"context\.json: handover_verbs\[1\]: 'hands\? over'.*patterns"):
        read_lexicon_file(path)


def test_a_word_list_inside_an_object_is_checked_too(tmp_path):
    path = write(tmp_path, "specs.json", {"patterns": {}, "camera_roles": {"macro_camera": ["close-?up"]}})
    with pytest.raises(LexiconError, match=r"specs\.json: camera_roles\.macro_camera\[0\]"):
        read_lexicon_file(path)


def test_a_pattern_that_does_not_compile_is_refused_with_its_key(tmp_path):
    path = write(tmp_path, "specs.json", {"patterns": {"price_context": "(?:priced|costs"}})
    with pytest.raises(
        LexiconError, match=r"specs\.json: patterns\.price_context: .*not a valid regular expression"
    ):
        read_lexicon_file(path)


def test_a_scanned_pattern_must_list_the_literal_words_it_starts_with(tmp_path):
    path = write(tmp_path, "specs.json", {"patterns": {"launch_words": {"pattern": "unveil\\w*"}}})
    with pytest.raises(LexiconError, match=r"specs\.json: patterns\.launch_words\.starts"):
        read_lexicon_file(path)
    path = write(
        tmp_path,
        "specs.json",
        {"patterns": {"launch_words": {"pattern": "unveil\\w*", "starts": ["Unveil"]}}},
    )
    with pytest.raises(LexiconError, match=r"patterns\.launch_words\.starts\[0\]: 'Unveil'"):
        read_lexicon_file(path)


def test_a_missing_key_and_broken_json_are_named(tmp_path):
    path = write(tmp_path, "cues.json", {"patterns": {}, "confirmed": ["official"]})
    with pytest.raises(LexiconError, match=r"cues\.json: the key 'rumored' is missing"):
        read_lexicon_file(path)
    broken = tmp_path / "brands.json"
    broken.write_text('{"brands": [', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"brands\.json: not valid JSON"):
        read_lexicon_file(broken)


def test_literal_words_are_escaped_when_compiled():
    alias = re.compile("(?:" + fragments("alias_words") + ")")
    assert alias.fullmatch("a.k.a.")
    assert not alias.fullmatch("axkxax")
    assert re.fullmatch("(?:" + fragments("model_reference_variants") + ")", "Pro+")
