extension JSONValue {
    /// Compact JSON text with object keys sorted, so the same value always gives the same bytes
    /// (stored payloads and replayed responses compare byte for byte).
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The same text as `serialized()`, as UTF-8 bytes: what a response body is made of, without
    /// going through a `String` first.
    public func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out)
        return out
    }

    // Bytes rather than a String: every response body is built here, and String appends (index
    // validation, capacity checks per piece) were a visible share of a GET's CPU.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let value): Self.append(value ? "true" : "false", to: &out)
        case .int(let value): Self.writeInteger(value, to: &out)
        case .double(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                Self.writeInteger(Int64(value), to: &out)
            } else if value.isFinite {
                Self.append("\(value)", to: &out)
            } else {
                Self.append("null", to: &out)
            }
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // Sorted pairs rather than sorted keys, so no value is looked up again by its key.
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    private static func writeInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            // The magnitude as unsigned: -Int64.min does not fit an Int64.
            writeDigits(value.magnitude, to: &out)
        } else {
            writeDigits(UInt64(value), to: &out)
        }
    }

    private static func writeDigits(_ value: UInt64, to out: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes ≥ the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var rest = value, start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: buffer[start...])
        }
    }

    static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        // Contiguous UTF-8 lets the scan and the copies of the runs between escapes be plain byte work.
        value.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    // Below 0x20: `\u00` and two lowercase hex digits.
                    let low = byte & 0xF
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            UInt8(ascii: "0") + byte >> 4, low < 10 ? UInt8(ascii: "0") + low : 0x57 + low])
                }
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Parses JSON text (RFC 8259, strict); nil when it is not valid JSON.
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        do {
            return try JSONParser.parseValue(bytes: bytes)
        } catch {
            return nil
        }
    }

    public static func parse(_ text: String) -> JSONValue? { parse(Array(text.utf8)) }
}
