"""Demo data: a realistic, deterministic directory for Nottingham and the towns around it.

`build_plan(n)` works out the whole directory in memory (no database), from random generators with fixed
seeds, so the same `n` always gives the same groups with the same ids, names and structure. Only the dates
that must move with time (a paused group's restart date, when details were last confirmed) are worked out
from today. `load(n)` then clears the previous demo data and writes the plan.

Every demo row's id starts with the same eight hex digits (DEMO_PREFIX) and is otherwise a uuid5 of a name
for the row, so the demo can find and clear its own rows (and only those) however many groups were loaded
last time, and reruns produce identical ids.

Phone numbers come only from Ofcom's ranges reserved for drama (0115 496 0xxx, 07700 900xxx); email
addresses and web addresses of local groups are on example.org. National organisations link to their
real websites.
"""

import random
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from django.utils.text import slugify

from . import seeds

SEED = "twoworlds-demo-nottingham"
DEMO_PREFIX = "de300000"
DEMO_ID_RANGE = (uuid.UUID(DEMO_PREFIX + "0" * 24), uuid.UUID(DEMO_PREFIX + "f" * 24))
SERVICES_LIMIT = 1000  # above this many groups, write in bulk (see write_in_bulk)
FORTNIGHT_ANCHOR = date(2025, 1, 6)  # a Monday: fortnightly meetings count their weeks from here


def demo_id(kind, key):
    """A fixed id for a demo row: uuid5 of its name, with the demo prefix in place of its first 32 bits."""
    name = uuid.uuid5(uuid.NAMESPACE_URL, f"https://twoworlds.example/demo/{kind}/{key}")
    return uuid.UUID(DEMO_PREFIX + name.hex[8:])


# --- places -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    key: str
    town: str
    district: str
    latitude: float
    longitude: float
    sectors: str
    streets: tuple
    weight: int
    county: str = "Nottinghamshire"
    city: bool = True  # inside Nottingham City Council's area


AREAS = [
    Area(
        "nottingham",
        "Nottingham",
        "NG1",
        52.9540,
        -1.1500,
        "1234567",
        (
            "Mansfield Road",
            "Friar Lane",
            "Shakespeare Street",
            "Heathcoat Street",
            "Castle Gate",
            "Goldsmith Street",
        ),
        8,
    ),
    Area(
        "beeston",
        "Beeston",
        "NG9",
        52.9265,
        -1.2160,
        "123456",
        ("Chilwell Road", "High Road", "Station Road", "Wollaton Road", "Foster Avenue", "Middle Street"),
        4,
        city=False,
    ),
    Area(
        "west-bridgford",
        "West Bridgford",
        "NG2",
        52.9300,
        -1.1280,
        "567",
        ("Bridgford Road", "Musters Road", "Central Avenue", "Melton Road", "Rectory Road"),
        4,
        city=False,
    ),
    Area(
        "arnold",
        "Arnold",
        "NG5",
        53.0040,
        -1.1270,
        "678",
        ("Front Street", "High Street", "Worrall Avenue", "Church Street", "Gedling Road"),
        3,
        city=False,
    ),
    Area(
        "carlton",
        "Carlton",
        "NG4",
        52.9660,
        -1.0860,
        "1234",
        ("Carlton Hill", "Station Road", "Burton Road", "Foxhill Road", "Cavendish Road"),
        2,
        city=False,
    ),
    Area(
        "hucknall",
        "Hucknall",
        "NG15",
        53.0380,
        -1.2010,
        "67",
        ("High Street", "Annesley Road", "Watnall Road", "Baker Street", "Station Road"),
        2,
        city=False,
    ),
    Area(
        "clifton",
        "Clifton",
        "NG11",
        52.9050,
        -1.1820,
        "89",
        ("Southchurch Drive", "Farnborough Road", "Green Lane", "Clifton Lane", "Village Road"),
        2,
    ),
    Area(
        "bulwell",
        "Bulwell",
        "NG6",
        53.0010,
        -1.1960,
        "89",
        ("Main Street", "Highbury Road", "Commercial Road", "Squires Avenue", "Coventry Road"),
        3,
    ),
    Area(
        "sneinton",
        "Sneinton",
        "NG2",
        52.9530,
        -1.1330,
        "4",
        ("Sneinton Dale", "Windmill Lane", "Sneinton Boulevard", "Dale Street", "Port Arthur Road"),
        2,
    ),
    Area(
        "radford",
        "Radford",
        "NG7",
        52.9585,
        -1.1775,
        "357",
        ("Ilkeston Road", "Alfreton Road", "Hartley Road", "Norton Street", "Denman Street"),
        3,
    ),
    Area(
        "lenton",
        "Lenton",
        "NG7",
        52.9460,
        -1.1760,
        "12",
        ("Lenton Boulevard", "Derby Road", "Castle Boulevard", "Church Street", "Willoughby Street"),
        2,
    ),
    Area(
        "sherwood",
        "Sherwood",
        "NG5",
        52.9810,
        -1.1470,
        "123",
        ("Mansfield Road", "Haydn Road", "Hucknall Road", "Nottingham Road", "Winchester Street"),
        3,
    ),
    Area(
        "mapperley",
        "Mapperley",
        "NG3",
        52.9810,
        -1.1120,
        "56",
        ("Woodborough Road", "Plains Road", "Porchester Road", "Westdale Lane", "Coppice Road"),
        2,
    ),
    Area(
        "bingham",
        "Bingham",
        "NG13",
        52.9530,
        -0.9520,
        "8",
        ("Market Place", "Long Acre", "Nottingham Road", "Church Street", "Grantham Road"),
        1,
        city=False,
    ),
    Area(
        "long-eaton",
        "Long Eaton",
        "NG10",
        52.8990,
        -1.2710,
        "1234",
        ("Tamworth Road", "Derby Road", "Market Place", "Nottingham Road", "Main Street"),
        2,
        county="Derbyshire",
        city=False,
    ),
    Area(
        "mansfield",
        "Mansfield",
        "NG18",
        53.1410,
        -1.1960,
        "12345",
        ("Westgate", "Nottingham Road", "Chesterfield Road South", "Stockwell Gate", "Ratcliffe Gate"),
        3,
        city=False,
    ),
    Area(
        "newark",
        "Newark",
        "NG24",
        53.0760,
        -0.8080,
        "1234",
        ("London Road", "Balderton Gate", "Appleton Gate", "Lombard Street", "Northgate"),
        2,
        city=False,
    ),
]
AREA = {a.key: a for a in AREAS}
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the last two characters of UK postcodes

SAINTS = [
    "Mary",
    "John",
    "Peter",
    "Paul",
    "Andrew",
    "Michael",
    "Margaret",
    "Anne",
    "James",
    "Luke",
    "Barnabas",
    "Stephen",
    "Martin",
    "Catherine",
    "Leodegarius",
    "Helen",
    "Giles",
    "Thomas",
]
CHURCH_HALLS = [
    "St {saint}'s Church Hall",
    "St {saint}'s Parish Centre",
    "{town} Methodist Church Hall",
    "{town} Baptist Church Rooms",
    "{town} United Reformed Church Hall",
    "Friends Meeting House",
    "St {saint}'s Church Rooms",
]
COMMUNITY = [
    "{town} Community Centre",
    "{street} Community Centre",
    "{town} Village Hall",
    "{town} Community Hub",
    "The Old School Rooms",
    "{town} Cricket Club Pavilion",
    "{town} Methodist Centre",
    "{town} Scout Hut",
    "{town} Family Centre",
    "{town} Civic Centre",
]
HEALTH = [
    "{town} Health Centre",
    "{street} Medical Centre",
    "{town} Primary Care Centre",
    "{town} Wellbeing Centre",
]
LIBRARY = ["{town} Library", "{town} Library Community Room"]
CAFES = [
    "The Teapot Café",
    "Bean & Leaf Café",
    "The Riverside Café",
    "The Hub Café",
    "Café on the Corner",
    "The Garden Room Café",
    "The Old Bakery Café",
    "Cup & Saucer",
]

# Real hospital sites, for professionally led groups and hospital meeting rooms.
HOSPITALS = {
    "qmc": (
        "Queen's Medical Centre",
        "Derby Road",
        "Lenton",
        "NG7 2UH",
        52.9436,
        -1.1857,
        ["Seminar Room 2, B Floor", "Education Centre, A Floor", "Health Information Room, A Floor"],
    ),
    "city": (
        "Nottingham City Hospital",
        "Hucknall Road",
        "Sherwood",
        "NG5 1PB",
        52.9916,
        -1.1573,
        ["Education Centre", "Maggie's-side Meeting Room", "Day Room, Ward 24"],
    ),
    "newark": (
        "Newark Hospital",
        "Boundary Road",
        "Newark",
        "NG24 4DE",
        53.0717,
        -0.8057,
        ["Meeting Room 1"],
    ),
    "mansfield": (
        "Mansfield Community Hospital",
        "Stockwell Gate",
        "Mansfield",
        "NG18 5QJ",
        53.1425,
        -1.2050,
        ["Conference Room"],
    ),
}

ACCESS_NOTES = [
    "Ramp at the side entrance.",
    "The hall is up three steps at the front; use the side door on the left for level access.",
    "Free parking behind the building.",
    "Bus stops right outside.",
    "The meeting room is on the first floor; there is a lift.",
    "Quiet room available if you need a break.",
    "Tram stop a few minutes' walk away.",
    "Limited parking, but plenty on the street nearby.",
]
DIRECTIONS = [
    "Use the side door on {street}; the meeting room is on the left.",
    "Go in by the main entrance and ask at reception.",
    "Follow the signs to the community room at the back of the building.",
    "The entrance is round the back, next to the car park.",
    "We are in the small room upstairs; someone will put a sign on the door.",
]

FIRST_NAMES = [
    "Pat",
    "Jo",
    "Sue",
    "Dave",
    "Margaret",
    "Raj",
    "Ann",
    "Steve",
    "Helen",
    "Kath",
    "Mick",
    "Sam",
    "Bernie",
    "Linda",
    "Gary",
    "Shabana",
    "Julie",
    "Tony",
    "Ewa",
    "Karen",
    "Des",
    "Amina",
    "Chris",
    "Maureen",
    "Paul",
    "Jas",
    "Sandra",
    "Kev",
    "Lorraine",
    "Alan",
    "Nadia",
    "Jean",
    "Ian",
    "Priya",
    "Bev",
    "Colin",
    "Fatima",
    "Wendy",
    "Tom",
    "Marcia",
]

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# (start, end) pairs by time of day; evenings and weekday afternoons are most common.
SLOTS = {
    "morning": [("10:00", "12:00"), ("10:30", "12:00"), ("09:30", "11:30"), ("11:00", "12:30")],
    "lunchtime": [("12:00", "13:00"), ("12:30", "13:30")],
    "afternoon": [("13:30", "15:30"), ("14:00", "16:00"), ("13:00", "15:00"), ("14:30", "16:00")],
    "evening": [
        ("18:30", "20:30"),
        ("19:00", "21:00"),
        ("19:30", "21:00"),
        ("18:00", "19:30"),
        ("19:30", "21:30"),
    ],
}
PART_OF_DAY = {"morning": "Morning", "lunchtime": "Lunchtime", "afternoon": "Afternoon", "evening": "Evening"}


# --- issues -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """How groups about one second-level category talk about themselves."""

    stem: str  # short name used in group names, e.g. "Tinnitus"
    people: str  # who the group is for, e.g. "people living with tinnitus"
    life: str  # the situation in everyday words, e.g. "living with tinnitus"
    share: str  # what members talk about
    names: tuple  # group name patterns; a (pattern, {field: value}) pair sets fields too
    team: str = ""  # for professionally led groups: who runs it, e.g. "the stroke team"
    run_by: str = "nuh"  # which kind of professional body runs those (see PROFESSIONAL_BODIES)
    also: tuple = ()  # further categories every group on this topic gets
    family: bool = False  # family and friends welcome
    carers: bool = False
    affected: bool = True  # for the people affected themselves
    gender: str = "anyone"
    min_age: int | None = None
    max_age: int | None = None
    gendered: bool = False  # some groups are for men only or women only
    fellowship: str = ""  # national fellowship some local groups belong to (a NATIONAL key)
    online_only: bool = False  # people with this condition should not meet in person
    evenings: bool = False
    clinic: str = ""  # what a professionally led group on this topic is called, if not `stem`


def T(stem, people, life, share, names, **extra):
    return Topic(stem, people, life, share, tuple(names), **extra)


