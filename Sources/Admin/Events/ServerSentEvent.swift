/// One message of a `text/event-stream` (WHATWG HTML §9.2 "Server-sent events"), rendered to the
/// bytes a stream chunk carries.
struct ServerSentEvent: Sendable, Equatable {
    var id: String?
    var event: String?
    var data: String

    /// `id:`, `event:` and one `data:` line per line of `data` (CR, LF and CRLF all end a line in
    /// this format), then the blank line that dispatches it. Line breaks inside `id`/`event` would
    /// end the field early, so they become spaces.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        if let id { Self.appendField("id", Self.singleLine(id), to: &out) }
        if let event { Self.appendField("event", Self.singleLine(event), to: &out) }
        let data = Array(self.data.utf8)
        var start = 0
        var index = 0
        while index <= data.count {
            if index == data.count || data[index] == 0x0A || data[index] == 0x0D {
                Self.appendField("data", data[start..<index], to: &out)
                if index < data.count, data[index] == 0x0D, index + 1 < data.count, data[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        out.append(0x0A)
        return out
    }

    /// A comment line: ignored by `EventSource`, but it keeps proxies and the connection's idle
    /// timers from taking a quiet stream for a dead one.
    static func comment(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x3A, 0x20]
        out.append(contentsOf: singleLine(text))
        out.append(contentsOf: [0x0A, 0x0A])
        return out
    }

    /// How long a client waits before reconnecting after the stream drops.
    static func retry(milliseconds: Int) -> [UInt8] {
        Array("retry: \(milliseconds)\n\n".utf8)
    }

    private static func appendField(_ name: String, _ value: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: value)
        out.append(0x0A)
    }

    private static func singleLine(_ text: String) -> [UInt8] {
        text.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
    }
}
