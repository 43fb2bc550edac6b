import Foundation
import Store

/// A fresh directory per test for database files, removed when the value is released.
final class TemporaryDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("test.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("buildermock-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        // Best effort: a leftover temporary directory must not fail the test that produced it.
        _ = try? FileManager.default.removeItem(at: directory)
    }
}

/// An error only tests throw, to tell "the body's error" from anything SQLite raises.
struct TestFailure: Error, Equatable {
    var tag: String
}

extension JobRecord {
    static func make(id: String, namespace: String = "ns", service: String = "builds", kind: String = "build",
                     state: String = "queued", dueAt: Int64? = 1_000, createdAt: Int64 = 0) -> JobRecord {
        JobRecord(id: id, namespace: namespace, service: service, kind: kind, state: state, dueAt: dueAt,
                  scenario: "default", payload: #"{"n":1}"#, createdAt: createdAt, updatedAt: createdAt)
    }
}

/// A migrated in-memory connection.
func makeMigratedConnection() throws -> SQLiteConnection {
    let db = try SQLiteConnection(path: ":memory:")
    try Migrator.migrate(db)
    return db
}
