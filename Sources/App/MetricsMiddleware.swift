public import HTTP
public import Admin
import Dispatch

/// Counts every request for `/__admin/metrics`: by emulated service, method, matched route pattern
/// (never the raw path, whose ids would make a new series per job) and status, with its latency.
public struct MetricsMiddleware: HTTPMiddleware {
    let router: Router
    let metrics: RequestMetrics

    /// - Parameter router: the finished router table, asked which pattern a request matched.
    public init(router: Router, metrics: RequestMetrics) {
        self.router = router
        self.metrics = metrics
    }

    public func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = await next.respond(to: request)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let route = response.route ?? router.routePattern(method: request.method, path: request.path) ?? "unmatched"
        metrics.record(service: ServiceNames.service(forPath: route == "unmatched" ? request.path : route),
                       method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds)
        return response
    }
}