TOPICS = {
    # Chronic illness
    "me-cfs": T(
        "ME",
        "people living with ME and chronic fatigue",
        "living with ME",
        "pacing, good days and bad days, benefit forms and explaining ME to family and doctors",
        [
            "{town} ME Support Group",
            "ME Matters {town}",
            "{town} ME & CFS Self-Help Group",
            "Spoonies {town}",
        ],
        family=True,
        clinic="ME and Fatigue",
    ),
    "long-covid": T(
        "Long Covid",
        "people who are still unwell after COVID",
        "living with long COVID",
        "pacing, breathlessness, brain fog, getting back to work and being believed",
        [
            "{town} Long Covid Support Group",
            "Long Covid Peer Support {town}",
            "Still Recovering – {town} Long Covid Group",
        ],
        team="the post-COVID rehabilitation team",
    ),
    "arthritis": T(
        "Arthritis",
        "people living with arthritis",
        "living with arthritis",
        "gadgets that make life easier, gentle exercise, flare-ups and the side effects of tablets",
        [
            "{town} Arthritis Support Group",
            "{town} Arthritis Club",
            "Joint Effort {town}",
            "{town} Rheumatoid Arthritis Group",
        ],
        team="the rheumatology nurses",
    ),
    "diabetes": T(
        "Diabetes",
        "people with type 1 and type 2 diabetes",
        "living with diabetes",
        "food, carb counting, sensors and pumps, and the ups and downs of blood sugar",
        [
            "{town} Diabetes Support Group",
            "{town} Diabetes Self-Help Group",
            "Sugar & Spice {town} Diabetes Group",
            "Type 1 Meet-Up {town}",
        ],
        team="the diabetes specialist nurses",
        family=True,
    ),
    "chronic-pain": T(
        "Chronic Pain",
        "people living with chronic pain and fibromyalgia",
        "living with pain every day",
        "pacing, sleep, flare plans, medication and holding on to the things we enjoy",
        [
            "{town} Chronic Pain Support Group",
            "{town} Fibromyalgia Friends",
            "Pain Pals {town}",
            "{town} Fibro & Chronic Pain Group",
        ],
        team="the pain management team",
    ),
    "bowel-conditions": T(
        "Crohn's & Colitis",
        "people with Crohn's, colitis, IBS or a stoma",
        "living with a bowel condition",
        "flares, food, travelling with confidence, stomas and knowing where the nearest toilet is",
        [
            "{town} Crohn's & Colitis Group",
            "{town} IBD Support Group",
            "{town} Ostomy Support Group",
            "Gut Feelings {town}",
        ],
        team="the IBD nurses",
    ),
    "lung-conditions": T(
        "COPD",
        "people living with COPD and other lung conditions",
        "living with a lung condition",
        "breathing techniques, staying active, oxygen, inhalers and getting through the winter",
        [
            "Breathe Easy {town}",
            "{town} Singing for Lung Health",
            "{town} COPD Support Group",
            "{town} Breathe Better Club",
        ],
        team="the pulmonary rehabilitation team",
        family=True,
        clinic="Lung Health",
    ),
    "heart-conditions": T(
        "Heart Support",
        "people living with a heart condition, and their partners",
        "life after a heart attack or heart surgery",
        "getting our confidence back, exercise, medication and the worry that comes afterwards",
        [
            "{town} Heart Support Group",
            "{town} Cardiac Support Group",
            "Heartbeat {town}",
            "{town} Heart Failure Group",
        ],
        team="the cardiac rehabilitation team",
        family=True,
        clinic="Cardiac",
    ),
    # Disability
    "hearing-loss": T(
        "Hard of Hearing",
        "people who are deaf or losing their hearing",
        "losing your hearing",
        "hearing aids, lipreading, loops, subtitles and coping in noisy places",
        [
            "{town} Hard of Hearing Club",
            "{town} Hearing Loss Support Group",
            "{town} Lipreading & Chat Group",
            "Hear Together {town}",
        ],
        team="the audiology team",
        clinic="Hearing Loss",
    ),
    "sight-loss": T(
        "Sight Loss",
        "blind and partially sighted people",
        "living with sight loss",
        "gadgets and apps, getting about, reading, and keeping our independence",
        [
            "{town} Visually Impaired Social Club",
            "{town} Sight Loss Support Group",
            "{town} Macular Support Group",
            "Eyes Right {town}",
        ],
        team="the eye clinic liaison officers",
    ),
    "autism": T(
        "Autism",
        "autistic adults and families of autistic children",
        "life as an autistic person, or as the parent of an autistic child",
        "diagnosis, school, sensory overload, work and finding our people",
        [
            "{town} Autism Parents' Group",
            "{town} Autistic Adults Meet-Up",
            "Spectrum {town}",
            "{town} Autism Family Support Group",
        ],
        family=True,
    ),
    "adhd": T(
        "ADHD",
        "adults with ADHD (diagnosed or wondering) and parents of children with ADHD",
        "living with ADHD",
        "getting a diagnosis, medication, staying organised and the good bits of how our brains work",
        [
            "{town} ADHD Adults Group",
            "{town} ADHD Parent Support",
            "ADHD Connect {town}",
            "Scattered – {town} ADHD Meet-Up",
        ],
    ),
    "learning-disability": T(
        "Learning Disability",
        "people with a learning disability and their families",
        "living with a learning disability",
        "friendships, speaking up for ourselves, getting out and about and planning ahead",
        [
            "{town} Friends Together Club",
            "{town} Speaking Up Group",
            "{town} Learning Disability Family Group",
            "Our Voice {town}",
        ],
        family=True,
    ),
    "physical-disability": T(
        "Disability",
        "disabled people, wheelchair users and amputees",
        "living with a physical disability",
        "getting about, equipment, benefits, access and keeping active",
        [
            "{town} Disabled People's Group",
            "{town} Amputee Support Group",
            "Wheels & Chat {town}",
            "{town} Spinal Injury Group",
        ],
        team="the limb fitting centre",
        clinic="Amputee",
    ),
    "brain-injury": T(
        "Brain Injury",
        "people with a brain injury and their families",
        "life after a brain injury",
        "memory, fatigue, changes in personality and finding a new normal",
        ["{town} Brain Injury Support Group", "{town} Head Injury Group", "New Directions {town}"],
        team="the neuro-rehabilitation team",
        family=True,
    ),
    # Specific medical conditions
    "dementia": T(
        "Dementia",
        "people living with dementia and the people who care for them",
        "living with dementia",
        "memory, staying active and connected, and the practical side of life with dementia",
        [
            "{town} Memory Café",
            "Singing for the Brain {town}",
            "{town} Dementia Friends Café",
            "Remember When {town}",
        ],
        team="the memory clinic",
        run_by="nhft",
        also=("dementia-carers",),
        family=True,
        carers=True,
    ),
    "stroke": T(
        "Stroke",
        "stroke survivors and their families",
        "life after a stroke",
        "communication, exercise, getting back to driving and work, and looking after each other",
        [
            "{town} Stroke Club",
            "{town} Stroke Survivors Group",
            "{town} Aphasia Café",
            "Stroke Connect {town}",
        ],
        team="the stroke team",
        family=True,
    ),
    "multiple-sclerosis": T(
        "MS",
        "people with multiple sclerosis and their families",
        "living with MS",
        "fatigue, relapses, treatments, staying mobile and the small things that help",
        ["{town} MS Self-Help Group", "{town} MS Support Group", "{town} MS Coffee Club"],
        team="the MS nurses",
        family=True,
    ),
    "parkinsons": T(
        "Parkinson's",
        "people with Parkinson's and their partners",
        "living with Parkinson's",
        "medication timings, exercise, voice and swallowing, and staying positive",
        [
            "{town} Parkinson's Café",
            "{town} Parkinson's Support Group",
            "{town} Parkinson's Exercise Group",
            "Shake It Up {town}",
        ],
        team="the Parkinson's nurses",
        family=True,
    ),
    "epilepsy": T(
        "Epilepsy",
        "people with epilepsy and their families",
        "living with epilepsy",
        "seizures, medication, driving, work and telling people",
        ["{town} Epilepsy Support Group", "{town} Epilepsy Coffee Morning", "Purple Group {town}"],
        team="the epilepsy nurses",
        family=True,
    ),
    "cancer": T(
        "Cancer",
        "people living with cancer, during and after treatment",
        "living with cancer",
        "treatment, side effects, getting back to everyday life and the fear of it coming back",
        [
            "{town} Cancer Support Group",
            "{town} Cancer Drop-In",
            "Moving On – {town} Cancer Support",
            ("{town} Prostate Cancer Support Group", {"gender": "men"}),
            ("{town} Breast Cancer Support Group", {"gender": "women"}),
        ],
        team="the cancer support team",
        family=True,
        gendered=True,
    ),
    "tinnitus": T(
        "Tinnitus",
        "people living with tinnitus",
        "living with tinnitus",
        "ways of coping with the noise, what helps with sleep and which hearing therapies are worth "
        "asking about",
        [
            "{town} Tinnitus Support Group",
            "Tinnitus Self-Help {town}",
            "Quiet Corner – {town} Tinnitus Group",
        ],
        team="the hearing therapy team",
    ),
    "motor-neurone-disease": T(
        "MND",
        "people living with motor neurone disease, their families and carers",
        "living with MND",
        "equipment, communication aids, planning ahead and making the most of every day",
        ["{town} MND Support Group", "{town} MND Friends"],
        team="the MND care centre",
        family=True,
        carers=True,
    ),
    # Rare illnesses
    "lupus": T(
        "Lupus",
        "people with lupus and related autoimmune conditions",
        "living with lupus",
        "fatigue, sun sensitivity, flares and being taken seriously",
        ["{town} Lupus Group", "{town} Lupus Friends", "Butterfly Group {town}"],
    ),
    "rare-genetic-conditions": T(
        "Rare Conditions",
        "families affected by rare genetic conditions, diagnosed or not",
        "life with a rare condition",
        "hospital appointments, finding other families and explaining a condition nobody has heard of",
        ["{town} Rare Conditions Family Group", "{town} SWAN Families", "One in a Million {town}"],
        family=True,
    ),
    "huntingtons": T(
        "Huntington's",
        "families affected by Huntington's disease",
        "living with Huntington's disease in the family",
        "genetic testing, changes in the person we love and planning ahead",
        ["{town} Huntington's Family Group", "{town} Huntington's Support Group"],
        family=True,
    ),
    "cystic-fibrosis": T(
        "CF",
        "adults with cystic fibrosis and families of children with CF",
        "living with cystic fibrosis",
        "treatments, hospital stays, school and work",
        ["{town} CF Families Online", "CF Parents Chat {town}"],
        family=True,
        online_only=True,
    ),
    "ehlers-danlos": T(
        "EDS",
        "people with Ehlers-Danlos syndromes and hypermobility",
        "living with EDS or hypermobility",
        "pain, dislocations, fatigue and getting a diagnosis",
        ["{town} EDS & Hypermobility Group", "Bendy Bunch {town}", "{town} Zebras Support Group"],
    ),
    # Carers
    "young-carers": T(
        "Young Carers",
        "young people who help look after someone at home",
        "being a young carer",
        "school, time for ourselves and what it's like looking after someone you love",
        ["{town} Young Carers Club", "{town} Young Carers Group", "Time Out – {town} Young Carers"],
        team="the young carers service",
        run_by="council",
        carers=True,
        min_age=8,
        max_age=18,
    ),
    "dementia-carers": T(
        "Dementia Carers",
        "people caring for someone with dementia",
        "caring for someone with dementia",
        "what to expect, coping with changes, respite, power of attorney and looking after ourselves",
        [
            "{town} Dementia Carers Group",
            "Forget-Me-Not {town}",
            "{town} Carers' Memory Café",
            "Time for Us – {town} Dementia Carers",
        ],
        also=("dementia",),
        carers=True,
        family=True,
    ),
    "mental-health-carers": T(
        "Mental Health Carers",
        "families and friends of someone with a mental illness",
        "caring for someone with a mental illness",
        "being heard by services, crises, confidentiality and our own wellbeing",
        ["{town} Mental Health Carers Group", "{town} Families Together", "Carers in Mind {town}"],
        carers=True,
        family=True,
        affected=False,
    ),
    "older-carers": T(
        "Carers",
        "older people caring for a partner, relative or friend",
        "caring in later life",
        "benefits, equipment, respite and finding time for ourselves",
        [
            "{town} Carers' Coffee Morning",
            "{town} Carers' Support Group",
            "{town} Carers' Café",
            "Carers Together {town}",
        ],
        carers=True,
        affected=False,
    ),
    "working-carers": T(
        "Working Carers",
        "people juggling a job and caring for someone",
        "caring while working",
        "talking to employers, carer's leave and how to fit everything in",
        ["{town} Working Carers Evening", "Working Carers Network {town}"],
        carers=True,
        affected=False,
        evenings=True,
    ),
    "former-carers": T(
        "Former Carers",
        "people whose caring role has ended",
        "life after caring",
        "finding our feet again, grief and what comes next",
        ["{town} Life After Caring Group", "{town} Former Carers Circle", "Next Chapter {town}"],
    ),
    # Addiction and compulsive behaviour
    "alcohol": T(
        "Alcohol Recovery",
        "people who want to stop or cut down drinking",
        "recovery from a drink problem",
        "staying sober, slips, rebuilding relationships and finding new things to do",
        [
            "{town} Recovery Café",
            "{town} Sober Social",
            "{town} Alcohol Peer Support",
            "One Day at a Time {town}",
        ],
        fellowship="aa",
        evenings=True,
    ),
    "drugs": T(
        "Recovery",
        "people recovering from drug use",
        "recovery from drug use",
        "staying clean, cravings, rebuilding trust and getting back to work",
        ["{town} Recovery Community", "{town} Peer Recovery Group", "Road to Recovery {town}"],
        fellowship="na",
        evenings=True,
    ),
    "gambling": T(
        "Gambling",
        "people who want to stop gambling",
        "recovery from gambling",
        "blocking software, managing money, urges and repairing relationships",
        ["{town} Gambling Recovery Group", "{town} Gambling Peer Support", "Stop the Spin {town}"],
        fellowship="ga",
        evenings=True,
    ),
    "addiction-family": T(
        "Families",
        "families and friends of someone with a drink, drug or gambling problem",
        "loving someone with an addiction",
        "setting boundaries, looking after ourselves and remembering that it isn't our fault",
        [
            "{town} Family Support Group",
            "{town} Families and Friends in Recovery",
            "Families Together {town}",
        ],
        fellowship="al-anon",
        family=True,
        affected=False,
    ),
    "prescription-drugs": T(
        "Medicines Dependence",
        "people dependent on prescribed or over-the-counter medicines",
        "coming off prescribed medicines",
        "tapering safely with our doctors, withdrawal and life afterwards",
        ["{town} Tranquilliser Support Group", "{town} Prescribed Drugs Support", "Coming Off – {town}"],
    ),
    # Isolation and social problems
    "loneliness": T(
        "Friendship",
        "anyone who feels lonely or would like more company",
        "feeling lonely",
        "whatever comes up: a natter, a laugh and sometimes the things that are harder to say",
        ["{town} Friendship Café", "{town} Chatty Café", "{town} Coffee & Company", "{town} Knit and Natter"],
        gendered=True,
    ),
    "older-people": T(
        "Over 60s",
        "people in later life",
        "getting older",
        "staying active, keeping in touch, and anything from pensions to grandchildren",
        [
            "{town} Over 60s Club",
            "{town} Golden Years Club",
            "{town} Friday Friends",
            "{town} Tea Dance Group",
        ],
        min_age=60,
    ),
    "lgbtq": T(
        "LGBTQ+",
        "lesbian, gay, bisexual, trans and questioning people",
        "being LGBTQ+",
        "coming out, family, faith, health and finding community",
        ["{town} LGBTQ+ Social", "{town} Rainbow Café", "{town} Trans Support Group", "Out & About {town}"],
    ),
    "refugees": T(
        "Refugee",
        "refugees, people seeking asylum and people new to the UK",
        "starting again in a new country",
        "practising English, housing, the asylum process and making friends",
        [
            "{town} Welcome Café",
            "{town} New Neighbours Group",
            ("{town} Refugee Women's Group", {"gender": "women"}),
        ],
    ),
    "money-worries": T(
        "Money Worries",
        "people struggling with debt or out of work",
        "money worries",
        "budgeting, dealing with creditors, job hunting and the stress of it all",
        ["{town} Money Worries Group", "{town} Job Club", "{town} Debt Support Circle"],
    ),
    "veterans": T(
        "Veterans",
        "veterans of the armed forces and their families",
        "life after the forces",
        "adjusting to civilian life, health, housing and the banter we miss",
        ["{town} Veterans' Breakfast Club", "{town} Armed Forces Community Café", "{town} Veterans' Drop-In"],
        family=True,
    ),
    # Mental health
    "depression": T(
        "Depression",
        "people living with depression and low mood",
        "living with depression",
        "what helps on the bad days, medication and therapy, and small steps forward",
        [
            "{town} Depression Support Group",
            "{town} Mood Support Group",
            "Blue Skies {town}",
            "{town} Wellbeing Walk and Talk",
        ],
        team="the community mental health team",
        run_by="nhft",
        also=("mental-health",),
        gendered=True,
    ),
    "anxiety": T(
        "Anxiety",
        "people living with anxiety and panic",
        "living with anxiety",
        "panic attacks, breathing and grounding, avoiding things and building confidence",
        ["{town} Anxiety Support Group", "{town} Panic & Anxiety Self-Help Group", "Calm Minds {town}"],
        gendered=True,
    ),
    "bipolar": T(
        "Bipolar",
        "people living with bipolar and their families",
        "living with bipolar",
        "spotting warning signs, medication, routines and living well",
        ["{town} Bipolar Support Group", "{town} Bipolar Peer Support", "Balance {town}"],
        family=True,
    ),
    "hearing-voices": T(
        "Hearing Voices",
        "people who hear voices, see visions or have other unusual experiences",
        "hearing voices",
        "what our voices say, what helps, and making sense of our experiences in our own way",
        ["Hearing Voices {town}", "{town} Hearing Voices Group", "{town} Voices Peer Support"],
        team="the early intervention in psychosis team",
        run_by="nhft",
    ),
    "ocd": T(
        "OCD",
        "people living with OCD",
        "living with OCD",
        "intrusive thoughts, compulsions, treatment and being kind to ourselves",
        ["{town} OCD Support Group", "{town} OCD Self-Help Group"],
    ),
    "eating-disorders": T(
        "Eating Disorders",
        "people affected by an eating disorder and their families",
        "living with an eating disorder",
        "recovery, mealtimes, body image and what families can do",
        [
            "{town} Eating Disorders Support Group",
            "{town} Eating Disorders Carers Group",
            "Recovery Together {town}",
        ],
        team="the eating disorders service",
        run_by="nhft",
        family=True,
        min_age=18,
    ),
    "ptsd-trauma": T(
        "Trauma",
        "people living with the effects of trauma",
        "living with PTSD or trauma",
        "flashbacks, sleep, feeling safe and recovering at our own pace",
        ["{town} Trauma Survivors Group", "{town} PTSD Peer Support", "Safe Space {town}"],
        team="the trauma service",
        run_by="nhft",
        gendered=True,
    ),
    "self-harm": T(
        "Self-Harm",
        "people who self-harm and people close to them",
        "living with self-harm",
        "ways of coping, what helps, and being listened to without judgement",
        ["{town} Self-Harm Support Group", "Safe to Talk {town}"],
        min_age=16,
    ),
    # Bereavement
    "grief": T(
        "Bereavement",
        "anyone grieving the death of someone close",
        "living with grief",
        "the people we've lost, the first birthdays and Christmases, and how grief changes over time",
        [
            "{town} Bereavement Café",
            "{town} Bereavement Support Group",
            "{town} Grief Café",
            "Still Here {town}",
            "{town} Walking with Grief",
        ],
        gendered=True,
    ),
    "baby-loss": T(
        "Baby Loss",
        "parents whose baby died during pregnancy, at birth or soon after",
        "losing a baby",
        "our babies, pregnancy after loss, the loss of a twin, and how friends and family react",
        [
            "{town} Baby Loss Support Group",
            "Little Stars {town}",
            "{town} Miscarriage Support Group",
            "Butterfly Parents {town}",
        ],
        family=True,
    ),
    "suicide-bereavement": T(
        "Suicide Bereavement",
        "people bereaved by suicide",
        "losing someone to suicide",
        "the questions that have no answers, guilt, anger and carrying on",
        ["{town} Suicide Bereavement Group", "{town} Survivors of Suicide Loss", "Hope After Loss {town}"],
        min_age=18,
    ),
    "partner-loss": T(
        "Widowed",
        "widows, widowers and anyone whose partner has died",
        "life after losing a partner",
        "loneliness, paperwork, first anniversaries and building a new life",
        [
            "{town} Widowed Friends",
            "{town} Widows and Widowers Club",
            "{town} Young Widowed Group",
            "Solo Together {town}",
        ],
    ),
    "child-loss": T(
        "Bereaved Parents",
        "parents and grandparents whose child has died",
        "losing a child",
        "our children, whatever their age, and how we carry on",
        ["{town} Bereaved Parents Group", "Always Loved {town}", "{town} Bereaved Parents Café"],
        family=True,
    ),
    "young-bereaved": T(
        "Young Bereaved",
        "children and young people who have lost someone",
        "grief when you're young",
        "the person who died, school, and feelings that are hard to explain",
        ["{town} Young People's Grief Group", "{town} Memory Makers", "Rainbows {town}"],
        team="the hospice family support team",
        run_by="hospice",
        min_age=11,
        max_age=18,
        clinic="Young People's Grief",
    ),
    # Family problems
    "relationship-breakdown": T(
        "Separation",
        "people going through separation or divorce",
        "separation and divorce",
        "co-parenting, the practical side and coping with the feelings",
        ["{town} Separated and Divorced Group", "{town} New Start Group", "Moving Forward {town}"],
        gendered=True,
    ),
    "domestic-abuse-recovery": T(
        "Freedom",
        "women recovering from domestic abuse",
        "recovering from domestic abuse",
        "rebuilding confidence, recognising coercive control and life after leaving",
        ["{town} Survivors' Circle", "{town} Freedom Group", "Stronger Together {town}"],
        gender="women",
        min_age=18,
        online_only=True,
    ),
    "single-parents": T(
        "Single Parents",
        "single mums and dads",
        "bringing up children on your own",
        "juggling everything, money, child maintenance and having a laugh",
        [
            "{town} Single Parents Group",
            "{town} Solo Parents Meet-Up",
            "{town} Single Parents' Stay and Play",
        ],
    ),
    "kinship-carers": T(
        "Kinship Carers",
        "grandparents and relatives bringing up a family member's child",
        "kinship care",
        "special guardianship, contact with parents, school and money",
        ["{town} Kinship Carers Group", "{town} Grandparents Raising Grandchildren"],
        carers=True,
    ),
    "adoption-fostering": T(
        "Adoptive Parents",
        "adoptive parents, foster carers and adopted people",
        "adoption and fostering",
        "attachment, school, contact with birth families and looking after ourselves",
        [
            "{town} Adoptive Parents Support Group",
            "{town} Foster Carers Coffee Morning",
            "{town} Adoptees Together",
        ],
    ),
    "families-of-prisoners": T(
        "Families",
        "families and friends of someone in prison",
        "having someone you love in prison",
        "visits, money, explaining to children and coping with what other people think",
        ["{town} Prisoners' Families Group", "{town} Families Inside"],
        family=True,
        affected=False,
    ),
    # Women's health
    "menopause": T(
        "Menopause",
        "women going through perimenopause and menopause",
        "the menopause",
        "symptoms, HRT and other options, work, sleep and keeping our sense of humour",
        [
            "{town} Menopause Café",
            "{town} Menopause Support Group",
            "Hot Flush Club {town}",
            "{town} Menopause Walk and Talk",
        ],
        team="the women's health team",
        gender="women",
    ),
    "endometriosis": T(
        "Endometriosis",
        "people living with endometriosis",
        "living with endometriosis",
        "pain, diagnosis, surgery, fertility and being taken seriously",
        ["{town} Endometriosis Support Group", "Endo Warriors {town}", "{town} Endo Sisters"],
        team="the endometriosis centre",
        gender="women",
    ),
    "infertility": T(
        "Fertility",
        "people trying for a baby, or living without the children they hoped for",
        "infertility",
        "treatment, waiting, hope and loss, and life without children",
        ["{town} Fertility Support Group", "{town} Childless Not By Choice", "{town} IVF Support Group"],
        family=True,
    ),
    "postnatal-depression": T(
        "Perinatal",
        "parents struggling with their mental health in pregnancy or after a baby",
        "postnatal depression",
        "feeling overwhelmed, bonding, intrusive thoughts and getting better",
        [
            "{town} Postnatal Depression Support Group",
            ("{town} Mums' Wellbeing Group", {"gender": "women"}),
            ("{town} Dads Matter Group", {"gender": "men"}),
            "Bump & Beyond {town}",
        ],
        team="the perinatal mental health team",
        run_by="nhft",
        clinic="Perinatal Wellbeing",
    ),
    "pelvic-health": T(
        "Pelvic Health",
        "people living with incontinence or pelvic floor problems",
        "living with pelvic floor problems",
        "exercises, products, confidence and talking about what nobody talks about",
        ["{town} Pelvic Health Group", "{town} Bladder & Bowel Support Group"],
        team="the women's health physiotherapists",
        gender="women",
    ),
    # Parenting
    "new-parents": T(
        "Parents",
        "new and expecting parents",
        "the early days with a baby",
        "sleep (or the lack of it), feeding, crying and finding our feet",
        [
            "{town} New Parents Group",
            "{town} Bumps and Babies",
            ("{town} Dads & Babies", {"gender": "men"}),
            "{town} Stay and Play",
        ],
    ),
    "breastfeeding": T(
        "Breastfeeding",
        "breastfeeding mums and parents, and anyone thinking about it",
        "breastfeeding",
        "latching, supply, feeding when out and about, going back to work and stopping",
        ["{town} Breastfeeding Café", "{town} Baby Feeding Group", "{town} Breastfeeding Peer Support"],
        team="the infant feeding team",
        gender="women",
    ),
    "parents-disabled-children": T(
        "Parent Carers",
        "parents and carers of disabled children and children with additional needs",
        "being a parent carer",
        "EHCPs, benefits, sleep, school and respite",
        ["{town} Parent Carers Group", "{town} SEND Parents Coffee Morning", "Special Parents {town}"],
        carers=True,
    ),
    "premature-babies": T(
        "Neonatal",
        "families whose baby was born early or needed neonatal care",
        "having a premature or poorly baby",
        "life on the neonatal unit, going home and worries about development",
        ["{town} Premature Baby Group", "{town} Neonatal Families Group", "Tiny Steps {town}"],
        team="the neonatal unit",
        family=True,
    ),
    "twins": T(
        "Twins",
        "parents of twins, triplets and more",
        "raising twins and multiples",
        "feeding, sleep, getting out of the house with two, and double the fun",
        ["{town} Twins and Multiples Club", "{town} Twins Club", "Double Trouble {town}"],
    ),
    "parents-of-teenagers": T(
        "Parents of Teens",
        "parents of teenagers",
        "parenting a teenager",
        "screens, school, moods and staying connected",
        ["{town} Parents of Teens Group", "{town} Teen Parenting Support"],
        evenings=True,
    ),
}

