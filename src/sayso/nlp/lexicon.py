"""Word lists the attribution extractor relies on, each with the reason it exists.

Lemmas are lower-case spaCy lemmas. The lists are deliberately explicit: a reader can see
why "claim" is a cue and "want" is not, and change it in one place.
"""

from __future__ import annotations


def _word_sets(table: dict[str, str]) -> dict[str, frozenset[str]]:
    """``{"talk": "about of"}`` -> ``{"talk": frozenset({"about", "of"})}``."""
    return {word: frozenset(words.split()) for word, words in table.items()}


# Verbs of saying that take a clausal content ("X said that Y", "Y, X wrote").
SPEECH_VERBS = frozenset(
    """
    say tell write add state claim note warn ask argue insist explain announce conclude declare
    report allege assert maintain stress emphasise emphasize point reiterate repeat respond reply
    tweet post comment remark observe acknowledge admit concede confirm deny reveal disclose
    suggest predict estimate complain recall recount testify contend caution counter mention
    indicate signal promise pledge vow threaten urge answer retort boast brag joke quip scoff
    lament muse speculate charge accuse agree affirm announce assure inform advise recommend
    propose hint whisper shout exclaim proclaim swear vouch admit blog text email
    """.split()
)

# --- newsroom reporting verbs beyond PolNeAR (issue 17) ------------------------------------
# British papers, tabloids and wires report speech with verbs US political news rarely
# uses ("fumed", "divulged", "hit back"); each is a speech verb with a clausal content.
NEWSROOM_SPEECH_VERBS = frozenset(
    """
    divulge relay opine aver fume rage gush snap sneer thunder rant chime retort blurt
    scream mutter murmur sigh beam grumble moan protest plead confide rule
    """.split()
)
# Verbs that report speech only with their particle: "hit back", "lashed out".
PARTICLE_SPEECH_VERBS = frozenset(
    {
        ("hit", "back"),
        ("fire", "back"),
        ("shoot", "back"),
        ("lash", "out"),
        ("speak", "out"),
        ("chime", "in"),
        ("weigh", "in"),
        ("open", "up"),
    }
)
SPEECH_VERBS = SPEECH_VERBS | NEWSROOM_SPEECH_VERBS
# Passives whose subject is the addressee: "he was told that ...", "voters were asked
# whether ...", "the PM was urged to quit": the clause or infinitive is the content.
ADDRESSEE_PASSIVES = frozenset(
    "tell ask inform assure remind advise warn urge order instruct".split()
)
# Verbs that cannot go without their object: with none, a participle after a noun is a
# headline's passive ("Meadows accused of timing retirement", "PM urged to quit",
# "Minister criticised for remarks"), whatever tag the parser gives it.
OBJECT_REQUIRED_VERBS = frozenset(
    """
    accuse urge tell criticize criticise praise blame slam blast order condemn rebuke
    lambaste slate mock attack pressure press
    """.split()
)

# Verbs of belief, perception of a state of affairs, and intention ("sees", "believes").
BELIEF_VERBS = frozenset(
    """
    believe think feel fear hope expect suspect doubt know reckon guess figure assume presume
    worry consider imagine understand realise realize recognize recognise find conclude
    see view regard
    """.split()
)

# Verbs whose content is an infinitive: intentions and commitments ("plans to", "vowed to").
INTENTION_VERBS = frozenset(
    """
    plan intend vow pledge promise threaten aim seek hope expect refuse decline
    """.split()
)

# Passive frames that attribute without naming a source ("is expected to", "was said to").
PASSIVE_CUE_VERBS = frozenset(
    """
    expect believe say report think claim allege rumor rumour understand know fear
    predict estimate suspect consider announce
    """.split()
)

# "consider", "find", "know" and "understand" are cues only with a finite "that"-clause:
# "Paris is considering deploying troops" reports an action, not a belief.
NEEDS_THAT_CLAUSE = frozenset(
    {
        "consider",
        "find",
        "know",
        "understand",
        "realize",
        "realise",
        "recognize",
        "recognise",
        "figure",
        "imagine",
        "see",
        "feel",
        "add",
    }
)

# Adverbs that may sit between a source and its cue ("the MP also stated").
CUE_ADVERBS = frozenset(
    """
    also later previously earlier reportedly again once repeatedly recently then further
    subsequently mostly separately publicly privately already often frequently allegedly
    had has have will would did does was were is are be been could might may should
    """.split()
)

# Nouns heading anonymous sources: "sources close to", "officials said", "a senior diplomat".
ANONYMOUS_HEADS = frozenset(
    """
    source sources official officials diplomat diplomats insider insiders aide aides person
    people someone somebody spokesperson spokesman spokeswoman adviser advisers advisor
    advisors analyst analysts expert experts observer observers witness witnesses resident
    residents member members staffer staffers employee employees executive executives
    investigator investigators officer officers lawmaker lawmakers legislator legislators
    """.split()
)

