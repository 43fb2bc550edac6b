/// How much the journal keeps.
public struct JournalSettings: Sendable, Equatable {
    /// Entries kept per namespace; the oldest go first. 0 turns the journal off.
    public var limit: Int
    /// Bytes of each request and response body kept; longer bodies are cut (their size is kept).
    public var bodyCap: Int

    public init(limit: Int = 10_000, bodyCap: Int = 64 << 10) {
        self.limit = limit
        self.bodyCap = bodyCap
    }
}
