import Testing
import Store

@Suite struct MigratorTests {
    @Test func freshDatabase_isMigratedToTheCurrentVersion() throws {
        let db = try SQLiteConnection(path: ":memory:")
        #expect(try Migrator.currentVersion(of: db) == 0)
        let applied = try Migrator.migrate(db)
        #expect(applied == Array(1...Schema.currentVersion))
        #expect(try Migrator.currentVersion(of: db) == Schema.currentVersion)
        #expect(try Migrator.migrate(db) == [])
        try db.close()
    }

    @Test func olderDatabase_getsOnlyTheMissingMigrations_andKeepsItsData() throws {
        let temp = try TemporaryDatabase()
        do {
            // A database as version 1 of the code left it.
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(1)))
            try insertBeforeVersion4(.make(id: "job_old"), into: db)
            #expect(throws: SQLiteError.self) { try db.execute("SELECT * FROM journal") }
            try db.close()
        }
        let store = try Store(path: temp.path)
        #expect(try store.schemaVersion() == Schema.currentVersion)
        try store.readSync { db throws in
            #expect(try db.jobs.get(id: "job_old") != nil)
            #expect(try db.journalSegments.entryCount(namespace: "default") == 0)
            #expect(try db.legacyJournal.exists() == false)
            let recorded = try db.query("SELECT version FROM schema_version ORDER BY version") { $0.int(0) }
            #expect(recorded == Array(1...Schema.currentVersion))
        }
        try store.close()
    }

    @Test func newerDatabase_isRefusedWithAClearError() throws {
        let temp = try TemporaryDatabase()
        do {
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db)
            try db.execute("INSERT INTO schema_version (version, name) VALUES (99, 'from the future')")
            try db.close()
        }
        #expect(throws: SQLiteError.schemaTooNew(path: temp.path, found: 99, supported: Schema.currentVersion)) {
            try Store(path: temp.path)
        }
    }

    @Test func failingMigration_rollsBackAndLeavesThePreviousVersion() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let migrations = [
            Migration(version: 1, name: "one", sql: "CREATE TABLE a (x)"),
            Migration(version: 2, name: "broken", sql: "CREATE TABLE b (x); CREATE TABLE a (x)"),
        ]
        #expect(throws: SQLiteError.self) { try Migrator.migrate(db, with: migrations) }
        #expect(try Migrator.currentVersion(of: db) == 1)
        #expect(try db.queryFirst("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'b'") { $0.int(0) } == 0)
        try db.close()
    }

    @Test func addingAMigration_isAppendingOne() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try Migrator.migrate(db)
        let next = Schema.migrations + [
            Migration(version: Schema.currentVersion + 1, name: "webhooks", sql: "CREATE TABLE webhook_deliveries (id TEXT)"),
        ]
        #expect(try Migrator.migrate(db, with: next) == [Schema.currentVersion + 1])
        try db.close()
    }
}

