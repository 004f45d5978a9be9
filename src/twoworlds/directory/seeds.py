"""Seed data every deployment starts with: the two-level issue taxonomy and the languages groups meet in.

Plain data (lists of dicts) so that the data migration, the demo data and tests can all use it. Category
ids are fixed (uuid5 of a URL made from the slug), so a category has the same id on every deployment and
HSDS exports agree across them.

`lay_terms` are the everyday words people type. Short acronyms are written in capitals on purpose: search
treats a short all-capitals term as case-sensitive, so "ME" matches the illness and "help me" does not.
"""

import uuid

CATEGORY_URL = "https://twoworlds.example/categories/{slug}"


def category_id(slug):
    """The fixed id of the seeded category with this slug."""
    return uuid.uuid5(uuid.NAMESPACE_URL, CATEGORY_URL.format(slug=slug))


def _c(slug, name, description, lay_terms):
    return {"slug": slug, "name": name, "description": description, "lay_terms": lay_terms}


CATEGORIES = [
    {
        **_c(
            "chronic-illness",
            "Chronic illness",
            "Long-term conditions that shape everyday life, for the people living with them and those close "
            "to them.",
            "long-term illness, long term condition, chronic condition, always ill",
        ),
        "children": [
            _c(
                "me-cfs",
                "ME and chronic fatigue syndrome",
                "Myalgic encephalomyelitis (ME), also called chronic fatigue syndrome (CFS).",
                "ME, CFS, ME/CFS, chronic fatigue, always exhausted, post-viral fatigue, myalgic "
                "encephalomyelitis",
            ),
            _c(
                "long-covid",
                "Long COVID",
                "Symptoms that carry on for months after a COVID-19 infection.",
                "long covid, post covid, still ill after covid, covid fatigue",
            ),
            _c(
                "arthritis",
                "Arthritis",
                "Osteoarthritis, rheumatoid arthritis and other conditions that affect the joints.",
                "arthritis, rheumatoid arthritis, osteoarthritis, joint pain, stiff joints, RA, gout",
            ),
            _c(
                "diabetes",
                "Diabetes",
                "Type 1 and type 2 diabetes, for people managing it day to day and their families.",
                "diabetic, type 1 diabetes, type 2 diabetes, blood sugar, sugar diabetes, insulin",
            ),
            _c(
                "chronic-pain",
                "Chronic pain and fibromyalgia",
                "Pain that lasts, whatever its cause, including fibromyalgia.",
                "chronic pain, fibromyalgia, fibro, constant pain, pain all the time, back pain",
            ),
            _c(
                "bowel-conditions",
                "Crohn's, colitis and bowel conditions",
                "Crohn's disease, ulcerative colitis (IBD), irritable bowel syndrome (IBS) and stomas.",
                "Crohn's, crohns, colitis, ulcerative colitis, IBD, IBS, irritable bowel, stoma, ostomy",
            ),
            _c(
                "lung-conditions",
                "Lung conditions and COPD",
                "COPD, emphysema, bronchiectasis, asthma and other conditions that make breathing hard.",
                "COPD, emphysema, bronchitis, breathless, breathlessness, short of breath, asthma, "
                "bronchiectasis, lung disease",
            ),
            _c(
                "heart-conditions",
                "Heart conditions",
                "Life after a heart attack or heart surgery, heart failure, angina and arrhythmias.",
                "heart attack, heart failure, angina, heart surgery, bypass, pacemaker, heart disease, "
                "AF, atrial fibrillation",
            ),
        ],
    },
    {
        **_c(
            "disability",
            "Disability",
            "Living with a disability, and the practical and emotional sides of it.",
            "disabled, disabilities, impairment",
        ),
        "children": [
            _c(
                "hearing-loss",
                "Hearing loss and deafness",
                "Deaf people, people losing their hearing and people who use hearing aids or implants.",
                "deaf, going deaf, hard of hearing, hearing aids, losing my hearing, cochlear implant, "
                "BSL, sign language, deafened",
            ),
            _c(
                "sight-loss",
                "Sight loss",
                "Blind and partially sighted people and people whose sight is changing.",
                "blind, partially sighted, losing my sight, macular degeneration, AMD, glaucoma, "
                "visually impaired, failing eyesight",
            ),
            _c(
                "autism",
                "Autism",
                "Autistic adults and young people, and families of autistic children.",
                "autistic, Asperger's, aspergers, ASD, ASC, neurodivergent, on the spectrum",
            ),
            _c(
                "adhd",
                "ADHD",
                "Attention deficit hyperactivity disorder, diagnosed or wondering.",
                "ADHD, ADD, attention deficit, hyperactivity, neurodivergent",
            ),
            _c(
                "learning-disability",
                "Learning disability",
                "People with a learning disability, and their families.",
                "learning disabilities, learning difficulties, Down's syndrome, downs syndrome",
            ),
            _c(
                "physical-disability",
                "Physical disability and mobility",
                "Wheelchair users, amputees, spinal injury and other mobility impairments.",
                "wheelchair user, wheelchair, amputee, amputation, limb loss, mobility problems, "
                "spinal injury, paralysed",
            ),
            _c(
                "brain-injury",
                "Brain injury",
                "Life after a head or brain injury, for survivors and their families.",
                "head injury, brain injury, ABI, TBI, brain damage, acquired brain injury",
            ),
        ],
    },
    {
        **_c(
            "specific-conditions",
            "Specific medical conditions",
            "Groups around one named condition, for the people who have it and the people close to them.",
            "diagnosis, medical condition, just diagnosed",
        ),
        "children": [
            _c(
                "dementia",
                "Dementia",
                "Alzheimer's disease and other dementias, for people living with dementia and their "
                "families.",
                "Alzheimer's, alzheimers, memory loss, memory problems, forgetful, vascular dementia, "
                "losing their memory, memory cafe",
            ),
            _c(
                "stroke",
                "Stroke",
                "Recovering and living well after a stroke, for survivors and families.",
                "stroke, mini stroke, TIA, had a stroke, stroke survivor, aphasia",
            ),
            _c(
                "multiple-sclerosis",
                "Multiple sclerosis",
                "Multiple sclerosis (MS), relapsing or progressive.",
                "MS, multiple sclerosis",
            ),
            _c(
                "parkinsons",
                "Parkinson's",
                "Parkinson's disease and related conditions.",
                "Parkinson's, parkinsons, tremor, shaky hands",
            ),
            _c(
                "epilepsy",
                "Epilepsy",
                "Epilepsy and seizures, for people who have them and their families.",
                "seizures, having fits, epileptic, blackouts",
            ),
            _c(
                "cancer",
                "Cancer",
                "Any cancer: during treatment, after it, and living with it.",
                "tumour, chemo, chemotherapy, radiotherapy, breast cancer, prostate cancer, bowel cancer, "
                "lung cancer, in remission",
            ),
            _c(
                "tinnitus",
                "Tinnitus",
                "Ringing, buzzing or other sounds in the ears or head that no one else can hear.",
                "ringing in my ears, ringing in the ears, buzzing in ears, noises in my head, "
                "whistling in my ears, hissing in my ears",
            ),
            _c(
                "motor-neurone-disease",
                "Motor neurone disease",
                "Motor neurone disease (MND), for people living with it, their families and carers.",
                "MND, ALS, motor neurone, motor neuron disease",
            ),
        ],
    },
    {
        **_c(
            "rare-illnesses",
            "Rare illnesses",
            "Conditions so rare that meeting one other person who has one can change everything.",
            "rare disease, rare condition, nobody has heard of it",
        ),
        "children": [
            _c(
                "lupus",
                "Lupus",
                "Systemic lupus erythematosus (SLE) and related autoimmune conditions.",
                "lupus, SLE, autoimmune",
            ),
            _c(
                "rare-genetic-conditions",
                "Rare genetic conditions",
                "Rare genetic and chromosome conditions, diagnosed or still undiagnosed.",
                "genetic condition, chromosome disorder, syndrome without a name, SWAN, undiagnosed, "
                "rare syndrome",
            ),
            _c(
                "huntingtons",
                "Huntington's disease",
                "Huntington's disease, for people affected, at risk, and their families.",
                "Huntington's, huntingtons, Huntington's chorea",
            ),
            _c(
                "cystic-fibrosis",
                "Cystic fibrosis",
                "Cystic fibrosis, for adults with CF and families of children with CF.",
                "CF, cystic fibrosis",
            ),
            _c(
                "ehlers-danlos",
                "Ehlers-Danlos syndromes and hypermobility",
                "Ehlers-Danlos syndromes (EDS) and hypermobility spectrum disorders.",
                "EDS, hEDS, hypermobility, bendy joints, Ehlers Danlos",
            ),
        ],
    },
    {
        **_c(
            "carers",
            "Carers",
            "People who look after someone: a partner, parent, child, relative or friend.",
            "carer, caring for someone, looking after someone, unpaid carer, family carer",
        ),
        "children": [
            _c(
                "young-carers",
                "Young carers",
                "Children and young people who help look after someone at home.",
                "young carer, looking after my mum, looking after my dad, caring for a parent, young adult "
                "carer",
            ),
            _c(
                "dementia-carers",
                "Carers of people with dementia",
                "Husbands, wives, sons, daughters and friends caring for someone with dementia.",
                "caring for someone with dementia, dementia carer, mum has dementia, dad has dementia, "
                "husband has Alzheimer's",
            ),
            _c(
                "mental-health-carers",
                "Carers of people with mental illness",
                "Families and friends supporting someone with a mental illness.",
                "caring for someone with mental illness, family of someone with schizophrenia, "
                "mental health carer, my son has psychosis",
            ),
            _c(
                "older-carers",
                "Older carers",
                "Older people caring for a partner, an adult child or a friend.",
                "caring for my husband, caring for my wife, looking after my partner, elderly carer",
            ),
            _c(
                "working-carers",
                "Working carers",
                "Fitting caring around a job.",
                "juggling work and caring, caring and working, carer in work",
            ),
            _c(
                "former-carers",
                "Former carers",
                "Life after caring has ended.",
                "after caring, life after caring, when caring ends, ex-carer",
            ),
        ],
    },
    {
        **_c(
            "addiction",
            "Addiction and compulsive behaviour",
            "Alcohol, drugs, gambling and other compulsions, for people affected and for their families.",
            "addiction, addicted, addict, recovery, compulsive, hooked",
        ),
        "children": [
            _c(
                "alcohol",
                "Alcohol",
                "Problems with drinking, and recovery from them.",
                "drinking, drink problem, alcoholic, alcoholism, booze, drinking too much, sober, sobriety",
            ),
            _c(
                "drugs",
                "Drugs",
                "Problems with drugs, and recovery from them.",
                "drug addiction, drug use, cocaine, heroin, cannabis, weed, substance misuse, using drugs",
            ),
            _c(
                "gambling",
                "Gambling",
                "Problems with gambling, and recovery from them.",
                "betting, bets, gambling addiction, slots, casino, online gambling, bookies, scratch cards",
            ),
            _c(
                "addiction-family",
                "Family and friends of people with an addiction",
                "Partners, parents, children and friends of someone who drinks, uses drugs or gambles.",
                "partner drinks, my son uses drugs, family of an addict, living with an alcoholic, "
                "husband gambles",
            ),
            _c(
                "prescription-drugs",
                "Prescription and over-the-counter medicines",
                "Dependence on painkillers, tranquillisers and other medicines.",
                "painkiller addiction, benzos, benzodiazepines, codeine, tranquillisers, hooked on "
                "painkillers, "
                "sleeping tablets",
            ),
        ],
    },
    {
        **_c(
            "isolation",
            "Isolation and social problems",
            "Loneliness, exclusion and life situations that cut people off.",
            "isolated, cut off, alone, social isolation",
        ),
        "children": [
            _c(
                "loneliness",
                "Loneliness",
                "Feeling alone, whatever your age or situation.",
                "lonely, on my own, no one to talk to, nobody to talk to, no friends, lonely all the time",
            ),
            _c(
                "older-people",
                "Older people",
                "Company, friendship and support in later life.",
                "pensioners, retired, elderly, over 60s, over 50s, later life, OAP",
            ),
            _c(
                "lgbtq",
                "LGBTQ+",
                "Lesbian, gay, bisexual, trans, queer and questioning people.",
                "gay, lesbian, bisexual, trans, transgender, queer, coming out, non-binary, LGBT, LGBTQ",
            ),
            _c(
                "refugees",
                "Refugees and asylum seekers",
                "People who have had to leave their home country, and people new to the UK.",
                "asylum, asylum seeker, refugee, new to the UK, new to this country, migrant",
            ),
            _c(
                "money-worries",
                "Money worries and unemployment",
                "Debt, losing a job, and the stress that goes with them.",
                "debt, money worries, out of work, unemployed, redundancy, redundant, cost of living, bills",
            ),
            _c(
                "veterans",
                "Veterans",
                "People who have served in the armed forces, and their families.",
                "ex-forces, armed forces, ex-services, army veteran, ex-military, forces family",
            ),
        ],
    },
    {
        **_c(
            "mental-health",
            "Mental health",
            "Mental health problems of every kind, and recovery.",
            "mental illness, mental health problems, emotional wellbeing, struggling, not coping",
        ),
        "children": [
            _c(
                "depression",
                "Depression",
                "Depression and low mood.",
                "depressed, feeling low, low mood, feeling down, can't get out of bed, no motivation",
            ),
            _c(
                "anxiety",
                "Anxiety",
                "Anxiety, panic, phobias and social anxiety.",
                "anxious, panic attacks, worrying all the time, social anxiety, nerves, panic, phobia, "
                "agoraphobia",
            ),
            _c(
                "bipolar",
                "Bipolar",
                "Bipolar disorder (once called manic depression).",
                "bipolar, manic depression, mania, manic, mood swings",
            ),
            _c(
                "hearing-voices",
                "Psychosis and hearing voices",
                "Hearing voices, seeing visions, unusual beliefs, psychosis and schizophrenia.",
                "hearing voices, psychosis, schizophrenia, paranoia, seeing things, schizoaffective",
            ),
            _c(
                "ocd",
                "OCD",
                "Obsessive compulsive disorder and related conditions such as hoarding.",
                "OCD, obsessive compulsive, intrusive thoughts, hoarding, compulsions, BDD",
            ),
            _c(
                "eating-disorders",
                "Eating disorders",
                "Anorexia, bulimia, binge eating and other eating disorders.",
                "anorexia, bulimia, binge eating, not eating, ARFID, food and body image",
            ),
            _c(
                "ptsd-trauma",
                "PTSD and trauma",
                "Post-traumatic stress and the after-effects of trauma and abuse.",
                "PTSD, CPTSD, trauma, flashbacks, nightmares, survivor of abuse, childhood abuse",
            ),
            _c(
                "self-harm",
                "Self-harm",
                "Self-harm, for people who hurt themselves and for people close to them.",
                "self harm, self-harm, cutting, hurting myself",
            ),
        ],
    },
    {
        **_c(
            "bereavement",
            "Bereavement",
            "Grief after someone has died, however long ago.",
            "grief, grieving, bereaved, lost someone, someone died, death, passed away",
        ),
        "children": [
            _c(
                "grief",
                "Grief and loss",
                "Any bereavement: a parent, a friend, a relative.",
                "grief, grieving, lost my mum, lost my dad, death in the family, passed away",
            ),
            _c(
                "baby-loss",
                "Baby loss",
                "Miscarriage, stillbirth, ectopic pregnancy, the death of a baby, and the loss of a twin.",
                "lost our baby, lost my baby, miscarriage, stillbirth, stillborn, lost one of our twins, "
                "loss of a twin, ectopic pregnancy, neonatal death, TFMR",
            ),
            _c(
                "suicide-bereavement",
                "Suicide bereavement",
                "People bereaved or affected by suicide.",
                "lost someone to suicide, took their own life, bereaved by suicide, died by suicide, "
                "suicide loss",
            ),
            _c(
                "partner-loss",
                "Loss of a partner",
                "Widows, widowers and anyone whose partner has died.",
                "widow, widower, widowed, lost my husband, lost my wife, lost my partner",
            ),
            _c(
                "child-loss",
                "Loss of a child",
                "Parents and grandparents whose child has died, at any age.",
                "lost my son, lost my daughter, death of a child, bereaved parent, our child died",
            ),
            _c(
                "young-bereaved",
                "Bereaved children and young people",
                "Children, teenagers and young adults who have lost someone.",
                "child grief, grieving teenager, mum died, dad died, bereaved children",
            ),
        ],
    },
    {
        **_c(
            "family-problems",
            "Family problems",
            "Difficulties in families and relationships.",
            "family problems, family breakdown, family issues",
        ),
        "children": [
            _c(
                "relationship-breakdown",
                "Relationship breakdown",
                "Separation and divorce.",
                "divorce, divorced, separation, separated, break up, splitting up, marriage breakdown",
            ),
            _c(
                "domestic-abuse-recovery",
                "Domestic abuse recovery",
                "Recovering after domestic abuse and coercive control.",
                "domestic violence, domestic abuse, abusive relationship, coercive control, DV, "
                "abusive partner",
            ),
            _c(
                "single-parents",
                "Single parents",
                "Bringing up children on your own.",
                "single mum, single dad, lone parent, single parent, bringing up children alone",
            ),
            _c(
                "kinship-carers",
                "Kinship carers",
                "Grandparents, aunts, uncles, brothers, sisters and friends raising a child who cannot live "
                "with their parents.",
                "grandparents raising grandchildren, kinship care, special guardianship, SGO, "
                "bringing up my grandchildren",
            ),
            _c(
                "adoption-fostering",
                "Adoption and fostering",
                "Adoptive families, foster carers and adopted people.",
                "adopted, adoptive parents, adopters, foster carers, fostering, adoptee",
            ),
            _c(
                "families-of-prisoners",
                "Families of prisoners",
                "Families and friends of someone in prison.",
                "prison, partner in prison, son in prison, family member in prison, prison visits",
            ),
        ],
    },
    {
        **_c(
            "womens-health",
            "Women's health",
            "Health and wellbeing through women's lives.",
            "women's health, womens health, gynaecology, periods",
        ),
        "children": [
            _c(
                "menopause",
                "Menopause",
                "Perimenopause, menopause and after.",
                "perimenopause, hot flushes, going through the change, HRT, night sweats",
            ),
            _c(
                "endometriosis",
                "Endometriosis",
                "Endometriosis and adenomyosis.",
                "endo, painful periods, adenomyosis, pelvic pain",
            ),
            _c(
                "infertility",
                "Infertility",
                "Trying for a baby, fertility treatment and childlessness.",
                "trying for a baby, can't get pregnant, IVF, fertility treatment, childless not by choice",
            ),
            _c(
                "postnatal-depression",
                "Postnatal depression and perinatal mental health",
                "Mental health in pregnancy and after a baby arrives, for mums and dads.",
                "postnatal depression, PND, baby blues, after the birth, perinatal mental health, "
                "postpartum, antenatal depression",
            ),
            _c(
                "pelvic-health",
                "Pelvic health and incontinence",
                "Incontinence, prolapse and pelvic floor problems, including after childbirth.",
                "incontinence, leaking, prolapse, pelvic floor, bladder problems",
            ),
        ],
    },
    {
        **_c(
            "parenting",
            "Parenting",
            "Support for parents and the families they are raising.",
            "parent, parents, mum, dad, children, kids",
        ),
        "children": [
            _c(
                "new-parents",
                "New parents",
                "Pregnancy, babies and toddlers: the early days of being a parent.",
                "new mum, new dad, first baby, newborn, toddler, baby group, expecting a baby",
            ),
            _c(
                "breastfeeding",
                "Breastfeeding",
                "Breastfeeding and chestfeeding, and feeding your baby in the way that works for you.",
                "breast feeding, feeding my baby, nursing, latch problems, chestfeeding",
            ),
            _c(
                "parents-disabled-children",
                "Parents of disabled children",
                "Parents and carers of children with disabilities or additional needs.",
                "SEND, special needs, disabled child, child with additional needs, parent carer",
            ),
            _c(
                "premature-babies",
                "Premature and sick babies",
                "Families whose baby was born early or needed neonatal care.",
                "premature, preemie, prem baby, neonatal, NICU, SCBU, born early",
            ),
            _c(
                "twins",
                "Twins and multiples",
                "Parents of twins, triplets and more.",
                "twins, triplets, multiples, expecting twins",
            ),
            _c(
                "parents-of-teenagers",
                "Parents of teenagers",
                "Bringing up teenagers, through the ups and downs.",
                "teenager, teenagers, my teenager, teens, difficult teenager",
            ),
        ],
    },
]

