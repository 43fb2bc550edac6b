// Engine benchmark: how long one `clock/advance` takes to move N due jobs one step each, and what
// creating a job costs, without HTTP. Run by scripts/bench-engine.sh (release build).
import Dispatch
import Engine
import Foundation
import JSON
import Logging
import Scenarios
import Store

let jobCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let scenarioText = """
    { "name": "default", "service": "bench", "kind": "job", "default": true, "initial": "queued",
      "steps": [
        { "id": "queued", "state": "queued", "duration": "10s", "next": "building" },
        { "id": "building", "state": "building", "duration": "1h", "next": "done" },
        { "id": "done", "state": "done", "terminal": true } ] }
    """
guard let scenario = ScenarioCatalog.parse(scenarioText, file: "bench.json", vocabulary: nil).scenario else {
    fatalError("bench scenario does not parse")
}
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bm-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let engine = Engine(store: try Store(path: directory.appendingPathComponent("bench.sqlite").path),
                    catalog: try ScenarioCatalog(scenarios: [scenario]),
                    configuration: EngineConfiguration(clock: ClockSettings(mode: .manual)),
                    logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

/// CPU seconds (user + system, every thread) the process has used: on a shared, busy machine the
/// wall time of a phase swings with the load; its CPU time much less.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

// Create concurrently, 64 at a time, so writes share transactions the way HTTP requests do.
var start = DispatchTime.now().uptimeNanoseconds
try await withThrowingTaskGroup(of: Void.self) { group in
    var next = 0
    for _ in 0..<64 {
        group.addTask {}
    }
    while try await group.next() != nil {
        guard next < jobCount else { continue }
        let index = next
        next += 1
        group.addTask {
            _ = try await engine.createJob(NewJob(namespace: "bench", service: "bench", kind: "job",
                                                  idStyle: .prefixed("job_"), request: ["n": .int(Int64(index))]))
        }
    }
}
let createSeconds = seconds(since: start)
print("created \(jobCount) jobs in \(String(format: "%.2f", createSeconds)) s (\(Int(Double(jobCount) / createSeconds)) jobs/s, 64 concurrent)")

start = DispatchTime.now().uptimeNanoseconds
let cpuStart = cpuSeconds()
let transitions = try await engine.advance(namespace: "bench", by: 10_000)
let advanceSeconds = seconds(since: start)
let advanceCPU = cpuSeconds() - cpuStart
print("advance moved \(transitions.count) jobs one step in \(String(format: "%.3f", advanceSeconds)) s (\(Int(Double(transitions.count) / advanceSeconds)) transitions/s, \(String(format: "%.3f", advanceCPU)) s CPU)")

start = DispatchTime.now().uptimeNanoseconds
var found = 0
for index in stride(from: 0, to: transitions.count, by: max(1, transitions.count / 10_000)) {
    if try await engine.job(id: transitions[index].jobID, namespace: "bench") != nil { found += 1 }
}
let readSeconds = seconds(since: start)
print("read \(found) jobs by id in \(String(format: "%.3f", readSeconds)) s (\(String(format: "%.1f", readSeconds / Double(max(found, 1)) * 1e6)) µs each)")
