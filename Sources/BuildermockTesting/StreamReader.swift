import HTTP
import Dispatch

/// Reads a response that never ends by itself (server-sent events, any `ResponseStream`) off a
/// `RawSocketClient`'s socket, up to a marker at a time, each wait bounded by a deadline.
///
/// `@unchecked Sendable` for the same reason as `RawSocketClient`: a test uses it from one thread
/// at a time, handing it between `blocking` closures.
public final class StreamReader: @unchecked Sendable {
    public let client: RawSocketClient
    /// Everything received so far, raw (chunk framing included).
    public private(set) var received: [UInt8] = []
    /// Where the next `read(until:)` starts looking.
    private var consumed = 0
    /// Whether the server has closed the connection.
    public private(set) var isClosed = false

    public init(client: RawSocketClient) {
        self.client = client
    }

    public var text: String { String(decoding: received, as: UTF8.self) }

    /// Reads until `marker` appears after what earlier calls consumed; returns the text up to and
    /// including it. Throws `.timedOut` or `.closed` (with everything received) when it does not come.
    @discardableResult
    public func read(until marker: String, timeout: Double = 15) throws(RawSocketClient.Failure) -> String {
        let needle = Array(marker.utf8)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while true {
            if let end = Self.find(needle, in: received, from: consumed) {
                let piece = String(decoding: received[consumed..<end], as: UTF8.self)
                consumed = end
                return piece
            }
            if isClosed { throw .closed(received: received) }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw .timedOut(received: received) }
            try readSome(timeout: Double(deadline - now) / 1e9)
        }
    }

    /// Reads until the server closes the connection; returns everything received.
    public func readToEnd(timeout: Double = 15) throws(RawSocketClient.Failure) -> [UInt8] {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while !isClosed {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw .timedOut(received: received) }
            try readSome(timeout: Double(deadline - now) / 1e9)
        }
        return received
    }

    private func readSome(timeout: Double) throws(RawSocketClient.Failure) {
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        let result: Result<Int, SocketError> = buffer.withUnsafeMutableBytes { raw in
            do throws(SocketError) {
                guard try client.socket.wait(for: .readable, timeout: timeout) else { return .success(-1) }
                return .success(try client.socket.read(into: raw))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(-1): return
        case .success(let count): received += buffer[0..<count]
        case .failure(.closed): isClosed = true
        case .failure(.wouldBlock): return
        case .failure(let error): throw .socket(error)
        }
    }

    /// The index just past the first occurrence of `needle` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
            return index + needle.count
        }
        return nil
    }
}

/// Waits (wall time, polling every few milliseconds) until `condition` holds or `seconds` pass, for
/// effects of I/O a test cannot await directly (a server noticing a client leave).
/// - Returns: whether the condition held in time.
public func eventually(within seconds: Double = 5, _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
    while DispatchTime.now().uptimeNanoseconds < deadline {
        if await condition() { return true }
        do {
            try await Task.sleep(for: .milliseconds(5))
        } catch {
            return false
        }
    }
    return await condition()
}
