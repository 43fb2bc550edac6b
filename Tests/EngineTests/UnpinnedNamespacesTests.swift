@testable import Engine
import Testing

@Suite struct UnpinnedNamespacesTests {
    @Test func joinsOnlyAfterItsCommit() {
        let unpinned = UnpinnedNamespaces()
        let observation = unpinned.observeNoPin(in: "a")
        #expect(!unpinned.contains("a"))
        unpinned.committed(observation)
        #expect(unpinned.contains("a"))
    }

    /// A pin written between the lookup and the commit (even one later rolled back) may exist now.
    @Test func aPinWrittenSinceTheLookup_keepsItOut() {
        let unpinned = UnpinnedNamespaces()
        let observation = unpinned.observeNoPin(in: "a")
        unpinned.pinWillChange()
        unpinned.committed(observation)
        #expect(!unpinned.contains("a"))
    }

    @Test func aPinWrite_forgetsEveryNamespace() {
        let unpinned = UnpinnedNamespaces()
        unpinned.committed(unpinned.observeNoPin(in: "a"))
        unpinned.committed(unpinned.observeNoPin(in: "b"))
        unpinned.pinWillChange()
        #expect(!unpinned.contains("a"))
        #expect(!unpinned.contains("b"))
    }
}
