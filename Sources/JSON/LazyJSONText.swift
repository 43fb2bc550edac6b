import Synchronization

/// JSON text built on first use and kept.
///
/// For large documents most runs never ask for (the OpenAPI documents): parsing and serializing
/// them eagerly was about a fifth of the server's startup CPU.
public final class LazyJSONText: Sendable {
    private let make: @Sendable () -> JSONValue?
    // Double optional: outer nil = not built yet; inner nil = built, and there is no document.
    private let built = Mutex<String??>(nil)

    public init(_ make: @escaping @Sendable () -> JSONValue?) {
        self.make = make
    }

    /// The serialized value, built by the first caller (later callers wait for it), or nil when
    /// `make` gave none.
    public var text: String? {
        built.withLock { built in
            if let built { return built }
            let text = make().map { $0.serialized() }
            built = .some(text)
            return text
        }
    }
}