# How often a local group is about each first-level issue (a mix like a real city's directory).
FIRST_LEVEL_WEIGHTS = {
    "chronic-illness": 10,
    "disability": 8,
    "specific-conditions": 14,
    "rare-illnesses": 3,
    "carers": 14,
    "addiction": 6,
    "isolation": 6,
    "mental-health": 10,
    "bereavement": 10,
    "family-problems": 6,
    "womens-health": 8,
    "parenting": 7,
}

# Who runs professionally led groups.
PROFESSIONAL_BODIES = {
    "nuh": (
        "Nottingham University Hospitals NHS Trust",
        "https://www.nuh.nhs.uk",
        "The hospital trust for Nottingham, running the Queen's Medical Centre and Nottingham City Hospital.",
    ),
    "sfh": (
        "Sherwood Forest Hospitals NHS Foundation Trust",
        "https://www.sfh-tr.nhs.uk",
        "The hospital trust for Mansfield, Newark and the towns around them.",
    ),
    "nhft": (
        "Nottinghamshire Healthcare NHS Foundation Trust",
        "https://www.nottinghamshirehealthcare.nhs.uk",
        "Mental health, learning disability and community health services across Nottinghamshire.",
    ),
    "city-council": (
        "Nottingham City Council",
        "https://www.nottinghamcity.gov.uk",
        "The council for the city of Nottingham.",
    ),
    "county-council": (
        "Nottinghamshire County Council",
        "https://www.nottinghamshire.gov.uk",
        "The council for the county of Nottinghamshire.",
    ),
    "hospice": (
        "Nottinghamshire Hospice",
        "https://www.nottshospice.org",
        "Care for people with a life-limiting illness, and support for their families.",
    ),
}


# --- national organisations ---------------------------------------------------------------------------------


def N(key, name, website, categories, offer, helpline=False, online=False, alternate=""):
    return {
        "key": key,
        "name": name,
        "website": website,
        "categories": categories,
        "offer": offer,
        "helpline": helpline,
        "online": online,
        "alternate": alternate,
    }


