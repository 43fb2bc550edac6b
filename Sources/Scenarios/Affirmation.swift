/// Reads a free-text answer as consent or not, for approval gates released by an answer.
///
/// Deliberately conservative: a negation anywhere wins, so "no, don't deploy yet" never deploys.
enum Affirmation {
    private static let yesPhrases: [String] = [
        "yes", "y", "yep", "yeah", "yup", "sure", "ok", "okay", "approve", "approved", "go", "go ahead",
        "lgtm", "deploy", "deploy it", "confirm", "confirmed", "proceed", "do it", "ship it", "sounds good",
        "looks good", "👍",
    ]
    private static let negations: Set<String> = [
        "no", "not", "don't", "dont", "never", "stop", "wait", "cancel", "hold", "nope", "n",
    ]

    static func isAffirmative(_ text: String) -> Bool {
        let words = text.lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "👍" })
            .map(String.init)
        guard !words.isEmpty, words.allSatisfy({ !negations.contains($0) }) else { return false }
        let joined = words.joined(separator: " ")
        return yesPhrases.contains { phrase in
            joined == phrase || joined.hasPrefix(phrase + " ")
        }
    }
}
