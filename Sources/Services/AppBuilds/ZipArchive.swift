import HTTP

/// A minimal zip writer (PKWARE APPNOTE.TXT 6.3.x): local file headers, DEFLATE-compressed data,
/// the central directory and its end record. No zip64, no extra fields, no data descriptors, one
/// fixed modification time: the same entries give the same bytes, byte for byte.
struct ZipArchive {
    struct Entry {
        var name: String
        var data: [UInt8]
    }

    /// MS-DOS date and time (APPNOTE 4.4.6), local time in zip's tradition; we write UTC.
    struct DOSTimestamp: Equatable {
        var time: UInt16
        var date: UInt16

        /// From the UTC fields of an RFC 3339 timestamp (`2026-01-01T00:03:10.000Z`). DOS time
        /// starts in 1980 and counts seconds in twos; earlier dates are written as 1980-01-01.
        init(iso8601 text: String) {
            let digits = text.utf8.map { Int($0) - 0x30 }
            func number(_ from: Int, _ count: Int) -> Int {
                guard digits.count >= from + count else { return 0 }
                return digits[from..<from + count].reduce(0) { $0 * 10 + $1 }
            }
            let year = number(0, 4), month = number(5, 2), day = number(8, 2)
            let hour = number(11, 2), minute = number(14, 2), second = number(17, 2)
            guard year >= 1980 else {
                self.init(time: 0, date: UInt16(1 << 5 | 1))
                return
            }
            self.init(time: UInt16(hour << 11 | minute << 5 | second / 2),
                      date: UInt16(min(year - 1980, 127) << 9 | month << 5 | day))
        }

        init(time: UInt16, date: UInt16) {
            self.time = time
            self.date = date
        }
    }

    var entries: [Entry] = []
    var modified: DOSTimestamp

    init(modified: DOSTimestamp) { self.modified = modified }

    mutating func add(_ name: String, _ data: [UInt8]) { entries.append(Entry(name: name, data: data)) }

    // APPNOTE 4.3.7, 4.3.12, 4.3.16: record signatures.
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let centralHeaderSignature: UInt32 = 0x0201_4B50
    static let endOfCentralDirectorySignature: UInt32 = 0x0605_4B50
    /// 2.0: the version that introduced DEFLATE (APPNOTE 4.4.3.2).
    static let versionNeeded: UInt16 = 20
    /// Bit 11: names are UTF-8 (APPNOTE 4.4.4, appendix D).
    static let utf8Flag: UInt16 = 1 << 11
    static let methodDeflate: UInt16 = 8

    func bytes() throws -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let compressed = try Deflate.raw(entry.data, level: 9)
            let crc = Deflate.crc32(entry.data)
            let offset = UInt32(out.count)
            // Local file header (4.3.7).
            out.appendLE(Self.localHeaderSignature)
            out.appendLE(Self.versionNeeded)
            out.appendLE(Self.utf8Flag)
            out.appendLE(Self.methodDeflate)
            out.appendLE(modified.time)
            out.appendLE(modified.date)
            out.appendLE(crc)
            out.appendLE(UInt32(compressed.count))
            out.appendLE(UInt32(entry.data.count))
            out.appendLE(UInt16(name.count))
            out.appendLE(UInt16(0))  // extra field length
            out += name
            out += compressed
            // Central directory file header (4.3.12).
            central.appendLE(Self.centralHeaderSignature)
            central.appendLE(UInt16(3 << 8 | 20))  // made by: UNIX (3), spec 2.0, so the mode below is read
            central.appendLE(Self.versionNeeded)
            central.appendLE(Self.utf8Flag)
            central.appendLE(Self.methodDeflate)
            central.appendLE(modified.time)
            central.appendLE(modified.date)
            central.appendLE(crc)
            central.appendLE(UInt32(compressed.count))
            central.appendLE(UInt32(entry.data.count))
            central.appendLE(UInt16(name.count))
            central.appendLE(UInt16(0))  // extra field length
            central.appendLE(UInt16(0))  // comment length
            central.appendLE(UInt16(0))  // disk number start
            central.appendLE(UInt16(0))  // internal attributes
            central.appendLE(UInt32(0o100644) << 16)  // external attributes: a regular file, rw-r--r--
            central.appendLE(offset)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        // End of central directory record (4.3.16).
        out.appendLE(Self.endOfCentralDirectorySignature)
        out.appendLE(UInt16(0))  // this disk
        out.appendLE(UInt16(0))  // disk with the central directory
        out.appendLE(UInt16(entries.count))
        out.appendLE(UInt16(entries.count))
        out.appendLE(UInt32(central.count))
        out.appendLE(centralOffset)
        out.appendLE(UInt16(0))  // comment length
        return out
    }
}

extension [UInt8] {
    /// Zip stores every integer little-endian (APPNOTE 4.4.1.1).
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        var little = value.littleEndian
        Swift.withUnsafeBytes(of: &little) { append(contentsOf: $0) }
    }
}