# In order of priority: the first of them cover every first-level issue, so a small demo still has a
# national organisation to fall back on for each.
NATIONALS = [
    N(
        "alzheimers-society",
        "Alzheimer's Society",
        "https://www.alzheimers.org.uk",
        ["dementia", "dementia-carers"],
        "a support line, an online community and local dementia advisers for people with dementia and their "
        "families",
        helpline=True,
    ),
    N(
        "carers-uk",
        "Carers UK",
        "https://www.carersuk.org",
        ["carers", "older-carers", "working-carers"],
        "expert advice on benefits and rights, an online forum and online meet-ups for carers",
        helpline=True,
        online=True,
    ),
    N(
        "stroke-association",
        "Stroke Association",
        "https://www.stroke.org.uk",
        ["stroke"],
        "a helpline, online groups and information for stroke survivors and their families",
        helpline=True,
        online=True,
    ),
    N(
        "mind",
        "Mind",
        "https://www.mind.org.uk",
        ["mental-health", "depression", "anxiety"],
        "an information line, an online peer support community called Side by Side, and local Minds around "
        "the "
        "country",
        helpline=True,
    ),
    N(
        "sands",
        "Sands",
        "https://www.sands.org.uk",
        ["baby-loss"],
        "a helpline, an online community and a network of local groups for anyone affected by the death of a "
        "baby",
        helpline=True,
        online=True,
        alternate="Stillbirth and neonatal death charity",
    ),
    N(
        "gamcare",
        "GamCare",
        "https://www.gamcare.org.uk",
        ["gambling", "addiction-family"],
        "a free, confidential helpline and online chat, and a moderated forum for anyone affected by "
        "gambling",
        helpline=True,
    ),
    N(
        "action-for-me",
        "Action for ME",
        "https://www.actionforme.org.uk",
        ["me-cfs"],
        "information, an online community and support for children, young people and adults with ME",
        helpline=True,
    ),
    N(
        "genetic-alliance-uk",
        "Genetic Alliance UK",
        "https://geneticalliance.org.uk",
        ["rare-illnesses", "rare-genetic-conditions"],
        "information and connections to the many charities for individual rare and genetic conditions, and "
        "SWAN UK "
        "for families of children with undiagnosed conditions",
    ),
    N(
        "rnid",
        "RNID",
        "https://rnid.org.uk",
        ["hearing-loss", "tinnitus"],
        "information, online hearing checks and a contact service for deaf people and people with hearing "
        "loss or "
        "tinnitus",
        helpline=True,
    ),
    N(
        "age-uk",
        "Age UK",
        "https://www.ageuk.org.uk",
        ["older-people", "loneliness"],
        "an advice line, telephone friendship and local Age UKs across the country",
        helpline=True,
    ),
    N(
        "relate",
        "Relate",
        "https://www.relate.org.uk",
        ["family-problems", "relationship-breakdown"],
        "relationship counselling, family counselling and free information about separation",
    ),
    N(
        "endometriosis-uk",
        "Endometriosis UK",
        "https://www.endometriosis-uk.org",
        ["endometriosis", "womens-health"],
        "a helpline, online support groups and local groups run by volunteers who have endometriosis "
        "themselves",
        helpline=True,
        online=True,
    ),
    N(
        "gingerbread",
        "Gingerbread",
        "https://www.gingerbread.org.uk",
        ["single-parents", "parenting"],
        "a helpline for single parents, an online forum and local friendship groups",
        helpline=True,
    ),
    N(
        "gamblers-anonymous",
        "Gamblers Anonymous",
        "https://www.gamblersanonymous.org.uk",
        ["gambling"],
        "local and online meetings where people who want to stop gambling help each other",
        online=True,
    ),
    N(
        "alcoholics-anonymous",
        "Alcoholics Anonymous",
        "https://www.alcoholics-anonymous.org.uk",
        ["alcohol"],
        "meetings across the country and online, and a telephone service staffed by members",
        helpline=True,
        online=True,
    ),
    N(
        "al-anon",
        "Al-Anon",
        "https://www.al-anonuk.org.uk",
        ["addiction-family", "alcohol"],
        "local and online meetings for families and friends of people with a drink problem",
        online=True,
        alternate="Al-Anon Family Groups",
    ),
    N(
        "cruse",
        "Cruse Bereavement Support",
        "https://www.cruse.org.uk",
        ["bereavement", "grief", "partner-loss"],
        "a national helpline, online chat and trained bereavement volunteers",
        helpline=True,
    ),
    N(
        "ms-society",
        "MS Society",
        "https://www.mssociety.org.uk",
        ["multiple-sclerosis"],
        "a helpline, an online forum and local groups for anyone affected by MS",
        helpline=True,
    ),
    N(
        "tinnitus-uk",
        "Tinnitus UK",
        "https://tinnitus.org.uk",
        ["tinnitus"],
        "a helpline, online support groups and information about managing tinnitus",
        helpline=True,
        online=True,
    ),
    N(
        "beat",
        "Beat",
        "https://www.beateatingdisorders.org.uk",
        ["eating-disorders"],
        "helplines, online support groups and information for people with eating disorders and their "
        "families",
        helpline=True,
        online=True,
        alternate="Beat Eating Disorders",
    ),
    N(
        "pandas",
        "PANDAS Foundation",
        "https://pandasfoundation.org.uk",
        ["postnatal-depression"],
        "a helpline, online peer support groups and information for parents struggling with perinatal mental "
        "health",
        helpline=True,
        online=True,
    ),
    N(
        "survivors-of-bereavement-by-suicide",
        "Survivors of Bereavement by Suicide",
        "https://uksobs.com",
        ["suicide-bereavement"],
        "peer support groups, online and in person, run by people who have been bereaved by suicide "
        "themselves",
        helpline=True,
        online=True,
        alternate="SoBS",
    ),
    N(
        "miscarriage-association",
        "The Miscarriage Association",
        "https://www.miscarriageassociation.org.uk",
        ["baby-loss"],
        "a helpline, online support meetings and information about pregnancy loss",
        helpline=True,
        online=True,
    ),
    N(
        "twins-trust",
        "Twins Trust",
        "https://twinstrust.org",
        ["twins", "baby-loss"],
        "support for families of twins and multiples, including bereavement support for parents who have "
        "lost one "
        "or more of their babies",
        helpline=True,
    ),
    N(
        "compassionate-friends",
        "The Compassionate Friends",
        "https://www.tcf.org.uk",
        ["child-loss"],
        "a helpline and local and online groups run by bereaved parents for bereaved parents and their "
        "families",
        helpline=True,
        online=True,
    ),
    N(
        "parkinsons-uk",
        "Parkinson's UK",
        "https://www.parkinsons.org.uk",
        ["parkinsons"],
        "a helpline, an online forum and local groups for everyone affected by Parkinson's",
        helpline=True,
    ),
    N(
        "epilepsy-action",
        "Epilepsy Action",
        "https://www.epilepsy.org.uk",
        ["epilepsy"],
        "a helpline, online talk-and-support groups and information about epilepsy",
        helpline=True,
        online=True,
    ),
    N(
        "diabetes-uk",
        "Diabetes UK",
        "https://www.diabetes.org.uk",
        ["diabetes"],
        "a helpline, an online forum and local groups run by volunteers living with diabetes",
        helpline=True,
    ),
    N(
        "versus-arthritis",
        "Versus Arthritis",
        "https://www.versusarthritis.org",
        ["arthritis"],
        "a helpline, an online community and information about every kind of arthritis",
        helpline=True,
    ),
    N(
        "headway",
        "Headway",
        "https://www.headway.org.uk",
        ["brain-injury"],
        "a helpline and a network of local groups and branches for people affected by brain injury",
        helpline=True,
    ),
    N(
        "bipolar-uk",
        "Bipolar UK",
        "https://www.bipolaruk.org",
        ["bipolar"],
        "an online peer support community, online support groups and a peer support line",
        online=True,
    ),
    N(
        "anxiety-uk",
        "Anxiety UK",
        "https://www.anxietyuk.org.uk",
        ["anxiety"],
        "a helpline, online support groups and therapy at reduced cost for members",
        helpline=True,
        online=True,
    ),
    N(
        "carers-trust",
        "Carers Trust",
        "https://carers.org",
        ["young-carers", "carers"],
        "a network of local carer services, including services for young carers and young adult carers",
    ),
    N(
        "rethink",
        "Rethink Mental Illness",
        "https://www.rethink.org",
        ["mental-health-carers", "hearing-voices"],
        "an advice service and peer support groups for people severely affected by mental illness and their "
        "carers",
        helpline=True,
    ),
    N(
        "hearing-voices-network",
        "Hearing Voices Network",
        "https://www.hearing-voices.org",
        ["hearing-voices"],
        "a directory of hearing voices groups and online groups for people who hear voices",
        online=True,
    ),
    N(
        "ocd-uk",
        "OCD-UK",
        "https://www.ocduk.org",
        ["ocd"],
        "information, online support groups and local groups run by people with lived experience of OCD",
        online=True,
    ),
    N(
        "rnib",
        "RNIB",
        "https://www.rnib.org.uk",
        ["sight-loss"],
        "a helpline, talking books, and support for blind and partially sighted people",
        helpline=True,
    ),
    N(
        "national-autistic-society",
        "National Autistic Society",
        "https://www.autism.org.uk",
        ["autism"],
        "information, an online community and local branches for autistic people and their families",
    ),
    N(
        "macmillan",
        "Macmillan Cancer Support",
        "https://www.macmillan.org.uk",
        ["cancer"],
        "a support line, an online community and information for anyone affected by cancer",
        helpline=True,
    ),
    N(
        "british-heart-foundation",
        "British Heart Foundation",
        "https://www.bhf.org.uk",
        ["heart-conditions"],
        "a helpline staffed by cardiac nurses and information about living with a heart condition",
        helpline=True,
    ),
    N(
        "asthma-lung-uk",
        "Asthma + Lung UK",
        "https://www.asthmaandlung.org.uk",
        ["lung-conditions"],
        "a helpline with respiratory nurses and information about living with a lung condition",
        helpline=True,
    ),
    N(
        "crohns-colitis-uk",
        "Crohn's & Colitis UK",
        "https://crohnsandcolitis.org.uk",
        ["bowel-conditions"],
        "a helpline, local networks and an online community for people living with Crohn's and colitis",
        helpline=True,
    ),
    N(
        "mnd-association",
        "MND Association",
        "https://www.mndassociation.org",
        ["motor-neurone-disease"],
        "a helpline and local branches and groups for people living with MND and their families",
        helpline=True,
    ),
    N(
        "lupus-uk",
        "LUPUS UK",
        "https://www.lupusuk.org.uk",
        ["lupus"],
        "regional groups and contacts who have lupus themselves, and information about the condition",
    ),
    N(
        "huntingtons-disease-association",
        "Huntington's Disease Association",
        "https://www.hda.org.uk",
        ["huntingtons"],
        "specialist advisers, online support groups and information for families",
        online=True,
    ),
    N(
        "cystic-fibrosis-trust",
        "Cystic Fibrosis Trust",
        "https://www.cysticfibrosis.org.uk",
        ["cystic-fibrosis"],
        "a helpline and online forums, so people with CF can connect without the risk of cross-infection",
        helpline=True,
    ),
    N(
        "ehlers-danlos-support-uk",
        "Ehlers-Danlos Support UK",
        "https://www.ehlers-danlos.org",
        ["ehlers-danlos"],
        "a helpline, online support groups and local groups for people with EDS and hypermobility",
        helpline=True,
        online=True,
    ),
    N(
        "narcotics-anonymous",
        "Narcotics Anonymous",
        "https://ukna.org",
        ["drugs"],
        "meetings across the country and online, where recovering addicts help each other stay clean",
        helpline=True,
        online=True,
    ),
    N(
        "smart-recovery",
        "SMART Recovery UK",
        "https://smartrecovery.org.uk",
        ["alcohol", "drugs", "gambling"],
        "self-help meetings, online and in person, using practical tools to overcome addictive behaviour",
        online=True,
    ),
    N(
        "adfam",
        "Adfam",
        "https://adfam.org.uk",
        ["addiction-family"],
        "a directory of local support groups and information for families affected by drugs, alcohol and "
        "gambling",
    ),
    N(
        "switchboard",
        "Switchboard LGBT+ Helpline",
        "https://switchboard.lgbt",
        ["lgbtq", "isolation"],
        "a helpline and online chat staffed by LGBTQ+ volunteers",
        helpline=True,
    ),
    N(
        "refugee-council",
        "Refugee Council",
        "https://www.refugeecouncil.org.uk",
        ["refugees"],
        "advice and support for refugees and people seeking asylum",
    ),
    N(
        "royal-british-legion",
        "Royal British Legion",
        "https://www.britishlegion.org.uk",
        ["veterans"],
        "a contact centre and local branches for serving and ex-service people and their families",
        helpline=True,
    ),
    N(
        "stepchange",
        "StepChange Debt Charity",
        "https://www.stepchange.org",
        ["money-worries"],
        "free, confidential debt advice online and by phone",
        helpline=True,
    ),
    N(
        "mens-sheds",
        "UK Men's Sheds Association",
        "https://menssheds.org.uk",
        ["loneliness", "older-people"],
        "a directory of local Men's Sheds, where people come together to make, mend and talk",
    ),
    N(
        "widowed-and-young",
        "WAY Widowed and Young",
        "https://www.widowedandyoung.org.uk",
        ["partner-loss"],
        "peer support, online and at local meet-ups, for people widowed young",
        online=True,
    ),
    N(
        "winstons-wish",
        "Winston's Wish",
        "https://www.winstonswish.org",
        ["young-bereaved"],
        "a helpline and online chat for bereaved children and young people and the adults who care for them",
        helpline=True,
    ),
    N(
        "womens-aid",
        "Women's Aid",
        "https://www.womensaid.org.uk",
        ["domestic-abuse-recovery"],
        "a live chat, a survivors' forum and a directory of local domestic abuse services",
    ),
    N(
        "kinship",
        "Kinship",
        "https://kinship.org.uk",
        ["kinship-carers"],
        "an advice line and local peer support groups for kinship carers",
        helpline=True,
    ),
    N(
        "adoption-uk",
        "Adoption UK",
        "https://www.adoptionuk.org",
        ["adoption-fostering"],
        "a helpline and an online community for adoptive families",
        helpline=True,
    ),
    N(
        "pact",
        "Pact",
        "https://www.prisonadvice.org.uk",
        ["families-of-prisoners"],
        "support for prisoners' families, including a helpline",
        helpline=True,
        alternate="Prison Advice and Care Trust",
    ),
    N(
        "menopause-charity",
        "The Menopause Charity",
        "https://www.themenopausecharity.org",
        ["menopause"],
        "clear, reliable information about perimenopause and menopause",
    ),
    N(
        "fertility-network-uk",
        "Fertility Network UK",
        "https://fertilitynetworkuk.org",
        ["infertility"],
        "a support line and online and local support groups for anyone facing fertility problems",
        helpline=True,
        online=True,
    ),
    N(
        "contact",
        "Contact",
        "https://contact.org.uk",
        ["parents-disabled-children"],
        "a helpline and online workshops for families with disabled children",
        helpline=True,
    ),
    N(
        "nct",
        "NCT",
        "https://www.nct.org.uk",
        ["new-parents", "breastfeeding"],
        "antenatal courses, local meet-ups and information for new parents",
    ),
    N(
        "bliss",
        "Bliss",
        "https://www.bliss.org.uk",
        ["premature-babies"],
        "information and support for families of babies born premature or sick",
    ),
    N(
        "family-lives",
        "Family Lives",
        "https://www.familylives.org.uk",
        ["parents-of-teenagers", "parenting"],
        "a helpline and online forums for parents, whatever the age of their children",
        helpline=True,
    ),
    N(
        "mencap",
        "Mencap",
        "https://www.mencap.org.uk",
        ["learning-disability"],
        "a helpline and local groups for people with a learning disability and their families",
        helpline=True,
    ),
    N(
        "scope",
        "Scope",
        "https://www.scope.org.uk",
        ["physical-disability", "disability"],
        "a helpline and an online community for disabled people and their families",
        helpline=True,
    ),
    N(
        "adhd-uk",
        "ADHD UK",
        "https://adhduk.co.uk",
        ["adhd"],
        "information and online peer support groups for adults with ADHD and parents",
        online=True,
    ),
    N(
        "ptsd-uk",
        "PTSD UK",
        "https://www.ptsduk.org",
        ["ptsd-trauma"],
        "information about post-traumatic stress disorder and ways to recover",
    ),
    N(
        "harmless",
        "Harmless",
        "https://harmless.org.uk",
        ["self-harm"],
        "support and information for people who self-harm, their friends and families",
    ),
    N(
        "long-covid-support",
        "Long Covid Support",
        "https://www.longcovid.org",
        ["long-covid"],
        "online peer support groups and information for people living with long COVID",
        online=True,
    ),
    N(
        "fibromyalgia-action-uk",
        "Fibromyalgia Action UK",
        "https://www.fmauk.org",
        ["chronic-pain"],
        "a helpline and a network of local fibromyalgia support groups",
        helpline=True,
    ),
    N(
        "marmalade-trust",
        "Marmalade Trust",
        "https://www.marmaladetrust.org",
        ["loneliness"],
        "information and friendship activities to help people make new connections",
    ),
    N(
        "dementia-uk",
        "Dementia UK",
        "https://www.dementiauk.org",
        ["dementia-carers", "dementia"],
        "a helpline staffed by specialist dementia nurses (Admiral Nurses)",
        helpline=True,
    ),
    N(
        "la-leche-league",
        "La Leche League GB",
        "https://www.laleche.org.uk",
        ["breastfeeding"],
        "a helpline and local and online meetings with breastfeeding counsellors who are mothers themselves",
        helpline=True,
        online=True,
    ),
    N(
        "bladder-bowel-uk",
        "Bladder & Bowel UK",
        "https://www.bbuk.org.uk",
        ["pelvic-health"],
        "confidential advice and information about bladder and bowel problems",
        helpline=True,
    ),
]
NATIONAL = {n["key"]: n for n in NATIONALS}

