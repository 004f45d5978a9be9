"""Meeting Guide meeting type codes (the official list) and how our fields map onto them.

`TYPES` is copied as data from the Meeting Guide specification's `types.json` (code -> English meaning;
code4recovery/spec, MIT licence). The codes are "reserved": a feed may only use them with these meanings.
Runtime code uses this table, never the copy of the standard under `../shared`; the tests check the two
agree.

Our mapping, used both ways (the feed out and the Meeting Guide import):

- who can come: a group open to family and friends is Open (`O`); one only for the people affected is
  Closed (`C`), as in the fellowships ("closed" = only for people who share the problem);
- `Group.gender`: women only -> `W`, men only -> `M`;
- ages: a group for people up to 30 -> Young People (`Y`); from 60 -> Seniors (`SEN`);
- languages: ISO 639 code of `Language.code` <-> the language's type code (`LANGUAGE_TYPES`);
- venue: step-free access -> Wheelchair Access (`X`), accessible toilet -> Wheelchair-Accessible
  Bathroom (`XB`);
- a group paused now -> Location Temporarily Closed (`TC`), which with no joining details tells the apps
  the meeting is not running.

The remaining codes (Big Book, Speaker, LGBTQ…) describe things we do not record: they are never sent, and
on import they are kept in the meeting's notes in words.
"""

TYPES = {
    "11": "11th Step Meditation",
    "12x12": "12 Steps & 12 Traditions",
    "A": "Secular",
    "ABSI": "As Bill Sees It",
    "AF": "Afrikaans",
    "AL": "Concurrent with Alateen",
    "AL-AN": "Concurrent with Al-Anon",
    "AM": "Amharic",
    "AR": "Arabic",
    "ASL": "American Sign Language",
    "B": "Big Book",
    "BA": "Babysitting Available",
    "BE": "Newcomer",
    "BG": "Bulgarian",
    "BI": "Bisexual",
    "BRK": "Breakfast",
    "C": "Closed",
    "CAN": "Candlelight",
    "CF": "Child-Friendly",
    "D": "Discussion",
    "DA": "Danish",
    "DB": "Digital Basket",
    "DD": "Dual Diagnosis",
    "DE": "German",
    "DR": "Daily Reflections",
    "EL": "Greek",
    "EN": "English",
    "FA": "Persian",
    "FI": "Finnish",
    "FF": "Fragrance Free",
    "FR": "French",
    "G": "Gay",
    "GR": "Grapevine",
    "H": "Birthday",
    "HE": "Hebrew",
    "HI": "Hindi",
    "HR": "Croatian",
    "HU": "Hungarian",
    "IS": "Icelandic",
    "ITA": "Italian",
    "JA": "Japanese",
    "KA": "Georgian",
    "KOR": "Korean",
    "L": "Lesbian",
    "LGBTQ": "LGBTQ",
    "LIT": "Literature",
    "LS": "Living Sober",
    "LT": "Lithuanian",
    "M": "Men",
    "MED": "Meditation",
    "ML": "Malayalam",
    "MT": "Maltese",
    "N": "Native American",
    "NB": "Non-Binary",
    "NDG": "Indigenous",
    "NE": "Nepali",
    "NL": "Dutch",
    "NO": "Norwegian",
    "O": "Open",
    "OUT": "Outdoor",
    "P": "Professionals",
    "POA": "Proof of Attendance",
    "POC": "People of Color",
    "POL": "Polish",
    "POR": "Portuguese",
    "PUN": "Punjabi",
    "RUS": "Russian",
    "S": "Spanish",
    "SEN": "Seniors",
    "SK": "Slovak",
    "SL": "Slovenian",
    "SM": "Smoking Permitted",
    "SP": "Speaker",
    "ST": "Step Study",
    "SV": "Swedish",
    "T": "Transgender",
    "TC": "Location Temporarily Closed",
    "TH": "Thai",
    "TL": "Tagalog",
    "TR": "Tradition Study",
    "TUR": "Turkish",
    "UK": "Ukrainian",
    "W": "Women",
    "X": "Wheelchair Access",
    "XB": "Wheelchair-Accessible Bathroom",
    "XT": "Cross Talk Permitted",
    "Y": "Young People",
}

