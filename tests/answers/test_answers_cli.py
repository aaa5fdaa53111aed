"""`python -m bot ask` and `python -m bot console`, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.answers.console import line_completions
from tests.answers.conftest import PIXEL, tell_pixel_story

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_bot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "RECEIPTS_DB")}
    env["COLUMNS"] = "80"
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )


def test_ask_json_prints_the_answer_as_data(pixel_store):
    result = run_bot("ask", "--db", str(pixel_store.path), "/spec 11 Pro chipset", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["subject"] == PIXEL and {line["attribute"] for line in data["lines"]} == {"chipset"}


def test_ask_prints_text_and_fails_on_an_unknown_device(pixel_store):
    result = run_bot("ask", "--db", str(pixel_store.path), "/timeline 11 Pro")
    assert result.returncode == 0 and PIXEL in result.stdout
    missing = run_bot("ask", "--db", str(pixel_store.path), "/spec Pixel 11")
    assert missing.returncode == 1 and PIXEL in missing.stdout


def test_console_answers_commands_until_quit(pixel_store):
    result = run_bot(
        "console",
        "--db",
        str(pixel_store.path),
        stdin="/spec 11 Pro\nsources 11 pro\nquit\n/spec never reached\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Sources · " + PIXEL in result.stdout
    assert "never reached" not in result.stdout


def test_console_completes_commands_and_device_names(store):
    tell_pixel_story(store)
    assert line_completions(store, "/sp") == ["/spec "]
    assert f"/spec {PIXEL}" in line_completions(store, "/spec pixel 11")
    assert line_completions(store, "/claim 1") == []


def test_help_and_an_unknown_command_list_every_command_once(store):
    from bot.answers.query import COMMANDS, run_query

    for typed in ("help", "/frobnicate 12"):
        answer = run_query(store, typed)
        assert not answer.ok and answer.suggestions == list(COMMANDS.values())
        assert not any(usage in answer.error for usage in COMMANDS.values())
    assert "frobnicate" in run_query(store, "/frobnicate 12").error


def test_a_claim_number_of_thousands_of_digits_is_refused_and_the_console_goes_on(pixel_store):
    huge = "9" * 4301  # past Python's limit for reading an integer from text
    asked = run_bot("ask", "--db", str(pixel_store.path), f"/claim {huge}")
    assert asked.returncode == 1 and "Traceback" not in asked.stderr, asked.stderr
    assert "not a claim number" in asked.stdout and huge not in asked.stdout
    result = run_bot("console", "--db", str(pixel_store.path), stdin=f"/claim {huge}\n/spec 11 Pro\nquit\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "not a claim number" in result.stdout and PIXEL in result.stdout