# Plural nouns that denote a collective speaker ("NATO member states", "the Baltic states").
GROUP_HEADS = frozenset(
    """
    states countries nations governments members allies partners leaders ministers parties
    groups organizations organisations agencies authorities republicans democrats critics
    supporters opponents protesters protestors activists lawmakers senators voters campaigners
    """.split()
)

# Words that make a name an organisation's: a capitalised name without any of them, tagged
# ORG by the small model ("Ricardo Rosselló Nevares"), may be a person's after all.
ORG_NAME_WORDS = frozenset(
    """
    department ministry party court council committee union association agency company corp
    corporation inc ltd llc group bank university college school institute office commission
    assembly parliament senate house congress government army navy police force service news
    times post press network foundation league federation organization organisation centre
    center club board authority fund church hospital airlines airways motors media wire
    agency tribune herald gazette journal magazine channel radio television tv
    """.split()
)
# Last words that make even a name tagged PERSON an organisation's ("Lusa Wire"); words
# that are also surnames ("Post", "Herald", "Press") are left out.
MEDIA_NAME_WORDS = frozenset(
    "wire agency tribune gazette journal magazine channel radio television tv news times "
    "network media".split()
)

# Documents and occasions that carry a claim after "in": "In a CNN poll, Clinton leads".
CARRIER_NOUNS = frozenset(
    """
    poll survey study report statement interview letter memo op-ed column tweet post speech
    filing complaint lawsuit book essay article editorial document email video ad
    advertisement release testimony ruling opinion analysis paper message remarks address
    briefing podcast documentary blog commentary transcript
    """.split()
)

# Verbs that give a thing its name: "a program called “Learning Together”", "a chef named
# Łukasz" report nobody's words.
NAMING_VERBS = frozenset({"call", "name", "dub", "title", "entitle", "term", "nickname"})

# Role nouns that refer back to a named person ("the MP", "the president", "the official").
ROLE_NOUNS = frozenset(
    """
    mp president minister official leader senator congressman congresswoman representative
    governor mayor chancellor premier secretary spokesman spokeswoman spokesperson chief head
    director ambassador envoy general commander candidate nominee chairman chairwoman chair
    king queen prince princess pope judge lawyer attorney prosecutor officer diplomat
    lawmaker legislator politician businessman businesswoman billionaire executive ceo founder
    actor actress singer star player coach manager author writer journalist reporter analyst
    economist scientist researcher professor doctor activist campaigner broadcaster presenter
    host commentator columnist comedian musician rapper novelist poet historian entrepreneur
    investor chef priest
    """.split()
)

# Role nouns that can stand for any high office ("the French leader" may be a president).
GENERIC_LEADER_NOUNS = frozenset({"leader", "official", "politician", "statesman", "head"})
LEADER_TITLES = frozenset(
    {
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "leader",
        "head",
        "chief",
        "minister",
        "secretary",
        "governor",
        "mayor",
        "chairman",
    }
)

