import Testing
@testable import Engine

// Known answers below were computed by an independent Python implementation of the same definitions.

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        // Seed 0's first outputs are the reference implementation's published values.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        var seeded = SplitMix64(seed: 42)
        #expect(seeded.next() == 0xBDD7_3226_2FEB_6E95)
    }

    @Test func output_jumpsStraightToAnIndex() {
        var generator = SplitMix64(seed: 1_234)
        for index: UInt64 in 0..<100 {
            #expect(SplitMix64.output(seed: 1_234, index: index) == generator.next())
        }
    }
}

@Suite struct StableHashTests {
    @Test func fnv1a64_knownVectors() {
        #expect(StableHash.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.fnv1a64("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func parts_areLengthPrefixed() {
        #expect(StableHash.fnv1a64(parts: ["ab", "c"]) != StableHash.fnv1a64(parts: ["a", "bc"]))
        #expect(StableHash.fnv1a64(parts: ["", "x"]) != StableHash.fnv1a64(parts: ["x", ""]))
    }
}

@Suite struct RandomStreamsTests {
    @Test func streamSeeds_knownAnswers() {
        #expect(RandomStreams.streamSeed(seed: 42, namespace: "default", name: "ids") == 0xFB0F_2F68_C313_3DD6)
        #expect(RandomStreams.streamSeed(seed: 42, namespace: "default", name: "jitter") == 0x45FB_1677_0178_2A97)
    }

    @Test func sameInputs_sameSequence() {
        var a = RandomStreams(seed: 7, namespace: "suite-a").stream("jitter")
        var b = RandomStreams(seed: 7, namespace: "suite-a").stream("jitter")
        for _ in 0..<50 { #expect(a.next() == b.next()) }
    }

    @Test func streams_areIndependentOfEachOtherAndOfUse() {
        let streams = RandomStreams(seed: 7, namespace: "suite-a")
        var ids = streams.stream("ids")
        let before = (0..<10).map { _ in ids.next() }
        // Drawing heavily from another stream (a new fault, say) leaves the ids stream untouched.
        var faults = streams.stream("faults")
        for _ in 0..<1_000 { _ = faults.next() }
        var idsAgain = streams.stream("ids")
        #expect((0..<10).map { _ in idsAgain.next() } == before)
        var jitter = streams.stream("jitter")
        #expect((0..<10).map { _ in jitter.next() } != before)
    }

    @Test func namespacesAndSeeds_giveDifferentStreams() {
        let values: Set<UInt64> = [
            RandomStreams(seed: 7, namespace: "a").value("ids", index: 0),
            RandomStreams(seed: 7, namespace: "b").value("ids", index: 0),
            RandomStreams(seed: 8, namespace: "a").value("ids", index: 0),
            RandomStreams(seed: 7, namespace: "a").value("ids", index: 1),
        ]
        #expect(values.count == 4)
    }

    @Test func value_isTheStreamAtThatIndex() {
        let streams = RandomStreams(seed: 99, namespace: "n")
        var generator = streams.stream("content")
        for index: UInt64 in 0..<20 { #expect(streams.value("content", index: index) == generator.next()) }
    }
}

@Suite struct IDGeneratorTests {
    @Test func uuid_knownAnswers() {
        #expect(IDGenerator.uuid(seed: 42, namespace: "default", counter: 0) == "c4d3ec43-ff8a-4437-b07e-0564eaee610f")
        #expect(IDGenerator.uuid(seed: 42, namespace: "default", counter: 1) == "c32f3b3e-3c2c-4088-a340-064e9f93b2d5")
        #expect(IDGenerator.uuid(seed: 42, namespace: "default", counter: 2) == "4ca97bf4-a1d5-4d39-818a-149181d061e7")
        #expect(IDGenerator.uuid(seed: 1, namespace: "default", counter: 0) == "2376c3e9-828e-4520-b707-d67db595811d")
        #expect(IDGenerator.uuid(seed: 42, namespace: "other", counter: 0) == "31e7a4d4-2059-443b-8a9e-50c48ab05096")
    }

    @Test func prefixedID_knownAnswers() {
        #expect(IDGenerator.id(prefix: "bld_", seed: 42, namespace: "default", counter: 0) == "bld_1eu6g8yed8sj")
        #expect(IDGenerator.id(prefix: "bld_", seed: 42, namespace: "default", counter: 1) == "bld_rfdhl1pkuyfa")
        #expect(IDGenerator.id(prefix: "bld_", seed: 42, namespace: "default", counter: 2) == "bld_0crgvnfeuom1")
        #expect(IDGenerator.id(prefix: "dep_", seed: 42, namespace: "default", counter: 0) == "dep_5f6wai1po8k3")
        #expect(IDGenerator.hexToken(stream: "branch", seed: 42, namespace: "default", counter: 0, length: 4) == "5822")
    }

    @Test func uuid_isVersion4Shaped() {
        let pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        for counter: UInt64 in 0..<500 {
            let id = IDGenerator.uuid(seed: 3, namespace: "ns", counter: counter)
            #expect(id.wholeMatch(of: pattern) != nil, "\(id)")
        }
    }

    @Test func ids_areUniqueAcrossCounters() {
        let uuids = Set((0..<5_000).map { IDGenerator.uuid(seed: 5, namespace: "ns", counter: UInt64($0)) })
        let builds = Set((0..<5_000).map { IDGenerator.id(prefix: "bld_", seed: 5, namespace: "ns", counter: UInt64($0)) })
        #expect(uuids.count == 5_000)
        #expect(builds.count == 5_000)
        #expect(builds.allSatisfy { $0.count == 16 && $0.dropFirst(4).allSatisfy { $0.isLowercase || $0.isNumber } })
    }

    @Test func ids_regenerateFromACounter() {
        // What the engine does after a restart: only the persisted counter is needed.
        let first = (0..<10).map { IDGenerator.id(prefix: "bld_", seed: 11, namespace: "ns", counter: UInt64($0)) }
        let again = (0..<10).map { IDGenerator.id(prefix: "bld_", seed: 11, namespace: "ns", counter: UInt64($0)) }
        #expect(first == again)
        #expect(IDGenerator.id(prefix: "bld_", seed: 11, namespace: "ns", counter: 3, length: 8).count == 12)
    }
}
