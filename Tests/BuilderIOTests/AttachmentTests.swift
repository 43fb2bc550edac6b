import Engine
import App
import BuildermockTesting
import HTTP
import JSON
import Testing

/// `userMessage.attachments`: uploads (type, name, contentType, dataUrl, size, id, text) and URLs.
@Suite struct AttachmentTests {
    func run(_ attachments: [JSONValue]) async throws -> HTTPResponse {
        let app = try TestApp()
        return await app.run(runBody(attachments: attachments))
    }

    @Test(arguments: ["image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf", "application/json",
                      "text/plain"])
    func everySupportedContentType_isAccepted(contentType: String) async throws {
        #expect(try await run([upload(contentType: contentType, bytes: 7)]).status == .accepted)
    }

    @Test func seedExamples_uploadWithTextAndAURL_areAccepted() async throws {
        var pdf = upload(contentType: "application/pdf", bytes: 512, id: "att-002")
        if case .object(var fields) = pdf {
            fields["name"] = "requirements.pdf"
            fields["text"] = "The landing page should include a hero section with..."
            pdf = .object(fields)
        }
        let response = try await run([upload(bytes: 150), pdf, ["type": "url", "value": "https://stripe.com/pricing"]])
        #expect(response.status == .accepted)
    }

    @Test func emptyAttachmentList_isAccepted() async throws {
        #expect(try await run([]).status == .accepted)
    }

    @Test func unsupportedContentType_is400NamingTheSupportedOnes() async throws {
        let response = try await run([upload(contentType: "image/svg+xml", bytes: 4)])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("attachments[0].contentType") == true)
        #expect(response.errorMessage?.contains("image/png") == true)
    }

    @Test(arguments: [
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg...",  // the seed's truncated example
        "data:image/png;base64,QUJD!A==",
        "data:image/png;base64,QUJDRA",                     // missing padding
        "data:image/png;base64,QU=JDRA=",                   // padding in the middle
        "data:image/png;base64,Q===",
        "data:image/png;base64,QUJD RA==",
    ])
    func badBase64_is400(dataURL: String) async throws {
        let response = try await run([upload(dataURLOverride: dataURL)])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("attachments[0].dataUrl") == true, "\(response.text)")
    }

    @Test(arguments: ["https://example.com/a.png", "data:image/png,QUJD", "image/png;base64,QUJD", ""])
    func notABase64DataURL_is400(dataURL: String) async throws {
        let response = try await run([upload(dataURLOverride: dataURL)])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("dataUrl") == true)
    }

    @Test func dataURLOfAnotherType_is400() async throws {
        let response = try await run([upload(contentType: "image/png", dataURLOverride: dataURL("image/jpeg", bytes: 10))])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("media type") == true)
    }

    @Test func sizeMismatch_is400NamingBothSizes() async throws {
        let response = try await run([upload(bytes: 10, size: 204_800)])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("204800") == true)
        #expect(response.errorMessage?.contains("10 bytes") == true)
    }

    @Test(arguments: [JSONValue.int(-1), "10", 1.5, .null])
    func invalidSize_is400(size: JSONValue) async throws {
        guard case .object(var fields) = upload(bytes: 10) else { return }
        fields["size"] = size
        let response = try await run([.object(fields)])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("size") == true)
    }

    @Test func sizeAsWholeDouble_isAccepted() async throws {
        guard case .object(var fields) = upload(bytes: 10) else { return }
        fields["size"] = 10.0
        #expect(try await run([.object(fields)]).status == .accepted)
    }

    @Test(arguments: ["type", "name", "contentType", "dataUrl", "size", "id"])
    func missingUploadField_is400(field: String) async throws {
        guard case .object(var fields) = upload(bytes: 10) else { return }
        fields[field] = nil
        let response = try await run([.object(fields)])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage == "Missing required field: userMessage.attachments[0].\(field)")
    }

    @Test func duplicateAttachmentIDs_are400() async throws {
        let response = try await run([upload(id: "same"), upload(id: "same")])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("attachments[1].id") == true)
    }

    @Test func unknownAttachmentType_is400() async throws {
        let response = try await run([["type": "figma", "value": "x"]])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("\"upload\" or \"url\"") == true)
    }

    @Test(arguments: ["https://example.com/style-guide", "http://localhost:3000/", "https://[::1]:8443/x",
                      "HTTPS://Example.com?q=1", "https://user@sub.example.co.uk/path#frag"])
    func fullyQualifiedURL_isAccepted(url: String) async throws {
        #expect(try await run([["type": "url", "value": .string(url)]]).status == .accepted)
    }

    @Test(arguments: ["example.com", "/pricing", "ftp://example.com/file", "https://", "https:///path",
                      "https://exa mple.com", "javascript:alert(1)", "https://example.com:99999/", "https://..com"])
    func badURL_is400(url: String) async throws {
        let response = try await run([["type": "url", "value": .string(url)]])
        #expect(response.status == .badRequest)
        #expect(response.errorMessage?.contains("attachments[0].value must be a fully qualified") == true)
    }

    @Test func urlAttachmentWithoutValue_is400() async throws {
        let response = try await run([["type": "url"]])
        #expect(response.errorMessage == "Missing required field: userMessage.attachments[0].value")
    }
}
