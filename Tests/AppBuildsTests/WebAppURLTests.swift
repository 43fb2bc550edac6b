@testable import AppBuilds
import Testing

@Suite struct WebAppURLTests {
    @Test func split_givesLowercasedSchemeAndHost() {
        #expect(WebAppURL.split("HTTPS://Example.COM:443/x")! == ("https", "example.com"))
        #expect(WebAppURL.split("https://user:pw@app.example.com./?q#f")! == ("https", "app.example.com"))
        #expect(WebAppURL.split("https://user@[::1]:8080/")! == ("https", "::1"))
        #expect(WebAppURL.split("svn+ssh://host")! == ("svn+ssh", "host"))
        #expect(WebAppURL.split("https://Bücher.example")! == ("https", "bücher.example"))
    }

    @Test(arguments: ["", ":x", "https:/x", "https//x", "ht tp://x", "h1://x", "https://a b", "https://a\\b",
                      "https://", "https://host:12a", "https://[::1", "https://[::1]x", "https://@", "https://."])
    func split_refuses(_ text: String) {
        #expect(WebAppURL.split(text) == nil)
    }

    @Test func ipv4_dottedQuadsOnly() {
        #expect(WebAppURL.ipv4("1.2.3.4") == [1, 2, 3, 4])
        #expect(WebAppURL.ipv4("01.002.3.255") == [1, 2, 3, 255])
        for text in ["256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1234.1.1.1", ".1.2.3", "1.2.3.", "1.2.3.x", "", "a.b.c.d"] {
            #expect(WebAppURL.ipv4(text) == nil, "\(text)")
        }
    }
}
