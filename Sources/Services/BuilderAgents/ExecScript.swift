import JSON

/// What `exec` answers. Nothing runs on this machine: `ls` and `cat` read the builder's own files,
/// `echo` echoes, `sleep N` takes N seconds of the command's timeout, and other commands answer from
/// the scenario's `exec_script` (exact command, else its `*` entry).
enum ExecScript {
    struct Result: Sendable, Hashable {
        var exitCode: Int64
        var output: String
    }

    static func run(_ command: String, timeout: Int64, files: [String: String], env: [String: String],
                    script: [String: JSONValue]) -> Result {
        let trimmed = command.trimmingWhitespace()
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let program = words.first else { return Result(exitCode: 0, output: "") }
        switch program {
        case "ls":
            let listing = files.keys.sorted().joined(separator: "\n")
            return Result(exitCode: 0, output: listing.isEmpty ? "" : listing + "\n")
        case "cat":
            var output = ""
            for path in words.dropFirst() {
                let key = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
                guard let contents = files[key] else {
                    return Result(exitCode: 1, output: output + "cat: \(path): No such file or directory\n")
                }
                output += contents
            }
            return Result(exitCode: 0, output: output)
        case "echo":
            return Result(exitCode: 0, output: words.dropFirst().joined(separator: " ") + "\n")
        case "env", "printenv":
            return Result(exitCode: 0, output: env.keys.sorted().map { "\($0)=\(env[$0]!)\n" }.joined())
        case "sleep":
            // The command "takes" its seconds against the timeout; coreutils' `timeout` exits 124.
            if words.count > 1, let seconds = Double(words[1]), seconds > Double(timeout) {
                return Result(exitCode: 124, output: "Command timed out after \(timeout) seconds\n")
            }
            return Result(exitCode: 0, output: "")
        default:
            let entry = script[trimmed] ?? script["*"]
            let exitCode: Int64
            switch entry?[path: "exit_code"] {
            case .int(let code)?: exitCode = code
            default: exitCode = 0
            }
            return Result(exitCode: exitCode, output: entry?[path: "output"]?.stringValue ?? "")
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
