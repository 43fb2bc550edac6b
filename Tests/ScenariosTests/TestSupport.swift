import Foundation
@testable import Scenarios

/// A generator with a known sequence, so jittered durations are checkable without the engine's streams.
struct CountingGenerator: RandomNumberGenerator {
    var state: UInt64 = 0
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return state
    }
}

/// A throwaway directory of scenario files, removed when the test ends.
final class ScenarioDirectory {
    let path: String

    init(files: [String: String]) throws {
        path = NSTemporaryDirectory() + "scenarios-" + UUID().uuidString
        for (relative, text) in files {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The shipped fixtures directory, found from this file's location.
func shippedScenariosPath(file: String = #filePath) -> String {
    URL(fileURLWithPath: file).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/scenarios").path
}

/// A minimal valid build scenario, for tests that change one thing.
func buildScenario(name: String = "default", isDefault: Bool = true, extra: String = "") -> String {
    """
    {
      "name": "\(name)", "service": "appbuilds", "kind": "build", "default": \(isDefault),\(extra)
      "initial": "queued",
      "steps": [
        { "id": "queued", "state": "queued", "duration": "10s", "next": "building" },
        { "id": "building", "state": "building", "duration": "3m", "next": "success" },
        { "id": "success", "state": "success", "terminal": true }
      ]
    }
    """
}
