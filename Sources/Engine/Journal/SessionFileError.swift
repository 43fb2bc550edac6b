/// A session file that cannot be read, with the JSON path of the problem.
public struct SessionFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let message: String
    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path) \(message)" }
}
