"""Crisis signposting, shared by every page, search and the contact form.

The contacts are per deployment (CRISIS_CONTACTS_FILE, a JSON list); the demo ships UK numbers.

The distress detector (`reads_as_crisis`, `crisis_signals`) is a readable rule set, not a model: no
network, nothing to download, every decision visible below. It errs towards showing help — showing crisis
contacts to someone who did not need them costs one calm box; missing someone who did costs a great deal —
but it is not noisy on ordinary directory searches ("bereavement", "stroke survivors", "dying for a cuppa").

How it reads text:
1. Normalise (`normalise`): Unicode compatibility forms, lower case, curly quotes and apostrophes made
   straight, contractions and txt-speak spelled out ("cant" -> "can not", "wanna" -> "want to", "kms" ->
   "kill myself", "od" -> "overdose"), common misspellings ("myslef", "meself", "mesen"), simple number
   look-alikes inside words ("su1c1de"), hyphens and symbols to spaces. Sentence punctuation stays.
2. Match the signals in SIGNALS, each a short regular expression with a comment saying what it catches.
   Patterns use word boundaries, so words inside other words do not trigger ("skill myself").

Decisions (also recorded, with examples, in bench/data/crisis_phrases.json):
- Negation does not switch help off: "I'm not suicidal but…", "I would never hurt myself" still show help.
  The cheap exceptions are where the negated phrase means something else: "I don't want to die" (fear of
  dying, e.g. with an illness) and "I don't want to be a burden" (common among older and disabled people).
- The words suicide, self-harm and overdose always show help, even in topic searches such as "suicide
  bereavement support" or "drug overdose awareness training": people bereaved by suicide or overdose are
  themselves at raised risk, the box is calm and blocks nothing, and carving out topic contexts could hide
  a real crisis. These are listed as accepted false positives in the phrase set.
- "I can't cope" alone is everyday carers' language and does not trigger; "I can't cope any more", like
  "I can't do this any more", does.
- Third-person end of life ("my mum won't be here much longer", "end of life care") does not trigger; the
  first person does ("I won't be here much longer").
- Idioms do not trigger: "dying for a cuppa", "kill time", "bored to death", "killing myself laughing",
  "shot myself in the foot", "my feet are killing me", "my wife will kill me if I buy another bike".
- Out of scope here (not acute distress by themselves; the directory has groups for them): eating less or
  "starving myself", "dead inside", "I hate my life", domestic abuse as a topic, "at the end of my tether".
"""

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from django.conf import settings

DEFAULT_CONTACTS = Path(__file__).parent / "data" / "crisis_contacts_uk.json"


# --- normalisation ----------------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'", "“": '"', "”": '"', "„": '"'}
)

# Whole words (as typed, lower case, apostrophes straightened) and what they stand for.
_WORDS = {
    # contractions, with and without the apostrophe
    **dict.fromkeys(["can't", "cant", "cannot", "carnt", "caint"], "can not"),
    **dict.fromkeys(["couldn't", "couldnt"], "could not"),
    **dict.fromkeys(["won't", "wont"], "will not"),
    **dict.fromkeys(["wouldn't", "wouldnt", "wudnt"], "would not"),
    **dict.fromkeys(["don't", "dont", "dnt", "dun't"], "do not"),
    **dict.fromkeys(["doesn't", "doesnt"], "does not"),
    **dict.fromkeys(["didn't", "didnt"], "did not"),
    **dict.fromkeys(["isn't", "isnt"], "is not"),
    **dict.fromkeys(["aren't", "arent"], "are not"),
    **dict.fromkeys(["wasn't", "wasnt"], "was not"),
    **dict.fromkeys(["weren't", "werent"], "were not"),
    **dict.fromkeys(["shouldn't", "shouldnt"], "should not"),
    **dict.fromkeys(["haven't", "havent"], "have not"),
    **dict.fromkeys(["hasn't", "hasnt"], "has not"),
    **dict.fromkeys(["i'm", "im", "i'am", "iam"], "i am"),
    **dict.fromkeys(["i've", "ive"], "i have"),
    "i'll": "i will",
    "i'd": "i would",
    **dict.fromkeys(["you're", "youre"], "you are"),
    **dict.fromkeys(["he's", "hes"], "he is"),
    **dict.fromkeys(["she's", "shes"], "she is"),
    "it's": "it is",
    **dict.fromkeys(["that's", "thats"], "that is"),
    **dict.fromkeys(["what's", "whats"], "what is"),
    **dict.fromkeys(["there's", "theres"], "there is"),
    **dict.fromkeys(["they're", "theyre"], "they are"),
    "we're": "we are",
    **dict.fromkeys(["he'd", "hed"], "he would"),
    "she'd": "she would",
    **dict.fromkeys(["they'd", "theyd"], "they would"),
    "we'd": "we would",
    "you'd": "you would",
    "he'll": "he will",
    "she'll": "she will",
    **dict.fromkeys(["they'll", "theyll"], "they will"),
    **dict.fromkeys(["it'll", "itll"], "it will"),
    # txt-speak
    **dict.fromkeys(["wanna", "wana", "wannna", "wnna"], "want to"),
    **dict.fromkeys(["wnat", "wnt", "whant", "wamt"], "want"),
    **dict.fromkeys(["gonna", "gunna", "gona", "gna"], "going to"),
    "gotta": "got to",
    "tryna": "trying to",
    **dict.fromkeys(["imma", "ima"], "i am going to"),
    "kinda": "kind of",
    "u": "you",
    "ur": "your",
    "r": "are",
    "b": "be",
    "n": "and",
    "2": "to",
    **dict.fromkeys(["cuz", "coz", "cos", "bc", "bcos", "becuz"], "because"),
    "ppl": "people",
    **dict.fromkeys(["every1", "evry1", "evryone", "everyon"], "everyone"),
    **dict.fromkeys(["some1", "sum1"], "someone"),
    **dict.fromkeys(["no1", "noone", "nobdy"], "no one"),
    "any1": "anyone",
    "anymore": "any more",
    **dict.fromkeys(["tmrw", "tmr", "tmrow", "2moro", "2morrow", "tomoz", "tomorow"], "tomorrow"),
    **dict.fromkeys(["2nite", "2night", "tonite"], "tonight"),
    "abt": "about",
    **dict.fromkeys(["wud", "wld"], "would"),
    **dict.fromkeys(["cud", "cld"], "could"),
    "shud": "should",
    "goin": "going",
    "livin": "living",
    "nothin": "nothing",
    "somethin": "something",
    "bein": "being",
    "doin": "doing",
    "hurtin": "hurting",
    "cuttin": "cutting",
    "killin": "killing",
    "burnin": "burning",
    "dyin": "dying",
    "tryin": "trying",
    "rn": "right now",
    "idk": "i do not know",
    "dunno": "do not know",
    "alot": "a lot",
    **dict.fromkeys(["wat", "wot"], "what"),
    "wiv": "with",
    "bf": "boyfriend",
    "gf": "girlfriend",
    **dict.fromkeys(["hubby", "hubs"], "husband"),
    "ded": "dead",
    # self-harm, suicide and overdose shorthand and misspellings
    "kms": "kill myself",
    "kmsl": "killing myself laughing",
    **dict.fromkeys(
        ["myslef", "mysef", "myslf", "myseld", "mysel", "meself", "mesen", "miself", "misself"], "myself"
    ),
    **dict.fromkeys(["sewerslide", "suecide"], "suicide"),
    **dict.fromkeys(["od", "o.d"], "overdose"),
    **dict.fromkeys(["od'd", "od'ed", "oded", "odd'd"], "overdosed"),
    **dict.fromkeys(["od'ing", "oding", "odding"], "overdosing"),
    **dict.fromkeys(["pils", "pilss"], "pills"),
    **dict.fromkeys(["tabs", "tablits", "tablests", "tablet's"], "tablets"),
    "medz": "meds",
}
_WORD = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*'?")
# Number look-alikes inside words that also hold letters ("su1c1de", "k1ll").
_LEET = str.maketrans({"1": "i", "3": "e", "0": "o", "4": "a", "5": "s", "@": "a", "$": "s"})
_MIXED = re.compile(r"\b(?=[a-z@$]*[0-9])(?=[0-9@$]*[a-z])[a-z0-9@$]+\b")


