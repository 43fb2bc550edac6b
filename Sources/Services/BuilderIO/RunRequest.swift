import JSON

/// The body of `POST /agents/run`, checked field by field (seed 001's request table).
struct RunRequest: Equatable {
    /// A file or a web page the agent takes as context.
    enum Attachment: Equatable {
        case upload(name: String, contentType: String, size: Int64, id: String, text: String?)
        case url(String)
    }

    /// Content types the seed lists for uploads; the names are ours, from its use cases (API.md §B).
    static let supportedContentTypes = [
        "image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf", "application/json", "text/plain",
    ]

    var prompt: String
    var attachments: [Attachment] = []
    var projectID: String?
    /// The friendly name from `branchName`, as sent.
    var friendlyName: String?
    var userID: String?
    var userEmail: String?

    /// Whether the caller said who the agent acts for.
    var hasUserIdentifier: Bool { userID != nil || userEmail != nil }

    /// Parses and validates a request body. Throws `BuilderIOError` (400) naming the first bad field.
    static func parse(_ body: [UInt8]) throws -> RunRequest {
        guard let value = JSONValue.parse(body) else {
            throw BuilderIOError.invalid("Invalid JSON body")
        }
        guard case .object(let fields) = value else {
            throw BuilderIOError.invalid("Request body must be a JSON object")
        }
        guard let message = present(fields["userMessage"]) else { throw BuilderIOError.missing("userMessage") }
        guard case .object(let messageFields) = message else {
            throw BuilderIOError.invalid("Invalid field: userMessage must be an object")
        }
        guard let prompt = try string(messageFields["userPrompt"], "userMessage.userPrompt") else {
            throw BuilderIOError.missing("userMessage.userPrompt")
        }
        guard !prompt.allSatisfy(\.isWhitespace) else {
            throw BuilderIOError.invalid("Invalid field: userMessage.userPrompt must not be empty")
        }
        var request = RunRequest(prompt: prompt)
        if let attachments = present(messageFields["attachments"]) {
            guard case .array(let items) = attachments else {
                throw BuilderIOError.invalid("Invalid field: userMessage.attachments must be an array")
            }
            var ids = Set<String>()
            for (index, item) in items.enumerated() {
                let attachment = try Self.attachment(item, path: "userMessage.attachments[\(index)]")
                if case .upload(_, _, _, let id, _) = attachment, !ids.insert(id).inserted {
                    throw BuilderIOError.invalid(
                        "Invalid field: userMessage.attachments[\(index)].id \"\(id)\" is used by another attachment")
                }
                request.attachments.append(attachment)
            }
        }
        request.projectID = try nonEmptyString(fields["projectId"], "projectId")
        if let name = try nonEmptyString(fields["branchName"], "branchName") {
            guard BranchNaming.friendlySlug(name) != nil else {
                throw BuilderIOError.invalid("Invalid field: branchName must contain letters or digits")
            }
            request.friendlyName = name
        }
        request.userID = try nonEmptyString(fields["userId"], "userId")
        if let email = try nonEmptyString(fields["userEmail"], "userEmail") {
            guard isEmailShaped(email) else {
                throw BuilderIOError.invalid("Invalid field: userEmail must be an email address")
            }
            request.userEmail = email
        }
        return request
    }

    static func attachment(_ value: JSONValue, path: String) throws -> Attachment {
        guard case .object(let fields) = value else {
            throw BuilderIOError.invalid("Invalid field: \(path) must be an object")
        }
        guard let type = try string(fields["type"], path + ".type") else { throw BuilderIOError.missing(path + ".type") }
        switch type {
        case "upload":
            return try upload(fields, path: path)
        case "url":
            guard let url = try string(fields["value"], path + ".value") else {
                throw BuilderIOError.missing(path + ".value")
            }
            guard WebURL.isFullyQualified(url) else {
                throw BuilderIOError.invalid(
                    "Invalid field: \(path).value must be a fully qualified http or https URL, e.g. https://example.com/page")
            }
            return .url(url)
        default:
            throw BuilderIOError.invalid("Invalid field: \(path).type must be \"upload\" or \"url\"")
        }
    }

