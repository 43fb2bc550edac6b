public import JSON
public import HTTP
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension JournalEntry {
    /// The entry as `GET /__admin/requests` lists it. Duration is wall time, so it is here but never
    /// in a session file.
    public var json: JSONValue {
        .object([
            "seq": .int(seq), "namespace": .string(namespace), "at": .string(at.iso8601),
            "method": .string(method), "path": .string(path), "query": query.map(JSONValue.string) ?? .null,
            "status": .int(Int64(status)), "duration_us": .int(durationMicroseconds),
            "fault": fault.map(JSONValue.string) ?? .null,
            "request": .object(Self.messageJSON(headers: requestHeaders, body: requestBody, size: requestBodySize,
                                                parseJSON: false)),
            "response": .object(Self.messageJSON(headers: responseHeaders, body: responseBody, size: responseBodySize,
                                                 parseJSON: false)),
        ])
    }

    /// Headers as `[[name, value], …]`, and the body as text (`body`), as JSON (`json`, when asked and
    /// the body is JSON), or as base64 (`body_base64`) when it is not UTF-8.
    public static func messageJSON(headers: HTTPHeaders, body: [UInt8], size: Int, parseJSON: Bool) -> [String: JSONValue] {
        var object: [String: JSONValue] = ["headers": headersJSON(headers)]
        if parseJSON, !body.isEmpty, size == body.count, isJSON(headers), let value = JSONValue.parse(body) {
            object["json"] = value
        } else if let text = String(validating: body, as: UTF8.self) {
            if !text.isEmpty { object["body"] = .string(text) }
        } else {
            object["body_base64"] = .string(Data(body).base64EncodedString())
        }
        if size != body.count {
            object["body_size"] = .int(Int64(size))
        }
        return object
    }

    /// The body of a message written by `messageJSON`; nil with a reason when it cannot be read.
    public static func body(fromMessage object: [String: JSONValue]) -> Result<[UInt8], MessageBodyError> {
        if let json = object["json"] { return .success(Array(json.serialized().utf8)) }
        if let text = object["body"] {
            guard let string = text.stringValue else { return .failure(MessageBodyError("body must be a string")) }
            return .success(Array(string.utf8))
        }
        if let encoded = object["body_base64"] {
            guard let string = encoded.stringValue, let data = Data(base64Encoded: string) else {
                return .failure(MessageBodyError("body_base64 must be base64 text"))
            }
            return .success(Array(data))
        }
        return .success([])
    }

    public static func headersJSON(_ headers: HTTPHeaders) -> JSONValue {
        .array(headers.map { .array([.string($0.name), .string($0.value)]) })
    }

    /// Headers from `[[name, value], …]`; nil when the shape is wrong.
    public static func headers(fromJSON value: JSONValue?) -> HTTPHeaders? {
        guard let value else { return HTTPHeaders() }
        guard case .array(let fields) = value else { return nil }
        var headers = HTTPHeaders()
        for field in fields {
            guard case .array(let pair) = field, pair.count == 2, let name = pair[0].stringValue,
                  let value = pair[1].stringValue else { return nil }
            headers.add(name, value)
        }
        return headers
    }

    static func isJSON(_ headers: HTTPHeaders) -> Bool {
        guard let type = headers["Content-Type"]?.lowercased() else { return false }
        return type.hasPrefix("application/json") || type.contains("+json")
    }
}
