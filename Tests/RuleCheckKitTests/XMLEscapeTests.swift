import RuleEngine
import Testing

@testable import RuleCheckKit

/// `XML.escape` and `XML.attribute`: markup characters become references, characters that
/// XML 1.0 forbids are left out, and attribute values keep their line breaks and tabs.
@Suite("XML escaping")
struct XMLEscapeTests {
    @Test(
        "element content",
        arguments: [
            ("plain", "plain"), ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;"),
            ("bell\u{7}nul\u{0}esc\u{1B}", "bellnulesc"), ("line\nbreak\ttab\r", "line\nbreak\ttab\r"),
            ("\u{FFFE}\u{FFFF}\u{FFFD}é😀", "\u{FFFD}é😀"), ("&amp;", "&amp;amp;"),
        ])
    func content(input: String, expected: String) {
        #expect(XML.escape(input) == expected)
    }

    @Test("attribute values keep tab, line feed and carriage return as references")
    func attribute() {
        #expect(XML.attribute("a\tb\nc\rd\"\u{2}") == "a&#9;b&#10;c&#13;d&quot;")
    }
}
