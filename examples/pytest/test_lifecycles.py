"""Examples of tests against buildermock: one per API, each driving a lifecycle on the manual clock."""

APP = {"Authorization": "Bearer my-key", "X-Buildermock-Namespace": "pytest"}
BUILD = {"url": "https://example.com", "appName": "My Shop", "bundleId": "com.example.myshop", "version": "1.0.0"}


def test_app_build_goes_queued_building_success(bm):
    status, build = bm.call("POST", "/api/v1/builds", BUILD, APP)
    assert status == 201 and build["status"] == "queued"
    bm.advance("10s", "pytest")
    assert bm.call("GET", f"/api/v1/builds/{build['id']}", headers=APP)[1]["status"] == "building"
    bm.advance("3m", "pytest")
    done = bm.call("GET", f"/api/v1/builds/{build['id']}", headers=APP)[1]
    assert done["status"] == "success" and done["downloadUrl"].startswith(bm.url)


def test_failure_scenario_by_header(bm):
    headers = dict(APP, **{"X-Buildermock-Scenario": "url-unreachable"})
    _, build = bm.call("POST", "/api/v1/builds", BUILD, headers)
    bm.advance("1m", "pytest")
    failed = bm.call("GET", f"/api/v1/builds/{build['id']}", headers=APP)[1]
    assert failed["status"] == "failed" and failed["error"]["message"]


def test_builder_agent_asks_then_deploys(bm):
    agents = {"Authorization": "Bearer demo", "X-Buildermock-Namespace": "pytest"}
    status, created = bm.call("POST", "/api/v1/builder-agents", {"prompt": "Watch my Zoho CRM leads every 5 minutes"}, agents)
    assert status == 201
    uuid = created["data"]["uuid"]
    bm.advance("10s", "pytest")
    asked = bm.call("GET", f"/api/v1/builder-agents/{uuid}", headers=agents)[1]["data"]
    assert asked["status"] == "gathering" and asked["questions"]
    bm.call("POST", f"/api/v1/builder-agents/{uuid}/answers", {"message": "Stored ones, EU"}, agents)
    bm.advance("10s", "pytest")
    assert bm.call("POST", f"/api/v1/builder-agents/{uuid}/approve", headers=agents)[0] == 200
    bm.advance("80s", "pytest")
    deployed = bm.call("GET", f"/api/v1/builder-agents/{uuid}", headers=agents)[1]["data"]
    assert deployed["status"] == "deployed" and deployed["builder"]["status"] == "running"


def test_reset_isolates_tests(bm):
    # The fixture reset every namespace, so the builds of earlier tests are gone.
    listing = bm.call("GET", "/api/v1/builds", headers=APP)[1]
    assert listing["total"] == 0
