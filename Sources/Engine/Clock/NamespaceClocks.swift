#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store
import Synchronization

/// Which clock every namespace runs on.
public enum ClockMode: String, Sendable, Hashable, CaseIterable {
    /// Wall time; virtual durations take `timeScale` times as long in real time.
    case real
    /// Frozen until advanced.
    case manual
}

/// The engine's clock settings.
public struct ClockSettings: Sendable, Hashable {
    public var mode: ClockMode
    /// Real seconds per virtual second: 0.01 makes a one-minute step take 0.6 s.
    public var timeScale: Double
    /// Where manual clocks start.
    public var manualStart: Timestamp

    public init(mode: ClockMode = .real, timeScale: Double = 1, manualStart: Timestamp = .defaultManualStart) {
        self.mode = mode
        self.timeScale = timeScale
        self.manualStart = manualStart
    }
}

/// One namespace's clock as stored: a manual clock's `now`, or a real clock's anchor (virtual time
/// `anchorVirtual` at wall time `anchorWall`).
struct NamespaceClock: Sendable, Hashable {
    var mode: ClockMode
    var anchorVirtual: Int64
    var anchorWall: Int64
    var timeScale: Double

    func now(wall: Int64) -> Int64 {
        switch mode {
        case .manual: return anchorVirtual
        case .real:
            let elapsed = Double(wall - anchorWall) / timeScale
            return anchorVirtual + Int64(elapsed.rounded(.down))
        }
    }

    /// The wall time at which this clock shows `virtual`, rounded up so a timer never fires early.
    func wall(atVirtual virtual: Int64) -> Int64 {
        anchorWall + Int64((Double(virtual - anchorVirtual) * timeScale).rounded(.up))
    }

    /// The clock moved so that it now shows `target` (manual: set; real: shift the anchor).
    func moved(to target: Int64, wall: Int64) -> NamespaceClock {
        var copy = self
        copy.anchorVirtual = target
        copy.anchorWall = wall
        return copy
    }

    var record: (clockNowMs: Int64, anchorWall: Int64?) { (anchorVirtual, mode == .real ? anchorWall : nil) }
}

/// Every namespace's clock, cached in memory and persisted in the `namespaces` table so that a
/// restart continues each timeline where it was.
final class NamespaceClocks: Sendable {
    let settings: ClockSettings
    private let cache = Mutex(Cache())

    /// The clocks by namespace, and the last one asked for: a request reads its namespace's clock
    /// two or three times, and a busy server mostly serves a few namespaces, so comparing with the
    /// last name usually replaces hashing it.
    private struct Cache {
        var clocks: [String: NamespaceClock] = [:]
        var last: (namespace: String, clock: NamespaceClock)?
    }
    private let wallClock: @Sendable () -> Int64

    init(settings: ClockSettings, wallClock: @escaping @Sendable () -> Int64 = NamespaceClocks.systemWallMilliseconds) {
        self.settings = settings
        self.wallClock = wallClock
    }

    static let systemWallMilliseconds: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    var wallNow: Int64 { wallClock() }

    /// A fresh clock for a namespace seen for the first time.
    func initialClock() -> NamespaceClock {
        let wall = wallClock()
        switch settings.mode {
        case .manual:
            return NamespaceClock(mode: .manual, anchorVirtual: settings.manualStart.unixMilliseconds,
                                  anchorWall: wall, timeScale: settings.timeScale)
        case .real:
            return NamespaceClock(mode: .real, anchorVirtual: wall, anchorWall: wall, timeScale: settings.timeScale)
        }
    }

    func cached(_ namespace: String) -> NamespaceClock? {
        cache.withLock { cache in
            if let last = cache.last, last.namespace == namespace { return last.clock }
            guard let clock = cache.clocks[namespace] else { return nil }
            cache.last = (namespace, clock)
            return clock
        }
    }

    func remember(_ namespace: String, _ clock: NamespaceClock) {
        cache.withLock { cache in
            cache.clocks[namespace] = clock
            cache.last = (namespace, clock)
        }
    }

    func forget(_ namespace: String?) {
        cache.withLock { cache in
            if let namespace {
                cache.clocks[namespace] = nil
                if cache.last?.namespace == namespace { cache.last = nil }
            } else {
                cache.clocks.removeAll()
                cache.last = nil
            }
        }
    }

    func allCached() -> [String: NamespaceClock] { cache.withLock { $0.clocks } }

    /// Loads (or creates and stores) the namespace's clock inside a write.
    func clock(for namespace: String, in db: SQLiteConnection) throws -> NamespaceClock {
        if let clock = cached(namespace) { return clock }
        let clock: NamespaceClock
        if let record = try db.namespaces.get(namespace) {
            clock = NamespaceClock(mode: ClockMode(rawValue: record.clockMode) ?? settings.mode,
                                   anchorVirtual: record.clockNowMs,
                                   anchorWall: record.clockAnchorWallMs ?? wallClock(),
                                   timeScale: record.timeScale)
        } else {
            clock = initialClock()
            try persist(namespace, clock, in: db)
        }
        remember(namespace, clock)
        return clock
    }

    func persist(_ namespace: String, _ clock: NamespaceClock, in db: SQLiteConnection) throws {
        let wall = wallClock()
        try db.namespaces.upsert(NamespaceRecord(
            name: namespace, clockMode: clock.mode.rawValue, clockNowMs: clock.anchorVirtual,
            clockAnchorWallMs: clock.mode == .real ? clock.anchorWall : nil, timeScale: clock.timeScale,
            createdAt: wall, updatedAt: wall))
    }
}
