import Engine
import HTTP
import Logging

/// `GET /downloads/builds/{namespace}/{id}/{file}?expires=…&signature=…`: the binary behind a
/// successful build's `downloadUrl`. No API key (the signature is the credential, as with S3 or GCS
/// signed URLs); expired or tampered links → 403 in the API's error shape.
extension AppBuildsService {
    func download(_ request: HTTPRequest) async -> HTTPResponse {
        let namespace = request.pathParameters["namespace"] ?? ""
        let id = request.pathParameters["id"] ?? ""
        guard NamespaceResolver.isValid(namespace) else {
            return AppBuildsError(.forbidden, code: "invalid_signature", message: "The download link is not valid.").response
        }
        let now = engine.now(namespace: namespace)
        let date = now.httpDate
        do {
            var response = try await artifactResponse(request, namespace: namespace, id: id, now: now)
            response.headers.set("Date", date)
            return response
        } catch let error as AppBuildsError {
            return error.dated(date).response
        } catch {
            logger.error("download failed", metadata: ["error": "\(error)", "build.id": .string(id)])
            return AppBuildsError(.internalServerError, code: "internal_error", message: "The download failed unexpectedly.")
                .dated(date).response
        }
    }

    func artifactResponse(_ request: HTTPRequest, namespace: String, id: String, now: Timestamp) async throws -> HTTPResponse {
        switch links.check(namespace: namespace, id: id, expires: request.queryValue("expires"),
                           signature: request.queryValue("signature"), now: now) {
        case .invalidSignature?:
            throw AppBuildsError(.forbidden, code: "invalid_signature",
                                 message: "The download link's signature does not match; request a fresh downloadUrl from GET /api/v1/builds/\(id).")
        case .expired(let at)?:
            throw AppBuildsError(.forbidden, code: "link_expired",
                                 message: "The download link expired at \(Timestamp(unixMilliseconds: at * 1_000).iso8601); request a fresh downloadUrl from GET /api/v1/builds/\(id).")
        case nil:
            break
        }
        guard let job = try await engine.job(id: id, namespace: namespace), job.service == Self.service,
              job.kind == "build", job.state == "success" else {
            throw AppBuildsError.buildNotFound(id)
        }
        let artifact = try BuildArtifact(job: job)
        guard request.pathParameters["file"] == artifact.fileName else {
            throw AppBuildsError(.notFound, code: "not_found", message: "Build \(id) has no file \"\(request.pathParameters["file"] ?? "")\".")
        }
        var headers: HTTPHeaders = [
            "Content-Type": artifact.contentType,
            "Content-Disposition": "attachment; filename=\"\(artifact.fileName)\"",
            "ETag": artifact.etag,
            "Accept-Ranges": "bytes",
            "Last-Modified": (job.finishedAt ?? job.updatedAt).httpDate,
            // The link's own lifetime bounds how long a cache may keep it.
            "Cache-Control": "private, max-age=\(settings.downloadTTLSeconds)",
        ]
        // RFC 9110 §13.1.2: If-None-Match compares with weak comparison; our ETag is strong.
        if let candidates = request.headers["If-None-Match"],
           candidates.split(separator: ",").contains(where: { let c = $0.trimmingSpacesSub; return c == "*" || c == artifact.etag || c == "W/" + artifact.etag }) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        // RFC 9110 §13.1.5: a Range with an If-Range that does not match serves the whole body.
        var rangeHeader = request.headers["Range"]
        if let ifRange = request.headers["If-Range"], ifRange != artifact.etag { rangeHeader = nil }
        let bytes = artifact.bytes
        switch ByteRange(header: rangeHeader, length: bytes.count) {
        case .whole:
            headers.set("Content-Length", String(bytes.count))
            return HTTPResponse(status: .ok, headers: headers, body: bytes)
        case .partial(let lower, let upper):
            headers.set("Content-Range", "bytes \(lower)-\(upper)/\(bytes.count)")
            headers.set("Content-Length", String(upper - lower + 1))
            return HTTPResponse(status: .partialContent, headers: headers, body: Array(bytes[lower...upper]))
        case .unsatisfiable:
            // §15.5.17: a 416 should say the current length in `Content-Range: bytes */LENGTH`.
            throw AppBuildsError(.rangeNotSatisfiable, code: "range_not_satisfiable",
                                 message: "The requested range is outside the file's \(bytes.count) bytes.",
                                 headers: ["Content-Range": "bytes */\(bytes.count)"])
        }
    }
}