FELLOWSHIPS = {
    "aa": ("alcoholics-anonymous", "Alcoholics Anonymous", "AA"),
    "na": ("narcotics-anonymous", "Narcotics Anonymous", "NA"),
    "ga": ("gamblers-anonymous", "Gamblers Anonymous", "GA"),
    "al-anon": ("al-anon", "Al-Anon", "Al-Anon"),
}
FELLOWSHIP_WORDS = {
    "aa": "We are men and women who have had a problem with drink and who help each other to stay sober, "
    "one day at a time. All you need to come is a wish to stop drinking.",
    "na": "We are recovering addicts who meet to help each other stay clean. It doesn't matter what you used "
    "or "
    "how much: if you want to stop, you are welcome.",
    "ga": "We are people who have had a problem with gambling and who help each other not to place the next "
    "bet. "
    "All you need is a wish to stop gambling.",
    "al-anon": "We are relatives and friends of people with a drink problem. Whether or not they are still "
    "drinking, we help each other by sharing what has happened to us and how we cope.",
}


# --- hand-written local groups ------------------------------------------------------------------------------


def S(name, categories, area, **fields):
    return {"name": name, "categories": categories, "area": area, **fields}


def M(
    frequency, weekday=None, start=None, end=None, nth=None, attendance="in_person", venue="church", **extra
):
    return {
        "frequency": frequency,
        "weekday": weekday,
        "start": start,
        "end": end,
        "nth": nth,
        "attendance": attendance,
        "venue": venue,
        **extra,
    }


SPECIALS = [
    S(
        "Forget-Me-Not Carers Café",
        ["dementia-carers", "dementia"],
        "arnold",
        description="We are a friendly group of people caring for a husband, wife, mum or dad with dementia. "
        "Once a "
        "month we take over the church hall for tea, cake and the kind of conversation you can only have "
        "with people who are living it too. Bring the person you care for if you like – there are "
        "volunteers to sit with them while you have a breather.",
        meetings=[M("monthly", 2, "14:00", "16:00", nth=2)],
        family=True,
        carers=True,
        cost="donation",
        cost_note="Donations towards tea and cake welcome",
    ),
    S(
        "Beeston Stroke Club",
        ["stroke"],
        "beeston",
        description="We are stroke survivors and partners who have been meeting in Beeston for over twenty "
        "years. "
        "Tuesdays are for a cuppa, gentle exercise in chairs, a quiz and plenty of laughs. If your "
        "speech has been affected, take your time – nobody here will rush you.",
        meetings=[M("weekly", 1, "14:00", "16:00", venue="community")],
        family=True,
        cost="charge",
        cost_note="£2 a week, including tea and biscuits",
    ),
    S(
        "Nottingham Tinnitus Support Group",
        ["tinnitus"],
        "nottingham",
        description="We are people living with tinnitus – ringing, buzzing, hissing or whooshing that nobody "
        "else can "
        "hear. Every month we share what helps us sleep, how we cope on loud days and which therapies "
        "are worth asking about. Our room has a hearing loop and we also stream the meeting for people "
        "who would rather join from home.",
        meetings=[M("monthly", 3, "18:30", "20:30", nth=1, attendance="hybrid", venue="library")],
    ),
    S(
        "Hearing Voices Nottingham",
        ["hearing-voices"],
        "radford",
        description="We are a peer support group for people who hear voices, see visions or have other "
        "experiences "
        "that others may not share. There are no experts here and no diagnosis needed: we accept each "
        "other's experiences as real and talk about what helps, in our own words.",
        meetings=[M("weekly", 0, "13:00", "15:00", venue="community")],
    ),
    S(
        "Gamblers Anonymous – Nottingham Thursday",
        ["gambling"],
        "nottingham",
        fellowship="ga",
        meetings=[M("weekly", 3, "19:30", "21:00", venue="church")],
    ),
    S(
        "Polish-speaking Carers' Group – Grupa Wsparcia dla Opiekunów",
        ["older-carers", "carers"],
        "radford",
        languages=["pl", "en"],
        description="We are Polish-speaking carers looking after a parent, partner or child here in "
        "Nottingham. We "
        "meet on Saturday mornings to talk in our own language about caring, forms, benefits and "
        "keeping in touch with family back home. Mówimy po polsku – everyone is welcome.",
        meetings=[M("monthly", 5, "11:00", "13:00", nth=1, venue="community")],
        carers=True,
    ),
    S(
        "Sehat Women's Health Circle",
        ["womens-health", "menopause"],
        "sneinton",
        languages=["ur", "pa", "en"],
        gender="women",
        description="We are South Asian women who meet to talk about our health – periods, menopause, "
        "diabetes, "
        "feeling low – in Urdu, Punjabi or English. It's a relaxed circle with chai and samosas where "
        "nothing is too embarrassing to ask about.",
        meetings=[M("fortnightly", 2, "10:30", "12:30", venue="community")],
    ),
    S(
        "Nottingham Deaf Social Club",
        ["hearing-loss"],
        "nottingham",
        languages=["bfi"],
        description="We are a club run by and for Deaf people who use British Sign Language. Every other "
        "Friday we "
        "meet to catch up, share news and support each other. Hearing people learning BSL are welcome "
        "to come and practise with us.",
        meetings=[M("fortnightly", 4, "18:30", "21:30", venue="community")],
        family=True,
    ),
    S(
        "Hooyo Somali Mothers' Group",
        ["new-parents", "single-parents"],
        "sneinton",
        languages=["so", "en"],
        gender="women",
        description="We are Somali mums who meet every Wednesday morning with our little ones. We talk about "
        "everything from sleep to schools, share food and help each other find our way around services. "
        "Babies and toddlers are always welcome – there are toys and a play mat.",
        meetings=[M("weekly", 2, "10:00", "12:00", venue="community")],
    ),
    S(
        "Sunflower Baby Loss Support",
        ["baby-loss"],
        "west-bridgford",
        description="We are parents who have lost a baby through miscarriage, stillbirth or soon after "
        "birth, or who "
        "lost one of their twins. We meet on the last Tuesday of the month to talk about our babies and "
        "say their names. Partners and grandparents are welcome, and there is an online meeting for "
        "people who cannot face a room yet.",
        meetings=[
            M("monthly", 1, "19:00", "21:00", nth=-1, venue="church"),
            M("monthly", 6, "19:30", "20:30", nth=2, attendance="online", venue=None),
        ],
        family=True,
    ),
    S(
        "Nottingham Young Carers Group",
        ["young-carers"],
        "mapperley",
        group_type="professionally_led",
        org="city-council",
        min_age=8,
        max_age=17,
        carers=True,
        description="This group is run by the city council's young carers workers for 8 to 17 year olds who "
        "help "
        "look after someone at home. We do fun stuff – games, cooking, trips – and there's always "
        "someone to talk to if things are hard. It's a break that's just for you.",
        meetings=[M("fortnightly", 3, "16:30", "18:00", venue="community")],
    ),
    S(
        "Bulwell Men's Talking Shop",
        ["depression", "anxiety"],
        "bulwell",
        gender="men",
        min_age=18,
        description="We are blokes who have found out that talking helps. Every Monday night we sit down "
        "with a brew "
        "and talk about whatever is on our minds – work, money, relationships, feeling low. No "
        "judgement, no pressure, and what's said in the room stays in the room.",
        meetings=[M("weekly", 0, "19:00", "21:00", venue="community")],
    ),
    S(
        "Mapperley Widowed Friends",
        ["partner-loss"],
        "mapperley",
        home_visits=True,
        min_age=50,
        description="We are widows and widowers who know how quiet the house can get. We meet monthly for "
        "lunch and "
        "a chat, and a couple of us visit people at home when getting out is too much at first.",
        meetings=[
            M("monthly", 3, "12:00", "14:00", nth=3, venue="cafe"),
            M("arranged", venue=None, attendance="telephone"),
        ],
    ),
    S(
        "Long Eaton Lupus Friends",
        ["lupus"],
        "long-eaton",
        description="We are a small group of people with lupus who meet in one of our homes, so there's a "
        "sofa if "
        "you need it. We swap tips on fatigue, sun protection and dealing with doctors, and keep in "
        "touch on WhatsApp between meetings.",
        meetings=[M("monthly", 5, "14:00", "16:00", nth=2, venue="home")],
    ),
    S(
        "Nottingham MS Self-Help Group",
        ["multiple-sclerosis"],
        "nottingham",
        family=True,
        description="We are people with MS and the people who love them. Our meetings are in a step-free "
        "room with "
        "an accessible toilet, and you can also join online if getting out is a struggle that day. We "
        "share what works for fatigue, talk through treatment options and support each other through "
        "relapses.",
        meetings=[M("monthly", 5, "10:30", "12:30", nth=1, attendance="hybrid", venue="library")],
    ),
    S(
        "ME Telephone Friendship Group",
        ["me-cfs"],
        "hucknall",
        phone_support=True,
        description="We are people with ME who know that getting to a meeting can cost days of recovery. So "
        "we meet "
        "by phone: a short group call every other week, and friendly one-to-one calls in between. You "
        "can lie down, keep your eyes shut and just listen.",
        meetings=[M("fortnightly", 1, "14:00", "15:00", attendance="telephone", venue=None)],
    ),
    S(
        "Breathe Easy Mansfield",
        ["lung-conditions"],
        "mansfield",
        family=True,
        description="We are people living with COPD and other lung conditions, and our partners. Each month "
        "we have "
        "a speaker or a singing session – great for breathing – and lots of chat over tea.",
        meetings=[M("monthly", 0, "13:30", "15:30", nth=2, venue="church")],
    ),
    S(
        "Newark Parkinson's Café",
        ["parkinsons"],
        "newark",
        family=True,
        cost="donation",
        meetings=[M("monthly", 3, "10:30", "12:30", nth=3, venue="cafe")],
    ),
    S(
        "QMC Stroke Family Group",
        ["stroke"],
        "nottingham",
        group_type="professionally_led",
        org="nuh",
        hospital="qmc",
        family=True,
        description="This group is run by the stroke team at the Queen's Medical Centre for families of "
        "people who "
        "have recently had a stroke. A member of the team answers questions, and there's time to talk "
        "with other families. Local stroke clubs, run by survivors themselves, often come to say hello.",
        meetings=[M("weekly", 2, "15:00", "16:00", venue="hospital")],
    ),
    S(
        "City Hospital Breast Cancer Support Group",
        ["cancer"],
        "sherwood",
        group_type="professionally_led",
        org="nuh",
        hospital="city",
        gender="women",
        description="This group is run by the breast care nurses at Nottingham City Hospital for anyone "
        "having or "
        "recovering from treatment for breast cancer. Each month there is a short talk and plenty of "
        "time to chat with women who have been there.",
        meetings=[M("monthly", 1, "18:00", "20:00", nth=1, venue="hospital")],
    ),
    S(
        "Perinatal Peer Support Group",
        ["postnatal-depression"],
        "sherwood",
        group_type="professionally_led",
        org="nhft",
        gender="women",
        description="This group is run by the perinatal mental health team and two peer support workers who "
        "have "
        "been through postnatal depression themselves. Bring your baby – we have mats and a kettle.",
        meetings=[M("weekly", 3, "10:00", "11:30", venue="health")],
    ),
    S(
        "Ekta Bengali Carers' Circle",
        ["older-carers", "carers"],
        "sneinton",
        languages=["bn", "en"],
        carers=True,
        description="We are Bengali-speaking carers who meet to share the load. We talk about caring for our "
        "elders "
        "and children, help each other with letters and forms, and make time for ourselves.",
        meetings=[M("monthly", 6, "14:00", "16:00", nth=2, venue="community")],
    ),
    S(
        "Golden Years Chinese Elders Club",
        ["older-people", "loneliness"],
        "nottingham",
        languages=["yue", "en"],
        min_age=60,
        description="We are Cantonese-speaking elders who meet every Thursday for tai chi, mahjong, lunch "
        "and a "
        "good chat. Some of us have lived here fifty years, some came recently to be near family.",
        meetings=[M("weekly", 3, "10:00", "13:00", venue="community")],
        cost="charge",
        cost_note="£3 including lunch",
    ),
    S(
        "Salam Refugee Women's Group",
        ["refugees"],
        "radford",
        languages=["ar", "ku", "fa", "ti", "en"],
        gender="women",
        description="We are women who have come to Nottingham from many countries. We meet every Friday to "
        "practise "
        "English, share food and help each other with life here. We speak Arabic, Kurdish, Farsi, "
        "Tigrinya and English between us, and children under five can come too.",
        meetings=[M("weekly", 4, "10:00", "12:00", venue="community")],
    ),
    S(
        "Rainbow Elders Nottingham",
        ["lgbtq", "older-people"],
        "nottingham",
        min_age=50,
        description="We are lesbian, gay, bisexual and trans people over fifty. Some of us came out decades "
        "ago, "
        "some only recently. Once a month we meet for coffee and conversation, and now and then a "
        "trip out.",
        meetings=[M("monthly", 5, "14:00", "16:00", nth=3, venue="cafe")],
    ),
    S(
        "Al-Anon – West Bridgford Monday",
        ["addiction-family"],
        "west-bridgford",
        fellowship="al-anon",
        meetings=[M("weekly", 0, "19:30", "21:00", venue="church")],
    ),
    S(
        "Alcoholics Anonymous – Beeston Lunchtime",
        ["alcohol"],
        "beeston",
        fellowship="aa",
        meetings=[M("weekly", 1, "12:30", "13:30", attendance="hybrid", venue="church")],
    ),
    S(
        "Narcotics Anonymous – Sneinton Hope Group",
        ["drugs"],
        "sneinton",
        fellowship="na",
        meetings=[M("weekly", 6, "18:00", "19:30", venue="community")],
    ),
    S(
        "Mansfield Survivors of Bereavement by Suicide",
        ["suicide-bereavement"],
        "mansfield",
        org="survivors-of-bereavement-by-suicide",
        min_age=18,
        description="We are people who have lost someone to suicide and meet to support each other. Every "
        "one of us "
        "has been bereaved in this way, so you will not need to explain. You can talk or just listen.",
        meetings=[M("monthly", 1, "19:00", "21:00", nth=1, venue="church")],
    ),
    S(
        "Clifton Compassionate Friends",
        ["child-loss"],
        "clifton",
        org="compassionate-friends",
        family=True,
        description="We are bereaved parents and grandparents. Whether your child died recently or many "
        "years ago, "
        "as a baby or as an adult, we understand. We meet monthly and keep in touch by phone between "
        "meetings.",
        meetings=[M("monthly", 2, "19:30", "21:30", nth=3, venue="home")],
        phone_support=True,
    ),
    S(
        "Cercul Părinților – Romanian Parents' Circle",
        ["new-parents", "parents-of-teenagers"],
        "nottingham",
        languages=["ro", "en"],
        description="We are Romanian parents raising children in the Midlands. We meet online on Sunday "
        "evenings to "
        "talk about schools, bilingual children and missing family at home, in Romanian or English.",
        meetings=[M("weekly", 6, "20:00", "21:00", attendance="online", venue=None)],
    ),
    S(
        "Apoio em Português – Mental Health Peer Support",
        ["depression", "anxiety"],
        "nottingham",
        languages=["pt", "en"],
        description="We are Portuguese-speaking people living with depression or anxiety. It can be easier "
        "to say "
        "how you feel in your own language, so we meet online, in Portuguese, every other Wednesday.",
        meetings=[M("fortnightly", 2, "19:00", "20:30", attendance="online", venue=None)],
    ),
    S(
        "Sneinton Gujarati Diabetes Group",
        ["diabetes"],
        "sneinton",
        languages=["gu", "hi", "en"],
        family=True,
        description="We are people with type 2 diabetes from Gujarati and Hindi-speaking families. We share "
        "recipes "
        "that keep our food tasty and our sugar steady, go for walks together and talk in whichever "
        "language suits.",
        meetings=[M("monthly", 0, "11:00", "13:00", nth=4, venue="community")],
    ),
    S(
        "Lietuvių ir Lenkų Mamos – Lithuanian and Polish Mums",
        ["new-parents"],
        "bulwell",
        languages=["lt", "pl", "en"],
        gender="women",
        description="We are Lithuanian and Polish mums with babies and toddlers. Every Friday we meet in the "
        "library's "
        "children's corner for songs in three languages, a coffee and a chance to talk about life as a "
        "new parent far from our own mums.",
        meetings=[M("weekly", 4, "10:00", "11:30", venue="library")],
    ),
    S(
        "Cymdeithas Cymraeg Nottingham – Welsh Speakers' Coffee",
        ["loneliness"],
        "west-bridgford",
        languages=["cy", "en"],
        description="We are Welsh speakers and learners living around Nottingham. Some of us are lonely for "
        "the sound "
        "of our own language; all of us enjoy a paned and a chat. Croeso i bawb – all welcome.",
        meetings=[M("monthly", 5, "10:30", "12:00", nth=2, venue="cafe")],
    ),
    S(
        "Sherwood Anxiety Walk and Talk",
        ["anxiety"],
        "sherwood",
        status="paused",
        paused_days=45,
        status_note="Taking a break while our walk leader recovers from an operation – back soon.",
        meetings=[
            M("weekly", 5, "10:00", "11:30", venue="library", notes="We meet outside the library entrance.")
        ],
    ),
    S(
        "Carlton Arthritis Club",
        ["arthritis"],
        "carlton",
        status="closed",
        status_note="This group closed after 22 years. Thank you to everyone who came. The Beeston and "
        "Arnold "
        "arthritis groups would love to see you.",
        meetings=[M("monthly", 2, "14:00", "16:00", nth=2, venue="church")],
    ),
    S(
        "Hucknall Dads' Group",
        ["new-parents"],
        "hucknall",
        gender="men",
        description="We are dads (and granddads, and uncles) who bring our kids for a Saturday morning play "
        "while we "
        "have a brew and a chat. Becoming a dad can be lonely; this helps.",
        meetings=[M("weekly", 5, "09:30", "11:30", venue="community")],
    ),
    S(
        "Newark Young Widowed Group",
        ["partner-loss"],
        "newark",
        org="widowed-and-young",
        min_age=18,
        max_age=55,
        meetings=[M("monthly", 4, "19:30", "22:00", nth=1, venue="cafe")],
    ),
]