# Everyday words added after the first release (directory migration 0004 adds them to existing deployments;
# flat_categories() includes them, so new deployments, the demo and tests have them too). Gathered from how
# people and professionals describe these needs; only ever appended to a category's words.
MORE_LAY_TERMS = {
    "me-cfs": "exhausted all the time, post viral, post-viral fatigue syndrome",
    "chronic-pain": "pain all over, aching all over, pain everywhere, in pain every day",
    "lung-conditions": "can't breathe, breathing problems, out of breath",
    "heart-conditions": "cardiac, heart problems, heart op",
    "arthritis": "swollen joints, joints ache",
    "hearing-loss": "losing my hearing, hearing loss, can't hear",
    "sight-loss": "eyesight, losing my eyesight, going blind, can't see",
    "physical-disability": "lost my leg, lost my arm, lost a leg, amputated, prosthetic, artificial leg",
    "brain-injury": "head injury, brain damaged, hit my head",
    "parkinsons": "hands shake, shaking hands, shaking",
    "epilepsy": "fits, seizure",
    "cancer": "cancer treatment, radiotherapy, oncology",
    "tinnitus": "ears ringing, ringing ears, buzzing noise, noise in my head, ringing noise",
    "carers": "caring for, looking after my, care for my",
    "working-carers": "full time job and caring, working full time and caring, job and caring",
    "former-carers": "used to be a carer, was her carer, was his carer, caring has ended, looked after my "
    "mum for years, looked after my dad for years, cared for my mum, cared for my dad",
    "older-carers": "look after my husband, look after my wife, look after her, look after him",
    "mental-health-carers": "supporting someone with mental illness, family member with mental illness",
    "alcohol": "AA, Alcoholics Anonymous, can't stop drinking, drink too much, drinker",
    "drugs": "NA, Narcotics Anonymous, taking drugs, on drugs, addicted to drugs, drug problem",
    "gambling": "GA, Gamblers Anonymous, gambler, betting app, gambles, fruit machines",
    "addiction-family": "son on drugs, daughter on drugs, son taking drugs, partner is an alcoholic, "
    "husband drinks, wife drinks, gambles all our money",
    "prescription-drugs": "addicted to painkillers, coming off, opioids, tramadol, diazepam",
    "loneliness": "no friends, nobody to talk to, lonely since",
    "refugees": "new to this country, don't know anyone here",
    "money-worries": "lost my job, can't pay, bills piling up, skint",
    "depression": "feeling really low, really low, hopeless, down all the time",
    "anxiety": "worry all the time, scared to go out",
    "bipolar": "highs and lows, high to low",
    "hearing-voices": "hear voices, hearing things",
    "ocd": "checking things, over and over, can't stop checking",
    "eating-disorders": "stopped eating, won't eat, not eating properly",
    "ptsd-trauma": "flashback, after the war",
    "self-harm": "hurt myself",
    "suicide-bereavement": "killed himself, killed herself, took his own life, took her own life",
    "baby-loss": "lost a twin, twin died, our baby died, baby died",
    "child-loss": "our son died, our daughter died, my son died, my daughter died",
    "partner-loss": "my wife died, my husband died, my partner died, widowed young",
    "young-bereaved": "died when I was, lost my mum when I was, lost my dad when I was",
    "grief": "bereavement, bereaved, my mum died, my dad died, lost my brother, lost my sister",
    "relationship-breakdown": "going through a divorce, marriage ended, split up",
    "domestic-abuse-recovery": "controlling partner, controlling relationship, abusive ex, "
    "ex was controlling",
    "single-parents": "on my own with the kids, bringing up my kids on my own, raising my kids alone, single "
    "father, single mother",
    "kinship-carers": "raising my grandchildren, raising my grandkids, looking after my grandchildren",
    "families-of-prisoners": "in prison, in jail, locked up",
    "infertility": "cant get pregnant, struggling to conceive, trying to conceive",
    "postnatal-depression": "since having my baby, since the birth, after having a baby, "
    "since my baby was born",
    "new-parents": "first time dad, first time mum, new baby",
    "premature-babies": "born early, neonatal unit",
    "parents-disabled-children": "special educational needs, additional needs, my child has special needs",
    "parents-of-teenagers": "won't talk to me, teenage son, teenage daughter",
}


