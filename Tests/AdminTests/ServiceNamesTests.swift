import Testing
@testable import App

/// The `service` label of request metrics, by mount prefix.
@Suite struct ServiceNamesTests {
    @Test(arguments: [
        ("/api/v1/builds/:id", "appbuilds"), ("/v1/builds", "appbuilds"), ("/api/v1/deploys", "appbuilds"),
        ("/downloads/builds/:namespace/:id/:file", "appbuilds"),
        ("/api/v1/builder-agents/:uuid", "builderagents"), ("/api/v1/builders", "builderagents"),
        ("/mihu/preview/:namespace/:uuid", "builderagents"),
        ("/agents/run", "builderio"), ("/app/projects/:project/:branch", "builderio"), ("/__admin/builderio/spaces", "builderio"),
        ("/api/public/v1/agents/:agentId", "buildprint"),
        ("/__admin/metrics", "admin"), ("/__admin", "admin"),
        ("/agentsx", "other"), ("/", "other"), ("/api/v1/buildsx", "other"),
    ])
    func service_isChosenByWholeSegmentPrefix(_ path: String, _ expected: String) {
        #expect(ServiceNames.service(forPath: path) == expected)
    }
}