# --- the plan -----------------------------------------------------------------------------------------------


@dataclass
class GroupPlan:
    fields: dict
    categories: list
    languages: list
    meetings: list = field(default_factory=list)
    routes: list = field(default_factory=list)


@dataclass
class Plan:
    organisations: dict = field(default_factory=dict)  # key -> Organisation fields
    venues: dict = field(default_factory=dict)  # key -> Venue fields
    groups: list = field(default_factory=list)

    def counts(self):
        groups = [g.fields for g in self.groups]
        meetings = [m for g in self.groups for m in g.meetings]
        return {
            "groups": len(groups),
            "self_help": sum(g["group_type"] == "self_help" for g in groups),
            "professionally_led": sum(g["group_type"] == "professionally_led" for g in groups),
            "national": sum(g["group_type"] == "national" for g in groups),
            "online": sum(
                any(m["attendance"] in ("online", "hybrid") for m in g.meetings) for g in self.groups
            ),
            "telephone": sum(
                g.fields["phone_support"] or any(m["attendance"] == "telephone" for m in g.meetings)
                for g in self.groups
            ),
            "home_visits": sum(g["home_visits"] for g in groups),
            "other_languages": sum(any(code != "en" for code in g.languages) for g in self.groups),
            "paused": sum(g["status"] == "paused" for g in groups),
            "closed": sum(g["status"] == "closed" for g in groups),
            "organisations": len(self.organisations),
            "venues": len(self.venues),
            "members_homes": sum(v["is_members_home"] for v in self.venues.values()),
            "meetings": len(meetings),
            "contact_routes": sum(len(g.routes) for g in self.groups),
        }


def _clock(text):
    return time.fromisoformat(text) if text else None


