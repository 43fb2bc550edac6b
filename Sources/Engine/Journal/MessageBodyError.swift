/// Why a message body in a session file could not be read.
public struct MessageBodyError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