# Everyday words taken out again (directory migration 0004 removes them where staff have not changed the
# words): "mum" and "dad" on Parenting sent "my mum has dementia", "I looked after my mum for years" and
# "my mum doesn't recognise me anymore" to parents' groups; people searching about their own parent far
# outnumber parents searching for "mum". "new mum", "new dad", "single mum" and the like stay where they are.
FEWER_LAY_TERMS = {"parenting": "mum, dad"}


LANGUAGES = [
    {"code": "en", "name": "English", "native_name": "English"},
    {"code": "bfi", "name": "British Sign Language", "native_name": "BSL"},
    {"code": "cy", "name": "Welsh", "native_name": "Cymraeg"},
    {"code": "pl", "name": "Polish", "native_name": "Polski"},
    {"code": "ur", "name": "Urdu", "native_name": "اردو"},
    {"code": "pa", "name": "Punjabi", "native_name": "ਪੰਜਾਬੀ"},
    {"code": "bn", "name": "Bengali", "native_name": "বাংলা"},
    {"code": "gu", "name": "Gujarati", "native_name": "ગુજરાતી"},
    {"code": "ar", "name": "Arabic", "native_name": "العربية"},
    {"code": "so", "name": "Somali", "native_name": "Soomaali"},
    {"code": "ro", "name": "Romanian", "native_name": "Română"},
    {"code": "yue", "name": "Cantonese", "native_name": "廣東話"},
    {"code": "hi", "name": "Hindi", "native_name": "हिन्दी"},
    {"code": "ku", "name": "Kurdish", "native_name": "Kurdî"},
    {"code": "pt", "name": "Portuguese", "native_name": "Português"},
    {"code": "lt", "name": "Lithuanian", "native_name": "Lietuvių"},
    {"code": "ti", "name": "Tigrinya", "native_name": "ትግርኛ"},
    {"code": "fa", "name": "Farsi", "native_name": "فارسی"},
]


