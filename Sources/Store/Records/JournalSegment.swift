/// One row of `journal_segments`: a batch of one namespace's journal entries, encoded by the engine.
public struct JournalSegment: Sendable, Hashable {
    public var namespace: String
    /// The seq of the segment's first and last entry; seqs increase across all namespaces, so no
    /// two segments share a `firstSeq`.
    public var firstSeq: Int64
    public var lastSeq: Int64
    /// How many entries `data` holds.
    public var entries: Int
    /// The entries in the engine's own format; empty when a listing left it out.
    public var data: [UInt8]

    public init(namespace: String, firstSeq: Int64, lastSeq: Int64, entries: Int, data: [UInt8]) {
        self.namespace = namespace
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.entries = entries
        self.data = data
    }
}
