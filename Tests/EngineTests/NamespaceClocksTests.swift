@testable import Engine
import Testing

@Suite struct NamespaceClocksTests {
    func clock(_ now: Int64) -> NamespaceClock {
        NamespaceClock(mode: .manual, anchorVirtual: now, anchorWall: 0, timeScale: 1)
    }

    /// The remembered last clock never outlives a change or a forget of its namespace.
    @Test func cached_followsRememberAndForget() {
        let clocks = NamespaceClocks(settings: ClockSettings(mode: .manual))
        clocks.remember("a", clock(1))
        clocks.remember("b", clock(2))
        #expect(clocks.cached("a") == clock(1))
        #expect(clocks.cached("a") == clock(1))
        clocks.remember("a", clock(3))
        #expect(clocks.cached("a") == clock(3))
        clocks.forget("a")
        #expect(clocks.cached("a") == nil)
        #expect(clocks.cached("b") == clock(2))
        clocks.forget(nil)
        #expect(clocks.cached("b") == nil)
        #expect(clocks.allCached().isEmpty)
    }
}
