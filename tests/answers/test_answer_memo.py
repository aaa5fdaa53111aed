"""The memo of answers' counts forgets exactly what a commit can change: the counts made from
claims about the subjects it touched, and beyond its size the least recently used."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.answers.lookup import AnswerMemo

KEYS = st.integers(0, 5)
SUBJECTS = st.frozensets(st.integers(0, 3), max_size=2)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("put"), KEYS, SUBJECTS),
        st.tuples(st.just("get"), KEYS),
        st.tuples(st.just("forget"), SUBJECTS),
        st.tuples(st.just("clear")),
    ),
    max_size=60,
)


class PlainMemo:
    """The same rules written the slow, obvious way: a list, oldest first."""

    def __init__(self, size: int):
        self.size, self.entries = size, []

    def get(self, key):
        for position, (kept, value, _) in enumerate(self.entries):
            if kept == key:
                self.entries.append(self.entries.pop(position))
                return value
        return None

    def put(self, key, value, depends_on):
        self.entries = [entry for entry in self.entries if entry[0] != key]
        self.entries.append((key, value, frozenset(depends_on)))
        self.entries = self.entries[-self.size :]

    def forget_about(self, subject_ids):
        self.entries = [entry for entry in self.entries if entry[2].isdisjoint(subject_ids)]

    def clear(self):
        self.entries = []


@settings(max_examples=300)
@given(STEPS, st.integers(1, 3))
@example([("put", 0, frozenset({1})), ("put", 1, frozenset({2})), ("forget", frozenset({1}))], 1)
def test_the_memo_keeps_and_forgets_as_the_plain_rules_say(steps, size):
    memo, plain = AnswerMemo(size), PlainMemo(size)
    for number, step in enumerate(steps):
        if step[0] == "put":
            memo.put(step[1], number, step[2])
            plain.put(step[1], number, step[2])
        elif step[0] == "get":
            assert memo.get(step[1]) == plain.get(step[1])
        elif step[0] == "forget":
            memo.forget_about(set(step[1]))
            plain.forget_about(set(step[1]))
        else:
            memo.clear()
            plain.clear()
        assert len(memo) == len(plain.entries)
    assert [memo.get(key) for key in range(6)] == [plain.get(key) for key in range(6)]


def test_a_count_made_from_a_subjects_claims_is_forgotten_with_it():
    memo = AnswerMemo(8)
    memo.put("phone", "counted", {1, 2})
    memo.put("other", "kept", {3})
    memo.forget_about({2})
    assert memo.get("phone") is None
    assert memo.get("other") == "kept"
