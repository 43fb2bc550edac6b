public import JSON

/// One line of the demo's timeline: something that happened to one API's job, at a virtual time.
public struct DemoEvent: Sendable, Equatable {
    /// What kind of moment this is; the terminal printer picks its symbol from it.
    public enum Kind: String, Sendable {
        /// An act (one API) begins.
        case act
        /// A request the demo made that created or changed something.
        case request
        /// The resource the act follows changed state.
        case state
        /// The emulated builder asked something.
        case question
        /// The demo answered or approved.
        case answer
        /// A webhook reached the demo's receiver.
        case webhook
        /// The act reached its end state.
        case done
    }

    public var act: String
    public var kind: Kind
    /// The namespace clock's time (ISO 8601), when known.
    public var at: String?
    public var text: String
    /// Machine-readable details for `--json` (ids, states, statuses).
    public var fields: [String: JSONValue]

    public init(act: String, kind: Kind, at: String? = nil, text: String, fields: [String: JSONValue] = [:]) {
        self.act = act
        self.kind = kind
        self.at = at
        self.text = text
        self.fields = fields
    }

    /// The event as one JSON object (sorted keys), for `--json` output.
    public var json: JSONValue {
        var object: [String: JSONValue] = ["act": .string(act), "kind": .string(kind.rawValue), "text": .string(text)]
        if let at { object["at"] = .string(at) }
        if !fields.isEmpty { object["fields"] = .object(fields) }
        return .object(object)
    }
}

/// Where timeline events go as they happen.
public protocol DemoReporter: Sendable {
    func report(_ event: DemoEvent, act index: Int, of count: Int)
}

/// The readable timeline: virtual time, API, symbol and text; an act header with a progress bar.
public struct TerminalReporter: DemoReporter {
    let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public func report(_ event: DemoEvent, act index: Int, of count: Int) {
        if event.kind == .act {
            let width = 20
            let filled = width * index / max(count, 1)
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write("\n[\(index + 1)/\(count)] \(bar)  \(event.text)")
            return
        }
        let clock = event.at.map(Self.clockText) ?? "        "
        write("  \(clock)  \(Self.symbol(event.kind)) \(event.text)")
    }

    /// `2026-01-01T00:01:40.000Z` → `00:01:40`: every act starts at the manual clock's start, so the
    /// time of day is what tells the story.
    static func clockText(_ iso: String) -> String {
        guard let t = iso.firstIndex(of: "T") else { return iso }
        return String(iso[iso.index(after: t)...].prefix(8))
    }

    static func symbol(_ kind: DemoEvent.Kind) -> String {
        switch kind {
        case .act: "▶"
        case .request: "→"
        case .state: "●"
        case .question: "?"
        case .answer: "↳"
        case .webhook: "⚑"
        case .done: "✔"
        }
    }
}

/// One JSON object per line, for machines.
public struct JSONLinesReporter: DemoReporter {
    let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public func report(_ event: DemoEvent, act index: Int, of count: Int) {
        var json = event.json
        if case .object(var object) = json {
            object["step"] = .string("\(index + 1)/\(count)")
            json = .object(object)
        }
        write(json.serialized())
    }
}
