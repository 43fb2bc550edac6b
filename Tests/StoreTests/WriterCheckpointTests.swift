import Synchronization
import Testing
@testable import Store

/// The writer's own checkpoint past `Checkpointer.writerTakeoverPages`: what keeps the WAL from
/// growing without end while a background checkpoint never catches up with a busy writer.
@Suite struct WriterCheckpointTests {
    @Test func pastTheTakeoverSize_theWritersCheckpointLetsTheWALStartOver() throws {
        let temp = try TemporaryDatabase()
        let db = try SQLiteConnection(path: temp.path)
        defer { try? db.close() }
        try db.executeScript("CREATE TABLE t (x BLOB)")
        // No checkpoint at all but the ones this test makes: the WAL only grows.
        let pages = Mutex<[Int]>([])
        db.onWALCommit { count in pages.withLock { $0.append(count) } }
        let row = [UInt8](repeating: 7, count: 4_000)
        func commit(rows: Int) throws {
            try db.transaction {
                for _ in 0..<rows { try db.execute("INSERT INTO t VALUES (?)", [.blob(row)]) }
            }
        }
        for _ in 0..<5 { try commit(rows: 1_000) }
        let grown = try #require(pages.withLock { $0.last })
        #expect(grown >= Checkpointer.writerTakeoverPages)

        #expect(!Checkpointer.finishOnWriter(db, pages: Checkpointer.writerTakeoverPages - 1))
        try commit(rows: 1)
        #expect(try #require(pages.withLock { $0.last }) > grown, "below the takeover size nothing was copied")

        #expect(Checkpointer.finishOnWriter(db, pages: grown))
        try commit(rows: 1)
        #expect(try #require(pages.withLock { $0.last }) < 10, "the next commit starts the WAL over")
        #expect(try db.queryFirst("SELECT COUNT(*) FROM t", row: { $0.int64(0) }) == 5_002)
    }
}

/// `CheckpointPacing`: background passes per 1,000 pages of WAL growth, every commit near the takeover.
@Suite struct CheckpointPacingTests {
    @Test func asksOncePerThresholdOfGrowth_thenAfterEveryCommitNearTheTakeover() {
        var pacing = CheckpointPacing()
        let step = Checkpointer.pageThreshold
        let nearTakeover = Checkpointer.writerTakeoverPages - step
        let walSizes = [10, step - 1, step + 20,
                        // Not again until the WAL has grown by another threshold since that pass.
                        step + 40, 2 * step + 19, 2 * step + 20,
                        // The last stretch before the writer's takeover: every commit.
                        nearTakeover, nearTakeover + 5, Checkpointer.writerTakeoverPages + 5]
        let answers = walSizes.map { pacing.wantsCheckpoint(walPages: $0) }
        #expect(answers == [false, false, true, false, false, true, true, true, true])
    }

    @Test func aWALThatStartedOver_isPacedFromTheStartAgain() {
        var pacing = CheckpointPacing()
        let step = Checkpointer.pageThreshold
        // Past the takeover; then the writer's checkpoint completed and the next write reset the WAL.
        let answers = [Checkpointer.writerTakeoverPages + 100, 30, step - 1, step].map {
            pacing.wantsCheckpoint(walPages: $0)
        }
        #expect(answers == [true, false, false, true])
    }
}