class _Builder:
    def __init__(self, n_groups, today):
        self.n = n_groups
        self.today = today
        self.plan = Plan()
        self.names, self.slugs, self.org_slugs = set(), set(), set()
        self.topics_cycle = list(TOPICS)
        random.Random(SEED + ":cycle").shuffle(self.topics_cycle)
        self.first_levels = {c["slug"]: [child["slug"] for child in c["children"]] for c in seeds.CATEGORIES}
        self.pool = {
            "church": 3 + n_groups // 250,
            "community": 2 + n_groups // 300,
            "health": 1 + n_groups // 1000,
            "library": 1,
            "cafe": 1 + n_groups // 600,
        }

    # ids, names, slugs

    def unique_name(self, candidates):
        for name in candidates:
            slug = slugify(name)[:180]
            if name not in self.names and slug not in self.slugs:
                break
        else:
            base, n = candidates[-1], 2
            while f"{base} ({n})" in self.names or slugify(f"{base} {n}")[:180] in self.slugs:
                n += 1
            name, slug = f"{base} ({n})", slugify(f"{base} {n}")[:180]
        self.names.add(name)
        self.slugs.add(slug)
        return name, slug

    # organisations

    def organisation(self, key, name, *, description="", website="", email="", national=False):
        if key not in self.plan.organisations:
            slug, n = slugify(name)[:180], 2
            while slug in self.org_slugs:
                slug, n = f"{slugify(name)[:180]}-{n}", n + 1
            self.org_slugs.add(slug)
            self.plan.organisations[key] = {
                "id": demo_id("organisation", key),
                "name": name,
                "slug": slug,
                "description": description,
                "website": website,
                "email": email,
                "is_national": national,
            }
        return self.plan.organisations[key]["id"]

    def national_org(self, key):
        n = NATIONAL[key]
        return self.organisation(
            f"national-{key}",
            n["name"],
            website=n["website"],
            national=True,
            description=f"{n['name']} offers {n['offer']}.",
        )

    def professional_org(self, key):
        name, website, description = PROFESSIONAL_BODIES[key]
        return self.organisation(f"professional-{key}", name, website=website, description=description)

    # venues

    def venue(self, area, kind, rng, group_index=None, hospital=None):
        if kind == "home":
            return self._home(area, group_index)
        if kind == "hospital":
            return self._hospital(hospital or ("qmc" if rng.random() < 0.6 else "city"), rng)
        index = rng.randrange(self.pool[kind])
        key = f"{area.key}/{kind}/{index}"
        if key not in self.plan.venues:
            vr = random.Random(f"{SEED}:venue:{key}")
            street = vr.choice(area.streets)
            templates = {
                "church": CHURCH_HALLS,
                "community": COMMUNITY,
                "health": HEALTH,
                "library": LIBRARY,
                "cafe": CAFES,
            }[kind]
            name = (
                templates[index % len(templates)]
                if kind in ("community", "health", "library")
                else vr.choice(templates)
            )
            name = name.format(town=area.town, street=street, saint=vr.choice(SAINTS))
            public = kind in ("health", "library")
            self.plan.venues[key] = self._venue_fields(
                key,
                area,
                vr,
                name=name,
                address_1=f"{vr.randint(1, 240)} {street}",
                step_free=public or vr.random() < 0.6,
                hearing_loop=public or vr.random() < 0.35,
                accessible_toilet=public or vr.random() < 0.55,
                parking=vr.random() < 0.5,
                near_public_transport=vr.random() < 0.8,
            )
        return self.plan.venues[key]["id"]

    def _venue_fields(self, key, area, vr, **fields):
        return {
            "id": demo_id("venue", key),
            "town": area.town,
            "county": area.county,
            "postcode": f"{area.district} "
            f"{vr.choice(area.sectors)}{vr.choice(UNIT_LETTERS)}{vr.choice(UNIT_LETTERS)}",
            "latitude": round(area.latitude + vr.uniform(-0.006, 0.006), 5),
            "longitude": round(area.longitude + vr.uniform(-0.009, 0.009), 5),
            "is_members_home": False,
            "access_notes": vr.choice(ACCESS_NOTES) if vr.random() < 0.6 else "",
            "directions": vr.choice(DIRECTIONS).format(street=fields["address_1"].split(" ", 1)[1])
            if vr.random() < 0.5
            else "",
            "address_2": "",
            **fields,
        }

    def _home(self, area, group_index):
        key = f"home/{group_index}"
        vr = random.Random(f"{SEED}:venue:{key}")
        street = vr.choice(area.streets)
        self.plan.venues[key] = {
            **self._venue_fields(
                key,
                area,
                vr,
                name="A member's home",
                address_1=f"{vr.randint(1, 180)} {street}",
                step_free=vr.random() < 0.3,
                parking=vr.random() < 0.5,
                near_public_transport=vr.random() < 0.6,
            ),
            "is_members_home": True,
            "access_notes": "The address is given when you get in touch.",
            "directions": "",
        }
        return self.plan.venues[key]["id"]

    def _hospital(self, which, rng):
        name, road, town, postcode, lat, lon, rooms = HOSPITALS[which]
        room = rng.randrange(len(rooms))
        key = f"hospital/{which}/{room}"
        if key not in self.plan.venues:
            self.plan.venues[key] = {
                "id": demo_id("venue", key),
                "name": f"{name} – {rooms[room]}",
                "address_1": road,
                "address_2": "",
                "town": town,
                "county": "Nottinghamshire",
                "postcode": postcode,
                "latitude": lat,
                "longitude": lon,
                "is_members_home": False,
                "step_free": True,
                "hearing_loop": True,
                "accessible_toilet": True,
                "parking": True,
                "near_public_transport": True,
                "access_notes": "Pay-and-display parking; the tram or bus is often easier.",
                "directions": "Ask at the main reception and follow the signs.",
            }
        return self.plan.venues[key]["id"]

    # meetings and contact routes

    def meeting(self, spec, area, rng, group_index, hospital=None):
        attendance = spec["attendance"]
        venue_id = None
        if attendance in ("in_person", "hybrid"):
            venue_id = self.venue(area, spec["venue"] or "community", rng, group_index, hospital)
        weekday = spec["weekday"]
        frequency = spec["frequency"]
        starts_on = None
        if frequency == "fortnightly":
            starts_on = FORTNIGHT_ANCHOR + timedelta(days=weekday + 7 * rng.randrange(2))
        online_joining = ""
        if attendance in ("online", "hybrid"):
            online_joining = rng.choice(
                [
                    "Zoom – we send the link when you get in touch.",
                    "Microsoft Teams – ask for the link by email.",
                    "Google Meet – the link is emailed the day before.",
                    "Zoom – message us and we'll send the link.",
                ]
            )
        elif attendance == "telephone":
            online_joining = rng.choice(
                [
                    "A group phone call – we send the number to dial when you join.",
                    "We ring you – leave your number and a good time to call.",
                ]
            )
        return {
            "id": demo_id("meeting", f"{group_index}/{spec.get('n', 0)}"),
            "venue_id": venue_id,
            "attendance": attendance,
            "frequency": frequency,
            "weekday": weekday if frequency != "arranged" else None,
            "nth": spec["nth"] if frequency == "monthly" else None,
            "starts_on": starts_on,
            "start_time": _clock(spec["start"]) if frequency != "arranged" else None,
            "end_time": _clock(spec["end"]) if frequency != "arranged" else None,
            "online_joining": online_joining,
            "notes": spec.get("notes", ""),
        }

    def routes(self, slug, rng, group_index, *, sensitive=False):
        person = rng.choice(FIRST_NAMES)
        local = re.sub(r"-+", ".", slug)[:40].strip(".") or "group"
        routes = []
        roll = rng.random()
        if roll < 0.75:
            mobile = rng.random() < 0.45
            number = (
                f"07700 900{rng.randrange(1000):03d}" if mobile else f"0115 496 0{rng.randrange(1000):03d}"
            )
            routes.append(
                {
                    "kind": "phone",
                    "contact_name": person,
                    "value": number,
                    "note": rng.choice(
                        [
                            "Weekday evenings",
                            "Any time – leave a message and we'll ring back",
                            "After 6pm",
                            "Monday to Friday, 10am to 4pm",
                            "",
                            "",
                        ]
                    ),
                    "visibility": "on_request" if sensitive or rng.random() < 0.12 else "public",
                }
            )
            if mobile and rng.random() < 0.3:
                routes.append(
                    {
                        "kind": "text",
                        "contact_name": person,
                        "value": number,
                        "note": "Texts welcome",
                        "visibility": routes[-1]["visibility"],
                    }
                )
        if roll >= 0.5 or not routes:
            routes.append(
                {
                    "kind": "email",
                    "contact_name": person if rng.random() < 0.5 else "",
                    "value": f"{local}@example.org",
                    "note": "",
                    "visibility": "on_request" if rng.random() < 0.05 else "public",
                }
            )
        if rng.random() < 0.3:
            routes.append(
                {
                    "kind": "website",
                    "contact_name": "",
                    "value": f"https://example.org/groups/{slug}",
                    "note": "",
                    "visibility": "public",
                }
            )
        if rng.random() < 0.15:
            routes.append(
                {
                    "kind": "social",
                    "contact_name": "",
                    "value": f"https://example.org/social/{slug}",
                    "note": "Our page has news of the next meeting",
                    "visibility": "public",
                }
            )
        if rng.random() < 0.1:
            routes.append(
                {
                    "kind": "phone",
                    "contact_name": rng.choice(FIRST_NAMES),
                    "value": f"0115 496 0{rng.randrange(1000):03d}",
                    "note": "Secretary – for the clearinghouse only",
                    "visibility": "hidden",
                }
            )
        for position, route in enumerate(routes):
            route["id"] = demo_id("contact", f"{group_index}/{position}")
            route["position"] = position
        return routes

    # groups

    def group_fields(self, index, rng, **fields):
        confirmed_days = rng.randint(3, 180) if rng.random() < 0.85 else rng.randint(240, 430)
        base = {
            "id": demo_id("group", index),
            "alternate_name": "",
            "group_type": "self_help",
            "what_to_expect": "",
            "for_people_affected": True,
            "for_family_friends": False,
            "for_carers": False,
            "gender": "anyone",
            "minimum_age": None,
            "maximum_age": None,
            "eligibility_note": "",
            "home_visits": False,
            "phone_support": False,
            "cost": "free",
            "cost_note": "",
            "website": "",
            "status": "active",
            "paused_until": None,
            "status_note": "",
            "last_confirmed": self.today - timedelta(days=confirmed_days),
        }
        base.update(fields)
        return base

    def add_national(self, index, entry):
        rng = random.Random(f"{SEED}:group:{index}")
        name, slug = self.unique_name([entry["name"], f"{entry['name']} (national)"])
        org_id = self.national_org(entry["key"])
        description = (
            f"{entry['name']} is a national organisation. Wherever you live, it offers {entry['offer']}. "
            "If there is no local group near you, or you would rather not meet people face to face, this is "
            "a "
            "good place to start."
        )
        fields = self.group_fields(
            index,
            rng,
            organisation_id=org_id,
            name=name,
            slug=slug,
            group_type="national",
            alternate_name=entry["alternate"],
            description=description,
            website=entry["website"],
            phone_support=entry["helpline"],
            for_family_friends=True,
            what_to_expect=rng.choice(
                [
                    "Their website explains each way of getting support, so you can choose what suits you.",
                    "You can read their information first and get in touch when you are ready.",
                ]
            ),
            last_confirmed=self.today - timedelta(days=rng.randint(3, 120)),
        )
        meetings = []
        if entry["online"]:
            slot = rng.choice(SLOTS["evening"] + SLOTS["afternoon"])
            meetings.append(
                self.meeting(
                    M(
                        "monthly",
                        rng.randrange(5),
                        slot[0],
                        slot[1],
                        nth=rng.choice([1, 2, 3, 4, -1]),
                        attendance="online",
                        venue=None,
                    ),
                    None,
                    rng,
                    index,
                )
            )
        routes = [
            {
                "id": demo_id("contact", f"{index}/0"),
                "kind": "website",
                "contact_name": "",
                "value": entry["website"],
                "position": 0,
                "visibility": "public",
                "note": "Helpline numbers and opening times are on the website" if entry["helpline"] else "",
            }
        ]
        self.plan.groups.append(GroupPlan(fields, list(entry["categories"]), ["en"], meetings, routes))

    def add_special(self, index, spec):
        rng = random.Random(f"{SEED}:group:{index}")
        area = AREA[spec["area"]]
        name, slug = self.unique_name([spec["name"]])
        categories = spec["categories"]
        topic = TOPICS.get(categories[0])
        group_type = spec.get("group_type", "self_help")
        fellowship = spec.get("fellowship")
        if fellowship:
            org_id = self.national_org(FELLOWSHIPS[fellowship][0])
            description = self.fellowship_description(fellowship, rng)
        elif group_type == "professionally_led":
            org_id = self.professional_org(spec["org"])
            description = spec["description"]
        elif spec.get("org"):
            org_id = self.national_org(spec["org"])
            description = spec.get("description") or self.self_help_description(topic, area, rng)
        else:
            org_id = self.organisation(
                f"group-{slug}", name, description="A self-help group run by its members."
            )
            description = spec.get("description") or self.self_help_description(topic, area, rng, name=name)
        status = spec.get("status", "active")
        fields = self.group_fields(
            index,
            rng,
            organisation_id=org_id,
            name=name,
            slug=slug,
            group_type=group_type,
            description=description,
            what_to_expect=self.what_to_expect(rng, spec["meetings"], fellowship=fellowship),
            for_family_friends=spec.get("family", False),
            for_carers=spec.get("carers", False),
            gender=spec.get("gender", "anyone"),
            minimum_age=spec.get("min_age"),
            maximum_age=spec.get("max_age"),
            home_visits=spec.get("home_visits", False),
            phone_support=spec.get("phone_support", False)
            or any(m["attendance"] == "telephone" for m in spec["meetings"]),
            cost=spec.get("cost", "free"),
            cost_note=spec.get("cost_note", ""),
            status=status,
            paused_until=self.today + timedelta(days=spec["paused_days"]) if status == "paused" else None,
            status_note=spec.get("status_note", ""),
        )
        fields["eligibility_note"] = self.eligibility_note(fields, rng)
        meetings = [
            self.meeting({**m, "n": n}, area, rng, index, hospital=spec.get("hospital"))
            for n, m in enumerate(spec["meetings"])
        ]
        routes = self.routes(slug, rng, index)
        self.plan.groups.append(
            GroupPlan(fields, list(categories), spec.get("languages", ["en"]), meetings, routes)
        )

    def pick_topic(self, generated_index, rng):
        if generated_index < len(self.topics_cycle):
            return self.topics_cycle[generated_index]
        first = rng.choices(list(FIRST_LEVEL_WEIGHTS), weights=list(FIRST_LEVEL_WEIGHTS.values()))[0]
        return rng.choice(self.first_levels[first])

    def add_generated(self, index, generated_index):
        rng = random.Random(f"{SEED}:group:{index}")
        slug_key = self.pick_topic(generated_index, rng)
        topic = TOPICS[slug_key]
        area = rng.choices(AREAS, weights=[a.weight for a in AREAS])[0]
        fields = {}
        fellowship = topic.fellowship if topic.fellowship and rng.random() < 0.5 else ""
        professional = bool(topic.team) and not fellowship and not topic.online_only and rng.random() < 0.25
        hospital = None
        if professional:
            body = topic.run_by
            if body == "nuh":
                if area.key in ("mansfield", "newark"):
                    body, hospital = "sfh", area.key
                else:
                    area = AREA[rng.choice(["lenton", "sherwood", "nottingham"])]
                    hospital = "qmc" if area.key == "lenton" else "city" if area.key == "sherwood" else None
            elif body == "council":
                body = "city-council" if area.city else "county-council"
            org_id = self.professional_org(body)
        # Who can come
        gender, min_age, max_age = topic.gender, topic.min_age, topic.max_age
        pattern_choices = list(topic.names)
        if topic.gendered and rng.random() < 0.15:
            gender = rng.choice(["men", "women"])
            word = "Men's" if gender == "men" else "Women's"
            pattern_choices = [f"{{town}} {word} {topic.stem} Group", f"{word} {topic.stem} Group – {{town}}"]
        else:
            # Patterns that fix the gender (e.g. prostate cancer) are used for only some groups.
            rng.shuffle(pattern_choices)
        # How they meet
        mode = self.meeting_mode(topic, rng, fellowship)
        if professional and mode in ("members_home", "home_visits", "telephone"):
            mode = "in_person"
        specs = self.meeting_specs(topic, mode, rng, fellowship)
        if professional:
            for spec in specs:
                if spec["venue"]:
                    spec["venue"] = "hospital" if hospital else "health"
        # The name
        day = DAY_NAMES[specs[0]["weekday"]] if specs[0]["weekday"] is not None else ""
        part = PART_OF_DAY[self.part_of_day(specs[0]["start"])] if specs[0]["start"] else ""
        if fellowship:
            fellowship_name = FELLOWSHIPS[fellowship][1]
            candidates = [
                f"{fellowship_name} – {area.town} {day}",
                f"{fellowship_name} – {area.town} {day} {part}",
            ]
        else:
            candidates = []
            for pattern in pattern_choices:
                text, overrides = pattern if isinstance(pattern, tuple) else (pattern, {})
                candidates.append((text.format(town=area.town), overrides))
            stem = topic.clinic or topic.stem
            if professional and hospital:
                where = {
                    "qmc": "QMC",
                    "city": "City Hospital",
                    "newark": "Newark Hospital",
                    "mansfield": "Mansfield Community Hospital",
                }[hospital]
                candidates = [
                    (f"{stem} Support Group at {where}", {}),
                    (f"{where} {stem} Group", {}),
                ] + candidates
            elif professional:
                candidates = [(f"{stem} Support Group – {area.town}", {})] + candidates
            first_text, first_overrides = candidates[0]
            candidates += [
                (f"{first_text} – {day}", first_overrides),
                (f"{first_text} – {day} {part}", first_overrides),
            ]
            overrides = dict(candidates[::-1])
            candidates = [text for text, _ in candidates]
        name, slug = self.unique_name(candidates)
        if not fellowship:
            fields.update(overrides.get(name, {}))
        gender = fields.pop("gender", gender)
        # Organisation
        if fellowship:
            org_id = self.national_org(FELLOWSHIPS[fellowship][0])
        elif not professional:
            org_id = self.organisation(
                f"group-{slug}",
                name,
                description="A self-help group run by its members.",
                email=f"{re.sub(r'-+', '.', slug)[:40].strip('.')}@example.org" if rng.random() < 0.3 else "",
            )
        # Words
        if fellowship:
            description = self.fellowship_description(fellowship, rng)
        elif professional:
            description = self.professional_description(topic, hospital, area, rng)
        else:
            description = self.self_help_description(topic, area, rng, name=name, mode=mode)
        family = topic.family or rng.random() < 0.12
        status, paused_until, status_note = "active", None, ""
        roll = rng.random()
        if roll < 0.035:
            status, paused_until = "paused", self.today + timedelta(days=rng.randint(14, 150))
            status_note = rng.choice(
                [
                    "Taking a break over the summer – back soon.",
                    "Paused while we look for a new venue.",
                    "Having a rest while we find a new organiser. Get in touch if you could help.",
                ]
            )
        elif roll < 0.045:
            status = "closed"
            status_note = "This group has now closed. Thank you to everyone who came along over the years."
        cost_roll = rng.random()
        cost, cost_note = "free", ""
        if cost_roll < 0.25:
            cost, cost_note = (
                "donation",
                rng.choice(
                    ["Donations towards the room welcome", "Pop something in the tea fund if you can", ""]
                ),
            )
        elif cost_roll < 0.35:
            cost, cost_note = (
                "charge",
                rng.choice(
                    [
                        "£2 a session, including refreshments",
                        "£1 towards the room",
                        "£3 including lunch",
                        "£2.50 a session",
                    ]
                ),
            )
        fields.update(
            organisation_id=org_id,
            name=name,
            slug=slug,
            description=description,
            group_type="professionally_led" if professional else "self_help",
            what_to_expect=self.what_to_expect(rng, specs, fellowship=fellowship, mode=mode)
            if rng.random() < 0.85
            else "",
            for_people_affected=topic.affected,
            for_family_friends=family or not topic.affected,
            for_carers=topic.carers,
            gender=gender,
            minimum_age=min_age,
            maximum_age=max_age,
            home_visits=mode == "home_visits",
            phone_support=mode in ("telephone", "home_visits") or rng.random() < 0.08,
            cost=cost,
            cost_note=cost_note,
            status=status,
            paused_until=paused_until,
            status_note=status_note,
        )
        group = self.group_fields(index, rng, **fields)
        group["eligibility_note"] = self.eligibility_note(group, rng)
        meetings = [self.meeting({**s, "n": n}, area, rng, index, hospital) for n, s in enumerate(specs)]
        routes = self.routes(slug, rng, index, sensitive=slug_key == "domestic-abuse-recovery")
        languages = ["en"]
        if slug_key == "refugees":
            languages += rng.sample(["ar", "ku", "fa", "ti", "so"], 2)
        elif rng.random() < 0.03:
            languages += [
                rng.choice(["pl", "ur", "pa", "bn", "gu", "ar", "so", "ro", "yue", "hi", "pt", "lt"])
            ]
        categories = [slug_key, *topic.also]
        self.plan.groups.append(GroupPlan(group, categories, languages, meetings, routes))

    @staticmethod
    def part_of_day(start):
        hour = int(start[:2]) + int(start[3:]) / 60
        if hour < 12:
            return "morning"
        if hour < 13.5:
            return "lunchtime"
        return "afternoon" if hour < 17 else "evening"

    def meeting_mode(self, topic, rng, fellowship):
        if topic.online_only:
            return "online" if rng.random() < 0.8 else "telephone"
        roll = rng.random()
        if fellowship:
            return "hybrid" if roll < 0.15 else "online" if roll < 0.25 else "in_person"
        for mode, upto in (
            ("online", 0.10),
            ("telephone", 0.15),
            ("hybrid", 0.23),
            ("home_visits", 0.29),
            ("members_home", 0.37),
        ):
            if roll < upto:
                return mode
        return "in_person"

    def meeting_specs(self, topic, mode, rng, fellowship):
        if mode == "home_visits":
            # Visits happen wherever the person lives; the group also has a get-together, or talks by phone.
            if rng.random() < 0.6:
                return [self.scheduled(topic, rng, "in_person", fellowship)]
            return [M("arranged", attendance="telephone", venue=None)]
        attendance = {"members_home": "in_person"}.get(mode, mode)
        specs = [self.scheduled(topic, rng, attendance, fellowship, home=mode == "members_home")]
        if rng.random() < 0.15 and mode != "telephone":
            second = self.scheduled(
                topic,
                rng,
                "online" if rng.random() < 0.5 else attendance,
                fellowship,
                home=mode == "members_home",
            )
            if second["weekday"] != specs[0]["weekday"]:
                specs.append(second)
        return specs

    def scheduled(self, topic, rng, attendance, fellowship, home=False):
        if fellowship:
            frequency = "weekly"
        else:
            frequency = rng.choices(["weekly", "fortnightly", "monthly"], weights=[35, 15, 50])[0]
        weekday = rng.choices(range(7), weights=[15, 17, 17, 17, 12, 9, 5])[0]
        if topic.evenings or fellowship:
            part = rng.choices(["evening", "lunchtime", "morning"], weights=[80, 10, 10])[0]
        elif topic.min_age and topic.max_age and topic.max_age <= 18:
            part = "afternoon" if weekday >= 5 else "evening"
        else:
            part = rng.choices(["morning", "afternoon", "evening", "lunchtime"], weights=[30, 30, 35, 5])[0]
        if weekday == 6 and part == "evening" and rng.random() < 0.5:
            part = "afternoon"
        start, end = rng.choice(SLOTS[part])
        venue = None
        if attendance in ("in_person", "hybrid"):
            venue = (
                "home"
                if home
                else rng.choices(
                    ["church", "community", "health", "library", "cafe"], weights=[35, 35, 10, 10, 10]
                )[0]
            )
        return M(
            frequency,
            weekday,
            start,
            end,
            nth=rng.choice([1, 1, 2, 2, 3, 3, 4, -1]) if frequency == "monthly" else None,
            attendance=attendance,
            venue=venue,
            notes=rng.choice(
                [
                    "",
                    "",
                    "",
                    "",
                    "No meeting in August.",
                    "Please ring before your first visit.",
                    "Tea and biscuits provided.",
                ]
            )
            if venue
            else "",
        )

    # words

    def self_help_description(self, topic, area, rng, name="", mode="in_person"):
        if topic is None:
            return "We are a friendly self-help group, run by and for our members."
        openers = [
            f"We are a friendly group of {topic.people} in and around {area.town}.",
            f"We're a small, welcoming self-help group run by and for {topic.people}.",
            f"This group was started by a few of us who know first-hand what {topic.life} is like and wanted "
            "somewhere to talk to people who really understand.",
            f"We are {topic.people}, and we meet to support each other.",
            f"Our group is for {topic.people}. Everyone here has been through it themselves.",
            f"{name or 'Our group'} is a self-help group: it is run by {topic.people}, for each other.",
        ]
        shares = [
            f"We talk about {topic.share}.",
            f"Between us we know a lot about {topic.share}, and we are glad to pass it on.",
            f"Conversation usually turns to {topic.share} – or anything else on your mind.",
            f"We share what we've learned about {topic.share}.",
        ]
        extras = [
            "There's always tea, coffee and biscuits, and sometimes a guest speaker.",
            "Some months we invite a speaker; other times we simply talk.",
            "Now and then we go out for a meal or a walk together.",
            "We keep a small library of books and leaflets you are welcome to borrow.",
            "Nobody has to talk – plenty of people just listen for the first few times.",
            "Between meetings we keep in touch by phone and a group chat.",
            "We're not experts, just people who have been there.",
        ]
        closers = [
            "Most of all, it's a place where you don't have to explain yourself.",
            "Being with people who get it has made a real difference to all of us.",
            "You'll be very welcome, whether it's all new to you or you've lived with it for years.",
            "Come as you are – there's no need to book.",
            "We'd love to meet you.",
        ]
        if mode == "online":
            extras.append("We meet online so you can join from your sofa, with your camera on or off.")
        if mode == "telephone":
            extras = ["We meet by phone, so you can take part without leaving home."]
        if mode == "home_visits":
            extras = [
                "If getting out is hard, one of us can come and visit you at home for a cup of tea and a "
                "chat."
            ]
        sentences = [rng.choice(openers), rng.choice(shares)]
        if rng.random() < 0.75:
            sentences.append(rng.choice(extras))
        if topic.family and topic.affected and rng.random() < 0.6:
            sentences.append(
                rng.choice(
                    [
                        "Partners, family and friends are welcome too.",
                        "Family members are just as welcome as the person affected.",
                    ]
                )
            )
        if rng.random() < 0.7:
            sentences.append(rng.choice(closers))
        return " ".join(sentences[:4] if len(sentences) > 4 else sentences)

    def professional_description(self, topic, hospital, area, rng):
        where = {
            "qmc": "the Queen's Medical Centre",
            "city": "Nottingham City Hospital",
            "newark": "Newark Hospital",
            "mansfield": "Mansfield Community Hospital",
        }.get(hospital, area.town)
        return " ".join(
            [
                rng.choice(
                    [
                        f"This group is run by {topic.team} at {where} for {topic.people}.",
                        f"{topic.team[0].upper()}{topic.team[1:]} runs this group in {where} for "
                        f"{topic.people}.",
                    ]
                ),
                rng.choice(
                    [
                        "Each session has a short talk or a chance to ask the team questions, then time to "
                        "talk with "
                        "others going through the same thing.",
                        "Sessions mix practical information from the team with time to meet others in the "
                        "same boat.",
                    ]
                ),
                rng.choice(
                    [
                        "It is led by staff rather than by members; we can also tell you about local "
                        f"self-help groups run by people with experience of {topic.life}.",
                        "You don't need to be under our care to come along – anyone affected is welcome.",
                    ]
                ),
            ]
        )

    def fellowship_description(self, fellowship, rng):
        extra = rng.choice(
            [
                "Newcomers are especially welcome, and you don't have to say anything.",
                "This is an open meeting: family and friends may come too.",
                "Come a few minutes early and someone will say hello.",
            ]
        )
        return f"{FELLOWSHIP_WORDS[fellowship]} {extra}"

    def what_to_expect(self, rng, specs, fellowship="", mode="in_person"):
        attendances = {s["attendance"] for s in specs}
        if fellowship:
            return rng.choice(
                [
                    "The meeting follows the usual format: a reading, then people share. You can just "
                    "listen.",
                    "Meetings last about an hour and a half. Nobody will ask you to speak, and you can leave "
                    "at any time.",
                ]
            )
        if mode == "home_visits":
            return "Tell us a good time and a volunteer who has been through it too will come to you."
        if attendances == {"online"}:
            return rng.choice(
                [
                    "Cameras and microphones can stay off, and you can type in the chat if you'd rather.",
                    "The host will say hello and explain how things work. Stay for as long or as little as "
                    "you like.",
                ]
            )
        if attendances == {"telephone"}:
            return "We'll ring you at a time that suits you, for a chat as short or as long as you want."
        name = rng.choice(FIRST_NAMES)
        return rng.choice(
            [
                "Someone will meet you at the door and show you where the kettle is. You can just sit and "
                "listen – "
                "nobody will ask you to speak.",
                "Your first time can feel daunting, so we'll pair you with someone who has been coming a "
                "while. Stay "
                "for as long or as little as you like.",
                "We sit in a circle and say how things have been, but you can always pass.",
                "It's relaxed and informal. Most people say they wish they'd come sooner.",
                f"If you'd rather not walk in on your own, ring beforehand and {name} will meet you outside.",
                "Bring a friend if it helps. There's no need to book and no need to say why you're there.",
            ]
        )

    @staticmethod
    def eligibility_note(fields, rng):
        if fields["group_type"] == "national":
            return ""
        if fields["maximum_age"] and fields["maximum_age"] <= 18:
            return "Parents or carers are welcome to come along to the first session."
        return rng.choice(
            [
                "",
                "",
                "",
                "",
                "You don't need a diagnosis to come.",
                "Open to anyone in Nottingham and Nottinghamshire.",
                "You can come whether or not you are having treatment.",
                "You don't need to be a member of anything to come.",
            ]
        )

    # order

    def build(self):
        nationals, specials, generated = iter(NATIONALS), iter(SPECIALS), 0
        for index in range(self.n):
            if index % 4 == 3 and (entry := next(nationals, None)):
                self.add_national(index, entry)
            elif index % 4 == 1 and (spec := next(specials, None)):
                self.add_special(index, spec)
            else:
                self.add_generated(index, generated)
                generated += 1
        return self.plan


