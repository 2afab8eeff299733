# ruff: noqa: E501  (a table of passages, one case per few lines, reads better unwrapped)
"""The style suite: short passages written in the manner of each kind of newsroom (UK
broadsheet and tabloid, wire, US paper, live blog, Q&A transcript, opinion, headlines),
each with every attribution sayso must find in it (the count is exact), its cue, a
distinctive part of its content, its speaker and, where the case is about it, its kind.

The passages are written for this suite (no corpus text). A speaker matches when the
expected name is in the source's mention or its resolved entity. Issue 17.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest

from sayso import analyze
from sayso.model import Analysis, Attribution


@dataclass(frozen=True)
class Passage:
    id: str
    style: str
    text: str
    wants: list[tuple[str | None, str, str | None, str | None]]  # cue, content, speaker, kind
    count: int | None = None  # every attribution in the passage; default len(wants)


# fmt: off
PASSAGES = [Passage(*row) for row in [

    # --- UK broadsheet: single quotes, straight and curly ---------------------------------
    ("uk-straight-single-after", "uk-broadsheet",
     "'We will review the findings carefully,' a Government spokesman said.",
     [("said", "We will review the findings carefully", "a Government spokesman", "direct")], None),
    ("uk-straight-single-added", "uk-broadsheet",
     "Labour's Angela Rayner criticised the decision. 'It is a disgrace,' she added.",
     [("criticised", "the decision", "Angela Rayner", None), ("added", "It is a disgrace", "Angela Rayner", "direct")], None),
    ("uk-curly-single-split", "uk-broadsheet",
     "‘The talks have stalled,’ said Sir Keir Starmer, ‘and the country deserves better.’",
     [("said", "and the country deserves better", "Keir Starmer", "direct")], None),
    ("uk-curly-single-continuation", "uk-broadsheet",
     "‘We have been clear from the start,’ the Foreign Secretary, David Lammy, said.\n\n"
     "‘Britain will not stand by while civilians suffer.’",
     [("said", "We have been clear from the start", "David Lammy", "direct"), (None, "Britain will not stand by", "David Lammy", None)], None),
    ("uk-colon-single", "uk-broadsheet",
     "The Chancellor, Rachel Reeves, said: 'The public finances are in a worse state than we were told. "
     "We will not duck the difficult decisions.'",
     [("said", "We will not duck the difficult decisions", "Rachel Reeves", "direct")], None),
    ("uk-single-apostrophe-inside", "uk-broadsheet",
     "'It's time the regulator did its job,' Mr Harris told the Guardian.",
     [("told", "It's time the regulator did its job", "Harris", "direct")], None),
    ("uk-nested-double-in-single", "uk-broadsheet",
     "'The minister told me \"there is no money left\", which I found astonishing,' Ms Patel said.",
     [("said", "which I found astonishing", "Patel", "direct")], 2),
    ("uk-straight-single-three-paragraphs", "uk-broadsheet",
     "In a statement, her mother, Julie Evans, said: 'Chloe was the light of our lives.\n\n"
     "'She loved her friends, her horses and her little brother.\n\n"
     "'We ask that our privacy is respected at this terrible time.'",
     [("said", "We ask that our privacy is respected", "Julie Evans", "direct")], 2),
    ("uk-indirect-that", "uk-broadsheet",
     "The Bank of England warned that inflation would stay above its target until next spring.",
     [("warned", "inflation would stay above its target", "The Bank of England", "indirect")], None),
    ("uk-curly-single-told", "uk-broadsheet",
     "‘Nobody on the ward had slept for two days,’ one nurse told The Times.",
     [("told", "Nobody on the ward had slept for two days", "one nurse", "direct")], None),
    ("uk-said-who", "uk-broadsheet",
     "'I have no regrets,' said Sir John Major, who led the party for seven years.",
     [("said", "I have no regrets", "John Major", "direct")], None),
    ("uk-insisted-indirect", "uk-broadsheet",
     "Downing Street insisted the Prime Minister had full confidence in his ministers.",
     [("insisted", "the Prime Minister had full confidence", "Downing Street", "indirect")], None),
    # --- UK tabloid -----------------------------------------------------------------------
    ("tabloid-raged", "uk-tabloid",
     "Furious resident Sandra Cole fumed: 'This is an absolute joke.'",
     [("fumed", "This is an absolute joke", "Sandra Cole", "direct")], None),
    ("tabloid-hit-back", "uk-tabloid",
     "The star hit back at trolls, saying: 'I won't apologise for being happy.'",
     [("saying", "I won't apologise for being happy", "The star", "direct")], None),
    ("tabloid-source-revealed", "uk-tabloid",
     "A source close to the couple revealed: 'They have been living apart for months.'",
     [("revealed", "They have been living apart for months", "A source close to the couple", "direct")], None),
    ("tabloid-pal-told", "uk-tabloid",
     "'He was devastated when he heard,' a pal told MailOnline.",
     [("told", "He was devastated when he heard", "a pal", "direct")], None),
    ("tabloid-curly-split-two-sentences", "uk-tabloid",
     "‘I couldn’t believe my eyes,’ said shopper Karen Smith, 54. ‘There were rats everywhere.’",
     [("said", "There were rats everywhere", "Karen Smith", "direct")], None),
    ("tabloid-blasted", "uk-tabloid",
     "Campaigners blasted the council's plans as 'a slap in the face for local families'.",
     [("blasted", "a slap in the face for local families", "Campaigners", None)], None),
    ("tabloid-admitted", "uk-tabloid",
     "The footballer admitted he had made 'a stupid mistake' on the night out.",
     [("admitted", "he had made", "The footballer", None)], None),
    ("tabloid-dash-quote", "uk-tabloid",
     "Her husband was blunt — 'We are never going back there.'",
     [], 0),
    ("tabloid-straight-single-continued", "uk-tabloid",
     "'We did everything we could,' said paramedic Tom Hughes.\n\n"
     "'The crowd was huge and the heat was unbearable.'",
     [("said", "We did everything we could", "Tom Hughes", "direct"), (None, "The crowd was huge", "Tom Hughes", None)], None),
    ("tabloid-claimed", "uk-tabloid",
     "Neighbours claimed the house had been empty for years.",
     [("claimed", "the house had been empty for years", "Neighbours", "indirect")], None),
    # --- wire -----------------------------------------------------------------------------
    ("wire-said-told-reuters", "wire",
     "The ministry will publish the figures next week, a senior official told Reuters.",
     [("told", "The ministry will publish the figures next week", "a senior official", "indirect")], None),
    ("wire-added-semicolon", "wire",
     "Shares in the company fell 4 percent, the exchange said. The company declined to comment, he added; "
     "\"We are looking into it.\"",
     [("said", "Shares in the company fell 4 percent", "the exchange", None), ("added", "We are looking into it", None, "mixed"),
      ("declined", "to comment", "The company", None)], None),
    ("wire-according-to", "wire",
     "At least 12 people were killed in the blast, according to local health officials.",
     [("according to", "At least 12 people were killed in the blast", "local health officials", None)], None),
    ("wire-spokesperson-statement", "wire",
     "\"We remain committed to the agreement,\" a spokesperson for the European Commission said in a statement.",
     [("said", "We remain committed to the agreement", "a spokesperson for the European Commission", "direct")], None),
    ("wire-anonymity", "wire",
     "The talks could resume as early as Monday, said two diplomats who spoke on condition of anonymity.",
     [("said", "The talks could resume as early as Monday", "two diplomats", None)], None),
    ("wire-fronted-adverbial", "wire",
     "After nearly two decades of negotiations over the border, the government plans to sign a treaty "
     "next month, officials said late Thursday.",
     [("said", "the government plans to sign a treaty", "officials", None), ("plans", "to sign a treaty", "the government", None)], None),
    ("wire-divulged", "wire",
     "Officials divulged that the agency had lost track of several hundred files.",
     [("divulged", "the agency had lost track", "Officials", None)], None),
    ("wire-regulations-state", "wire",
     "The new rules state that every lorry must carry a tracking device.",
     [("state", "every lorry must carry a tracking device", "The new rules", None)], None),
    ("wire-quote-then-said", "wire",
     "\"There is no military solution,\" U.N. Secretary-General Antonio Guterres said on Tuesday.",
     [("said", "There is no military solution", "Antonio Guterres", "direct")], None),
    ("wire-denied", "wire",
     "The Kremlin denied that it had interfered in the election.",
     [("denied", "it had interfered in the election", "The Kremlin", None)], None),
    ("wire-told-reporters-split", "wire",
     "\"We are not going to negotiate,\" the minister told reporters, \"until the shelling stops.\"",
     [("told", "until the shelling stops", "the minister", "direct")], None),
    ("wire-police-said", "wire",
     "Police said the suspect, a 34-year-old man, was arrested at his home on Saturday.",
     [("said", "the suspect, a 34-year-old man, was arrested", "Police", "indirect")], None),
    # --- US paper -------------------------------------------------------------------------
    ("us-said-king-who", "us-paper",
     "\"I made mistakes, and I own them,\" said King, who resigned from the board last year.",
     [("said", "I made mistakes, and I own them", "King", "direct")], None),
    ("us-colon-list", "us-paper",
     "President Obama also said:\n\n"
     "- The United States will double its aid to the region.\n"
     "- Troops will stay through the end of the year.\n"
     "- Talks with Iran will continue.\n"
     "- Congress must pass the budget.",
     [("said", "double its aid", "Obama", None), ("said", "Troops will stay", "Obama", None),
      ("said", "Talks with Iran will continue", "Obama", None), ("said", "Congress must pass the budget", "Obama", None)], None),
    ("us-lead-officials-said", "us-paper",
     "The administration plans to expand the program to three more states, Obama administration "
     "officials said late Thursday.",
     [("said", "The administration plans to expand the program", "Obama administration officials", None),
      ("plans", "to expand the program", "The administration", None)], None),
    ("us-double-split", "us-paper",
     "\"This is a moment of reckoning,\" Senator Elizabeth Warren said, \"and we cannot look away.\"",
     [("said", "This is a moment of reckoning", "Elizabeth Warren", "direct")], None),
    ("us-paragraph-continuation", "us-paper",
     "\"We expected a close race,\" said Jennifer Palmieri, the campaign's communications director.\n\n"
     "\"Nobody expected it to be this close.\"",
     [("said", "We expected a close race", "Jennifer Palmieri", "direct"), (None, "Nobody expected it to be this close", "Jennifer Palmieri", None)], 3),
    ("us-multi-paragraph-open", "us-paper",
     "Mayor Lisa Chen said: \"Our city has come through worse.\n\n"
     "\"We rebuilt after the flood and we will rebuild now.\"",
     [("said", "Our city has come through worse", "Lisa Chen", None)], None),
    ("us-indirect-believes", "us-paper",
     "Mr. Trump believes the trade deal will bring jobs back to Ohio.",
     [("believes", "the trade deal will bring jobs back", "Trump", "indirect")], None),
    ("us-wrote-twitter", "us-paper",
     "\"The election is rigged,\" Mr. Trump wrote on Twitter.",
     [("wrote", "The election is rigged", "Trump", "direct")], None),
    ("us-asked-whether", "us-paper",
     "The senator was asked whether she would run again.",
     [("was asked", "whether she would run again", None, None)], None),
    ("us-accused", "us-paper",
     "Democrats accused the chairman of hiding the documents.",
     [("accused", "hiding the documents", "Democrats", None)], None),
    ("us-mixed-quote", "us-paper",
     "Ms. Clinton said the plan was \"a disaster for working families.\"",
     [("said", "the plan was", "Clinton", "mixed")], None),
    ("us-told-that", "us-paper",
     "Pentagon officials told lawmakers that the base would close by 2020.",
     [("told", "the base would close by 2020", "Pentagon officials", "indirect")], None),
    ("us-according-to-report", "us-paper",
     "The agency spent $4 million on the program, according to a report by the inspector general.",
     [("according to", "The agency spent $4 million on the program", "a report by the inspector general", None)], None),
    ("us-content-text-no-clause", "us-paper",
     "\"We're going to win,\" Sanders said, \"and we're going to win big.\"",
     [("said", "we're going to win big", "Sanders", "direct")], None),
    # --- live blog ------------------------------------------------------------------------
    ("live-time-stamp-said", "live-blog",
     "14:32 The Taoiseach said the Government would publish its plan on Friday.",
     [("said", "the Government would publish its plan on Friday", "The Taoiseach", "indirect")], None),
    ("live-update-label", "live-blog",
     "Update: Gardaí said the road would remain closed until at least 6pm.",
     [("said", "the road would remain closed", "Gardaí", None)], None),
    ("live-curly-single", "live-blog",
     "‘We are monitoring the situation closely,’ a Cork City Council spokeswoman said.",
     [("said", "We are monitoring the situation closely", "a Cork City Council spokeswoman", "direct")], None),
    ("live-tweeted", "live-blog",
     "Met Éireann tweeted that the storm would reach the south coast by midnight.",
     [("tweeted", "the storm would reach the south coast", "Met Éireann", None)], None),
    ("live-warns", "live-blog",
     "The ESB warns that customers may be without power for several days.",
     [("warns", "customers may be without power", "The ESB", "indirect")], None),
    ("live-statement-double", "live-blog",
     "In a statement, the HSE said: \"Emergency departments are under severe pressure.\"",
     [("said", "Emergency departments are under severe pressure", "the HSE", "direct")], None),
    ("live-minister-told", "live-blog",
     "The Minister for Transport told RTÉ Radio that the tunnel was safe.",
     [("told", "the tunnel was safe", "The Minister for Transport", "indirect")], None),
    ("live-rest-assured-quote", "live-blog",
     "\"Rest assured, we will have crews out all night,\" the council's chief executive said.",
     [("said", "Rest assured, we will have crews out all night", "the council's chief executive", "direct")], None),
    ("live-confirmed", "live-blog",
     "Gardaí confirmed that two men had been arrested.",
     [("confirmed", "two men had been arrested", "Gardaí", None)], None),
    ("live-added-straight", "live-blog",
     "'Please stay off the roads unless your journey is essential,' the spokesman added.",
     [("added", "Please stay off the roads", "the spokesman", "direct")], None),
    # --- Q&A transcript -------------------------------------------------------------------
    ("qa-name-turns", "qa-transcript",
     "LA Weekly spoke to the director Sofia Marquez about her new film.\n\n"
     "LA WEEKLY: What drew you to the story?\n\n"
     "MARQUEZ: My grandmother lived through it, and she never talked about it.\n\n"
     "LA WEEKLY: How long did the film take?\n\n"
     "MARQUEZ: Seven years, most of it spent raising money.",
     [(":", "My grandmother lived through it", "Sofia Marquez", "direct"), (":", "Seven years", "Sofia Marquez", "direct"),
      ("spoke", "about her new film", "LA Weekly", None)], 4),
    ("qa-q-a-turns", "qa-transcript",
     "We spoke to the economist Daniel Okafor about the budget.\n\n"
     "Q: Will the budget cut the deficit?\n\n"
     "A: Not this year. The cuts only start in 2026.\n\n"
     "Q: What about taxes?\n\n"
     "A: Taxes will rise for the highest earners.",
     [(":", "Not this year", "Daniel Okafor", "direct"), (":", "Taxes will rise", "Daniel Okafor", "direct"),
      ("spoke", "about the budget", "We", None)], None),
    ("qa-full-names", "qa-transcript",
     "Below is an edited transcript of the interview with Senator Mark Hill.\n\n"
     "INTERVIEWER: Do you support the bill?\n\n"
     "HILL: I do, with two amendments.\n\n"
     "INTERVIEWER: Which ones?\n\n"
     "HILL: The ones on farm subsidies and on rural broadband.\n\n"
     "INTERVIEWER: Will the leadership accept them?\n\n"
     "HILL: I think they will, in the end.",
     [(":", "I do, with two amendments", "Mark Hill", "direct"), (":", "farm subsidies", "Mark Hill", "direct"),
      (":", "I think they will", "Mark Hill", "direct"), ("think", "they will", "Mark Hill", None)], None),
    # --- opinion --------------------------------------------------------------------------
    ("op-that-said", "opinion",
     "The plan has flaws. That said, it is the best offer on the table.",
     [], 0),
    ("op-needless-to-say", "opinion",
     "Needless to say, the minister did not turn up.",
     [], 0),
    ("op-rest-assured", "opinion",
     "Rest assured, the bill will come back to haunt them.",
     [], 0),
    ("op-truth-be-told", "opinion",
     "Truth be told, nobody in Westminster expected the vote to pass.",
     [("expected", "the vote to pass", "nobody in Westminster", None)], None),
    ("op-so-to-speak", "opinion",
     "The party has, so to speak, painted itself into a corner.",
     [], 0),
    ("op-i-argue", "opinion",
     "Critics argue that the reform will hurt the poorest families most.",
     [("argue", "the reform will hurt the poorest families", "Critics", "indirect")], None),
    ("op-writer-believes", "opinion",
     "I believe the voters have been badly let down.",
     [("believe", "the voters have been badly let down", "I", "indirect")], None),
    ("op-as-x-said", "opinion",
     "As Churchill once said, democracy is the worst form of government except for all the others.",
     [("said", "democracy is the worst form of government", "Churchill", None)], None),
    ("op-so-called", "opinion",
     "The so-called reforms have done nothing for teachers.",
     [], 0),
    ("op-not-nested-assessment", "opinion",
     "The president vowed to rebuild the army, and analysts doubt that he can pay for it.",
     [("vowed", "to rebuild the army", "The president", None), ("doubt", "he can pay for it", "analysts", None)], None),
    # --- headlines ------------------------------------------------------------------------
    ("hl-accused-of", "headline",
     "Meadows Accused of Timing Retirement to Dodge Ethics Probe\n\n"
     "Mark Meadows denied the claims on Monday.",
     [("Accused", "Timing Retirement", None, None), ("denied", "the claims", "Mark Meadows", None)], None),
    ("hl-topic-colon", "headline",
     "Zimbabwe coup: army takes control of state broadcaster\n\n"
     "Soldiers seized the building overnight.",
     [], 0),
    ("hl-live-updates-colon", "headline",
     "Live updates: storm batters the coast\n\n"
     "Thousands of homes are without power.",
     [], 0),
    ("hl-says", "headline",
     "Senate Leader Says Budget Deal Is Close\n\n"
     "Lawmakers met again on Tuesday.",
     [("Says", "Budget Deal Is Close", "Senate Leader", None)], None),
    ("hl-urged-to", "headline",
     "PM urged to sack minister over leaked messages\n\n"
     "Opposition leaders called for an inquiry.",
     [("urged", "to sack minister", None, None), ("called", "an inquiry", "Opposition leaders", None)], None),
    ("hl-speaker-colon", "headline",
     "Clinton camp: debate performance 'a turning point'\n\n"
     "Aides were upbeat after the debate.",
     [(":", "debate performance", "Clinton camp", None)], None),
    ("hl-noun-not-verb", "headline",
     "Power Plant Rules Face Key Test In Federal Court\n\n"
     "The rules are the centerpiece of the climate plan.",
     [], 0),
    ("hl-correction-label", "headline",
     "Correction: An earlier version of this story misstated the year the law was passed.",
     [], None),
    # --- precision: idioms and non-speech -------------------------------------------------
    ("guard-say-hypothetical", "guard",
     "Let's say the bill passes; what then?",
     [], 0),
    ("guard-goes-without-saying", "guard",
     "It goes without saying that the roads will be busy.",
     [], 0),
    ("guard-suffice-to-say", "guard",
     "Suffice to say, the second half was better.",
     [], 0),
    ("guard-to-be-sure", "guard",
     "To be sure, the economy has grown since then.",
     [], 0),
    ("guard-so-called-quoted", "guard",
     "Protesters marched against the so-called \"bedroom tax\" on Saturday.",
     [], 0),
    ("guard-nesting-in-quote", "guard",
     "\"My doctor told me I should rest,\" the striker said.",
     [("said", "My doctor told me I should rest", "the striker", "direct"), ("told", "I should rest", "My doctor", None)], None),
    # --- more of each newsroom's habits ----------------------------------------------------
    ("uk-curly-apostrophe-inside", "uk-broadsheet",
     "‘We’re not going to give up,’ said the campaign’s founder, Ruth Davies.",
     [("said", "We’re not going to give up", "Ruth Davies", "direct")], None),
    ("uk-appositive-source-before", "uk-broadsheet",
     "‘We have been clear from the start,’ the Foreign Secretary, David Lammy, said.\n\n"
     "‘Britain will not stand by while civilians suffer.’",
     [("said", "We have been clear from the start", "David Lammy", "direct"), (None, "Britain will not stand by", "David Lammy", None)], None),
    ("uk-double-appositive-source-before", "uk-broadsheet",
     "\"We have been clear from the start,\" the Foreign Secretary, David Lammy, said.",
     [("said", "We have been clear from the start", "David Lammy", "direct")], None),
    ("uk-told-bbc-straight", "uk-broadsheet",
     "'There is simply no more money,' the council leader told BBC Radio 4's Today programme.",
     [("told", "There is simply no more money", "the council leader", "direct")], None),
    ("uk-warned-colon-curly", "uk-broadsheet",
     "The head of the NHS warned: ‘Waiting lists will get longer before they get shorter.’",
     [("warned", "Waiting lists will get longer", "The head of the NHS", "direct")], None),
    ("uk-spokesman-said-that", "uk-broadsheet",
     "A Home Office spokesman said the matter was under review.",
     [("said", "the matter was under review", "A Home Office spokesman", "indirect")], None),
    ("tabloid-told-the-sun", "uk-tabloid",
     "'She was the life and soul of the party,' her friend told The Sun.",
     [("told", "She was the life and soul of the party", "her friend", "direct")], None),
    ("tabloid-said-curly-colon", "uk-tabloid",
     "Dad-of-two Mark Jones, 41, said: ‘I thought I was going to die.’",
     [("said", "I thought I was going to die", "Mark Jones", "direct"), ("thought", "I was going to die", "Mark Jones", None)], None),
    ("tabloid-insider", "uk-tabloid",
     "An insider said the singer had been 'heartbroken' by the split.",
     [("said", "the singer had been", "An insider", "mixed")], None),
    ("wire-reuters-said-friday", "wire",
     "The central bank raised interest rates by a quarter point, its governor said on Friday.",
     [("said", "The central bank raised interest rates", "its governor", "indirect")], None),
    ("wire-statement-said", "wire",
     "The company said in a statement that it would cut 1,200 jobs.",
     [("said", "it would cut 1,200 jobs", "The company", "indirect")], None),
    ("wire-dash-quote", "wire",
     "The minister was defiant — \"We will not be bullied,\" she said.",
     [("said", "We will not be bullied", "she", "direct")], None),
    ("us-curly-double-split", "us-paper",
     "“We are not there yet,” Speaker Nancy Pelosi said, “but we are close.”",
     [("said", "but we are close", "Nancy Pelosi", "direct")], None),
    ("us-told-the-times", "us-paper",
     "\"It was chaos,\" one aide told The New York Times.",
     [("told", "It was chaos", "one aide", "direct")], None),
    ("us-announced", "us-paper",
     "The governor announced that schools would reopen on Monday.",
     [("announced", "schools would reopen on Monday", "The governor", "indirect")], None),
    ("us-predicted", "us-paper",
     "Analysts predicted that the Fed would hold rates steady.",
     [("predicted", "the Fed would hold rates steady", "Analysts", "indirect")], None),
    ("live-spokesperson-confirmed-curly", "live-blog",
     "A spokesperson for Cork Airport confirmed: ‘All flights are operating as normal.’",
     [("confirmed", "All flights are operating as normal", "A spokesperson for Cork Airport", "direct")], None),
    ("live-garda-appeal", "live-blog",
     "Gardaí are appealing for witnesses. 'Anyone with information should contact Bridewell Garda Station,' a garda spokesman said.",
     [("said", "Anyone with information should contact", "a garda spokesman", "direct")], None),
    ("op-columnist-thinks", "opinion",
     "Many economists think the recession is already over.",
     [("think", "the recession is already over", "Many economists", "indirect")], None),
    ("op-mind-you", "opinion",
     "Mind you, the plan was never popular.",
     [], 0),
    ("hl-slams", "headline",
     "Union Leader Slams Pay Offer As Insulting\n\n"
     "The union will ballot its members next week.",
     [("Slams", "Pay Offer", "Union Leader", None)], None),
    ("hl-denies", "headline",
     "Minister Denies Misleading Parliament Over Contracts\n\n"
     "The minister spoke in the Commons on Tuesday.",
     [("Denies", "Misleading Parliament", "Minister", None)], None),
]]
# fmt: on


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _content(analysis: Analysis, attribution: Attribution) -> str:
    return _flat(" ".join(attribution.content.pieces(analysis.article.text)))


def _cue_matches(attribution: Attribution, cue: str | None) -> bool:
    if attribution.cue is None or cue is None:
        return attribution.cue is None and cue is None
    return attribution.cue.text.lower() == cue.lower()


def test_the_suite_covers_every_newsroom_kind():
    styles = Counter(p.style for p in PASSAGES)
    assert len(PASSAGES) >= 100
    for style in (
        "uk-broadsheet",
        "uk-tabloid",
        "wire",
        "us-paper",
        "live-blog",
        "qa-transcript",
        "opinion",
        "headline",
        "guard",
    ):
        assert styles[style] >= 3, style
    assert len({p.id for p in PASSAGES}) == len(PASSAGES)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_passage(passage: Passage, nlp):
    analysis = analyze(passage.text, nlp=nlp)
    summary = [
        (a.cue.text if a.cue else None, _content(analysis, a), a.source and a.source.text)
        for a in analysis.attributions
    ]
    expected = passage.count if passage.count is not None else len(passage.wants)
    assert len(analysis.attributions) == expected, summary
    for cue, content, speaker, kind in passage.wants:
        found = [
            a
            for a in analysis.attributions
            if _cue_matches(a, cue) and content in _content(analysis, a)
        ]
        assert found, ((cue, content), summary)
        attribution = found[0]
        if speaker is not None:
            source = attribution.source
            assert source is not None, (cue, content)
            names = [source.text, source.entity or ""]
            assert any(speaker in name or (name and name in speaker) for name in names), (
                speaker,
                names,
            )
        if kind is not None:
            assert str(attribution.kind) == kind, (cue, content, attribution.kind)
        # content.text is exactly the content's pieces, never the reporting clause
        cue_text = attribution.cue.text if attribution.cue else None
        if cue_text is not None and cue_text != ":":
            assert not re.search(rf"\b{re.escape(cue_text)}\b", attribution.content.text) or (
                cue_text.lower() in content.lower()
            ), attribution.content.text