/// Migration 4 rebuilds `jobs` as a WITHOUT ROWID table while `job_events` references it.
@Suite struct JobsClusteredMigrationTests {
    @Test func jobsRebuild_keepsEveryRowEveryEventAndTheInsertionOrder() throws {
        let temp = try TemporaryDatabase()
        do {
            // A database as version 3 of the code left it: ids inserted out of id order, with history.
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(3)))
            for (index, id) in ["job_c", "job_a", "job_b"].enumerated() {
                var job = JobRecord.make(id: id, state: "waiting", dueAt: index == 2 ? 5_000 : nil, createdAt: 7)
                job.payload = #"{"data":{"x":"\#(id)"}}"#
                try insertBeforeVersion4(job, into: db)
                try appendBeforeVersion7(JobEventRecord(jobID: id, namespace: "ns", at: 7, fromState: nil, toState: "waiting"),
                                         into: db)
            }
            try db.close()
        }
        let store = try Store(path: temp.path)
        try store.readSync { db throws in
            #expect(try db.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
            let sql = try db.queryFirst("SELECT sql FROM sqlite_schema WHERE name = 'jobs'") { $0.string(0) } ?? ""
            #expect(sql.contains("WITHOUT ROWID"))
            #expect(try db.queryFirst("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'jobs_due'") { $0.int(0) } == 0)
            #expect(try db.query("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
            let stored = try #require(try db.jobs.get(id: "job_b"))
            #expect(stored.payload == #"{"data":{"x":"job_b"}}"#)
            #expect(stored.dueAt == 5_000)
            #expect(try db.queryFirst("SELECT COUNT(*) FROM job_events") { $0.int(0) } == 3)
            // Same created_at: the old rowid order (c, a, b) carries over as `seq`.
            #expect(try db.jobs.waiting(namespace: "ns", service: "builds", kind: "build", state: "waiting", limit: 10)
                .map(\.id) == ["job_c", "job_a"])
        }
        // New rows continue the order, and the foreign key still cascades.
        try store.writeSync { db in
            try db.jobs.insert(.make(id: "job_0", state: "waiting", dueAt: nil, createdAt: 7))
            #expect(try db.jobs.waiting(namespace: "ns", service: "builds", kind: "build", state: "waiting", limit: 10)
                .map(\.id) == ["job_c", "job_a", "job_0"])
            #expect(try db.jobs.delete(id: "job_a"))
            #expect(try db.events.list(jobID: "job_a").isEmpty)
            #expect(try db.events.list(jobID: "job_c").count == 1)
        }
        try store.close()
    }

    @Test func rebuildThatBreaksAForeignKey_rollsBackAndRestoresEnforcement() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let migrations = [
            Migration(version: 1, name: "tables", sql: """
                CREATE TABLE parent (id TEXT PRIMARY KEY);
                CREATE TABLE child (parent_id TEXT REFERENCES parent (id));
                INSERT INTO parent VALUES ('p'); INSERT INTO child VALUES ('p');
                """),
            Migration(version: 2, name: "lossy rebuild", rebuildsReferencedTables: true, sql: """
                CREATE TABLE parent_new (id TEXT PRIMARY KEY) WITHOUT ROWID;
                DROP TABLE parent;
                ALTER TABLE parent_new RENAME TO parent;
                """),
        ]
        #expect(throws: SQLiteError.self) { try Migrator.migrate(db, with: migrations) }
        #expect(try Migrator.currentVersion(of: db) == 1)
        #expect(try db.queryFirst("SELECT COUNT(*) FROM parent") { $0.int(0) } == 1)
        #expect(try db.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
        try db.close()
    }
}

