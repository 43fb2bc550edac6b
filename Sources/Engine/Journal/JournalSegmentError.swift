/// Why a journal segment could not be read back; the journal skips such a segment and logs this.
enum JournalSegmentError: Error, Equatable, CustomStringConvertible {
    case unknownFormat(UInt8?)
    /// The data ended, or a length pointed past it, at this byte offset.
    case truncated(at: Int)
    /// A number too large for its field, at this byte offset.
    case badNumber(at: Int)
    /// Bytes left over after the last entry, or an entry whose parts do not add up to its length.
    case badLength(at: Int)

    var description: String {
        switch self {
        case .unknownFormat(let byte): "unknown segment format \(byte.map(String.init) ?? "(empty)")"
        case .truncated(let offset): "segment data ends early at byte \(offset)"
        case .badNumber(let offset): "number out of range at byte \(offset)"
        case .badLength(let offset): "entry length does not match its contents at byte \(offset)"
        }
    }
}