# Determiners and quantifiers dropped from the canonical name of a group or anonymous source.
NAME_STOP_MODIFIERS = frozenset(
    """
    the a an his her their its our my your other some many several most few all both various
    certain two three four five numerous unnamed anonymous
    """.split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

# Words that may precede a name as part of a title ("former Russian President").
TITLE_WORDS = frozenset(
    """
    president vice prime minister foreign defence defense interior finance secretary state
    chancellor premier king queen prince princess senator sen. rep. representative governor
    gov. mayor general gen. admiral colonel col. lieutenant captain sergeant chief head
    director ambassador envoy judge justice pope cardinal bishop archbishop rabbi imam sheikh
    former deputy acting first lady mr. mrs. ms. dr. prof. professor sir dame lord mp minister
    chairman chairwoman leader commander spokesman spokeswoman speaker house majority minority
    party opposition republican democratic democrat labour conservative ceo founder coach
    """.split()
)

# --- cues mined from the PolNeAR training split -------------------------------------------
# PolNeAR's attributions reach past speech verbs with a clause: stances ("endorsed Clinton"),
# evaluations ("criticized Rubio for opposing ..."), namings ("called him a liar"), findings
# ("polls show that ..."). The lists below keep the lemmas whose frame was a cue in at least
# about a third of their occurrences in the training split (figures in docs/accuracy.md).

# Clause-taking verbs beyond SPEECH_VERBS and BELIEF_VERBS ("a poll shows that ...").
CLAUSE_CUE_VERBS = frozenset(
    """
    show indicate learn wonder question acknowledge concede assert allege emphasize emphasise
    complain joke remark reply predict estimate fear worry determine continue remind remember
    imply envision forecast interject clarify yell
    """.split()
)

# Verbs whose content is their object and its complements.
OBJECT_CUE_VERBS = frozenset(
    """
    call endorse support criticize criticise cite express mention oppose question reveal back
    recall propose praise discuss reject denounce blame dismiss blast tout mock list echo slam
    favor favour highlight lament demand condemn deem decry reiterate stress repeat describe
    accuse name welcome applaud hail lambaste chide scold rebuke fault ridicule deride label
    dub brand acknowledge admit predict recommend offer confirm deny portray defend
    attack issue reference quote voice chant request underscore credit outline invoke
    retweet assail congratulate bemoan reaffirm recite articulate unveil
    note report explain tweet declare detail emphasize emphasise stress disclose prefer
    claim post
    """.split()
)

# Findings verbs take their object as content when what speaks is evidence: "a poll shows
# Sanders with 47 percent", "emails showed staff favouring Clinton" (but "Europe is
# preparing to show strength" shows nothing).
EVIDENCE_VERBS = frozenset({"show", "indicate", "suggest", "reveal", "find", "confirm"})
EVIDENCE_NOUNS = frozenset(
    """
    poll polls survey surveys record records report reports document documents filing filings
    email emails data figure figures study studies result results analysis research number
    numbers statistic statistics footage video videos image images photo photos recording
    recordings count tally audit review investigation probe test tests evidence map maps
    """.split()
)

# Object verbs that also name a physical act ("the army attacked the village"): with a
# place or a military target as object they report no stance.
PHYSICAL_SENSE_VERBS = frozenset({"attack", "blast", "slam", "back", "hail", "assail"})
PHYSICAL_TARGETS = frozenset(
    """
    village town city base position convoy ship vessel building camp area region border post
    airport port bridge school hospital plant facility station depot target positions troops
    soldiers forces tank tanks car vehicle house home
    """.split()
)

# Prepositions that introduce the content of an object verb ("criticized X for Y",
# "described X as Y", "accused X of Y").
OBJECT_PREPOSITIONS = frozenset({"for", "as", "of", "over", "about"})

# Verbs whose content is a prepositional object, with the prepositions that introduce it.
PREP_CUE_VERBS: dict[str, frozenset[str]] = _word_sets(
    {
        "refer": "to",
        "talk": "about of",
        "respond": "to",
        "point": "to",
        "focus": "on",
        "vote": "for against",
        "speak": "about of",
        "push": "for",
        "advocate": "for",
        "rail": "against",
        "boast": "about of",
        "brag": "about",
        "complain": "about of",
        "warn": "about of against",
        "worry": "about",
        "joke": "about",
        "argue": "for against",
        "call": "for on",
        "ask": "about for",
        "agree": "with on",
        "press": "for",
        "lobby": "for against",
        "campaign": "for against",
        "testify": "about",
        "insist": "on",
        "blame": "for",
        "praise": "for",
        "accuse": "of",
        "describe": "as",
        "elaborate": "on",
        "weigh": "on",
        "lash": "at",
        "allude": "to",
        "liken": "to",
        "side": "with",
        "distance": "from",
        "plead": "for",
        "apologize": "for",
        "attribute": "to",
        "characterize": "as",
        "spar": "with",
        "balk": "at",
        "express": "about",
    }
)

# Infinitive-taking verbs of wanting, trying and committing, beyond INTENTION_VERBS.
WANT_CUE_VERBS = frozenset(
    """
    want wish seek decline refuse decide urge ask prefer agree order encourage like
    """.split()
)

# Raising verbs: "the race has seemed to take on ..." reports an impression with no source.
RAISING_CUE_VERBS = frozenset({"seem", "appear"})

# Every verb whose content may be an infinitive ("plans to", "wants to", "urged them to").
INFINITIVE_CUE_VERBS = INTENTION_VERBS | WANT_CUE_VERBS

# Passives that judge their subject: "Trump is widely seen as a risk", "X was criticized for Y".
PASSIVE_AS_VERBS = frozenset(
    """
    see view consider regard describe know call deem perceive portray label brand criticize
    criticise praise accuse blame
    """.split()
)
# The preposition that introduces the judgement: "seen as", "criticized for", "accused of".
PASSIVE_AS_PREPOSITIONS: dict[str, frozenset[str]] = {
    verb: frozenset({"for"}) for verb in ("criticize", "criticise", "praise", "blame")
} | {"accuse": frozenset({"of"}), "know": frozenset({"as", "for"})}
DEFAULT_PASSIVE_AS = frozenset({"as"})

# Nouns that carry an attribution, with what introduces their content: a preposition, or
# "clause" for a "that"/"to" clause ("her claim that ...", "his promise to ...").
NOUN_CUES: dict[str, frozenset[str]] = _word_sets(
    {
        "question": "about",
        "endorsement": "of",
        "criticism": "of for on",
        "concern": "about clause",
        "opposition": "to",
        "call": "for",
        "claim": "clause",
        "promise": "clause",
        "suggestion": "clause",
        "statement": "clause",
        "reference": "to",
        "doubt": "about clause",
        "mention": "of",
        "comment": "about",
        "complaint": "about clause",
        "assertion": "clause",
        "defense": "of",
        "message": "about",
        "chant": "of",
        "hope": "clause",
        "belief": "clause",
        "desire": "clause",
        "pledge": "clause",
        "opinion": "of",
        "rejection": "of",
        "embrace": "of",
        "backing": "of",
        "agreement": "clause",
        "confidence": "clause",
        "accusation": "of clause",
        "allegation": "clause",
        "proposal": "for",
        "praise": "for",
        "warning": "about clause",
        "insistence": "on clause",
        "fear": "clause",
        "worry": "about clause",
        "anxiety": "about",
        "inclination": "clause",
        "argument": "clause",
        "announcement": "clause",
    }
)
# Predicative adjectives that hold a stance, belief or intention, with what introduces
# their content ("critical of", "convinced that", "eager to"): those whose frame was a cue
# in about half their occurrences or more in the PolNeAR training split ("sure that" was
# in 1 of 21, "opposed to" in 1 of 21, "angry" in 6 of 48: left out).
ADJECTIVE_CUES: dict[str, frozenset[str]] = _word_sets(
    {
        "critical": "of",
        "supportive": "of",
        "skeptical": "of about",
        "sceptical": "of about",
        "wary": "of",
        "convinced": "clause",
        "confident": "clause",
        "worried": "clause",
        "concerned": "clause",
        "adamant": "clause",
        "eager": "to",
        "reluctant": "to",
    }
)
SPEECH_NOUNS = frozenset(
    """
    claim statement comment assertion allegation accusation warning announcement promise pledge
    call message mention reference complaint question chant talk criticism praise suggestion
    """.split()
)
# Verbs that lend their subject to a cue noun: "Clinton expressed concern that ...".
LIGHT_VERBS = frozenset(
    "express voice make issue raise offer give deliver reiterate repeat share have".split()
)

# --- idioms and discourse markers that are not cues (issue 17) -----------------------------
# A cue word inside one of these says nothing is reported: "That said, the plan works",
# "Rest assured, we will", "needless to say". Token sequences as spaCy splits them. The
# first list counts only where the phrase opens its clause ("a message that said, ..." is
# a report); the second anywhere. Left out on purpose, because PolNeAR's annotators read
# them as attributions: "so-called", "I mean", "as expected".
CLAUSE_OPENING_IDIOMS = tuple(
    tuple(phrase.split())
    for phrase in (
        "that said ,",
        "that being said",
        "that having been said",
        "having said that",
        "having said this",
        "with that said",
        "all that said",
        "that 's not to say",
        "that is not to say",
        "this is not to say",
        "needless to say",
        "rest assured",
        "truth be told",
        "suffice it to say",
        "suffice to say",
        "let 's say",
        "let us say",
        "believe it or not",
        "who knows",
        "god knows",
        "heaven knows",
        "go figure",
        "speaking of",
        "generally speaking",
        "frankly speaking",
        "strictly speaking",
        "broadly speaking",
        "roughly speaking",
        "politically speaking",
        "historically speaking",
        "come to think of it",
    )
)
NOT_CUE_IDIOMS = tuple(
    tuple(phrase.split())
    for phrase in (
        "so to speak",
        "to say the least",
        "to say nothing of",
        "that is to say",
        "it goes without saying",
        "if you will",
        "thank you",
        "so - called",  # "the so-called “bedroom tax”": the writer's distance
        "so called",
    )
)


# Labels a newsroom puts before a colon to speak in its own voice ("Correction: ...",
# "Editor's note: ...", "Update: ..."): never a speaker.
EDITORIAL_LABELS = frozenset(
    {
        "correction",
        "corrections",
        "clarification",
        "update",
        "updated",
        "note",
        "disclosure",
        "disclaimer",
        "advertisement",
        "related",
        "caption",
        "credit",
        "credits",
        "photo",
        "video",
        "watch",
        "listen",
        "subscribe",
        "sponsored",
        "editor",
    }
)

# -- Denial cues (issue 16; the frames are read by sayso.nlp.meaning.polarity) --------------
# Verbs that deny their object or clause: "refuted media reports that X", "debunked claims
# that X", "disputed the account". Their complement is the denied claim, attributed to the
# denier with negative polarity. "deny", "reject" and "dismiss" are cues above already.
DENIAL_CUE_VERBS = frozenset("refute rebut debunk disprove repudiate dispute contradict".split())
OBJECT_CUE_VERBS = OBJECT_CUE_VERBS | DENIAL_CUE_VERBS
