from .services import crisis_contacts


def crisis_signposting(request):
    contacts = crisis_contacts()
    return {"crisis_contacts": contacts, "crisis_headline": contacts[:2]}
