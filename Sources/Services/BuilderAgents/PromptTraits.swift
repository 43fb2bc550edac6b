/// What a one-sentence prompt says, read with fixed word lists so the same prompt always gives the
/// same name, questions and plan (BRIEF §5: deterministic demos). No NLP: a mock needs only to be
/// plausible and stable.
struct PromptTraits: Sendable, Hashable {
    /// A named service the builder talks to ("Zoho"), as written in our list.
    var service: String?
    /// The first record noun, singular ("lead").
    var record: String?
    /// The first recognised verb's agent noun ("watcher").
    var agent: String?
    /// Whether the builder polls something (watch, monitor, every N minutes…).
    var polls: Bool
    /// "every 5 minutes", "hourly"…
    var schedule: String?
    /// A product name the prompt adds to the service ("CRM" in "Zoho CRM").
    var product: String?

    static let services: [(match: String, display: String)] = [
        ("google sheets", "Google Sheets"), ("zoho", "Zoho"), ("salesforce", "Salesforce"), ("hubspot", "HubSpot"),
        ("pipedrive", "Pipedrive"), ("stripe", "Stripe"), ("shopify", "Shopify"), ("slack", "Slack"),
        ("discord", "Discord"), ("github", "GitHub"), ("gitlab", "GitLab"), ("notion", "Notion"),
        ("airtable", "Airtable"), ("gmail", "Gmail"), ("jira", "Jira"), ("trello", "Trello"), ("asana", "Asana"),
        ("mailchimp", "Mailchimp"), ("twilio", "Twilio"), ("intercom", "Intercom"), ("zendesk", "Zendesk"),
        ("postgres", "Postgres"), ("mysql", "MySQL"), ("mongodb", "MongoDB"), ("dropbox", "Dropbox"),
        ("telegram", "Telegram"), ("linear", "Linear"), ("quickbooks", "QuickBooks"), ("xero", "Xero"),
    ]
    static let records: [(plural: String, singular: String)] = [
        ("leads", "lead"), ("contacts", "contact"), ("deals", "deal"), ("orders", "order"), ("invoices", "invoice"),
        ("tickets", "ticket"), ("issues", "issue"), ("customers", "customer"), ("messages", "message"),
        ("emails", "email"), ("payments", "payment"), ("subscribers", "subscriber"), ("products", "product"),
        ("tasks", "task"), ("events", "event"), ("records", "record"), ("rows", "row"), ("users", "user"),
        ("signups", "signup"), ("comments", "comment"), ("posts", "post"), ("prices", "price"), ("repos", "repo"),
    ]
    static let agents: [String: String] = [
        "watch": "watcher", "monitor": "monitor", "track": "tracker", "sync": "sync", "send": "sender",
        "post": "poster", "forward": "forwarder", "fetch": "fetcher", "scrape": "scraper", "notify": "notifier",
        "alert": "alerter", "collect": "collector", "export": "exporter", "import": "importer",
        "summarize": "summarizer", "summarise": "summarizer", "report": "reporter", "backup": "backup",
        "translate": "translator", "check": "checker", "poll": "poller", "archive": "archiver", "digest": "digest",
    ]
    static let pollingWords: Set<String> = ["watch", "monitor", "track", "poll", "check", "sync", "every", "hourly", "daily"]
    static let products: Set<String> = ["crm", "books", "desk", "mail", "sheets", "analytics", "projects"]
    static let stopWords: Set<String> = [
        "a", "an", "the", "my", "our", "your", "for", "to", "of", "in", "on", "and", "or", "with", "me", "it", "them",
        "that", "this", "new", "every", "each", "from", "into", "at", "by", "is", "are", "be", "i", "we", "want",
        "please", "all", "when", "then", "which", "who", "minutes", "minute", "hours", "hour", "seconds", "days",
    ]

    init(prompt: String) {
        let lower = prompt.lowercased()
        let words = Self.words(lower)
        service = nil
        var servicePosition = Int.max
        for (match, display) in Self.services {
            if let range = Self.wordRange(of: match, in: words), range.lowerBound < servicePosition {
                service = display
                servicePosition = range.lowerBound
            }
        }
        product = nil
        if service != nil, servicePosition + 1 < words.count, Self.products.contains(words[servicePosition + 1]),
           Self.wordRange(of: "google sheets", in: words) == nil {
            let word = words[servicePosition + 1]
            // "CRM" is an acronym; other products read as words ("Books", "Desk").
            product = word == "crm" ? "CRM" : word.prefix(1).uppercased() + word.dropFirst()
        }
        record = words.lazy.compactMap { word in Self.records.first { $0.plural == word || $0.singular == word }?.singular }.first
        agent = words.lazy.compactMap { Self.agents[$0] }.first
        polls = words.contains { Self.pollingWords.contains($0) }
        schedule = Self.schedule(in: words)
    }

