import Testing
import Store

@Suite struct NamespaceRecordsTests {
    @Test func insertIfAbsent_upsert_list_delete() throws {
        let db = try makeMigratedConnection()
        let manual = NamespaceRecord(name: "tests", clockMode: "manual", clockNowMs: 1_767_225_600_000,
                                     createdAt: 1, updatedAt: 1)
        #expect(try db.namespaces.insertIfAbsent(manual))
        #expect(try db.namespaces.insertIfAbsent(manual) == false)
        #expect(try db.namespaces.get("tests") == manual)

        var moved = manual
        moved.clockNowMs += 90_000
        moved.updatedAt = 2
        try db.namespaces.upsert(moved)
        let real = NamespaceRecord(name: "demo", clockMode: "real", clockNowMs: 0, clockAnchorWallMs: 42,
                                   timeScale: 0.01, createdAt: 3, updatedAt: 3)
        try db.namespaces.upsert(real)
        #expect(try db.namespaces.list() == [real, moved])

        #expect(try db.namespaces.delete("tests"))
        #expect(try db.namespaces.get("tests") == nil)
        try db.close()
    }
}

@Suite struct SequenceRecordsTests {
    @Test func next_countsPerNamespaceAndName() throws {
        let db = try makeMigratedConnection()
        #expect(try db.sequences.current(namespace: "a", name: "build") == 0)
        #expect(try db.sequences.next(namespace: "a", name: "build") == 1)
        #expect(try db.sequences.next(namespace: "a", name: "build") == 2)
        #expect(try db.sequences.next(namespace: "a", name: "agent") == 1)
        #expect(try db.sequences.next(namespace: "b", name: "build") == 1)
        #expect(try db.sequences.current(namespace: "a", name: "build") == 2)
        #expect(try db.sequences.deleteAll(namespace: "a") == 2)
        #expect(try db.sequences.next(namespace: "a", name: "build") == 1)
        try db.close()
    }

    private struct Undo: Error {}

    /// The row as stored, not as `current` (which sees held values) reports it.
    private func stored(_ db: SQLiteConnection, _ name: String) throws -> Int64? {
        try db.queryFirst("SELECT value FROM sequences WHERE namespace = 'a' AND name = ?", [.text(name)]) { $0.int64(0) }
    }

    /// Inside a write transaction draws are held in memory and written once, at commit.
    @Test func next_inAWriteTransaction_isWrittenAtCommit() throws {
        let db = try makeMigratedConnection()
        #expect(try db.sequences.next(namespace: "a", name: "build") == 1)
        try db.beginWriteTransaction()
        #expect(try db.sequences.next(namespace: "a", name: "build") == 2)
        #expect(try db.sequences.next(namespace: "a", name: "build") == 3)
        #expect(try db.sequences.next(namespace: "a", name: "new") == 1)
        #expect(try stored(db, "build") == 1)
        #expect(try stored(db, "new") == nil)
        #expect(try db.sequences.current(namespace: "a", name: "build") == 3)
        try db.commitWriteTransaction()
        #expect(try stored(db, "build") == 3)
        #expect(try stored(db, "new") == 1)
        try db.close()
    }

    @Test func next_heldDrawsFollowSavepointsAndRollbacks() throws {
        let db = try makeMigratedConnection()
        try db.beginWriteTransaction()
        #expect(try db.sequences.next(namespace: "a", name: "build") == 1)
        #expect(throws: Undo.self) {
            try db.savepoint {
                #expect(try db.sequences.next(namespace: "a", name: "build") == 2)
                #expect(try db.sequences.next(namespace: "a", name: "other") == 1)
                throw Undo()
            }
        }
        #expect(try db.sequences.next(namespace: "a", name: "build") == 2)
        #expect(try db.savepoint { try db.sequences.next(namespace: "a", name: "build") } == 3)
        try db.commitWriteTransaction()
        #expect(try stored(db, "build") == 3)
        #expect(try stored(db, "other") == nil)

        #expect(throws: Undo.self) {
            try db.transaction {
                #expect(try db.sequences.next(namespace: "a", name: "build") == 4)
                throw Undo()
            }
        }
        #expect(try db.sequences.current(namespace: "a", name: "build") == 3)
        // A namespace's reset inside the transaction drops what it held.
        try db.transaction {
            #expect(try db.sequences.next(namespace: "a", name: "build") == 4)
            try db.sequences.deleteAll(namespace: "a")
            #expect(try db.sequences.next(namespace: "a", name: "build") == 1)
        }
        #expect(try stored(db, "build") == 1)
        try db.close()
    }
}

@Suite struct KeyValueRecordsTests {
    @Test func setGetOverwriteDelete() throws {
        let db = try makeMigratedConnection()
        #expect(try db.keyValues.get(namespace: "ns", key: "rng.ids") == nil)
        try db.keyValues.set(namespace: "ns", key: "rng.ids", value: .blob([1, 2, 3]))
        try db.keyValues.set(namespace: "ns", key: "seed", value: 42)
        try db.keyValues.set(namespace: "other", key: "seed", value: "text")
        #expect(try db.keyValues.get(namespace: "ns", key: "rng.ids") == .blob([1, 2, 3]))
        try db.keyValues.set(namespace: "ns", key: "seed", value: 43)
        #expect(try db.keyValues.get(namespace: "ns", key: "seed") == .integer(43))
        #expect(try db.keyValues.all(namespace: "ns").map(\.key) == ["rng.ids", "seed"])
        #expect(try db.keyValues.delete(namespace: "ns", key: "seed"))
        #expect(try db.keyValues.deleteAll(namespace: "ns") == 1)
        #expect(try db.keyValues.get(namespace: "other", key: "seed") == .text("text"))
        try db.close()
    }