    static func upload(_ fields: [String: JSONValue], path: String) throws -> Attachment {
        func required(_ name: String) throws -> String {
            guard let value = try nonEmptyString(fields[name], path + "." + name) else {
                throw BuilderIOError.missing(path + "." + name)
            }
            return value
        }
        let name = try required("name")
        let contentType = try required("contentType")
        // MIME types compare case-insensitively, parameters aside (RFC 2045 §5.1).
        let baseType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: " ") }?.lowercased() ?? ""
        guard supportedContentTypes.contains(baseType) else {
            throw BuilderIOError.invalid("Invalid field: \(path).contentType \"\(contentType)\" is not supported; "
                + "use one of \(supportedContentTypes.joined(separator: ", "))")
        }
        let dataURLText = try required("dataUrl")
        guard let sizeValue = present(fields["size"]) else { throw BuilderIOError.missing(path + ".size") }
        let size: Int64
        switch sizeValue {
        case .int(let n) where n >= 0: size = n
        case .double(let d) where d >= 0 && d == d.rounded() && d < 9e15: size = Int64(d)
        default: throw BuilderIOError.invalid("Invalid field: \(path).size must be a non-negative integer (bytes)")
        }
        let id = try required("id")
        let text = try string(fields["text"], path + ".text")
        let dataURL: DataURL
        do {
            dataURL = try DataURL.parse(dataURLText)
        } catch .notDataURL {
            throw BuilderIOError.invalid("Invalid field: \(path).dataUrl must be a data URL, e.g. data:\(baseType);base64,…")
        } catch .notBase64Encoded {
            throw BuilderIOError.invalid("Invalid field: \(path).dataUrl must be base64-encoded (data:\(baseType);base64,…)")
        } catch {
            throw BuilderIOError.invalid("Invalid field: \(path).dataUrl does not contain valid base64 data")
        }
        guard dataURL.mediaType == baseType else {
            throw BuilderIOError.invalid("Invalid field: \(path).dataUrl has media type \"\(dataURL.mediaType)\" "
                + "but contentType is \"\(contentType)\"")
        }
        guard Int64(dataURL.decodedLength) == size else {
            throw BuilderIOError.invalid("Invalid field: \(path).size is \(size) but dataUrl decodes to "
                + "\(dataURL.decodedLength) bytes")
        }
        return .upload(name: name, contentType: contentType, size: size, id: id, text: text)
    }

    /// `null` counts as absent: JSON clients often serialise unset optionals that way.
    static func present(_ value: JSONValue?) -> JSONValue? {
        if case .null? = value { return nil }
        return value
    }

    static func string(_ value: JSONValue?, _ path: String) throws -> String? {
        guard let value = present(value) else { return nil }
        guard case .string(let text) = value else { throw BuilderIOError.invalid("Invalid field: \(path) must be a string") }
        return text
    }

    static func nonEmptyString(_ value: JSONValue?, _ path: String) throws -> String? {
        guard let text = try string(value, path) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw BuilderIOError.invalid("Invalid field: \(path) must not be empty")
        }
        return text
    }

    /// One `@` with text on both sides and a dot in the domain: the shape, not deliverability.
    static func isEmailShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    /// The request as the job keeps it: uploads without their data (only its size), so a 10 MB
    /// screenshot does not sit in every job row, and scenario `match` rules can read every field.
    var normalized: JSONValue {
        var message: [String: JSONValue] = ["userPrompt": .string(prompt)]
        if !attachments.isEmpty {
            message["attachments"] = .array(attachments.map { attachment in
                switch attachment {
                case .upload(let name, let contentType, let size, let id, let text):
                    var fields: [String: JSONValue] = ["type": "upload", "name": .string(name),
                                                       "contentType": .string(contentType), "size": .int(size),
                                                       "id": .string(id)]
                    if let text { fields["text"] = .string(text) }
                    return .object(fields)
                case .url(let value):
                    return .object(["type": "url", "value": .string(value)])
                }
            })
        }
        var fields: [String: JSONValue] = ["userMessage": .object(message)]
        if let projectID { fields["projectId"] = .string(projectID) }
        if let friendlyName { fields["branchName"] = .string(friendlyName) }
        if let userID { fields["userId"] = .string(userID) }
        if let userEmail { fields["userEmail"] = .string(userEmail) }
        return .object(fields)
    }
}
