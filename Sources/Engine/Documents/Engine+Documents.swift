public import JSON
import Store

/// A small durable JSON document a service keeps outside any job's lifecycle (Builder.io's spaces,
/// users and projects): stored in the namespace's key–value table under `doc/KEY`, so it survives a
/// restart and `POST /__admin/reset` of that namespace clears it like every other namespace state.
public struct StoredDocument: Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension Engine {
    /// Keys are prefixed so documents never collide with the engine's own pairs (`pin/…`).
    static let documentPrefix = "doc/"

    /// Every document of `namespace` whose key starts with `prefix`, by key.
    public func documents(namespace: String, prefix: String = "") async throws -> [StoredDocument] {
        try Self.checkNamespace(namespace)
        let full = Self.documentPrefix + prefix
        let pairs = try await storeRead { db in
            try db.keyValues.all(namespace: namespace).filter { $0.key.hasPrefix(full) }
                .map { (key: $0.key, value: $0.value) }
        }
        return try pairs.map { pair in
            guard case .text(let text) = pair.value, let value = JSONValue.parse(text) else {
                throw EngineError.storage("document \(pair.key) in \(namespace) is not JSON")
            }
            return StoredDocument(key: String(pair.key.dropFirst(Self.documentPrefix.count)), value: value)
        }
    }

    /// Writes `documents` (insert or replace) in one transaction: all of them are durable when this
    /// returns, or none is.
    public func putDocuments(_ documents: [StoredDocument], namespace: String) async throws {
        try Self.checkNamespace(namespace)
        try await storeWrite { db in
            for document in documents {
                try db.keyValues.set(namespace: namespace, key: Self.documentPrefix + document.key,
                                     value: .text(document.value.serialized()))
            }
        }
    }
}
