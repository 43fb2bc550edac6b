public import HTTP
public import Logging
import Dispatch

/// Logs one structured line per request, with dotted keys (STYLE habit 13).
public struct RequestLogMiddleware: HTTPMiddleware {
    let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    public func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = await next.respond(to: request)
        // Checked before building metadata: the dictionary is the expensive part under load.
        if logger.logLevel <= .info {
            let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1000
            logger.info("request", metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.path),
                "http.status": .stringConvertible(response.status.code),
                "http.bytes": .stringConvertible(response.body.count),
                "http.duration_us": .stringConvertible(micros),
            ])
        }
        return response
    }
}
