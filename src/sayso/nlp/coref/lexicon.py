"""Word lists of the mention ranker: which nouns refer back to a person or an organisation,
and which organisation nouns fit which kind of organisation."""

from __future__ import annotations

from sayso.nlp.lexicon import GENERIC_LEADER_NOUNS, ROLE_NOUNS

# Nouns that, definite and singular, stand for a person named earlier ("the senator",
# "the New York businessman", "the nominee").
PERSON_DESCRIPTION_NOUNS = (
    ROLE_NOUNS
    | GENERIC_LEADER_NOUNS
    | frozenset(
        """
        nominee candidate incumbent challenger frontrunner front-runner contender hopeful
        mogul tycoon magnate developer anchor correspondent editor publisher pundit
        strategist pollster operative adviser advisor aide consultant
        congressman congresswoman assemblyman assemblywoman councilman councilwoman
        chairman chairwoman speaker lieutenant colonel sergeant captain admiral
        physician surgeon nurse teacher student athlete champion veteran
        officer detective sheriff trooper deputy suspect defendant plaintiff victim witness
        father mother husband wife son daughter brother sister
        man woman boy girl
        owner president vice-president premier monarch emperor sultan emir sheikh cleric
        bishop archbishop cardinal rabbi imam pastor reverend
        billionaire millionaire philanthropist celebrity
        """.split()
    )
)
# Singular nouns of party membership: "the Republican said".
PARTY_MEMBER_NOUNS = frozenset(
    {"republican", "democrat", "conservative", "liberal", "libertarian", "socialist", "tory"}
)

# Nouns that, definite and singular, stand for an organisation named earlier.
MEDIA_NOUNS = frozenset(
    """
    newspaper paper network outlet magazine website site station channel broadcaster
    publication tabloid daily weekly journal agency wire
    """.split()
)
COMPANY_NOUNS = frozenset(
    """
    company firm business corporation retailer airline manufacturer carrier insurer lender
    bank group conglomerate maker startup chain brand giant
    """.split()
)
GOVERNMENT_NOUNS = frozenset(
    """
    government administration regime ministry department agency office bureau embassy
    commission authority council parliament senate congress legislature cabinet junta
    state
    """.split()
)
ORG_NOUNS = (
    MEDIA_NOUNS
    | COMPANY_NOUNS
    | GOVERNMENT_NOUNS
    | frozenset(
        """
        campaign party committee organization organisation union league team club
        association federation foundation charity institute university college school
        hospital court police army military coalition alliance board fund panel watchdog
        regulator bloc center centre tribunal caucus guild
        """.split()
    )
)
DESCRIPTION_NOUNS = PERSON_DESCRIPTION_NOUNS | PARTY_MEMBER_NOUNS | ORG_NOUNS

# Words in an organisation's name that say what kind of organisation it is.
MEDIA_NAME_HINTS = frozenset(
    """
    times post journal news herald tribune gazette telegraph guardian independent mail
    express mirror sun star chronicle observer globe press wire agency network radio
    television tv channel magazine review daily weekly media broadcasting reuters cnn bbc
    nbc abc cbs msnbc fox npr pbs politico axios bloomberg afp ap rt tass xinhua jazeera
    sky itv cnbc espn huffpost breitbart buzzfeed vox slate salon
    """.split()
)
COMPANY_NAME_HINTS = frozenset(
    "inc inc. corp corp. co co. ltd ltd. llc plc company corporation group holdings bank".split()
)
GOVERNMENT_NAME_HINTS = frozenset(
    """
    department ministry administration government agency bureau office commission council
    authority service parliament senate congress house cabinet embassy
    """.split()
)
CAMPAIGN_NAME_HINTS = frozenset({"campaign", "pac", "committee"})
UNION_NOUNS = frozenset({"union", "guild"})
UNION_NAME_HINTS = frozenset(
    {"union", "workers", "association", "federation", "teamsters", "guild", "afl-cio"}
)
PARTY_NAME_HINTS = frozenset({"party", "gop", "democrats", "republicans", "labour", "tories"})
