/// How branch and project names are made from a prompt or a friendly name.
///
/// The seed's example turns "Build a landing page with a hero section, feature grid, and contact
/// form" into `landing-page-hero-a1b2`: the leading verb and filler words go, the first three words
/// that say what is built stay, and four hex digits make it unique. We follow that reading.
enum BranchNaming {
    /// Words that carry no meaning in a branch name: articles, prepositions, and the imperative verbs
    /// prompts start with.
    static let fillerWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "with", "without", "for", "to", "of", "in", "on", "at", "by",
        "from", "into", "onto", "as", "is", "are", "be", "it", "its", "this", "that", "these", "those",
        "my", "our", "your", "their", "me", "us", "i", "we", "you", "please", "some", "all", "so", "then",
        "build", "create", "make", "add", "implement", "write", "generate", "design", "set", "up", "use",
        "new", "can", "could", "would", "should", "let", "lets",
    ]
    /// Words kept from a prompt.
    static let promptWords = 3
    /// Longest slug before the suffix, so a friendly name cannot make an unwieldy ref.
    static let maxSlugLength = 48

    /// Lowercase ASCII words of `text`: runs of letters and digits; everything else separates.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// The slug of a prompt: its first meaningful words (or its first words when all are filler).
    static func promptSlug(_ prompt: String) -> String {
        let all = words(prompt)
        let meaningful = all.filter { !fillerWords.contains($0) }
        let chosen = Array((meaningful.isEmpty ? all : meaningful).prefix(promptWords))
        return chosen.isEmpty ? "branch" : truncated(chosen)
    }

    /// The slug of a friendly name: all of its words, as the caller chose them; nil when it has none.
    static func friendlySlug(_ name: String) -> String? {
        let all = words(name)
        return all.isEmpty ? nil : truncated(all)
    }

    /// Joins words with dashes, dropping whole words past `maxSlugLength` (the first word is cut).
    static func truncated(_ words: [String]) -> String {
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maxSlugLength { break }
            slug = next
        }
        return slug.isEmpty ? String(words[0].prefix(maxSlugLength)) : slug
    }

    /// A project name for a prompt: its slug words, capitalised ("Landing Page Hero").
    static func projectName(prompt: String) -> String {
        promptSlug(prompt).split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}