def build_plan(n_groups=250, today=None):
    """The whole demo directory for `n_groups` groups, in memory. Same n -> same ids, names and structure."""
    from django.utils import timezone

    return _Builder(n_groups, today or timezone.localdate()).build()


# --- writing ------------------------------------------------------------------------------------------------


def clear_demo_data(everything=False):
    """Delete the demo's own rows (those with the demo id prefix), or with everything=True the whole directory
    (groups, venues and organisations; categories and languages stay)."""
    from twoworlds.search.models import SearchDocument

    from .models import ContactRoute, Group, Meeting, Organisation, Venue

    if everything:
        groups, venues, organisations = Group.objects.all(), Venue.objects.all(), Organisation.objects.all()
    else:
        groups = Group.objects.filter(id__range=DEMO_ID_RANGE)
        venues = Venue.objects.filter(id__range=DEMO_ID_RANGE)
        organisations = Organisation.objects.filter(id__range=DEMO_ID_RANGE)
    SearchDocument.objects.filter(group__in=groups).delete()
    ContactRoute.objects.filter(group__in=groups).delete()
    Meeting.objects.filter(group__in=groups).delete()
    groups.delete()
    venues.filter(meetings__isnull=True).delete()
    organisations.filter(groups__isnull=True).delete()


def _free_slugs(model, rows):
    """Keep demo slugs clear of slugs that rows outside the demo already use (the plan is fixed; the database
    may hold anything)."""
    wanted = [row["slug"] for row in rows]
    taken = set()
    for start in range(0, len(wanted), 500):
        taken |= set(
            model.objects.filter(slug__in=wanted[start : start + 500]).values_list("slug", flat=True)
        )
    for row in rows:
        if row["slug"] in taken:
            n = 1
            while f"{row['slug']}-demo{n if n > 1 else ''}" in taken:
                n += 1
            row["slug"] = f"{row['slug']}-demo{n if n > 1 else ''}"
            taken.add(row["slug"])


def _lookups():
    from .models import Category, Language

    seeds.load(Category, Language, update=False)  # in case staff removed a seeded category or language
    return {c.slug: c for c in Category.objects.all()}, {lang.code: lang for lang in Language.objects.all()}


def write_with_services(plan, progress=None):
    """Write the plan through the directory's service functions, as the admin would: full validation, and the
    same code path for slugs and search upkeep."""
    from . import services
    from .models import ContactRoute, Group, Meeting, Organisation, Venue

    categories, languages = _lookups()
    _free_slugs(Organisation, plan.organisations.values())
    _free_slugs(Group, [g.fields for g in plan.groups])
    for fields in plan.organisations.values():
        services.save_organisation(Organisation(**fields))
    for fields in plan.venues.values():
        services.save_venue(Venue(**fields))
    for planned in plan.groups:
        group = services.save_group(
            Group(**planned.fields),
            categories=[categories[slug] for slug in planned.categories],
            languages=[languages[code] for code in planned.languages],
        )
        for fields in planned.meetings:
            services.save_meeting(Meeting(group=group, **fields))
        for fields in planned.routes:
            services.save_contact_route(ContactRoute(group=group, **fields))
        if progress:
            progress(1)


def write_in_bulk(plan, progress=None, batch=1000):
    """Write the plan with bulk_create. This bypasses the service functions on purpose, for speed with
    thousands of groups: saving one row at a time (and queueing a search update per row) takes minutes for
    10,000 groups. Every row is still validated with the model's own rules (field validators and clean())
    first, and the caller rebuilds the search index once at the end, which is what the services'
    listing_changed() would otherwise have done group by group."""
    from .models import ContactRoute, Group, Meeting, Organisation, Venue

    categories, languages = _lookups()
    _free_slugs(Organisation, plan.organisations.values())
    _free_slugs(Group, [g.fields for g in plan.groups])

    def checked(model, rows, exclude=()):
        objects = []
        for fields in rows:
            obj = model(**fields)
            # Uniqueness is guaranteed by the plan (and _free_slugs); foreign keys point at rows written just
            # before, so skip the per-row database look-ups that full_clean would make for them.
            obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
            objects.append(obj)
        return objects

    Organisation.objects.bulk_create(checked(Organisation, plan.organisations.values()), batch_size=batch)
    Venue.objects.bulk_create(checked(Venue, plan.venues.values()), batch_size=batch)
    for start in range(0, len(plan.groups), batch):
        chunk = plan.groups[start : start + batch]
        Group.objects.bulk_create(
            checked(Group, [g.fields for g in chunk], exclude=["organisation", "categories", "languages"]),
            batch_size=batch,
        )
        Group.categories.through.objects.bulk_create(
            [
                Group.categories.through(group_id=g.fields["id"], category_id=categories[slug].pk)
                for g in chunk
                for slug in dict.fromkeys(g.categories)
            ],
            batch_size=batch,
        )
        Group.languages.through.objects.bulk_create(
            [
                Group.languages.through(group_id=g.fields["id"], language_id=languages[code].pk)
                for g in chunk
                for code in dict.fromkeys(g.languages)
            ],
            batch_size=batch,
        )
        Meeting.objects.bulk_create(
            checked(
                Meeting,
                [{**m, "group_id": g.fields["id"]} for g in chunk for m in g.meetings],
                exclude=["group", "venue"],
            ),
            batch_size=batch,
        )
        ContactRoute.objects.bulk_create(
            checked(
                ContactRoute,
                [{**r, "group_id": g.fields["id"]} for g in chunk for r in g.routes],
                exclude=["group"],
            ),
            batch_size=batch,
        )
        if progress:
            progress(len(chunk))