def flat_categories():
    """Every seeded category as a dict of Category fields (first level before its children), with
    `id`, `parent_id` (None at the first level) and `position` filled in."""
    rows = []
    for position, first in enumerate(CATEGORIES, start=1):
        fields = {k: v for k, v in first.items() if k != "children"}
        fields["lay_terms"] = with_more_lay_terms(fields["slug"], fields["lay_terms"])
        rows.append({**fields, "id": category_id(first["slug"]), "parent_id": None, "position": position})
        for child_position, child in enumerate(first["children"], start=1):
            rows.append(
                {
                    **child,
                    "lay_terms": with_more_lay_terms(child["slug"], child["lay_terms"]),
                    "id": category_id(child["slug"]),
                    "parent_id": category_id(first["slug"]),
                    "position": child_position,
                }
            )
    return rows


def second_level_slugs():
    return [child["slug"] for first in CATEGORIES for child in first["children"]]


def load(category_model, language_model, *, update=True):
    """Create the seeded categories and languages. With update=True existing rows are brought back to the
    seed values (the migration); with update=False only missing ones are added, so staff edits survive (the
    demo data). Takes the model classes so that a migration can pass its historical models."""
    for row in flat_categories():
        row = dict(row)
        row_id = row.pop("id")
        if update:
            category_model.objects.update_or_create(id=row_id, defaults=row)
        elif not category_model.objects.filter(id=row_id).exists():
            if not category_model.objects.filter(slug=row["slug"]).exists():
                category_model.objects.create(id=row_id, **row)
    for row in LANGUAGES:
        row = dict(row)
        code = row.pop("code")
        if update:
            language_model.objects.update_or_create(code=code, defaults=row)
        else:
            language_model.objects.get_or_create(code=code, defaults=row)


