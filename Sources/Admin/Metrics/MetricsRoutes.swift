public import HTTP
public import Engine
public import Dispatch

/// `GET /__admin/metrics`: Prometheus text (format 0.0.4) with the request counts and latency the
/// middleware records, jobs by kind and state from the store, and the engine's running totals.
/// docs/DASHBOARD.md lists every family.
public struct MetricsRoutes: Sendable {
    let engine: Engine
    let requests: RequestMetrics
    let startedAt: DispatchTime

    public init(engine: Engine, requests: RequestMetrics, startedAt: DispatchTime = .now()) {
        self.engine = engine
        self.requests = requests
        self.startedAt = startedAt
    }

    public func register(on router: inout Router) {
        router.add(.get, "/__admin/metrics") { _ in
            let counts = try await AdminRoutes.engineCall { try await engine.jobCounts() }
            return HTTPResponse(contentType: PrometheusText.contentType, text: render(jobCounts: counts))
        }
    }

    func render(jobCounts: [JobCount]) -> String {
        var out = PrometheusText()
        let snapshot = requests.snapshot()

        out.family("buildermock_http_requests_total", type: "counter",
                   help: "HTTP requests answered, by emulated service, method, matched route pattern and status.")
        for (key, value) in snapshot.requests.sorted(by: { Self.order($0.key, $1.key) }) {
            out.sample("buildermock_http_requests_total", ["service": key.service, "method": key.method,
                                                            "route": key.route, "status": String(key.status)], value)
        }

        out.family("buildermock_http_request_duration_seconds", type: "histogram",
                   help: "Time from a parsed request to its response being ready, by emulated service.")
        for (service, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            var cumulative: UInt64 = 0
            for (index, bound) in RequestMetrics.latencyBuckets.enumerated() {
                cumulative += histogram.counts[index]
                out.sample("buildermock_http_request_duration_seconds_bucket",
                           ["service": service, "le": PrometheusText.format(bound)], cumulative)
            }
            out.sample("buildermock_http_request_duration_seconds_bucket", ["service": service, "le": "+Inf"], histogram.count)
            out.sample("buildermock_http_request_duration_seconds_sum", ["service": service], histogram.sum)
            out.sample("buildermock_http_request_duration_seconds_count", ["service": service], histogram.count)
        }

        out.family("buildermock_jobs", type: "gauge", help: "Jobs stored now, by service, kind and state, over every namespace.")
        for count in jobCounts {
            out.sample("buildermock_jobs", ["service": count.service, "kind": count.kind, "state": count.state],
                       UInt64(count.count))
        }

        let totals = engine.counters.snapshot()
        out.family("buildermock_job_transitions_total", type: "counter",
                   help: "Lifecycle transitions committed (creation included), by service, kind and the state entered.")
        for (key, value) in totals.transitions.sorted(by: { ($0.key.service, $0.key.kind, $0.key.state) < ($1.key.service, $1.key.kind, $1.key.state) }) {
            out.sample("buildermock_job_transitions_total", ["service": key.service, "kind": key.kind, "state": key.state], value)
        }

        out.family("buildermock_webhook_attempts_total", type: "counter",
                   help: "Webhook delivery attempts, by service and outcome (delivered, retrying, gave_up).")
        for (key, value) in totals.webhookAttempts.sorted(by: { ($0.key.service, $0.key.name) < ($1.key.service, $1.key.name) }) {
            out.sample("buildermock_webhook_attempts_total", ["service": key.service, "outcome": key.name], value)
        }

        out.family("buildermock_faults_injected_total", type: "counter",
                   help: "Faults injected, by service and fault kind.")
        for (key, value) in totals.faultsInjected.sorted(by: { ($0.key.service, $0.key.name) < ($1.key.service, $1.key.name) }) {
            out.sample("buildermock_faults_injected_total", ["service": key.service, "kind": key.name], value)
        }

        out.family("buildermock_event_stream_subscribers", type: "gauge",
                   help: "Open event subscriptions (dashboards and other /__admin/events/stream clients).")
        out.sample("buildermock_event_stream_subscribers", [:], UInt64(engine.events.subscriberCount))

        out.family("buildermock_uptime_seconds", type: "gauge", help: "Seconds since the server started.")
        out.sample("buildermock_uptime_seconds", [:],
                   Double(DispatchTime.now().uptimeNanoseconds - startedAt.uptimeNanoseconds) / 1e9)
        return out.text
    }

    static func order(_ a: RequestMetrics.Key, _ b: RequestMetrics.Key) -> Bool {
        (a.service, a.route, a.method, a.status) < (b.service, b.route, b.method, b.status)
    }
}
