# ruff: noqa: E501  (a table of passages: one case a line reads best)
"""Who is who: short passages, each with the source an analyst reads off it.

Each case names the source mention (its words on the page) and what it must resolve to: an
entity's name, ANONYMOUS or GROUP (the flag, with an entity name the case may also give),
or UNRESOLVED (no entity, no flag: sayso says so rather than guess).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sayso import analyze
from sayso.model import Resolution

ANONYMOUS = "ANONYMOUS"
GROUP = "GROUP"
UNRESOLVED = "UNRESOLVED"


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    mention: str  # the source's words; the first attribution whose source reads so
    expect: str  # an entity name, ANONYMOUS, GROUP or UNRESOLVED
    occurrence: int = 0  # which attribution with that source text (0: the first)


CASES = [
    # -- pronouns ----------------------------------------------------------------------
    Case(
        "he-after-named-speaker",
        "John Baker arrived in Kyiv on Monday. He said the visit was a success.",
        "He",
        "John Baker",
    ),
    Case(
        "she-skips-a-man",
        "Anna Berg met Tom Hart in Vienna. She said the meeting went well.",
        "She",
        "Anna Berg",
    ),
    Case(
        "he-skips-a-woman",
        "Anna Berg met Tom Hart in Vienna. He said the meeting went well.",
        "He",
        "Tom Hart",
    ),
    Case(
        "she-after-honorific",
        "Mrs. Patel spoke to reporters after Mr. Jones left. She said the talks had stalled.",
        "She",
        "Patel",
    ),
    Case(
        "he-subject-over-object",
        "Senator Mark Ellis criticised Governor Paul Grant on Tuesday. He said the budget was a disgrace.",
        "He",
        "Mark Ellis",
    ),
    Case(
        "he-quote-then-said",
        "Mayor Carla Diaz opened the bridge.\n\n\u201cIt is a great day,\u201d she said.",
        "she",
        "Carla Diaz",
    ),
    Case(
        "pronoun-speaker-continues",
        "\u201cWe will rebuild,\u201d said Omar Haddad, the town's mayor. \u201cIt will take years,\u201d he added.",
        "he",
        "Omar Haddad",
    ),
    Case("he-with-no-one-before", "He said the decision was final.", "He", UNRESOLVED),
    Case(
        "she-with-only-men-before",
        "Peter Long and Mark Short met on Friday. She said nothing had been agreed.",
        "She",
        UNRESOLVED,
    ),
    Case(
        "they-after-organisation",
        "The World Health Organization issued new guidance on Monday. They said the risk was low.",
        "They",
        "World Health Organization",
    ),
    Case(
        "it-after-company",
        "Acme Corp. reported a loss on Thursday. It said sales had fallen by a third.",
        "It",
        "Acme Corp.",
    ),
    Case(
        "relative-clause-speaker",
        "The plan was backed by Maria Lopez, who said it would save money.",
        "Maria Lopez",
        "Maria Lopez",
    ),
    Case(
        "possessive-not-confused",
        "Jane Roe met John Doe's lawyer. She said the case was weak.",
        "She",
        "Jane Roe",
    ),
    # -- role nouns and descriptions -------------------------------------------------------
    Case(
        "the-mp",
        "Aleksey Goncharenko, a Ukrainian MP, wrote on Telegram. The MP claimed the troops were ready.",
        "The MP",
        "Aleksey Goncharenko",
    ),
    Case(
        "the-president-by-title",
        "President Emmanuel Macron met Olaf Scholz. The president said Europe must act.",
        "The president",
        "Emmanuel Macron",
    ),
    Case(
        "the-french-leader",
        "President Emmanuel Macron visited Berlin. The French leader said the alliance was strong.",
        "The French leader",
        "Emmanuel Macron",
    ),
    Case(
        "role-from-premodifier",
        "Republican presidential nominee Donald Trump spoke in Ohio. The nominee said the polls were wrong.",
        "The nominee",
        "Donald Trump",
    ),
    Case(
        "role-from-apposition",
        "Karen Miles, the company's chief executive, left early. The chief executive said profits would rise.",
        "The chief executive",
        "Karen Miles",
    ),
    Case(
        "role-nobody-had",
        "Tom Hart and Anna Berg spoke in Vienna. The judge said the ruling would stand.",
        "The judge",
        UNRESOLVED,
    ),
    Case(
        "description-names-a-place-only",
        "The New York businessman said the deal was done.",
        "The New York businessman",
        UNRESOLVED,
    ),
    # -- organisations and documents -------------------------------------------------------
    Case(
        "short-form-of-organisation",
        "The International Monetary Fund cut its forecast. The fund said growth would slow.",
        "The fund",
        "International Monetary Fund",
    ),
    Case(
        "acronym-with-stops",
        "The Securities and Exchange Commission opened an inquiry. The S.E.C. said it would report in May.",
        "The S.E.C.",
        "Securities and Exchange Commission",
    ),
    Case(
        "the-newspaper",
        "The Washington Post published the letter on Friday. The newspaper said it had verified it.",
        "The newspaper",
        "Washington Post",
    ),
    Case(
        "the-campaign-after-a-campaign",
        "The Trump campaign released a statement. The campaign said the report was false.",
        "The campaign",
        "Trump campaign",
    ),
    Case(
        "her-campaign",
        "Hillary Clinton spoke in Iowa. Her campaign said the event drew 3,000 people.",
        "Her campaign",
        "Hillary Clinton campaign",
    ),
    Case(
        "his-office-is-the-person",
        "Governor Paul Grant was in Albany. His office said he would sign the bill.",
        "His office",
        "Paul Grant",
    ),
    Case(
        "poll-with-issuer",
        "A Bloomberg poll was released on Monday. The poll found Clinton ahead.",
        "The poll",
        "Bloomberg",
    ),
    Case(
        "report-by",
        "A report by the Government Accountability Office was published. The report said costs had doubled.",
        "The report",
        "Government Accountability Office",
    ),
    Case("report-without-issuer", "The report said costs had doubled.", "The report", UNRESOLVED),
    # -- spokespeople ------------------------------------------------------------------
    Case(
        "spokesman-for-organisation",
        "A spokesman for Disney said the park would reopen.",
        "A spokesman for Disney",
        "Disney",
    ),
    Case(
        "organisations-spokeswoman",
        "Pfizer's spokeswoman said the trial had ended.",
        "Pfizer's spokeswoman",
        "Pfizer",
    ),
    Case(
        "persons-spokesman",
        "Russian President Vladimir Putin met the press. Putin's spokesman said the talks were over.",
        "Putin's spokesman",
        "Vladimir Putin",
    ),
    Case(
        "unnamed-spokeswoman",
        "A spokeswoman said the company would not comment.",
        "A spokeswoman",
        ANONYMOUS,
    ),
    Case(
        "officials-of-organisation",
        "The Environmental Protection Agency issued a rule. Officials at the Environmental Protection Agency said it was needed.",
        "Officials at the Environmental Protection Agency",
        "Environmental Protection Agency",
    ),
    # -- anonymous and group -----------------------------------------------------------
    Case(
        "a-source",
        "A source familiar with the talks said a deal was close.",
        "A source familiar with the talks",
        ANONYMOUS,
    ),
    Case("officials", "Officials said the bridge would reopen next week.", "Officials", ANONYMOUS),
    Case(
        "one-gop-operative",
        "One GOP operative said the race was over.",
        "One GOP operative",
        ANONYMOUS,
    ),
    Case(
        "a-federal-judge",
        "A federal judge said the law was unconstitutional.",
        "A federal judge",
        ANONYMOUS,
    ),
    Case(
        "counted-speechwriters",
        "Two Democratic speechwriters said the line was cut.",
        "Two Democratic speechwriters",
        ANONYMOUS,
    ),
    Case(
        "the-source-is-still-anonymous",
        "A source said the deal was close. The source said it would be signed on Friday.",
        "The source",
        ANONYMOUS,
    ),
    Case("republicans", "Republicans said the bill went too far.", "Republicans", GROUP),
    Case("voters", "Voters said the economy was their main worry.", "Voters", GROUP),
    Case("analysts", "Analysts said the bank would raise rates.", "Analysts", GROUP),
    Case(
        "share-of-voters",
        "Sixty-three percent of voters said the country was on the wrong track.",
        "Sixty-three percent of voters",
        GROUP,
    ),
    Case("no-one", "No one said the plan would work.", "No one", GROUP),
    Case(
        "a-group-of-doctors",
        "A group of doctors said the hospital was unsafe.",
        "A group of doctors",
        GROUP,
    ),
    Case(
        "they-after-officials",
        "Officials said the road would close. They said it would reopen in May.",
        "They",
        ANONYMOUS,
    ),
    # -- first person in quotes --------------------------------------------------------
    Case(
        "i-in-quote",
        "\u201cI believe the plan will fail,\u201d said Mayor Carla Diaz.",
        "I",
        "Carla Diaz",
    ),
    Case(
        "we-in-quote-of-organisation",
        "\u201cWe believe the ruling is wrong,\u201d Acme Corp. said in a statement.",
        "We",
        "Acme Corp.",
    ),
    Case("i-outside-quotes", "I think the plan will fail.", "I", UNRESOLVED),
    Case(
        "we-in-an-opinion-piece",
        "The tax code is a mess. We believe it must be simpler.",
        "We",
        GROUP,
    ),
    Case(
        "we-in-a-transcript",
        "Wikinews spoke to Dr Ana Ruiz.\n\n((WN)) Why rats?\n\n((Ana Ruiz)) We believe rats feel empathy.\n\n((WN)) How?",
        "We",
        UNRESOLVED,
    ),
    # -- names: short forms, suffixes, scripts ----------------------------------------------
    Case(
        "surname",
        "Angela Merkel spoke in Berlin. Merkel said Europe was united.",
        "Merkel",
        "Angela Merkel",
    ),
    Case(
        "surname-of-the-nearer-of-two",
        "Gary Johnson spoke on Monday. Jeh Johnson spoke on Tuesday. Johnson said the border was secure.",
        "Johnson",
        "Jeh Johnson",
    ),
    Case(
        "title-decides-between-namesakes",
        "President Obama met teachers. Michelle Obama visited a school. Mrs. Obama said the program would grow.",
        "Mrs. Obama",
        "Michelle Obama",
    ),
    Case(
        "particle-surname",
        "Charles de Gaulle met farmers. De Gaulle said the rules would change.",
        "De Gaulle",
        "Charles de Gaulle",
    ),
    Case(
        "suffixed-name",
        "Martin Luther King Jr. spoke in Washington. King said the dream was alive.",
        "King",
        "Martin Luther King Jr.",
    ),
    Case(
        "headline-glued-name",
        "Black Lawmakers Rip Donald Trump As A Disgrace\n\nDonald Trump said the criticism was unfair.",
        "Donald Trump",
        "Donald Trump",
    ),
    Case(
        "name-tagged-organisation",
        "Kallergis wrote to the king. Later Kallergis said the army would obey.",
        "Kallergis",
        "Kallergis",
    ),
    # -- junk that must not become a speaker ---------------------------------------------
    Case("month-is-no-speaker", "June said the plan would fail.", "June", UNRESOLVED),
    Case("number-is-no-speaker", "21 said they would strike.", "21", UNRESOLVED),
    Case(
        "lowercase-guess-is-no-speaker",
        "green algae said nothing, the scientists joked.",
        "the scientists",
        GROUP,
    ),
]


def _attribution(analysis, case: Case):
    found = [
        a
        for a in analysis.attributions
        if a.source is not None and a.source.text.lower() == case.mention.lower()
    ]
    assert len(found) > case.occurrence, (
        f"no attribution with source {case.mention!r}: "
        f"{[(a.source.text if a.source else None, a.cue.text if a.cue else None) for a in analysis.attributions]}"
    )
    return found[case.occurrence]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_speaker(case: Case, nlp):
    analysis = analyze(case.text, nlp=nlp)
    source = _attribution(analysis, case).source
    assert source is not None
    if case.expect == UNRESOLVED:
        assert (source.entity, source.anonymous, source.group) == (None, False, False)
        assert source.resolution == Resolution.UNRESOLVED and source.confidence is None
    elif case.expect == ANONYMOUS:
        assert source.anonymous and not source.group, source
        assert source.resolution == Resolution.ANONYMOUS
    elif case.expect == GROUP:
        assert source.group and not source.anonymous, source
        assert source.resolution == Resolution.GROUP
    else:
        assert source.entity == case.expect, source
        assert not source.anonymous and not source.group
        assert source.resolution in {Resolution.NAMED, Resolution.RESOLVED}
        assert source.confidence is not None and 0 < source.confidence <= 1


def test_at_least_sixty_cases():
    assert len(CASES) >= 60


def test_a_cataphor_points_to_the_subject_named_after_it(nlp):
    from sayso.analyze import ArticleInput, analyze_docs
    from sayso.nlp.resolution import resolve_mentions

    text = "In his first speech, Governor Paul Grant promised lower taxes."
    doc, _ = next(analyze_docs([ArticleInput(text=text)], nlp=nlp))
    start = text.index("his")
    (answer,) = resolve_mentions(doc, [(start, start + 3)])
    assert answer.entity is not None and answer.entity.name == "Paul Grant"