OPEN = "O"
CLOSED = "C"
TEMPORARILY_CLOSED = "TC"
WHEELCHAIR_ACCESS = "X"
WHEELCHAIR_BATHROOM = "XB"
YOUNG_PEOPLE = "Y"
SENIORS = "SEN"

# Group.gender value -> type code (and back).
GENDER_TYPES = {"women": "W", "men": "M"}
GENDER_BY_TYPE = {code: gender for gender, code in GENDER_TYPES.items()}

# Age limits that make a group "Young People" or "Seniors".
YOUNG_PEOPLE_MAXIMUM_AGE = 30
SENIORS_MINIMUM_AGE = 60

# ISO 639 language code (Language.code) -> type code. Only languages with a Meeting Guide code are here;
# British Sign Language, Welsh, Urdu… have none and are not sent.
LANGUAGE_TYPES = {
    "af": "AF",
    "am": "AM",
    "ar": "AR",
    "ase": "ASL",
    "bg": "BG",
    "da": "DA",
    "de": "DE",
    "el": "EL",
    "en": "EN",
    "es": "S",
    "fa": "FA",
    "fi": "FI",
    "fr": "FR",
    "he": "HE",
    "hi": "HI",
    "hr": "HR",
    "hu": "HU",
    "is": "IS",
    "it": "ITA",
    "ja": "JA",
    "ka": "KA",
    "ko": "KOR",
    "lt": "LT",
    "ml": "ML",
    "mt": "MT",
    "ne": "NE",
    "nl": "NL",
    "no": "NO",
    "pa": "PUN",
    "pl": "POL",
    "pt": "POR",
    "ru": "RUS",
    "sk": "SK",
    "sl": "SL",
    "sv": "SV",
    "th": "TH",
    "tl": "TL",
    "tr": "TUR",
    "uk": "UK",
}
LANGUAGE_BY_TYPE = {code: language for language, code in LANGUAGE_TYPES.items()}

# Venue accessibility flag -> type code (and back).
VENUE_FEATURE_TYPES = {"step_free": WHEELCHAIR_ACCESS, "accessible_toilet": WHEELCHAIR_BATHROOM}
VENUE_FEATURE_BY_TYPE = {code: feature for feature, code in VENUE_FEATURE_TYPES.items()}


def type_name(code):
    """The English meaning of an official code, or None for a code that is not official."""
    return TYPES.get(code)


def is_official(code):
    return code in TYPES


def types_for(group, venue=None, language_codes=(), paused=False):
    """The official type codes that describe a meeting of `group` at `venue` (sorted, no repeats).

    `language_codes` are the ISO 639 codes of the group's languages (passed in so that a caller that has
    prefetched them does not query again); `paused` is whether the group is paused now.
    """
    codes = set()
    if group.for_family_friends:
        codes.add(OPEN)
    elif group.for_people_affected and not group.for_carers:
        codes.add(CLOSED)
    if group.gender in GENDER_TYPES:
        codes.add(GENDER_TYPES[group.gender])
    if group.maximum_age and group.maximum_age <= YOUNG_PEOPLE_MAXIMUM_AGE:
        codes.add(YOUNG_PEOPLE)
    if group.minimum_age and group.minimum_age >= SENIORS_MINIMUM_AGE:
        codes.add(SENIORS)
    for language in language_codes:
        if language in LANGUAGE_TYPES:
            codes.add(LANGUAGE_TYPES[language])
    if venue is not None:
        for feature, code in VENUE_FEATURE_TYPES.items():
            if getattr(venue, feature, False):
                codes.add(code)
    if paused:
        codes.add(TEMPORARILY_CLOSED)
    return sorted(codes)
