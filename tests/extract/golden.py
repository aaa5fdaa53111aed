"""The extractor's golden output: the JSON claims (`python -m bot extract FILES --json`, one
`Claim.to_json()` each) of the seeds, the held-out sets and generated articles, kept in
tests/extract/golden/claims.jsonl.gz, one line per article: {"article": id, "claims": [...]}.

A refactoring must leave this output byte-identical (tests/extract/test_golden.py). When the
extractor's behaviour changes on purpose, regenerate the fixture and commit it with the change:

    python tests/extract/golden.py            # rewrites tests/extract/golden/claims.jsonl.gz
    python tests/extract/golden.py --generated 3000 --out /tmp/wide.jsonl.gz   # a wider check
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))  # for benchmarks.article_generator

from benchmarks.article_generator import generated_texts  # noqa: E402
from bot.articles import parse_article, read_article_file  # noqa: E402
from bot.extract import extract  # noqa: E402

FIXTURE = PROJECT_ROOT / "tests" / "extract" / "golden" / "claims.jsonl.gz"
GENERATED_COUNT = 400
GENERATED_SEED = 20240901


def article_files() -> list[Path]:
    """The seeds and every held-out set's articles, in a fixed order."""
    files = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))
    for folder in sorted((PROJECT_ROOT / "tests" / "extract").glob("heldout*/articles")):
        files += sorted(folder.glob("*.txt"))
    return files


def articles(generated: int = GENERATED_COUNT, seed: int = GENERATED_SEED):
    """(label, Article) for each golden article: files by their path, generated ones by number."""
    for path in article_files():
        yield path.relative_to(PROJECT_ROOT).as_posix(), read_article_file(path)
    for i, text in enumerate(generated_texts(generated, seed)):
        yield f"generated/{i:04d}", parse_article(text, f"generated_{i:04d}")


def line(label: str, article) -> str:
    """One fixture line: the article's label and its claims as `extract --json` prints them."""
    claims = [claim.to_json() for claim in extract(article)]
    return json.dumps({"article": label, "claims": claims}, ensure_ascii=False)


def current_lines(generated: int = GENERATED_COUNT, seed: int = GENERATED_SEED) -> list[str]:
    return [line(label, article) for label, article in articles(generated, seed)]


def read_fixture(path: Path = FIXTURE) -> list[str]:
    return gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()


def write_fixture(lines: list[str], path: Path = FIXTURE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same output gives the same bytes, so a regenerated fixture shows no spurious diff.
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--generated", type=int, default=GENERATED_COUNT, help="how many generated articles")
    parser.add_argument("--seed", type=int, default=GENERATED_SEED)
    parser.add_argument("--out", type=Path, default=FIXTURE)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args(argv)
    lines = current_lines(args.generated, args.seed)
    if args.check:
        expected = read_fixture(args.out)
        differing = [
            new.split('"claims"')[0] for new, old in zip(lines, expected, strict=False) if new != old
        ]
        if differing or len(lines) != len(expected):
            print(f"{len(differing)} of {len(expected)} articles differ; first: {differing[:3]}")
            return 1
        print(f"{len(lines)} articles, all identical to {args.out}")
        return 0
    write_fixture(lines, args.out)
    claims = sum(json.loads(x)["claims"].__len__() for x in lines)
    print(f"wrote {args.out}: {len(lines)} articles, {claims} claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