/// A job row as code before migration 4 wrote it (no `seq` column yet).
func insertBeforeVersion4(_ job: JobRecord, into db: SQLiteConnection) throws {
    try db.execute("""
        INSERT INTO jobs (id, namespace, service, kind, state, step, due_at, scenario, payload, created_at, updated_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, [.text(job.id), .text(job.namespace), .text(job.service), .text(job.kind), .text(job.state),
              .integer(Int64(job.step)), job.dueAt.map(SQLiteValue.integer) ?? .null, .text(job.scenario),
              .text(job.payload), .integer(job.createdAt), .integer(job.updatedAt), .integer(Int64(job.version))])
}

/// A history row as code before migration 7 wrote it (no `job_created_at` column yet).
func appendBeforeVersion7(_ event: JobEventRecord, into db: SQLiteConnection) throws {
    try db.execute("""
        INSERT INTO job_events (job_id, namespace, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?)
        """, [.text(event.jobID), .text(event.namespace), .integer(event.at), event.fromState.map(SQLiteValue.text) ?? .null,
              .text(event.toState), .text(event.detail)])
}

/// Migration 5 drops the namespace index of `job_events` from a database already in use.
@Suite struct EventsNamespaceIndexMigrationTests {
    @Test func upgradeInPlace_dropsTheIndex_keepsTheHistory_andEveryQueryAnswersAsBefore() throws {
        let temp = try TemporaryDatabase()
        do {
            // A database as version 4 of the code left it, with history in two namespaces.
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(4)))
            for id in ["job_a", "job_b"] { try db.jobs.insert(.make(id: id)) }
            try db.jobs.insert(.make(id: "job_x", namespace: "other"))
            try appendBeforeVersion7(JobEventRecord(jobID: "job_a", namespace: "ns", at: 1, fromState: nil, toState: "queued"), into: db)
            try appendBeforeVersion7(JobEventRecord(jobID: "job_x", namespace: "other", at: 2, fromState: nil, toState: "queued"), into: db)
            try appendBeforeVersion7(JobEventRecord(jobID: "job_b", namespace: "ns", at: 3, fromState: nil, toState: "queued"), into: db)
            try appendBeforeVersion7(JobEventRecord(jobID: "job_a", namespace: "ns", at: 4, fromState: "queued", toState: "done"), into: db)
            try db.close()
        }
        let store = try Store(path: temp.path)
        #expect(try store.schemaVersion() == Schema.currentVersion)
        try store.readSync { db throws in
            #expect(try db.queryFirst("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'job_events_namespace'") { $0.int(0) } == 0)
            #expect(try db.queryFirst("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'job_events_job'") { $0.int(0) } == 1)
            #expect(try db.events.list(jobID: "job_a").map(\.toState) == ["queued", "done"])
            let namespace = try db.events.list(namespace: "ns", limit: 10)
            #expect(namespace.map(\.jobID) == ["job_a", "job_b", "job_a"])
            #expect(try db.events.list(namespace: "ns", after: namespace[0].seq, limit: 1).map(\.at) == [3])
        }
        // Deleting a namespace's jobs still takes their history with them (the cascade uses job_events_job).
        try store.writeSync { db in
            #expect(try db.jobs.deleteAll(namespace: "ns") == 2)
            #expect(try db.queryFirst("SELECT COUNT(*) FROM job_events") { $0.int(0) } == 1)
            try db.events.append(JobEventRecord(jobID: "job_x", namespace: "other", at: 5, fromState: "queued", toState: "done"))
            #expect(try db.events.list(namespace: "other", limit: 10).map(\.at) == [2, 5])
        }
        try store.close()
    }
}

/// Migration 6 replaces the per-row `journal` with `journal_segments`; rows it cannot encode (the
/// format is the engine's) wait in `journal_v2` for the engine to move them.
@Suite struct JournalSegmentsMigrationTests {
    @Test func rowsOfSchema5_waitInJournalV2_andTheHighestSeqIsKept() throws {
        let temp = try TemporaryDatabase()
        do {
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(5)))
            for seq in 1...3 {
                try db.execute("INSERT INTO journal (seq, namespace, at, method, path) VALUES (?, 'ns', 0, 'GET', '/')",
                               [.integer(Int64(seq))])
            }
            try db.execute("DELETE FROM journal WHERE seq = 3")
            try db.close()
        }
        let store = try Store(path: temp.path)
        try store.readSync { db throws in
            #expect(try db.legacyJournal.exists())
            #expect(try db.legacyJournal.rows(afterSeq: 0, limit: 10).map(\.seq) == [1, 2])
            #expect(try db.legacyJournal.rows(afterSeq: 1, limit: 10).map(\.seq) == [2])
            #expect(try db.journalSegments.highestSeq() == 3)
            #expect(throws: SQLiteError.self) { try db.execute("SELECT * FROM journal") }
        }
        try store.writeSync { db in try db.legacyJournal.drop() }
        try store.readSync { db throws in #expect(try db.legacyJournal.exists() == false) }
        try store.close()
    }
}

@Suite struct JournalSegmentRecordsTests {
    func segment(_ namespace: String, _ first: Int64, _ last: Int64, _ entries: Int) -> JournalSegment {
        JournalSegment(namespace: namespace, firstSeq: first, lastSeq: last, entries: entries, data: [UInt8(first)])
    }

    @Test func list_readsCountsOnly_dataComesPerSegment_andPruningDeletesFromTheOldest() throws {
        let db = try makeMigratedConnection()
        for segment in [segment("a", 1, 3, 2), segment("b", 2, 2, 1), segment("a", 4, 6, 3), segment("a", 7, 7, 1)] {
            try db.journalSegments.insert(segment)
        }
        #expect(try db.journalSegments.list(namespace: "a").map(\.firstSeq) == [1, 4, 7])
        #expect(try db.journalSegments.list(namespace: "a").map(\.entries) == [2, 3, 1])
        #expect(try db.journalSegments.list(namespace: "a").allSatisfy { $0.data.isEmpty })
        #expect(try db.journalSegments.data(firstSeq: 4) == [4])
        #expect(try db.journalSegments.data(firstSeq: 5) == nil)
        #expect(try db.journalSegments.entryCount(namespace: "a") == 6)
        #expect(try db.journalSegments.oldest(namespace: "a", limit: 2).map(\.firstSeq) == [1, 4])
        #expect(try db.journalSegments.delete(namespace: "a", throughFirstSeq: 4) == 2)
        #expect(try db.journalSegments.entryCount(namespace: "a") == 1)
        #expect(try db.journalSegments.highestSeq() == 7)
        #expect(try db.journalSegments.deleteAll(namespace: "a") == 1)
        #expect(try db.journalSegments.highestSeq() == 2)
        try db.journalSegments.raiseHighWater(to: 7)
        try db.journalSegments.raiseHighWater(to: 5)
        #expect(try db.journalSegments.highestSeq() == 7)
        try db.close()
    }
}

/// Migration 7 clusters `jobs` by (created_at, id) and keys each job's history by the same pair.
@Suite struct JobsByCreationTimeMigrationTests {
    @Test func upgradeInPlace_keepsEveryJobAndEvent_andNeverReusesAnEventSeq() throws {
        let temp = try TemporaryDatabase()
        let lastSeq: Int64
        do {
            // A database as version 6 of the code left it: jobs created at different times, with
            // history, and the newest event deleted with its job (AUTOINCREMENT remembers its seq).
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(6)))
            for (id, createdAt) in [("job_b", Int64(30)), ("job_a", 20), ("job_c", 10)] {
                try db.jobs.insert(.make(id: id, createdAt: createdAt))
                try appendBeforeVersion7(JobEventRecord(jobID: id, namespace: "ns", at: createdAt, fromState: nil,
                                                        toState: "queued"), into: db)
            }
            try appendBeforeVersion7(JobEventRecord(jobID: "job_a", namespace: "ns", at: 25, fromState: "queued",
                                                    toState: "done"), into: db)
            try db.jobs.insert(.make(id: "job_gone", createdAt: 40))
            try appendBeforeVersion7(JobEventRecord(jobID: "job_gone", namespace: "ns", at: 40, fromState: nil,
                                                    toState: "queued"), into: db)
            lastSeq = db.lastInsertRowID
            #expect(try db.jobs.delete(id: "job_gone"))
            try db.close()
        }
        let store = try Store(path: temp.path)
        #expect(try store.schemaVersion() == Schema.currentVersion)
        try store.readSync { db throws in
            #expect(try db.query("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
            // The table is keyed by creation time and id; seq kept the insertion order.
            let sql = try db.queryFirst("SELECT sql FROM sqlite_schema WHERE name = 'jobs'") { $0.string(0) } ?? ""
            #expect(sql.contains("PRIMARY KEY (created_at, id)") && sql.contains("WITHOUT ROWID"))
            #expect(try db.query("SELECT id, seq FROM jobs ORDER BY created_at") { "\($0.string(0)) \($0.int(1))" }
                    == ["job_c 3", "job_a 2", "job_b 1"])
            #expect(try db.events.list(jobID: "job_a").map(\.toState) == ["queued", "done"])
            #expect(try db.events.list(jobID: "job_a").map(\.jobCreatedAt) == [20, 20])
            #expect(try db.events.list(jobID: "job_b").map(\.at) == [30])
            #expect(try db.jobs.get(id: "job_b")?.createdAt == 30)
        }
        try store.writeSync { db in
            // Ids stay unique.
            #expect(throws: SQLiteError.self) { try db.jobs.insert(.make(id: "job_a", createdAt: 99)) }
            // AUTOINCREMENT carried over: the deleted event's seq is not handed out again.
            let next = try db.events.append(JobEventRecord(jobID: "job_c", namespace: "ns", at: 50, fromState: "queued",
                                                           toState: "done"))
            #expect(next == lastSeq + 1)
            // The cascade still finds a job's history.
            #expect(try db.jobs.delete(id: "job_c"))
            #expect(try db.queryFirst("SELECT COUNT(*) FROM job_events WHERE job_id = 'job_c'") { $0.int(0) } == 0)
            #expect(try db.queryFirst("SELECT COUNT(*) FROM job_events") { $0.int(0) } == 3)
        }
        try store.close()
    }
}

/// Migration 7 also numbers jobs from a counter instead of `MAX(seq) + 1` through `jobs_seq`.
@Suite struct JobSeqCounterMigrationTests {
    @Test func theCounterStartsAfterTheHighestSeq_andTheIndexIsGone() throws {
        let temp = try TemporaryDatabase()
        do {
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(6)))
            for (index, id) in ["job_a", "job_b", "job_c"].enumerated() {
                try db.execute("""
                    INSERT INTO jobs (id, namespace, service, kind, state, due_at, scenario, created_at, updated_at, seq)
                    VALUES (?, 'ns', 'builds', 'build', 'queued', NULL, 'default', 0, 0, ?)
                    """, [.text(id), .integer(Int64(index + 1))])
            }
            try db.close()
        }
        let store = try Store(path: temp.path)
        try store.readSync { db throws in
            #expect(try db.queryFirst("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'jobs_seq'") { $0.int(0) } == 0)
            #expect(try db.sequences.current(namespace: "", name: JobRecords.seqCounter) == 3)
        }
        // Inside a write transaction (held counter) and outside one, the next jobs come after.
        try store.writeSync { db in try db.jobs.insert(.make(id: "job_d")) }
        try store.close()
        let db = try SQLiteConnection(path: temp.path)
        try db.jobs.insert(.make(id: "job_e"))
        #expect(try db.query("SELECT seq FROM jobs WHERE id IN ('job_d', 'job_e') ORDER BY seq") { $0.int(0) } == [4, 5])
        // A namespace's reset (its counters go) leaves the job counter alone: it is in namespace ''.
        #expect(try db.sequences.deleteAll(namespace: "ns") >= 0)
        #expect(try db.sequences.current(namespace: "", name: JobRecords.seqCounter) == 5)
        try db.close()
    }
}