def normalise(text):
    """The text as the patterns read it: see the module docstring."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = re.sub(r"(?<=\w)\*+(?=\w)", "", text)  # s*icide, self h*rm
    text = _WORD.sub(lambda m: _WORDS.get(m.group(), m.group()), text)
    text = _MIXED.sub(lambda m: m.group().translate(_LEET), text)
    text = text.replace("'", "")
    text = re.sub(r"[^\w\s.,!?;:]|_", " ", text)
    return " ".join(text.split())


# --- signals ----------------------------------------------------------------------------------------------


def unless(words):
    """A negative lookahead: not when the next words are one of these ("|"-separated, whole words only)."""
    return rf"(?! (?:{words})\b)"


ME = r"my ?self"
ANY_MORE = r"(?:any|no) (?:more|longer)"  # "can't do this no more" too
END = r"(?=\s*(?:[.!?,;:]|$))"  # at the end of a sentence
PERSON = (
    r"(?:he|she|they|someone|somebody|partner|husband|wife|boyfriend|girlfriend|ex|dad|father|step ?dad"
    r"|step ?father|mum|mother|brother|sister|son|daughter|uncle|man|men|guy|people|gang|landlord|dealer"
    r"|neighbour|family)"
)
PILLS = (
    r"(?:pills?|tablets?|meds|medication|medicines?|paracet\w*|painkillers?|antidepressants?|co ?codamol"
    r"|codeine|tramadol|ibuprofen|aspirin|capsules|insulin|sertraline|citalopram|fluoxetine|mirtazapine"
    r"|diazepam|zopiclone|lithium|quetiapine|amitriptyline|propranolol)"
)
LOTS = (
    r"(?:all|whole|entire|full|lot|lots|load|loads|handful|handfuls|too many|too much|packets?|packs?|box"
    r"|boxes|bottles?|strips?|rest|every|extra|double|triple|\d{2,}|twenty|thirty|forty|fifty|hundred"
    r"|dozens?|bunch|stash)"
)
# Ordinary accidents after "cut/burnt/hurt myself", which are not self-harm.
NOT_ACCIDENT = unless(
    "laughing|with laughter|shaving|cooking|chopping|gardening|ironing|lifting|playing"
    "|running|falling|by accident|accidentally|on (?:a|an|the|some)|at (?:the )?(?:gym|work)"
    "|in (?:a|the) (?:fall|accident|garden|kitchen)|when i (?:fell|slipped|tripped)|fell"
    "|slipped|tripped"
)
# Where "I don't feel safe" is about going out or groups (anxiety), not danger at home.
NOT_OUTINGS = unless(
    "going|to go|in (?:groups|crowds|public)|on (?:the )?(?:bus|buses|train)|driving|walking"
    r"|out|to (?!go home|go back home|be (?:at )?home|stay|be here)\w+"
)

# (kind, name, pattern). kind is one of KINDS; name says what it catches, in a few words.
KINDS = ("suicidal thoughts", "self-harm", "danger", "overdose")
SIGNALS = [
    # --- thoughts of ending one's life ---
    # suicide, suicidal and misspellings (sucidal, suisidal, su1c1de, s*icide); not subside, succeed, ssid
    ("suicidal thoughts", "suicide", r"\bs(?:u[i1]?|[i1])[cs][i1]?d\w*"),
    # "unalive", "unaliving myself" (social-media euphemism); "ctb" (catch the bus)
    ("suicidal thoughts", "unalive", r"\bunaliv\w*|\bctb\b"),
    # kill/hang/drown/top/off/end myself; not "killing myself laughing", "shot myself in the foot"
    (
        "suicidal thoughts",
        "kill myself",
        r"\b(?:kill?|killing|killed|hang|hanging|hanged|drown|drowning|shoot|shooting|shot|gas|gassing|stab"
        rf"|stabbing|suffocat\w*|electrocut\w*|end|ending|off|offing|top|topping) {ME}\b"
        + unless(
            "laughing|with laughter|in the foot|up|in (?:work|paperwork)|with work|at work|trying|working"
        )
        + rf"|\bdo {ME} in\b",
    ),
    # how to kill yourself, ways to die (searches for a method)
    (
        "suicidal thoughts",
        "searching for a method",
        r"\bhow (?:to|do you|do i|can i|would i) (?:kill|hang|drown|poison|gas|suffocate) (?:yourself|myself"
        r"|your ?self)\b|\b(?:painless|quick|quickest|easiest|best|easy|surest) (?:ways?|methods?) to (?:die"
        r"|go|end it|kill)\b|\b(?:ways|methods) (?:to|of) (?:die|dying|kill myself|killing myself|end it"
        r"|ending it|end my life|suicide)\b",
    ),
    # throwing oneself off / in front of something, jumping off a bridge, stepping in front of a train
    (
        "suicidal thoughts",
        "jump or step in front",
        rf"\bthrow\w* {ME} (?:off|in front of|under|from|out of)"
        r"|\bjump\w* (?:off|from|in front of|under) (?:a |the |this |that )?(?:bridge|building|roof|cliff"
        r"|train|car park|multi ?storey\w*|balcony|window|lorry|bus|tower)|\b(?:step|stepping|walk|walking"
        r"|lie|lying|lay|laying) (?:out )?(?:in front of|under) (?:a |the )?(?:train|bus|lorry|car|truck"
        r"|traffic)",
    ),
    # I'm going to jump; not "going to jump in the pool", "jump to conclusions", "jump ship"
    (
        "suicidal thoughts",
        "going to jump",
        r"\b(?:i am|i will|going to|want to|about to|i could|ready to|thinking of|thinking about"
        r"|urge to) (?:just )?jump(?:ing)?\b"
        + unless(
            "in|into|on|at|ship|the queue|to|through|up|for|ahead|around|out of bed|back|right|over"
            "|off the sofa|with|straight|aboard"
        ),
    ),
    # standing on a bridge, a ledge, the roof, the tracks
    (
        "suicidal thoughts",
        "at a high place",
        r"\b(?:standing|stood|sitting|sat|i am|am) (?:on|at) (?:the |a )?(?:edge of (?:the |a )?)?(?:bridge"
        r"|ledge|roof|cliff|cliff edge|railway|train tracks|tracks|platform edge)\b",
    ),
    # a noose, a ligature, having bought a rope
    (
        "suicidal thoughts",
        "rope",
        r"\bnoose|\bligature|\b(?:bought|buy|buying|got|have|found|tied|tie|tying) (?:a |the |some )?rope\b",
    ),
    # end my life / end it all / end things / end everything; not "end things with him", "end of life care"
    (
        "suicidal thoughts",
        "end my life",
        r"\bend(?:ing|ed)? (?:my (?:own )?life|it all|everything\b"
        + unless("with|between")
        + r"|things\b"
        + unless("with|between|at|in|off|on|for|there|here")
        + ")",
    ),
    # want to / going to / tempted to end it; not "end it with my boyfriend"
    (
        "suicidal thoughts",
        "end it",
        r"\b(?:want|wanted|wanting|going|plan\w*|ready|decided|tempted|about|try|trying|tried|need"
        r"|just) to end it\b"
        + unless("with|between|at|off|there|for")
        + r"|\bwish i could end it\b|\bend(?:ing)? it (?:tonight|today|now|soon|this weekend)\b",
    ),
    # thinking about ending it, about not being here, about jumping
    (
        "suicidal thoughts",
        "thinking of ending it",
        r"\b(?:thinking|think|thought|thoughts|dream\w*) (?:about|of) (?:ending it|ending (?:my|it|things)"
        r"|killing myself|taking my (?:own )?life|not being (?:here|alive|around)|not waking|being dead"
        r"|jumping|overdos\w*|hanging)",
    ),
    # thinking about death all the time; not "a death cafe, for thinking about death"
    (
        "suicidal thoughts",
        "thinking about death constantly",
        r"\b(?:keep|constantly|always|obsess\w*|can not stop) (?:thinking|think) (?:about|of) (?:death|dying"
        r"|being dead)|\b(?:thinking|think) (?:about|of) (?:death|dying) (?:all the time|a lot|constantly"
        r"|every day|every night)",
    ),
    # take my own life; not "take my life back", "taking my life in a new direction"
    (
        "suicidal thoughts",
        "take my life",
        r"\b(?:take|taking|took|taken) my (?:own )?life\b"
        + unless("back|in|into|forward|seriously|for granted|one day|day by day|step|to|off|and"),
    ),
    # want to die, wanna die, hope I die; not "I don't want to die" (fear of dying, e.g. with an illness)
    (
        "suicidal thoughts",
        "want to die",
        r"(?<!not )(?<!never )\b(?:want|wanted|wanting|wish|ready|deserve|deserved|prepared|hope|hoping|pray"
        r"|praying) (?:to |i could |i would |i )?(?:just |really |simply )?(?:die|be dead)\b|\bwish (?:i"
        r"|i had) (?:was|were|could be|had been|would be|could just be) dead|\b(?:rather"
        r"|better off) (?:be )?dead\b|\bshould (?:just )?(?:die|be dead)\b|\blet me die\b",
    ),
    # don't want to live / be alive / be here / wake up
    (
        "suicidal thoughts",
        "don't want to live",
        r"\b(?:do not|does not|no longer|not|never) (?:want|wish) to (?:live|be alive|be here|exist|go on"
        + unless("a|an|the|holiday|my|our|that|this|about")
        + r"|carry on"
        + unless("at|a|the|my|our")
        + r"|wake up|keep going|keep living|be around)\b"
        rf"|\b(?:do not|no longer) want to (?:do this|keep doing this|carry on like this) {ANY_MORE}",
    ),
    # no point going on / no reason to live / what's the point of living; not "no point going on about it"
    (
        "suicidal thoughts",
        "no point going on",
        r"\b(?:no|what is the|any|is there a|not any|little|zero) (?:point|reason"
        r"|purpose) (?:for me )?(?:in |of |to |for )?(?:going on|carrying on|keeping going|living"
        r"|being alive|being here|staying alive|me being here|existing|life|live|go on|carry on|stay alive"
        r"|be here|anything|it all|trying any more|any of (?:it|this))\b"
        + unless("about|at|with|the|a|to (?:the|a)|insurance")
        + rf"|\b(?:do not|can not) see (?:the|any) point (?:{ANY_MORE}|in (?:anything|living|life|going on"
        rf"|it all|carrying on|being here))|\b(?:do not|can not) see (?:the|any) point{END}"
        rf"|\b(?:no|is there any) point {ANY_MORE}\b",
    ),
    # nothing to live for, life isn't worth living
    (
        "suicidal thoughts",
        "nothing to live for",
        r"\bnothing (?:left )?(?:to live for|to stay (?:alive )?for|worth living for)|\blife (?:is not"
        r"|is no longer|aint) worth (?:living|it)|\bnot worth (?:living|being alive|being here)",
    ),
    # can't go on / can't carry on / can't live like this; not "can't go on holiday", "can't go on my own"
    (
        "suicidal thoughts",
        "can't go on",
        r"\bcan (?:not|no longer) (?:go on|carry on|keep going|keep living|live)\b"
        + unless(
            "a|an|the|my|our|his|her|their|holidays?|trips?|courses?|outings?|walks?|medication|meds"
            "|buses|trains|planes|rides?|tours?|cruises?|strike|(?:mon|tues|wednes|thurs|fri|satur"
            "|sun)days?|weekends?|weekdays|about|at|to|in|on|without|with (?:the|my|our|a|an|his|her"
            r"|their|your) \w+|there|alone|by myself|near|off|far|nearby"
        ),
    ),
    # can't do this / cope / take it any more; not "I can't cope" alone, not "can't do this job any more"
    (
        "suicidal thoughts",
        "can't do this any more",
        r"\bcan not (?:do|take|handle|cope with|stand|bear|face|deal with|manage|keep doing|live with"
        r"|live like) (?:this|it|life|any of (?:this|it)|everything|myself|me|living)"
        rf"(?: (?:on my own|alone|now|again|like this|at all|really|honestly))? {ANY_MORE}"
        rf"|\bcan not (?:cope|go on|carry on|keep going|function|fight|fight (?:it|this)|live)"
        rf"(?: (?:like this|on my own|alone|now|at all))? {ANY_MORE}"
        r"|\bcan no longer (?:cope|do this|take it|take this|keep going|fight|function)\b"
        rf"|\bcan not take (?:any|much) more(?=\s*(?:[.!?,;:]|$|i |please))"
        rf"|\bi (?:just |really )?can not {ANY_MORE}\b"
        r"|\bcan not (?:face|do|take|handle|bear) another day\b"
        + unless("at|of|in|with|on")
        + r"|\bhad enough of (?:life|living|everything|it all|being alive)\b",
    ),
    # everyone would be better off without me / happier if I was gone / glad if I died
    (
        "suicidal thoughts",
        "better off without me",
        r"\b(?:better|happier|easier)(?: off)? without me\b|\b(?:better|happier|easier|fine|relieved|glad"
        r"|pleased)(?: off)?(?: \w+){0,3}? (?:if|when|once) i (?:just |simply )?(?:(?:am|was|were|had"
        r"|have) (?:gone|dead|not here|not around|no longer here|never born)|disappeared|died|did not exist"
        r"|was not here|killed myself)\b|\b(?:everyone|everybody|they|my family|my kids|the world"
        r"|people) (?:would"
        rf"|will) be better off{END}",
    ),
    # nobody would notice / miss me if I was gone
    (
        "suicidal thoughts",
        "nobody would miss me",
        r"\b(?:no one|nobody|none of them|anyone) (?:would|will|is going to)(?: even| ever)? (?:notice|care"
        r"|miss me)(?: \w+){0,2}? (?:if|when|once) i (?:am|was|were|have|had|died|disappeared|left|went"
        r"|killed)|\b(?:no one|nobody) (?:would|will)(?: even| ever)? miss me\b|\b(?:no one|nobody) (?:cares"
        r"|would care|will care|gives a \w+) (?:if|whether) i (?:live|die|am alive|am dead|died|was dead)\b",
    ),
    # I just want it all to stop / make it stop; not "I want the ringing to stop", "want it to stop raining"
    (
        "suicidal thoughts",
        "want it all to stop",
        r"\b(?:want|wanted|need|make) (?:it all|everything|all of (?:it|this)|it|this|all this|life"
        r"|the world|the pain|this pain|all the pain) (?:to )?(?:just |all )?(?:stop|end|be over)\b"
        + unless("raining|ringing|snowing|being")
        + r"|\bwish (?:it|it all|everything|this|all this|life) (?:would|could) (?:all |just )?"
        r"(?:stop|end|be over)\b",
    ),
    # I want out (of life); not "I want out of this contract"
    (
        "suicidal thoughts",
        "want out",
        rf"\bi (?:just |really )?want out{END}|\bwant out of (?:life|this life|everything|it all"
        r"|this world)\b",
    ),
    # go to sleep and not wake up / hope I don't wake up / sleep forever
    (
        "suicidal thoughts",
        "sleep and not wake up",
        r"\b(?:sleep|asleep|close my eyes)(?: and| forever| for ever)?(?: just| then)? (?:and )?(?:not"
        r"|never) (?:to )?wake\b|\b(?:want|wish|hope|hoping|pray|praying|rather)(?: that)?(?: i"
        r"| to)?(?: would| could| did| do| will)? (?:not|never) (?:to )?wake up\b|\b(?:want|wish"
        r"|just want) (?:to |i could )?(?:go to )?sleep (?:forever|for ever|and never)",
    ),
    # tired of living / sick of life / so done with everything; not "tired of life as a carer"
    (
        "suicidal thoughts",
        "tired of living",
        r"\b(?:tired|sick|weary|fed up|done|finished) (?:of|with) (?:living|life|being alive|existing"
        r"|being here|this life|my life)\b"
        + unless(
            r"insurance|coach\w*|skills|story|stories|as|at|in|on|here|with|being|revolving|round|around"
        )
        + r"|\b(?:giving|given|gave|give) up on (?:life|living|myself)\b"
        r"|\b(?:lost|losing|lose|no|have no) (?:the |all )?will to live\b|\bend (?:the|this"
        r"|my) pain (?:for good|forever|for ever|permanently)|\bend it (?:for good|forever)\b|\b(?:so |just "
        r"|completely )done with (?:it all|everything)\b" + unless("on|in|for|at|that|the|to do"),
    ),
    # saying goodbye to people / said my goodbyes / this is goodbye
    (
        "suicidal thoughts",
        "saying goodbye",
        r"\b(?:saying|said|say) goodbyes? (?:to )?(?:people|everyone|everybody|friends|my friends|family"
        r"|my family|the world|loved ones|you all|all of you)\b|\b(?:saying|said) my goodbyes\b"
        r"|\bthis is (?:my )?(?:goodbye|final goodbye|last message|farewell)\b|\bgoodbye (?:forever|world"
        r"|cruel world)\b",
    ),
    # written letters to my family / a suicide note / I've written a note; not "a letter to my mum who died"
    (
        "suicidal thoughts",
        "goodbye letters",
        r"\b(?:writ\w*|wrote|prepared|finished|left) (?:some |my |the |all |goodbye |farewell |final |last "
        r"|a )*(?:letters|notes|note) (?:to|for) (?:all |each of )?(?:my |the )?(?:family|kids|children"
        r"|loved ones|partner|wife|husband|mum|dad|parents|friends|everyone|everybody|son|daughter"
        r"|people i love)\b|\b(?:suicide|goodbye|farewell) (?:note|letter)s?\b|\b(?:written|wrote|left) (?:a"
        r"|my) (?:last |final )?note\b" + unless("to|for|in|on|about|of|book|pad|saying i"),
    ),
    # giving away my things
    (
        "suicidal thoughts",
        "giving things away",
        r"\bgiv\w* away (?:all )?(?:of )?my (?:things|stuff|belongings|possessions|pets?|cat|dog|clothes"
        r"|books|money)\b|\bsorting out who (?:gets|will get|has) my\b",
    ),
    # I won't be here much longer / I'll be gone soon; not "my mum won't be here much longer"
    (
        "suicidal thoughts",
        "won't be here",
        r"\bi (?:will not|am not going to|might not|may not|probably will not|do not think i will"
        r"|will no longer) be (?:here|around)(?: for)? (?:much longer|long|tomorrow|by tomorrow|by morning"
        r"|by the weekend|any (?:more|longer)|after tonight|soon)\b|\bi (?:will not|am not going to"
        r"|might not|may not|probably will not|do not think i will) be alive\b|\bi will be gone (?:soon|by"
        r"|before|tomorrow)\b",
    ),
    # I'm a burden / feel like a burden; not "I don't want to be a burden", "carer burden"
    (
        "suicidal thoughts",
        "burden",
        r"(?<!not )(?<!want to )\b(?:am|feel|feeling|felt|being|become|becoming|became)(?: like)?(?: i am"
        r"| i have become| i have been)?(?: such| just| only| nothing but| always| a massive| a huge"
        r"| a complete| so much of)?(?: a| such a)? burden\b|\b(?:worthless|useless|pathetic|nothing"
        r"|horrible|awful) and (?:a|such a|just a) burden\b|\bi am (?:such |just |only )?a waste of (?:space"
        r"|oxygen|air|a life)\b|\bsoon i will not be (?:a problem|a burden|a bother|here|around)\b"
        r"|\bi will not be a (?:problem|burden|bother|nuisance) (?:to|for) (?:anyone|anybody|everyone|you"
        r"|any of you"
        rf"|them) (?:for )?(?:much longer|long|soon|{ANY_MORE})",
    ),
    # planning how I'd do it / have a plan to end it / know how I'll do it / pills ready
    (
        "suicidal thoughts",
        "a plan",
        r"\bplan\w*(?: out)? (?:how|when|where|the way|a way|the best way) (?:i would|i will|i am going to"
        r"|i could|i can|i might|to)\b(?: \w+){0,3}? (?:do it|end it|end my|die|kill|take my|jump"
        r"|overdose)\b|\b(?:have|got|made|make|making) (?:a|the|my) plan (?:to|for (?:how|when)) (?:end|kill"
        r"|die|take my|do it|go through)|\b(?:know|decided|chosen|picked|worked out) (?:how|when"
        r"|where) (?:i will|i am going to|i would|to)(?: \w+)? (?:do it|end it|die|kill myself|end my life)",
    ),
    # I might do something stupid / scared I'll do something silly
    (
        "suicidal thoughts",
        "do something stupid",
        r"\b(?:might|may|will|going to|could|afraid i will|scared i will|worried i will|tempted to|about to"
        r"|want to|urge to) (?:do|try) something (?:stupid|silly|drastic|daft)\b",
    ),
    # want to disappear / wish I could not exist / wish I'd never been born; not "disappear for a while"
    (
        "suicidal thoughts",
        "disappear",
        r"\b(?:want|just want) to (?:just )?(?:disappear|vanish|not exist|stop existing|cease to exist"
        r"|fade away)\b"
        + unless("for a (?:bit|while|weekend|few)|on holiday|to")
        + r"|\bwish i (?:could )?(?:just )?(?:disappear|not exist|did not exist|had never been born"
        r"|was never born|was not born|were never born|never existed|would never (?:have )?been born)",
    ),
    # don't deserve to live / shouldn't be alive
    (
        "suicidal thoughts",
        "don't deserve to live",
        r"\b(?:do not|not|never) deserve to (?:live|be alive|be here|exist)\b|\bdeserve to die\b"
        r"|\bshould not (?:be alive|exist|have been born)\b",
    ),
    # no way out / can't see a future; not "no way out of debt"
    (
        "suicidal thoughts",
        "no way out",
        r"\bno (?:other )?way out\b"
        + unless("of|from")
        + r"|\bcan not see (?:a way out|any way out|a future|any future|the point)",
    ),
    # someone else at risk now: my son says he wants to die, she is threatening to kill herself;
    # not "my brother killed himself" (a bereavement)
    (
        "suicidal thoughts",
        "someone else at risk",
        r"\b(?:he|she|they|friend|son|daughter|partner|husband|wife|boyfriend|girlfriend|dad|mum|brother"
        r"|sister|child|kid|teenager)\b(?: \w+){0,3}? (?:wants|want|wanted|is going|are going|is trying"
        r"|tried|has tried|threaten\w*|keeps threatening|is threatening) to (?:die|kill (?:himself|herself"
        r"|themselves|themself)|end (?:his|her|their) (?:own )?life|end it all|take (?:his|her"
        r"|their) (?:own )?life|hurt (?:himself|herself|themselves)|harm (?:himself|herself|themselves))\b"
        r"|\b(?:talking|talks|keeps talking|talked|saying|says|keeps saying) (?:about )?(?:killing|hurting"
        r"|harming|hanging) (?:himself|herself|themselves|themself)\b",
    ),
    # --- self-harm ---
    # self-harm, selfharm, self-injury, "sh" used as shorthand (sh urges, relapsed on sh), a bare "cutting"
    (
        "self-harm",
        "self-harm",
        r"\bself ?(?:harm|injur|mutilat|hurt)\w*|\bsh (?:urges?|relapse\w*|again|scars?|wounds?|cuts?)\b"
        r"|\b(?:relaps\w*|urges?|clean|free) (?:on |with |from |to |into )?sh\b|^cutting$",
    ),
    # hurting / cutting / burning myself; not "cut myself shaving", "burnt myself on the oven"
    (
        "self-harm",
        "hurt myself",
        r"(?<!accidentally )\b(?:hurt|hurts|hurting|harm|harms|harming|harmed|injur\w*|cut|cuts|cutting|slit"
        rf"|slitting|slash\w*|burn|burns|burnt|burned|burning|hit|hits|hitting|punch\w*|scald\w*) {ME}\b"
        + NOT_ACCIDENT,
    ),
    # cutting my arms / slit my wrists / burning my legs / I cut again last night / arms covered in cuts
    (
        "self-harm",
        "cuts",
        r"(?<!accidentally )\b(?:cut|cuts|cutting|slit|slitting|slash\w*|carv\w*|burn|burning|burnt) (?:my "
        r"|into my |on my )?(?:wrists?|arms?|legs?|thighs?|skin|stomach|body)\b"
        + NOT_ACCIDENT
        + r"|\b(?:i|i have|i just|just) cut (?:again|last night|tonight|deep|deeper|too deep)\b"
        r"|\b(?:arms?|wrists?|legs?|thighs?|body|skin|stomach) (?:is |are )?(?:covered in|full of) (?:cuts"
        r"|scars|burns)\b|\bcuts (?:on|all over) my (?:arms?|wrists?|legs?|thighs?|body|stomach)\b"
        r"|\b(?:until|till|til) (?:i|it|they|my \w+) (?:bleed|bleeds|bled)\b|\bpunch\w* (?:the )?walls?\b",
    ),
    # relapsed on cutting / urges to cut; not "urge to cut my hair", "tempted to cut down"
    (
        "self-harm",
        "relapse or urges",
        r"\b(?:relaps\w*|urges?|urged|tempted|craving|cravings|clean|free) (?:on |with |from |to |into "
        r"|back into )?(?:cutting|cut|self harm\w*|burning|burn|hurt(?:ing)? myself|harm(?:ing)? myself)\b"
        + unless("my hair|hair|down|back|costs|corners|ties|out|the|it|off|up"),
    ),
    # cutting again / been cutting; not "been cutting down on sugar", "cutting my hair"
    (
        "self-harm",
        "cutting again",
        r"\b(?:cutting|burning|hurting myself|self harming) again\b|\b(?:been|started|start|keep|kept"
        r"|back to|going to|stop|stopped|stopping) cutting\b"
        + unless(
            "down|back|out|corners|costs|ties|up|off|the|my hair|hair|grass|it|class|classes|school"
            "|things|contact|him|her|them|people|sugar|carbs|his|their|our|paper|wood|fabric|hedges?"
        ),
    ),
    # --- being in danger now ---
    # he said he'd kill me / she's going to hurt me; not "my wife will kill me if I buy another bike"
    (
        "danger",
        "threatened with harm",
        rf"\b{PERSON}\b(?: \w+){{0,4}}? (?:is |are |was |were |has |have )?(?:going to|will|would|might"
        r"|wants? to|tried to|trying to|try to|threaten\w* to|swore to|promised to|is about to|about to"
        r"|said (?:he|she|they) (?:would|will|is going to|was going to|were going to"
        r"|are going to))(?: \w+)? (?:(?:kill|hurt|harm|stab|shoot|strangle|choke|beat|batter|attack|rape"
        r"|burn|smash|hit) me\b"
        + unless("up")
        + r"|get me\b"
        + unless("down|a|an|some|to|into|out|home|on|in|there|up|started|off|the")
        + ")"
        + unless(
            "(?:if|when) i (?:buy|bought|spend|spent|forget|forgot|am late|miss|missed|eat|ate|break"
            "|broke|lose|lost|do not (?:tidy|clean|finish))"
        ),
    ),
    # he hits me / my partner strangled me / he's got a knife; not "my dad beat me at chess"
    (
        "danger",
        "being hurt",
        rf"\b{PERSON}\b(?: \w+){{0,2}}? (?:hits|hit|beats|beat|is beating|kicks|kicked|punches|punched|slaps"
        r"|slapped|strangled|strangles|strangling|choked|chokes|choking|raped|rapes|abuses|abused|is abusing"
        r"|batters|battered|attacked|attacks|hurts|is hurting|keeps hurting|keeps hitting|stabbed|pushed"
        r"|shoved|burned|burnt|hitting|kicking|punching|slapping|attacking|beating|hurting|choking"
        r"|strangling|threatening) me\b"
        + unless("at|in|to|by|up|off|back|with (?:the|a) (?:score|goal)")
        + r"|\b(?:i was|i have been|i got|just been|been)"
        r" (?:raped|sexually assaulted|attacked|assaulted|stabbed|beaten up) (?:last night|tonight|today"
        r"|earlier|just now|this (?:morning|evening|afternoon))"
        rf"|\b{PERSON} (?:has|has got|is got|got|is holding|is waving|pulled|pulled out|came at me with"
        r"|grabbed) (?:a |his |her |their )?(?:knife|gun|weapon|blade|machete)\b"
        + unless("collection|block|set|sharpener|licen[cs]e|club|for (?:work|his|her|cooking)")
        + r"|\b(?:knife|gun|blade) (?:to|at|against) my (?:throat|neck|head|chest)\b",
    ),
    # someone is threatening me / death threats; not "threatening to leave me", "threatened with eviction"
    (
        "danger",
        "threats",
        r"\bthreat(?:en|ens|ened|ening)(?: \w+)? (?:me|my life|my safety|my kids|my children|my family)\b"
        r"|\bthreat\w* to (?:kill|hurt|harm|stab|shoot|burn|beat|attack|get|take) (?:me|us|my|the (?:kids"
        r"|children|baby))\b|\bdeath threats?\b|\bbeing threatened\b|\b(?:feel|feeling|felt) threatened\b",
    ),
    # scared to go home / can't go home; not "too scared to go to a group" (anxiety), "can't go home for Xmas"
    (
        "danger",
        "scared to go home",
        r"\b(?:scared|afraid|frightened|terrified|petrified|fear|fearful) (?:to|of) (?:go|going|be|being"
        r"|stay|staying) (?:back )?(?:home|at home|in the house)\b|\bcan not go (?:back )?home\b"
        + unless("for|until|till|on|today|yet|because of the|early|this|at|to"),
    ),
    # scared of him / of my husband / that he'll come back / hiding from him; fear for my life
    (
        "danger",
        "scared of someone",
        r"\b(?:scared|afraid|frightened|terrified|petrified) (?:of (?:him|her|them|my (?:partner|husband"
        r"|wife|boyfriend|girlfriend|ex|dad|father|stepdad|step dad|stepfather|mum|mother|brother|son))"
        r"|(?:of )?what (?:he|she|they) (?:will|would|might|is going to|are going to|could) do)\b"
        + unless("dying|getting|being|leaving|finding|knowing|thinks?|will think|would think|might think")
        + r"|\b(?:fear|fearing|scared|afraid|frightened|terrified) for (?:my|our) (?:life|lives|safety)\b"
        r"|\b(?:scared|afraid|frightened|terrified|petrified) (?:that )?(?:he|she|they|my ex) (?:is|are|will"
        r"|would|might)(?: going to)? (?:come back|find me|find us|hurt|kill|get me|get us|break in)\b"
        r"|\b(?:hiding|hidden|locked myself) (?:in|from) (?:the |my )?(?:bathroom|bedroom|toilet|cupboard"
        r"|wardrobe|him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|father|stepdad))\b",
    ),
    # I'm not safe at home / I don't feel safe; not "I don't feel safe going out" (anxiety)
    (
        "danger",
        "not safe",
        r"\b(?:i|we|me|us|my (?:kids|children|child|son|daughter|baby))(?: am| are| is| do| does| feel"
        r"| just)? (?:not|no longer|never) (?:feel |feeling )?safe\b"
        + NOT_OUTINGS
        + r"|\b(?:not |un)safe (?:at home|in (?:my|our|the) (?:own )?(?:home|house|flat)|with (?:him|her|them"
        r"|my (?:partner|husband|wife|boyfriend|girlfriend|dad|mum|ex)))"
        r"|\b(?:feel|feeling|felt|i am) unsafe\b" + NOT_OUTINGS,
    ),
    # he's outside the door / someone is following me / trying to get in
    (
        "danger",
        "someone outside",
        r"\b(?:he|she|they|someone|somebody|my ex|ex|a man|men|people|partner|husband|boyfriend)(?: is| are"
        r"| has been| keeps| was)? (?:outside (?:the |my |our )?(?:door|house|flat|window|home|work)"
        r"|banging on (?:the |my |our )?(?:door|window)|trying to (?:get|break|force (?:his|her"
        r"|their) way) in|breaking in|breaking (?:down )?(?:the |my )?door|kicking (?:in |down )?(?:the "
        r"|my )?door|following me|stalking me|watching (?:the|my|our) (?:house|flat|home)|waiting outside)\b"
        r"|\bbeing (?:followed|stalked)\b|\bstalk(?:ing|s)? me\b",
    ),
    # locked me in / won't let me leave
    (
        "danger",
        "trapped",
        r"\b(?:locked|locks|locking|lock) me (?:in|up)\b|\b(?:will not|does not|do not"
        r"|never) let me (?:leave|out of the house|go out of the house|see (?:anyone|my (?:friends"
        r"|family)))\b|\btrapped in (?:the|my|our) (?:house|flat|home|room)\b|\bnowhere safe\b|\b(?:run|ran"
        r"|running) away from home\b",
    ),
    # in danger; not "in danger of losing the house"
    (
        "danger",
        "in danger",
        r"\bin danger\b(?! of (?!(?:being (?:killed|hurt|attacked|harmed)|dying|my life)\b))",
    ),
    # --- overdose, having taken things ---
    # overdose, overdosed, od, od'd
    ("overdose", "overdose", rf"\boverdos\w*|\boverdid it on {PILLS}"),
    # took all my tablets / swallowed a whole packet of pills / going to take all my meds;
    # not "took all my tablets to the pharmacy", "took all her tablets with her on holiday"
    (
        "overdose",
        "took a lot of tablets",
        r"\b(?:took|taken|swallowed|necked|downed|ate|eaten|(?:going to|want to|about to|planning to|plan to"
        r"|thinking (?:about|of)|tempted to|urge to) (?:take|taking|swallow\w*))\b"
        rf"(?: \w+){{0,3}}? {LOTS}\b(?: \w+){{0,4}}? {PILLS}\b"
        + unless(
            "with (?:me|her|him|us|them)|to (?:the|my|a) (?:pharmacy|pharmacist|chemist|doctor|gp"
            "|hospital|surgery|appointment|review)|back|away|out of|off"
        )
        + rf"|\b(?:had|taken|took|swallowed) too many {PILLS}\b|\bi (?:have |have just |just )?taken"
        r" something\b" + unless("for|to help|from"),
    ),
    # how many paracetamol would kill me / a lethal dose
    (
        "overdose",
        "a lethal dose",
        rf"\bhow (?:many|much) {PILLS}(?: \w+){{0,4}}? (?:kill|fatal|lethal|to die|overdose|would it take"
        r"|does it take|it takes)|\b(?:lethal|fatal|deadly) (?:dose|amount)\b",
    ),
    # pills ready / a bottle of pills in front of me; not "pills ready for the week"
    (
        "overdose",
        "pills ready",
        r"\b(?:got|have|put|lined up|laid out|counted out|counting out) (?:the |my |all the |all my )?"
        rf"{PILLS} (?:ready|out|lined up|in front of me|next to me)\b"
        + unless("for")
        + rf"|\b(?:bottle|packet|box|pile|handful|stash) of {PILLS} (?:in front of me|next to me|ready"
        r"|in my hand)\b",
    ),
    # pills all at once / pills with vodka / drank and took my pills
    (
        "overdose",
        "pills at once or with drink",
        rf"\b{PILLS} (?:all )?(?:at once|in one go|all together"
        r"|with (?:a bottle of |some |loads of )?(?:vodka|alcohol|wine|whisky|booze|drink))\b|\b(?:drank"
        r"|drunk|drinking|had|downed) (?:a bottle of |loads of |lots of |a load of )?(?:vodka|alcohol|wine"
        r"|whisky|booze|gin|drink) and (?:took|taken|swallowed|necked)"
        rf" (?:my |all my |some |the )?{PILLS}"
        rf"|\b(?:took|taken|swallowed|necked) (?:my |all my |some |the )?{PILLS} (?:and|with)"
        r" (?:drank|drunk|downed|a bottle of|loads of|vodka|alcohol|wine|whisky|booze|gin)\b",
    ),
    # stockpiling / saving up my tablets
    (
        "overdose",
        "stockpiling tablets",
        rf"\b(?:stockpil\w*|hoard\w*|saving up|saved up|collecting|stashing) (?:my |all my |some |a lot of"
        rf" |loads of )?{PILLS}",
    ),
    # drank bleach / poisoning myself
    (
        "overdose",
        "poison",
        r"\b(?:drank|drunk|drink|drinking|swallowed|swallow|took|taken) (?:some |a bottle of |the )?(?:bleach"
        rf"|antifreeze|weed ?killer|poison)\b|\bpoison\w* {ME}",
    ),
]
_COMPILED = [(kind, name, re.compile(pattern)) for kind, name, pattern in SIGNALS]


def crisis_signals(text):
    """Which signals text matches, as "kind: name" strings (empty when none): for tests and the benchmark."""
    if not text:
        return []
    normal = normalise(str(text))
    return [f"{kind}: {name}" for kind, name, pattern in _COMPILED if pattern.search(normal)]


def reads_as_crisis(text):
    """True when text reads like acute distress — thoughts of ending one's life, self-harm, being in danger
    now, an overdose — so crisis help is shown first. Errs towards showing help."""
    if not text:
        return False
    normal = normalise(str(text))
    return any(pattern.search(normal) for _, _, pattern in _COMPILED)


# --- contacts ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _load(path):
    with open(path, encoding="utf-8") as handle:
        contacts = json.load(handle)
    for contact in contacts:
        missing = {"name", "how"} - set(contact)
        if missing:
            raise ValueError(f"Crisis contact {contact!r} in {path} lacks {', '.join(sorted(missing))}")
    return tuple(contacts)


def crisis_contacts():
    """This deployment's crisis contacts, most urgent first: dicts with name, how, href, when, summary."""
    return list(_load(str(settings.CRISIS_CONTACTS_FILE or DEFAULT_CONTACTS)))
