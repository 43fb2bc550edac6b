/// Independent random streams for one namespace, each derived from (seed, namespace, stream name).
///
/// A stream's sequence depends only on those three values, never on how many other streams exist or
/// how much they were used: adding a fault draw to a test does not shift the ids it sees (BRIEF §5).
/// Well-known names: `ids`, `jitter`, `faults`, `content`.
public struct RandomStreams: Sendable, Hashable {
    public let seed: UInt64
    public let namespace: String

    public init(seed: UInt64, namespace: String) {
        self.seed = seed
        self.namespace = namespace
    }

    /// The seed of stream `name`; mixed twice so nearby seeds (1, 2, 3…) give unrelated streams.
    public static func streamSeed(seed: UInt64, namespace: String, name: String) -> UInt64 {
        SplitMix64.mix(seed &+ SplitMix64.mix(StableHash.fnv1a64(parts: [namespace, name])))
    }

    /// A generator at the start of stream `name`.
    public func stream(_ name: String) -> SplitMix64 {
        SplitMix64(seed: Self.streamSeed(seed: seed, namespace: namespace, name: name))
    }

    /// The `index`-th value of stream `name`, without replaying the values before it: the engine
    /// persists a counter per stream and asks for the next index after a restart.
    public func value(_ name: String, index: UInt64) -> UInt64 {
        SplitMix64.output(seed: Self.streamSeed(seed: seed, namespace: namespace, name: name), index: index)
    }

    /// A generator for one use identified by `index` (e.g. the jitter of a job's n-th transition):
    /// a sub-stream of `name` seeded from its `index`-th value.
    public func stream(_ name: String, index: UInt64) -> SplitMix64 {
        SplitMix64(seed: value(name, index: index))
    }
}
