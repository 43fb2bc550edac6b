import Synchronization

/// Matches of parameterised paths the router has already made, by method and path.
///
/// Why: a client polls one job's path over and over, and matching it again split the path, hashed
/// each segment into the trie and built the parameters anew (about a twentieth of a poll's CPU). A
/// remembered match is the node and the parameters exactly as `Router.match` found them; routes are
/// fixed once serving, and `Router.add` starts a new memo. Only matches are kept (a scan of unknown
/// paths adds nothing), and past `capacity` the memo starts over, so memory stays bounded.
final class RouteMatchMemo: Sendable {
    struct Match: Sendable {
        let node: Int
        let parameters: [String: String]
    }

    private struct Key: Hashable {
        let method: HTTPMethod
        let path: String
    }

    private let entries = Mutex<[Key: Match]>([:])
    static let capacity = 4096

    func match(method: HTTPMethod, path: String) -> Match? {
        entries.withLock { $0[Key(method: method, path: path)] }
    }

    func remember(_ match: Match, method: HTTPMethod, path: String) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[Key(method: method, path: path)] = match
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