    /// Lowercase words: letters and digits, everything else separates.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func wordRange(of phrase: String, in words: [String]) -> Range<Int>? {
        let parts = Self.words(phrase)
        guard !parts.isEmpty, words.count >= parts.count else { return nil }
        for start in 0...(words.count - parts.count) where Array(words[start..<start + parts.count]) == parts {
            return start..<start + parts.count
        }
        return nil
    }

    static func schedule(in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == "hourly" || word == "daily" || word == "weekly" { return word }
            guard word == "every", index + 1 < words.count else { continue }
            let next = words[index + 1]
            if let count = Int(next), index + 2 < words.count {
                return "every \(count) \(words[index + 2])"
            }
            if ["minute", "hour", "day", "week", "second"].contains(next) { return "every \(next)" }
        }
        return nil
    }

    // MARK: Derived text

    /// The documented derivation: "Watch my Zoho CRM leads every 5 minutes" → `zoho-lead-watcher`.
    /// Service, record and agent noun when at least two are known, else the first three words that
    /// carry meaning, else `builder`.
    static func derivedName(from prompt: String) -> String {
        let traits = PromptTraits(prompt: prompt)
        let parts = [traits.service.map(slug), traits.record, traits.agent].compactMap { $0 }
        var name: String
        if parts.count >= 2 {
            name = parts.joined(separator: "-")
        } else {
            // ASCII only: the name must pass the builder-name rule (lowercase letters, digits, dashes).
            let meaningful = words(prompt.lowercased())
                .filter { !stopWords.contains($0) && Int($0) == nil }
                .map { String($0.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) }
                .filter { !$0.isEmpty }
            name = meaningful.prefix(3).joined(separator: "-")
        }
        if name.utf8.count > 40 {
            name = String(name.prefix(40))
            while name.hasSuffix("-") { name.removeLast() }
        }
        return name.isEmpty ? "builder" : name
    }

    static func slug(_ text: String) -> String { words(text.lowercased()).joined(separator: "-") }

    /// The values `{placeholder}`s in scenario text stand for; nil when the prompt gives none.
    func value(of placeholder: String, name: String, plan: BuildPlan) -> String? {
        switch placeholder {
        case "credentials": return service.map { "your stored \($0) credentials" } ?? "your stored credentials"
        case "service": return service
        case "region-verb": return polls ? "poll" : "run it in"
        case "records": return record
        case "schedule": return schedule
        case "name": return name
        case "plan": return plan.summary(traits: self, name: name)
        default: return nil
        }
    }

    /// Fills `{placeholder}`s; nil when one has no value (the question is then left out).
    func fill(_ text: String, name: String, plan: BuildPlan) -> String? {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            guard let value = value(of: key, name: name, plan: plan) else { return nil }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// How the generated builder will run, from the prompt and the answers so far: the plan the
/// approval gate shows and the spec of the builder a deployed conversation gets.
struct BuildPlan: Sendable, Hashable {
    var oneTime = false
    var larger = false
    var backupHours: Int64 = 0
    var region: String?

    init(answers: [String]) {
        let text = answers.joined(separator: " ").lowercased()
        let words = PromptTraits.words(text)
        oneTime = text.contains("one-time") || text.contains("one time") || words.contains("once")
            || text.contains("one_time")
        larger = words.contains("larger") || words.contains("bigger") || words.contains("large")
        if words.contains("hourly") { backupHours = 1 } else if words.contains("daily") { backupHours = 24 }
        if words.contains("eu") { region = "eu" } else if words.contains("us") { region = "us" }
    }

    var resources: (cpu: Int64, memory: Int64, disk: Int64) { larger ? (2, 2, 6) : (1, 1, 3) }

    func summary(traits: PromptTraits, name: String) -> String {
        let what: String
        let target = [traits.service.map { [$0, traits.product].compactMap { $0 }.joined(separator: " ") },
                      traits.record.map { $0 + "s" }].compactMap { $0 }.joined(separator: " ")
        if traits.polls {
            what = "polls \(target.isEmpty ? "the source" : "your " + target) \(traits.schedule ?? "every 5 minutes"), keeps the last cursor, and exposes new records at /\(traits.record.map { $0 + "s" } ?? "records")"
        } else {
            what = "does what you described\(target.isEmpty ? "" : " with your " + target)"
        }
        let vm = larger ? "a larger VM (2 vCPU, 2 GB, 6 GB)" : "the default VM (1 vCPU, 1 GB, 3 GB)"
        let backups = backupHours == 0 ? "no backups" : backupHours == 1 ? "hourly backups" : "daily backups"
        let region = self.region.map { " in the \($0.uppercased()) region" } ?? ""
        return "\(oneTime ? "a one-time" : "an always-on") Python worker, \(name), that \(what). It runs on \(vm)\(region) with \(backups)."
    }
}