    private struct Undo: Error {}

    /// Inside a write transaction reads are answered from what the transaction read or wrote; every
    /// answer must still be what the table holds at that point, through savepoints and rollbacks.
    @Test func insideAWriteTransaction_readsFollowWritesSavepointsAndRollbacks() throws {
        let db = try makeMigratedConnection()
        try db.keyValues.set(namespace: "ns", key: "busy", value: 1)
        try db.beginWriteTransaction()
        #expect(try db.keyValues.get(namespace: "ns", key: "busy") == .integer(1))
        #expect(try db.keyValues.get(namespace: "ns", key: "missing") == nil)
        try db.keyValues.set(namespace: "ns", key: "busy", value: 2)
        #expect(try db.keyValues.get(namespace: "ns", key: "busy") == .integer(2))
        #expect(throws: Undo.self) {
            try db.savepoint {
                try db.keyValues.set(namespace: "ns", key: "busy", value: 3)
                #expect(try db.keyValues.insertIfAbsent(namespace: "ns", key: "missing", value: "now"))
                #expect(try db.keyValues.get(namespace: "ns", key: "busy") == .integer(3))
                #expect(try db.keyValues.get(namespace: "ns", key: "missing") == .text("now"))
                throw Undo()
            }
        }
        #expect(try db.keyValues.get(namespace: "ns", key: "busy") == .integer(2))
        #expect(try db.keyValues.get(namespace: "ns", key: "missing") == nil)
        #expect(try db.keyValues.delete(namespace: "ns", key: "busy"))
        #expect(try db.keyValues.get(namespace: "ns", key: "busy") == nil)
        try db.keyValues.set(namespace: "ns", key: "busy", value: 4)
        #expect(try db.keyValues.deleteAll(namespace: "ns") == 1)
        #expect(try db.keyValues.get(namespace: "ns", key: "busy") == nil)
        try db.keyValues.set(namespace: "ns", key: "busy", value: 5)
        try db.commitWriteTransaction()
        #expect(try db.keyValues.get(namespace: "ns", key: "busy") == .integer(5))

        #expect(throws: Undo.self) {
            try db.transaction {
                try db.keyValues.set(namespace: "ns", key: "busy", value: 6)
                throw Undo()
            }
        }
        #expect(try db.transaction { try db.keyValues.get(namespace: "ns", key: "busy") } == .integer(5))
        try db.close()
    }

    @Test func insertIfAbsent_neverOverwrites() throws {
        let db = try makeMigratedConnection()
        #expect(try db.keyValues.insertIfAbsent(namespace: "ns", key: "k", value: "first"))
        #expect(try !db.keyValues.insertIfAbsent(namespace: "ns", key: "k", value: "second"))
        #expect(try db.keyValues.insertIfAbsent(namespace: "other", key: "k", value: "x"))
        #expect(try db.keyValues.get(namespace: "ns", key: "k") == .text("first"))
        try db.close()
    }
}

@Suite struct FaultRecordsTests {
    @Test func insert_listInOrder_counters_delete_totals() throws {
        let db = try makeMigratedConnection()
        let first = FaultRecord(namespace: "a", id: "flt_1", seq: try db.faults.nextSeq(namespace: "a"),
                                rule: #"{"kind":"reset"}"#, source: "admin", createdAt: 5)
        try db.faults.insert(first)
        let second = FaultRecord(namespace: "a", id: "flt_0", seq: try db.faults.nextSeq(namespace: "a"),
                                 rule: #"{"kind":"empty"}"#, source: "scenario:x", createdAt: 6)
        try db.faults.insert(second)
        try db.faults.insert(FaultRecord(namespace: "b", id: "flt_1", seq: 1, rule: "{}", source: "admin", createdAt: 7))
        // Creation order, not id order.
        #expect(try db.faults.list(namespace: "a").map(\.id) == ["flt_1", "flt_0"])
        try db.faults.setCounters(namespace: "a", id: "flt_0", matched: 4, hits: 2)
        #expect(try db.faults.list(namespace: "a").last?.hits == 2)
        #expect(try db.faults.list(namespace: "a").last?.matched == 4)
        #expect(try db.faults.delete(namespace: "a", id: "flt_1"))
        #expect(try db.faults.delete(namespace: "a", id: "flt_1") == false)
        #expect(try db.faults.deleteAll(namespace: "a") == 1)
        #expect(try db.faults.list(namespace: "b").count == 1)

        try db.faults.addToTotal(kind: "status")
        try db.faults.addToTotal(kind: "status", count: 2)
        try db.faults.addToTotal(kind: "drop")
        #expect(try db.faults.totals().map { "\($0.kind)=\($0.count)" } == ["drop=1", "status=3"])
        try db.close()
    }
}
