"""The lexicon of event predicates, written from the PLOVER 2.0 manual and the CAMEO ->
PLOVER crosswalk (``CAMEO2PLOVER-2021.txt``), not from the gold sentences.

Each verb lists the PLOVER category it denotes by default and, where the category depends
on what the verb acts on, the category for each *theme class* of its object ("send
troops" MOBILIZE, "send aid" AID, "withdraw troops" RETREAT, "withdraw the ambassador"
SANCTION). The coder in :mod:`sayso.nlp.meaning.events` finds the predicate, its theme
and its participants in the dependency parse; this module only says what words mean.

Entry syntax: ``"DEFAULT; theme=TYPE:mode; ..."``; ``-`` as default means the verb is an
event only with one of the listed themes; ``civ=`` and ``gov=`` give the category when
the subject is civilians or a government ("protest").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

# Noun classes that decide a verb's category (lemmas).
THEMES: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "troops": "troop soldier force forces unit army military contingent battalion brigade "
        "division personnel mercenary reservist marine paratrooper commando militia police "
        "policeman officer guard warship ship fleet navy",
        "weapons": "weapon arm missile rocket tank jet aircraft plane helicopter warplane "
        "artillery drone ammunition munition bomb warhead nuclear system launcher",
        "aid": "aid assistance help money fund funding food supply supplies medicine relief loan "
        "grant credit donation equipment shelter vaccine water fuel cash package asylum refuge "
        "protection program programme",
        "sanctions": "sanction embargo tariff boycott restriction",
        "captives": "prisoner hostage detainee captive pow inmate activist journalist dissident "
        "suspect",
        "diplomats": "ambassador envoy diplomat embassy consul attache delegation",
        "observers": "observer monitor inspector peacekeeper mission",
        "people": "people civilian resident wounded refugee citizen villager child woman family "
        "national worker member",
        "meeting": "talk talks meeting negotiation summit consultation dialogue discussion visit "
        "conference session mediation",
        "agreement": "agreement deal accord treaty pact memorandum protocol convention "
        "ceasefire truce armistice settlement",
        "ties": "relation relations tie ties contact cooperation partnership membership",
        "coalition": "coalition alliance partnership union bloc federation consortium",
        "protest": "protest demonstration rally march strike riot boycott sit-in picket",
        "attack": "attack offensive strike airstrike raid assault bombing shelling operation "
        "incursion invasion",
        "exercise": "exercise drill maneuver manoeuvre manoeuvres maneuvers patrol",
        "accusation": "accusation allegation charge claim report rumor rumour",
        "demand": "demand request proposal offer plan call appeal ultimatum bid resolution idea "
        "initiative invitation suggestion",
        "support": "support backing solidarity approval endorsement condolence gratitude",
        "disapproval": "concern regret disappointment outrage anger dismay displeasure "
        "opposition criticism condemnation",
        "restrictions": "curfew ban restriction blockade siege emergency law martial control",
        "territory": "territory land town city village region area province border island "
        "base airport building headquarters road bridge highway route transport traffic "
        "railway crossing stronghold",
        "conflict": "conflict fighting war hostility hostilities battle combat clash violence "
        "cleansing",
        "media": "newspaper paper website station channel broadcaster publication outlet "
        "internet media",
        "party": "party parties organization organisation group movement",
        "trade": "trade import export commerce business investment",
        "intelligence": "intelligence information data expertise evidence technology",
    }.items()
}

VERBS: dict[str, str] = {
    # AGREE (CAMEO 03): intent to cooperate, promises, offers, invitations.
    "agree": "AGREE", "promise": "AGREE", "pledge": "AGREE", "offer": "AGREE",
    "vow": "AGREE", "commit": "AGREE", "consent": "AGREE", "undertake": "AGREE",
    "invite": "AGREE", "propose": "AGREE", "reconcile": "AGREE", "settle": "AGREE",
    "accept": "AGREE; demand=CONCEDE; accusation=CONCEDE",
    # CONSULT (CAMEO 04): meetings, visits, talks, calls, mediation.
    "meet": "CONSULT", "visit": "CONSULT:visit", "host": "CONSULT:visit",
    "talk": "CONSULT", "negotiate": "CONSULT", "discuss": "CONSULT", "consult": "CONSULT",
    "confer": "CONSULT", "mediate": "CONSULT:third-party", "telephone": "CONSULT:phone",
    "phone": "CONSULT:phone",
    "tour": "CONSULT:visit", "receive": "-; diplomats=CONSULT:visit; observers=RETREAT:access",
    "convene": "CONSULT", "arrive": "CONSULT:visit",
    # SUPPORT (CAMEO 05): praise, endorse, recognise, sign or ratify agreements.
    "praise": "SUPPORT", "commend": "SUPPORT", "hail": "SUPPORT", "applaud": "SUPPORT",
    "laud": "SUPPORT", "endorse": "SUPPORT", "back": "SUPPORT", "support": "SUPPORT",
    "recognize": "SUPPORT", "recognise": "SUPPORT", "ratify": "SUPPORT",
    "sign": "-; agreement=SUPPORT", "approve": "SUPPORT", "congratulate": "SUPPORT",
    "thank": "SUPPORT", "forgive": "SUPPORT", "reaffirm": "SUPPORT", "defend": "SUPPORT",
    "welcome": "SUPPORT; diplomats=CONSULT:visit", "side": "SUPPORT",
    "express": "-; support=SUPPORT; disapproval=ACCUSE:disapprove",
    # COOPERATE (CAMEO 06): mutual material cooperation.
    "cooperate": "COOPERATE", "collaborate": "COOPERATE", "coordinate": "COOPERATE",
    "partner": "COOPERATE", "trade": "COOPERATE", "extradite": "COOPERATE",
    "share": "-; intelligence=COOPERATE", "exchange": "-; intelligence=COOPERATE; "
    "captives=RETREAT:release", "join": "COOPERATE; protest=PROTEST; meeting=CONSULT; "
    "attack=ASSAULT; conflict=ASSAULT",
    "form": "-; coalition=COOPERATE; troops=MOBILIZE:troops",
    "create": "-; coalition=COOPERATE; troops=MOBILIZE:troops",
    "establish": "-; coalition=COOPERATE; ties=SUPPORT; troops=MOBILIZE:troops",
    "set up": "-; coalition=COOPERATE; troops=MOBILIZE:troops",
    "build": "-; coalition=COOPERATE", "strengthen": "-; ties=COOPERATE; coalition=COOPERATE; "
    "troops=MOBILIZE:troops", "increase": "-; troops=MOBILIZE:troops", "bolster": "-; "
    "troops=MOBILIZE:troops",
    "expand": "-; ties=COOPERATE; trade=COOPERATE", "deepen": "-; ties=COOPERATE",
    "boost": "-; ties=COOPERATE; trade=COOPERATE; troops=MOBILIZE:troops",
    "resume": "-; ties=COOPERATE; "
    "meeting=CONSULT; aid=AID; attack=ASSAULT; protest=PROTEST",
    # AID (CAMEO 07): material help that benefits the recipient.
    "aid": "AID", "help": "AID", "assist": "AID", "provide": "AID", "give": "AID; "
    "support=SUPPORT; demand=THREATEN", "grant": "AID; captives=CONCEDE; concession=CONCEDE",
    "donate": "AID",
    "supply": "AID", "deliver": "AID", "send": "-; troops=MOBILIZE:troops; "
    "aid=AID; weapons=AID; diplomats=CONSULT:visit", "fund": "AID", "finance": "AID",
    "lend": "AID", "loan": "AID",
    "rescue": "AID", "shelter": "AID", "airlift": "AID", "allocate": "AID",
    "pay": "-; aid=AID",
    # CONCEDE (CAMEO 081-083): verbal concessions, easing restrictions, pardons, regret.
    "ease": "CONCEDE; sanctions=RETREAT", "relax": "CONCEDE; sanctions=RETREAT",
    "lift": "CONCEDE; sanctions=RETREAT; restrictions=CONCEDE", "pardon": "CONCEDE",
    "amnesty": "CONCEDE", "acquit": "CONCEDE", "accede": "CONCEDE", "yield": "CONCEDE",
    "relent": "CONCEDE", "compromise": "CONCEDE", "concede": "CONCEDE",
    "apologize": "CONCEDE", "apologise": "CONCEDE", "regret": "CONCEDE",
    "back down": "CONCEDE", "give in": "CONCEDE", "call off": "CONCEDE; meeting=REJECT",
    "declare": "-; agreement=CONCEDE; restrictions=COERCE:martial-law",
    "allow": "-; observers=RETREAT:access; aid=RETREAT:access; party=CONCEDE",
    "restore": "-; ties=SUPPORT", "upgrade": "-; ties=SUPPORT", "normalize": "-; ties=SUPPORT",
    "normalise": "-; ties=SUPPORT", "suspend": "-; protest=CONCEDE; aid=SANCTION:discontinue; "
    "ties=SANCTION:discontinue; meeting=SANCTION:withdraw; trade=SANCTION:discontinue",
    # RETREAT (CAMEO 084-087): material concessions: withdraw, release, disarm, resign.
    "withdraw": "RETREAT:withdraw; diplomats=SANCTION:withdraw; observers=SANCTION:withdraw; "
    "aid=SANCTION:discontinue; "
    "support=SANCTION:discontinue; ties=SANCTION:withdraw; meeting=SANCTION:withdraw; "
    "agreement=SANCTION:withdraw", "pull out": "RETREAT:withdraw",
    "pull back": "RETREAT:withdraw", "retreat": "RETREAT:withdraw",
    "evacuate": "RETREAT:withdraw; people=AID",
    "release": "-; captives=RETREAT:release; people=RETREAT:release",
    "free": "-; captives=RETREAT:release; people=RETREAT:release",
    "hand over": "RETREAT:release; aid=AID",
    "return": "-; captives=RETREAT:release; territory=RETREAT:withdraw",
    "repatriate": "RETREAT:release", "disarm": "RETREAT:disarm", "demobilize": "RETREAT:disarm",
    "demobilise": "RETREAT:disarm", "surrender": "RETREAT:disarm",
    "lay down": "RETREAT:disarm", "resign": "RETREAT:resign", "step down": "RETREAT:resign",
    "quit": "RETREAT:resign", "observe": "-; agreement=RETREAT:ceasefire",
    "respect": "-; agreement=RETREAT:ceasefire", "dismantle": "RETREAT:withdraw",
    # REQUEST (CAMEO 10): requests, demands, appeals, orders.
    "demand": "REQUEST", "request": "REQUEST", "ask": "REQUEST", "urge": "REQUEST",
    "call for": "REQUEST", "call on": "REQUEST", "call upon": "REQUEST", "appeal": "REQUEST",
    "plead": "REQUEST", "press": "REQUEST", "pressure": "REQUEST", "order": "REQUEST",
    "petition": "REQUEST", "implore": "REQUEST",
    "seek": "-; aid=REQUEST:assist; meeting=REQUEST:meet; support=REQUEST:assist; "
    "captives=REQUEST:yield", "insist": "REQUEST", "push for": "REQUEST",
    # ACCUSE (CAMEO 09, 11): criticise, condemn, accuse, charge, sue, investigate.
    "accuse": "ACCUSE:allege", "blame": "ACCUSE:allege", "criticize": "ACCUSE:disapprove",
    "criticise": "ACCUSE:disapprove", "condemn": "ACCUSE:disapprove",
    "denounce": "ACCUSE:disapprove", "decry": "ACCUSE:disapprove",
    "deplore": "ACCUSE:disapprove", "censure": "ACCUSE:disapprove",
    "slam": "ACCUSE:disapprove", "blast": "ACCUSE:disapprove", "rebuke": "ACCUSE:disapprove",
    "reproach": "ACCUSE:disapprove", "complain": "ACCUSE:disapprove",
    "protest": "PROTEST:demo; gov=ACCUSE:disapprove", "charge": "ACCUSE:allege",
    "indict": "ACCUSE:allege", "sue": "ACCUSE:allege", "allege": "ACCUSE:allege",
    "investigate": "ACCUSE:investigate", "probe": "ACCUSE:investigate",
    "look into": "ACCUSE:investigate", "inquire": "ACCUSE:investigate",
    "summon": "-; diplomats=ACCUSE:disapprove", "disapprove": "ACCUSE:disapprove",
    "object": "ACCUSE:disapprove", "lash out": "ACCUSE:disapprove",
    "hit out": "ACCUSE:disapprove", "question": "ACCUSE:disapprove",
    # REJECT (CAMEO 12): refusals, rejections, vetoes, cancelled meetings.
    "reject": "REJECT", "refuse": "REJECT", "decline": "REJECT", "rebuff": "REJECT",
    "dismiss": "REJECT", "veto": "REJECT", "spurn": "REJECT", "snub": "REJECT",
    "turn down": "REJECT", "rule out": "REJECT", "deny": "REJECT", "oppose": "REJECT",
    "defy": "REJECT", "cancel": "-; meeting=REJECT; aid=SANCTION:discontinue; "
    "agreement=SANCTION:discontinue; restrictions=CONCEDE", "postpone": "-; meeting=REJECT",
    "bar": "REJECT",
    "disavow": "REJECT", "renege": "REJECT", "repudiate": "REJECT",
    "block": "-; demand=REJECT; territory=PROTEST:obstruct; media=COERCE:censor",
    # THREATEN (CAMEO 13): threats and forceful warnings.
    "threaten": "THREATEN", "warn": "-", "menace": "THREATEN",
    # PROTEST (CAMEO 14): collective civilian dissent.
    "demonstrate": "PROTEST:demo", "rally": "PROTEST:demo", "march": "PROTEST:demo",
    "riot": "PROTEST:riot", "picket": "PROTEST:strike", "boycott": "PROTEST:boycott",
    "walk out": "PROTEST:strike", "stop work": "PROTEST:strike", "shun work": "PROTEST:strike",
    "vandalize": "PROTEST:vandalize",
    "vandalise": "PROTEST:vandalize",
    # SANCTION (CAMEO 16): reduce relations, cut aid, expel diplomats, convict.
    "sanction": "SANCTION:discontinue", "embargo": "SANCTION:discontinue",
    "expel": "COERCE:deport; diplomats=SANCTION:expel; observers=SANCTION:expel",
    "recall": "-; diplomats=SANCTION:withdraw",
    "sever": "SANCTION:withdraw", "cut": "-; ties=SANCTION:withdraw; aid=SANCTION:discontinue; "
    "trade=SANCTION:discontinue", "break off": "SANCTION:withdraw",
    "cut off": "SANCTION:discontinue", "freeze": "-; aid=SANCTION:discontinue; "
    "ties=SANCTION:discontinue; meeting=SANCTION:withdraw", "halt": "-; aid=SANCTION:discontinue; "
    "meeting=SANCTION:withdraw; trade=SANCTION:discontinue; attack=RETREAT:ceasefire",
    "impose": "-; sanctions=SANCTION:discontinue; restrictions=COERCE:restrict",
    "end": "-; meeting=SANCTION:withdraw; ties=SANCTION:withdraw; attack=RETREAT:ceasefire",
    "prohibit": "COERCE:restrict; aid=SANCTION:discontinue; trade=SANCTION:discontinue",
    "prevent": "-; protest=COERCE:restrict; meeting=REJECT",
    "convict": "SANCTION:convict", "sentence": "SANCTION:convict", "downgrade": "SANCTION:withdraw",
    "close": "-; diplomats=SANCTION:withdraw; media=COERCE:censor; territory=COERCE:restrict",
    "ban": "COERCE:restrict; trade=SANCTION:discontinue; media=COERCE:censor",
    # MOBILIZE (CAMEO 15): military or police moves short of force.
    "deploy": "MOBILIZE:troops; weapons=MOBILIZE:weapons", "mobilize": "MOBILIZE:troops",
    "mobilise": "MOBILIZE:troops", "mass": "MOBILIZE:troops", "station": "MOBILIZE:troops",
    "dispatch": "-; troops=MOBILIZE:troops; aid=AID; diplomats=CONSULT:visit",
    "reinforce": "MOBILIZE:troops", "alert": "MOBILIZE:troops",
    "move": "-; troops=MOBILIZE:troops; weapons=MOBILIZE:weapons",
    "test": "-; weapons=MOBILIZE:weapons",
    "test-fire": "MOBILIZE:weapons", "build up": "MOBILIZE:troops", "call up": "MOBILIZE:troops",
    "prepare": "-; troops=MOBILIZE:troops; attack=MOBILIZE:troops", "arm": "MOBILIZE:militia",
    # COERCE (CAMEO 17): repression short of violence.
    "arrest": "COERCE:arrest", "detain": "COERCE:arrest", "jail": "COERCE:arrest",
    "imprison": "COERCE:arrest", "round up": "COERCE:arrest", "apprehend": "COERCE:arrest",
    "capture": "COERCE:arrest; territory=COERCE:seize", "deport": "COERCE:deport",
    "seize": "COERCE:seize", "confiscate": "COERCE:seize", "censor": "COERCE:censor",
    "shut down": "COERCE:censor", "crack down": "COERCE:restrict", "restrict": "COERCE:restrict",
    "occupy": "COERCE:seize", "annex": "COERCE:seize", "blockade": "COERCE:restrict",
    "hack": "COERCE:cyber", "evict": "COERCE:seize", "expropriate": "COERCE:seize",
    "raid": "COERCE:seize", "search": "-; territory=COERCE:seize",
    "hold": "-; captives=COERCE:arrest; people=COERCE:arrest",
    "outlaw": "COERCE:restrict", "silence": "COERCE:censor", "intimidate": "COERCE",
    "harass": "COERCE", "take over": "COERCE:seize",
    # ASSAULT (CAMEO 18-20): deliberate physical violence.
    "assault": "ASSAULT:beat", "kill": "ASSAULT", "murder": "ASSAULT", "bomb": "ASSAULT:aerial",
    "attack": "ASSAULT; demand=ACCUSE:disapprove; accusation=ACCUSE:disapprove",
    "shell": "ASSAULT:heavy-weapons", "strike": "ASSAULT; agreement=AGREE",
    "fire": "-; weapons=ASSAULT",
    "open fire": "ASSAULT:firearms", "shoot": "ASSAULT:firearms", "gun down": "ASSAULT:firearms",
    "abduct": "ASSAULT:abduct", "kidnap": "ASSAULT:abduct", "hijack": "ASSAULT:abduct",
    "torture": "ASSAULT:torture", "beat": "ASSAULT:beat", "rape": "ASSAULT:sexual",
    "assassinate": "ASSAULT:targeted", "massacre": "ASSAULT:targeted",
    "execute": "ASSAULT:targeted", "behead": "ASSAULT:targeted", "invade": "ASSAULT",
    "clash": "ASSAULT", "fight": "ASSAULT", "battle": "ASSAULT", "ambush": "ASSAULT",
    "storm": "ASSAULT", "wound": "ASSAULT", "injure": "ASSAULT", "destroy": "ASSAULT:destroy",
    "demolish": "ASSAULT:destroy", "torch": "ASSAULT:primitive", "burn": "ASSAULT:primitive",
    "blow up": "ASSAULT:explosives", "detonate": "ASSAULT:explosives", "stab": "ASSAULT:primitive",
    "shoot down": "ASSAULT", "bombard": "ASSAULT:heavy-weapons", "hit": "ASSAULT",
    "violate": "-; agreement=ASSAULT", "take part": "-; conflict=ASSAULT; attack=ASSAULT; "
    "protest=PROTEST; meeting=CONSULT; exercise=MOBILIZE:troops",
    "participate": "-; conflict=ASSAULT; attack=ASSAULT; protest=PROTEST; meeting=CONSULT; "
    "exercise=MOBILIZE:troops", "engage": "-; conflict=ASSAULT; meeting=CONSULT",
}  # fmt: skip

# Further synonyms per category, from CAMEO's category descriptions (verbs the CAMEO
# dictionaries file under each root code), added after the first evaluation on the dev half.
VERBS.update(
    {
        # AGREE / CONSULT / SUPPORT / COOPERATE
        "guarantee": "AGREE", "travel to": "CONSULT:visit", "fly to": "CONSULT:visit",
        "head to": "CONSULT:visit", "speak with": "CONSULT", "greet": "CONSULT:visit",
        "sit down": "CONSULT", "salute": "SUPPORT", "reassure": "SUPPORT", "embrace": "SUPPORT",
        "stand by": "SUPPORT", "work with": "COOPERATE", "team up": "COOPERATE",
        # AID
        "contribute": "AID", "ship": "-; aid=AID; weapons=AID", "airdrop": "AID",
        "transfer": "-; aid=AID; weapons=AID", "distribute": "-; aid=AID", "disburse": "AID",
        "extend": "-; aid=AID", "write off": "AID", "feed": "AID",
        # CONCEDE / RETREAT
        "retract": "CONCEDE", "rescind": "CONCEDE", "reverse": "-; demand=CONCEDE",
        "drop": "-; accusation=CONCEDE; demand=CONCEDE", "abandon": "-; demand=CONCEDE; "
        "territory=RETREAT:withdraw", "decommission": "RETREAT:disarm",
        "reopen": "-; territory=RETREAT:access", "permit": "-; observers=RETREAT:access; "
        "aid=RETREAT:access", "let in": "RETREAT:access", "leave": "-; territory=RETREAT:withdraw",
        # REQUEST
        "beg": "REQUEST", "lobby": "REQUEST", "command": "REQUEST", "instruct": "REQUEST",
        "require": "REQUEST", "encourage": "REQUEST", "apply for": "REQUEST",
        # ACCUSE
        "berate": "ACCUSE:disapprove", "chide": "ACCUSE:disapprove", "scold": "ACCUSE:disapprove",
        "lambast": "ACCUSE:disapprove", "assail": "ACCUSE:disapprove",
        "castigate": "ACCUSE:disapprove", "ridicule": "ACCUSE:disapprove",
        "deride": "ACCUSE:disapprove", "fault": "ACCUSE:disapprove", "brand": "ACCUSE:allege",
        "prosecute": "ACCUSE:allege", "arraign": "ACCUSE:allege", "impeach": "ACCUSE:allege",
        "audit": "ACCUSE:investigate", "interrogate": "ACCUSE:investigate",
        # REJECT
        "resist": "REJECT", "refute": "REJECT", "balk": "REJECT", "ignore": "-; demand=REJECT",
        "vote against": "REJECT", "walk away": "REJECT",
        # PROTEST
        "go on": "-; protest=PROTEST:strike", "gather": "-", "barricade": "PROTEST:obstruct",
        "take to": "-; territory=PROTEST:demo",
        # SANCTION
        "reduce": "-; aid=SANCTION:discontinue; ties=SANCTION:withdraw; "
        "troops=RETREAT:withdraw", "terminate": "-; aid=SANCTION:discontinue; "
        "ties=SANCTION:withdraw; agreement=SANCTION:withdraw",
        "withhold": "-; aid=SANCTION:discontinue", "blacklist": "SANCTION:discontinue",
        # MOBILIZE
        "redeploy": "MOBILIZE:troops", "amass": "MOBILIZE:troops",
        "concentrate": "-; troops=MOBILIZE:troops", "position": "-; troops=MOBILIZE:troops; "
        "weapons=MOBILIZE:weapons", "send in": "MOBILIZE:troops",
        "tighten": "-; security=MOBILIZE:police; restrictions=COERCE:restrict",
        "step up": "-; security=MOBILIZE:police; attack=ASSAULT",
        "beef up": "-; security=MOBILIZE:police; troops=MOBILIZE:troops",
        "heighten": "-; security=MOBILIZE:police",
        # COERCE
        "nab": "COERCE:arrest", "lock up": "COERCE:arrest", "dissolve": "-; party=COERCE:restrict",
        "disperse": "COERCE:restrict", "break up": "-; protest=COERCE:restrict",
        "jam": "COERCE:censor", "forbid": "COERCE:restrict",
        # ASSAULT
        "slaughter": "ASSAULT:targeted", "lynch": "ASSAULT:targeted", "maim": "ASSAULT",
        "raze": "ASSAULT:destroy", "overrun": "ASSAULT", "pound": "ASSAULT:heavy-weapons",
        "strafe": "ASSAULT:aerial", "target": "ASSAULT", "retaliate": "ASSAULT",
        "counterattack": "ASSAULT", "set fire": "ASSAULT:primitive",
        "take hostage": "ASSAULT:abduct", "explode": "ASSAULT:explosives",
    }
)  # fmt: skip
THEMES["security"] = frozenset("security patrol patrols presence checkpoint".split())
THEMES["concession"] = frozenset("concession amnesty pardon autonomy independence".split())

# Verbs that lend their subject to the event named by their object ("held talks",
# "launched an attack", "imposed a curfew").
LIGHT_VERBS = frozenset(
    """
    hold stage launch carry conduct mount make begin start continue organise organize
    step intensify escalate lodge file issue deliver reach announce order undertake
    unleash wage open
    """.split()
)

# Event nouns, coded when they stand alone ("criticism from NATO member states").
NOUNS: dict[str, str] = {
    "attack": "ASSAULT", "assault": "ASSAULT", "offensive": "ASSAULT",
    "airstrike": "ASSAULT:aerial",
    "bombing": "ASSAULT:explosives", "shelling": "ASSAULT:heavy-weapons", "raid": "ASSAULT",
    "ambush": "ASSAULT", "massacre": "ASSAULT:targeted", "killing": "ASSAULT",
    "clash": "ASSAULT", "fighting": "ASSAULT", "invasion": "ASSAULT",
    "kidnapping": "ASSAULT:abduct", "abduction": "ASSAULT:abduct",
    "assassination": "ASSAULT:targeted", "protest": "PROTEST:demo",
    "demonstration": "PROTEST:demo", "rally": "PROTEST:demo", "riot": "PROTEST:riot",
    "boycott": "PROTEST:boycott", "sit-in": "PROTEST:obstruct", "talks": "CONSULT",
    "talk": "CONSULT", "meeting": "CONSULT", "summit": "CONSULT", "negotiation": "CONSULT",
    "consultation": "CONSULT", "visit": "CONSULT:visit", "dialogue": "CONSULT",
    "sanction": "SANCTION:discontinue", "embargo": "SANCTION:discontinue",
    "deployment": "MOBILIZE:troops", "mobilization": "MOBILIZE:troops",
    "mobilisation": "MOBILIZE:troops", "withdrawal": "RETREAT:withdraw",
    "pullout": "RETREAT:withdraw", "aid": "AID", "assistance": "AID",
    "criticism": "ACCUSE:disapprove", "condemnation": "ACCUSE:disapprove",
    "accusation": "ACCUSE:allege", "allegation": "ACCUSE:allege",
    "complaint": "ACCUSE:disapprove", "investigation": "ACCUSE:investigate",
    "probe": "ACCUSE:investigate", "inquiry": "ACCUSE:investigate", "arrest": "COERCE:arrest",
    "detention": "COERCE:arrest", "crackdown": "COERCE:restrict", "curfew": "COERCE:curfew",
    "demand": "REQUEST", "appeal": "REQUEST", "threat": "THREATEN", "ultimatum": "THREATEN",
    "rejection": "REJECT", "refusal": "REJECT", "veto": "REJECT", "praise": "SUPPORT",
    "endorsement": "SUPPORT", "cooperation": "COOPERATE", "resignation": "RETREAT:resign",
    "expulsion": "SANCTION:expel", "ceasefire": "CONCEDE", "truce": "CONCEDE",
    "agreement": "AGREE", "deal": "AGREE", "accord": "AGREE", "strike": "PROTEST:strike",
    "mediation": "CONSULT:third-party", "alert": "MOBILIZE:troops", "exercise": "MOBILIZE:troops",
    "drill": "MOBILIZE:troops", "manoeuvre": "MOBILIZE:troops", "maneuver": "MOBILIZE:troops",
    "game": "MOBILIZE:troops", "suspension": "SANCTION:discontinue", "fire": "ASSAULT:firearms",
    "cleansing": "ASSAULT", "concession": "CONCEDE",
}  # fmt: skip

# Subjects that make "protest", "strike", "march" civilian collective action.
CIVILIAN_NOUNS = frozenset(
    """
    protester protestor demonstrator student worker people resident villager farmer
    supporter activist citizen civilian crowd thousand hundred dozen union employee teacher
    doctor nurse miner driver trader shopkeeper refugee voter opposition member youth woman
    man
    """.split()
)
# Sectors of actors (PLOVER/CAMEO actor codes), by the head noun of the actor phrase.
SECTORS: dict[str, str] = {
    **dict.fromkeys(
        "government minister ministry president official officials leader premier "
        "chancellor cabinet administration authority authorities spokesman spokeswoman "
        "spokesperson envoy ambassador diplomat king regime state mayor governor".split(),
        "GOV",
    ),
    **dict.fromkeys(
        "army military troop soldier force forces navy commander general officer "
        "battalion brigade mercenary".split(),
        "MIL",
    ),
    **dict.fromkeys("rebel insurgent militant guerrilla separatist fighter".split(), "REB"),
    **dict.fromkeys("police policeman policemen".split(), "COP"),
    **dict.fromkeys("parliament lawmaker legislator senator mp congress".split(), "LEG"),
    **dict.fromkeys("court judge prosecutor tribunal".split(), "JUD"),
    **dict.fromkeys("opposition".split(), "OPP"),
    **dict.fromkeys("refugee".split(), "REF"),
    **dict.fromkeys("journalist reporter newspaper".split(), "JRN"),
    **dict.fromkeys(
        "protester protestor demonstrator student worker civilian resident villager people "
        "citizen".split(),
        "CVL",
    ),
}
# Categories that are cooperative: announced or planned, PLOVER codes them AGREE.
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONTEXTS: dict[str, str] = {
    "troops": "military", "weapons": "military", "attack": "military", "conflict": "military",
    "exercise": "military", "aid": "humanitarian", "trade": "economic", "sanctions": "economic",
    "captives": "legal", "diplomats": "diplomatic", "ties": "diplomatic",
    "meeting": "diplomatic", "media": "rights_freedoms", "intelligence": "intelligence",
}  # fmt: skip
TYPE_CONTEXTS = {"ASSAULT": "military", "MOBILIZE": "military"}


@dataclass(frozen=True, slots=True)
class Sense:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Predicate:
    """What a predicate means by default, by theme class and by its subject."""

    default: Sense | None
    by_theme: dict[str, Sense] = field(default_factory=dict)


def _sense(text: str) -> Sense:
    category, _, mode = text.strip().partition(":")
    return Sense(category, mode or None)


@lru_cache(maxsize=1)
def predicates() -> dict[str, Predicate]:
    """The verb lexicon, parsed once."""
    parsed: dict[str, Predicate] = {}
    for lemma, entry in VERBS.items():
        default_text, *rules = entry.split(";")
        default = None if default_text.strip() == "-" else _sense(default_text)
        by_theme = {}
        for rule in rules:
            key, _, value = rule.strip().partition("=")
            by_theme[key] = _sense(value)
        parsed[lemma] = Predicate(default, by_theme)
    return parsed


@lru_cache(maxsize=1)
def noun_senses() -> dict[str, Sense]:
    return {lemma: _sense(entry) for lemma, entry in NOUNS.items()}


@lru_cache(maxsize=1)
def theme_classes() -> dict[str, list[str]]:
    """Lemma -> its theme classes, in the order THEMES lists them."""
    index: dict[str, list[str]] = {}
    for name, words in THEMES.items():
        for word in words:
            index.setdefault(word, []).append(name)
    return index
