import HTTP
import JSON
import Store

extension RequestJournal {
    /// An entry as schema versions 2–5 stored it: a row with its headers as JSON text.
    static func entry(fromLegacy row: LegacyJournalRow) -> JournalEntry {
        let request = headers(fromLegacyText: row.requestHeaders)
        let response = headers(fromLegacyText: row.responseHeaders)
        let requestBody = row.requestBody ?? []
        let responseBody = row.responseBody ?? []
        return JournalEntry(seq: row.seq, namespace: row.namespace, at: Timestamp(unixMilliseconds: row.at),
                            method: row.method, path: row.path, query: row.query,
                            requestHeaders: request.headers, requestBody: requestBody,
                            requestBodySize: request.bodySize ?? requestBody.count, status: row.status ?? 0,
                            responseHeaders: response.headers, responseBody: responseBody,
                            responseBodySize: response.bodySize ?? responseBody.count,
                            durationMicroseconds: row.durationMicroseconds ?? 0, fault: row.fault)
    }

    /// `{"fields":[[name,value],…],"body_size":N}`: fields in order with repeats, and the body's real
    /// size, which a cut body no longer shows. Anything else reads as no headers.
    static func headers(fromLegacyText text: String) -> (headers: HTTPHeaders, bodySize: Int?) {
        guard let object = JSONValue.parse(text)?.objectValue else { return (HTTPHeaders(), nil) }
        var headers = HTTPHeaders()
        if case .array(let fields)? = object["fields"] {
            for field in fields {
                if case .array(let pair) = field, pair.count == 2, let name = pair[0].stringValue,
                   let value = pair[1].stringValue {
                    headers.add(name, value)
                }
            }
        }
        var bodySize: Int?
        if case .int(let size)? = object["body_size"] { bodySize = Int(size) }
        return (headers, bodySize)
    }
}
