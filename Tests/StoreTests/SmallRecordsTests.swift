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
}