def _terms(text):
    return [t.strip() for t in text.replace("\n", ",").split(",") if t.strip()]


def with_more_lay_terms(slug, lay_terms):
    """`lay_terms` with this category's MORE_LAY_TERMS appended (those it does not have yet) and its
    FEWER_LAY_TERMS taken out."""
    removed = {t.lower() for t in _terms(FEWER_LAY_TERMS.get(slug, ""))}
    kept = [t for t in _terms(lay_terms) if t.lower() not in removed]
    have = {t.lower() for t in kept}
    extra = [t for t in dict.fromkeys(_terms(MORE_LAY_TERMS.get(slug, ""))) if t.lower() not in have]
    if not extra and len(kept) == len(_terms(lay_terms)):
        return lay_terms
    return ", ".join([*kept, *extra])


def add_more_lay_terms(category_model):
    """Add MORE_LAY_TERMS to the seeded categories and take out FEWER_LAY_TERMS, keeping every other word
    staff have written (migration 0004)."""
    for slug in {**MORE_LAY_TERMS, **FEWER_LAY_TERMS}:
        category = category_model.objects.filter(id=category_id(slug)).first()
        if category is not None:
            updated = with_more_lay_terms(slug, category.lay_terms)
            if updated != category.lay_terms:
                category.lay_terms = updated
                category.save(update_fields=["lay_terms"])
