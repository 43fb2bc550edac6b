import Glibc

/// A numeric IPv4 or IPv6 socket address (no name resolution here; see `Socket.resolve`).
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address bytes in network order, as the kernel stores them.
    enum Host: Sendable, Hashable {
        case v4(UInt32)
        case v6(high: UInt64, low: UInt64, scope: UInt32)
    }

    let host: Host
    public let port: Int

    /// Parses a numeric host: dotted IPv4, or IPv6 with or without brackets.
    public init(host: String, port: Int) throws(SocketError) {
        guard (0...65535).contains(port) else { throw .invalidAddress("\(host):\(port)") }
        var text = host
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.host = .v4(v4.s_addr)
            self.port = port
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            let words = withUnsafeBytes(of: v6) { raw in
                (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                 raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            }
            self.host = .v6(high: words.0, low: words.1, scope: 0)
            self.port = port
            return
        }
        throw .invalidAddress(host)
    }

    init(host: Host, port: Int) {
        self.host = host
        self.port = port
    }

    /// 127.0.0.1 on `port`.
    public static func loopbackIPv4(port: Int) -> SocketAddress {
        SocketAddress(host: .v4(UInt32(0x7F00_0001).bigEndian), port: port)
    }

    /// ::1 on `port`.
    public static func loopbackIPv6(port: Int) -> SocketAddress {
        SocketAddress(host: .v6(high: 0, low: UInt64(1).bigEndian, scope: 0), port: port)
    }

    public var isIPv6: Bool {
        if case .v6 = host { return true }
        return false
    }

    var family: Int32 { isIPv6 ? AF_INET6 : AF_INET }

    /// The host part as text: `127.0.0.1`, `::1`.
    public var hostText: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch host {
        case .v4(let raw):
            var addr = in_addr(s_addr: raw)
            _ = inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count))
        case let .v6(high, low, _):
            var addr = in6_addr()
            withUnsafeMutableBytes(of: &addr) { raw in
                raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
                raw.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
            }
            _ = inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public var description: String { isIPv6 ? "[\(hostText)]:\(port)" : "\(hostText):\(port)" }

    /// Calls `body` with this address as a `sockaddr` and its length, for bind/connect.
    func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        switch host {
        case .v4(let raw):
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
            addr.sin_addr = in_addr(s_addr: raw)
            return withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case let .v6(high, low, scope):
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = UInt16(truncatingIfNeeded: port).bigEndian
            addr.sin6_scope_id = scope
            withUnsafeMutableBytes(of: &addr.sin6_addr) { raw in
                raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
                raw.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
            }
            return withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }

    /// Reads an address the kernel filled in (accept, getsockname); nil for families we do not speak.
    init?(storage: sockaddr_storage) {
        var storage = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            let addr = withUnsafeBytes(of: &storage) { $0.loadUnaligned(as: sockaddr_in.self) }
            self.init(host: .v4(addr.sin_addr.s_addr), port: Int(UInt16(bigEndian: addr.sin_port)))
        case AF_INET6:
            let addr = withUnsafeBytes(of: &storage) { $0.loadUnaligned(as: sockaddr_in6.self) }
            let words = withUnsafeBytes(of: addr.sin6_addr) { raw in
                (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                 raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            }
            self.init(host: .v6(high: words.0, low: words.1, scope: addr.sin6_scope_id),
                      port: Int(UInt16(bigEndian: addr.sin6_port)))
        default:
            return nil
        }
    }
}
