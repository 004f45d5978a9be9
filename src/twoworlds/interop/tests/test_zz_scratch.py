import json
from twoworlds.directory import queries, hsds
from .standards import errors

def test_dump(directory, client):
    g = queries.get_group_by_id(directory["groups"]["cafe"].pk)
    data = hsds.service_to_hsds(g)
    print(json.dumps(data, indent=1, ensure_ascii=False))
    print(errors(data, "compiled/service.json"))
    r = client.get("/api/services")
    print(r.status_code, r["Content-Type"], json.dumps(r.json(), indent=1)[:1500])
    h = queries.get_group_by_id(directory["groups"]["kitchen"].pk)
    print(json.dumps(hsds.service_to_hsds(h)["service_at_locations"], indent=1))
