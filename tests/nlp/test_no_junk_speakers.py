"""Nothing that is not a speaker becomes one (issue 15): over the bundled sample and, when
the shared data folder is there, the 331 Wikinews articles of the demo corpus, no source
entity is a month, a weekday, a determiner, a number or a bare common noun, and the top
speakers are people, organisations, governments or flagged groups."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from sayso import analyze_many
from sayso.analyze import ArticleInput
from sayso.config import data_dir
from sayso.data import sample_articles
from sayso.model import Analysis

MONTHS_AND_DAYS = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
DETERMINERS = frozenset("a an the this that these those some any each every all no".split())
SPEAKING_TYPES = frozenset({"PERSON", "ORG", "COUNTRY"})


def junk(name: str, flagged: bool) -> str | None:
    """Why ``name`` cannot be a speaker, or None."""
    words = name.split()
    lower = name.lower().strip(".,")
    if len(words) == 1 and lower in MONTHS_AND_DAYS:
        return "a month or weekday"
    if len(words) == 1 and lower in DETERMINERS:
        return "a determiner"
    if lower.replace(",", "").replace(".", "").isdigit():
        return "a number"
    if len(words) == 1 and name.islower() and not flagged:
        return "a bare common noun"
    return None


def check(analyses: list[Analysis]) -> tuple[list[str], Counter[tuple[str, str]]]:
    problems = []
    speakers: Counter[tuple[str, str]] = Counter()
    for analysis in analyses:
        types = {e.id: e.type for e in analysis.entities}
        for attribution in analysis.attributions:
            source = attribution.source
            if source is None or source.entity is None:
                continue
            flagged = source.anonymous or source.group
            reason = junk(source.entity, flagged)
            if reason:
                problems.append(f"{analysis.article.path}: {source.entity!r} ({reason})")
            kind = "FLAGGED" if flagged else types.get(source.entity_id or "", "?")
            speakers[(source.entity, kind)] += 1
    return problems, speakers


@pytest.fixture(scope="module")
def sample(nlp) -> list[Analysis]:
    return list(analyze_many(sample_articles(), nlp=nlp))


def test_the_junk_check_itself():
    assert junk("June", False) and junk("a", False) and junk("21", True)
    assert junk("people", False) and not junk("people", True)
    assert not junk("Donald Trump", False) and not junk("sources close to Macron", True)


def test_no_junk_speaker_in_the_sample(sample):
    problems, _ = check(sample)
    assert not problems, "\n".join(problems)


def test_the_top_speakers_of_the_demo_are_people_organisations_or_flagged_groups(sample):
    _, speakers = check(sample)
    top = Counter()
    kinds: dict[str, set[str]] = {}
    for (name, kind), count in speakers.items():
        top[name] += count
        kinds.setdefault(name, set()).add(kind)
    for name, _ in top.most_common(10):
        assert kinds[name] & (SPEAKING_TYPES | {"FLAGGED"}), (name, kinds[name])


@pytest.mark.slow
def test_no_junk_speaker_in_the_wikinews_corpus(nlp):
    path = data_dir() / "wikinews" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"no Wikinews corpus at {path} (set SAYSO_DATA_DIR)")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    items = [
        ArticleInput(text=r["text"], path=r["id"], published=r.get("published")) for r in records
    ]
    problems, _ = check(list(analyze_many(items, nlp=nlp)))
    assert not problems, "\n".join(problems)
