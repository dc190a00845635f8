import FineprintCore
import FineprintIngest
import Foundation
import Testing

@Suite("Markdown and HTML")
struct MarkupTests {
    let reader = DocumentReader()

    @Test func markdownMarkupIsRemoved() throws {
        let md = """
            # Data Processing Terms

            Effective: 1 May 2026

            Usage rules
            ===========

            **We keep data** in the _European Union_ and [nowhere else](https://example.com/where). ![logo](logo.png)
            Snake_case_names stay. Prices are 2 * 3 &amp; more&nbsp;here.

            ## 2. Sub-processors

            - First *item* with `code`
              continued here
            - Second item
                - Nested item
            1. Numbered item

            12.3 The Supplier gives notice within 72 hours.

            | Name | Country |
            |------|---------|
            | Acme | Ireland |

            ```
            let x = "kept as text"
            ```

            > Quoted <b>bold</b> words.
            """
        let doc = try reader.read(data: Data(md.utf8), name: "terms.md")
        #expect(doc.format == .markdown)
        #expect(!doc.text.contains("**"))
        #expect(!doc.text.contains("]("))
        #expect(!doc.text.contains("logo"))
        #expect(!doc.text.contains("<b>"))
        #expect(!doc.text.contains("#"))
        #expect(doc.text.contains("We keep data in the European Union and nowhere else."))
        #expect(doc.text.contains("Snake_case_names stay. Prices are 2 * 3 & more"))
        #expect(doc.text.contains("let x = \"kept as text\""))
        #expect(doc.text.contains("Acme\tIreland"))
        #expect(doc.text.contains("Quoted bold words."))
        let headings = doc.blocks.filter { $0.kind == .heading }
        #expect(headings.map { doc.slice($0.span) } == ["Data Processing Terms", "Usage rules", "2. Sub-processors"])
        #expect(headings.map(\.level) == [1, 1, 2])
        let items = doc.blocks.filter { $0.kind == .listItem }
        #expect(
            items.map { doc.slice($0.span) } == [
                "First item with code\ncontinued here", "Second item", "Nested item", "Numbered item",
            ]
        )
        #expect(items.map(\.level) == [1, 1, 3, 1])
        #expect(items.last?.number == "1")
        #expect(doc.blocks.contains { $0.kind == .clause && $0.number == "12.3" })
        #expect(doc.offsetsAreConsistent)
    }

    @Test func htmlBoldLeadTitlesItsClause() throws {
        let html = """
            <html><body>
            <p><strong>12. Governing Law</strong> These Terms are governed by the laws of Ireland.</p>
            <p><b>Termination</b>. We may end the service on notice.</p>
            <ul><li><strong>Fees.</strong> You pay monthly.</li></ul>
            <p><strong>(a)</strong> The Supplier shall notify the Customer.</p>
            <p><strong>Data location:</strong> United States.</p>
            <p><strong>We keep data</strong> in the European Union.</p>
            <p>You agree that <strong>all fees</strong> are final.</p>
            <p><strong>Privacy</strong></p>
            </body></html>
            """
        let doc = try reader.read(data: Data(html.utf8), name: "terms.html")
        let titled = doc.blocks.filter { $0.title != nil }
        #expect(titled.compactMap { $0.title.map(doc.slice) } == ["12. Governing Law", "Termination.", "Fees."])
        #expect(titled.allSatisfy { $0.title!.start == $0.span.start && $0.title!.end < $0.span.end })
        #expect(doc.offsetsAreConsistent)
    }

    @Test func boldLeadTitlesItsClause() throws {
        let md = """
            **12. Governing Law** These Terms are governed by the laws of Ireland.

            **Termination.** We may end the service on notice.

            - **Long Title Of A Clause On Fees And Taxes And Refunds.** You pay monthly.

            **(a)** The Supplier shall notify the Customer.

            **Data location:** United States.

            **"Account"** means your account.

            **We keep data** in the European Union.

            You agree that **all fees** are final.

            **Privacy**
            """
        let doc = try reader.read(data: Data(md.utf8), name: "terms.md")
        let titled = doc.blocks.filter { $0.title != nil }
        #expect(
            titled.compactMap { $0.title.map(doc.slice) } == [
                "12. Governing Law", "Termination.", "Long Title Of A Clause On Fees And Taxes And Refunds.",
            ]
        )
        #expect(titled.allSatisfy { $0.title!.start == $0.span.start && $0.title!.end < $0.span.end })
        #expect(doc.text.contains("12. Governing Law These Terms are governed by the laws of Ireland."))
        #expect(doc.sentenceTexts.contains("12. Governing Law These Terms are governed by the laws of Ireland."))
        #expect(doc.offsetsAreConsistent)
    }

    @Test func markdownOffsetsAreScalarOffsets() throws {
        let md = "## Überprüfung — 72 h\n\nThe 🙂 team *answers* in 24 h. Then it ends."
        let doc = try reader.read(data: Data(md.utf8), name: "u.markdown")
        #expect(doc.text == "Überprüfung — 72 h\n\nThe 🙂 team answers in 24 h. Then it ends.")
        #expect(doc.blocks[0].span == TextSpan(start: 0, end: 18))
        #expect(doc.sentenceTexts == ["Überprüfung — 72 h", "The 🙂 team answers in 24 h.", "Then it ends."])
    }

    @Test func htmlTextAndStructure() throws {
        let html = """
            <!DOCTYPE html>
            <html><head><title>Ignored title</title><style>p { color: red; }</style>
            <script>var x = "<p>not text</p>";</script></head>
            <body>
            <nav><a href="/">Home</a> | <a href="/x">Menu</a></nav>
            <h1>Cloud   Terms</h1>
            <p>The  Supplier&rsquo;s   service
            stores data in the EU&nbsp;only. Fees are &euro;1,000.50 &amp; up &#8212; see &#x2192; annex.</p>
            <div>Line one<br>Line two</div>
            <h2 class="x">Sub<b>processors</b></h2>
            <ul><li>First item</li><li>Second <em>item</em><ol><li>Inner one</li></ol></li></ul>
            <p>12.3 The Supplier notifies breaches within 72 hours.</p>
            <table><tr><td>Acme</td><td>Ireland</td></tr></table>
            <!-- a comment <p>hidden</p> -->
            <template><p>Template text</p></template>
            </body></html>
            """
        let doc = try reader.read(data: Data(html.utf8), name: "terms.html")
        #expect(doc.format == .html)
        for hidden in ["Ignored title", "color", "not text", "Home", "Menu", "hidden", "Template text"] {
            #expect(!doc.text.contains(hidden), "\(hidden) should be dropped")
        }
        #expect(
            doc.text.contains(
                "The Supplier’s service stores data in the EU only. Fees are €1,000.50 & up — see → annex."
            )
        )
        #expect(doc.text.contains("Line one\nLine two"))
        #expect(doc.text.contains("Acme\tIreland"))
        let headings = doc.blocks.filter { $0.kind == .heading }
        #expect(headings.map { doc.slice($0.span) } == ["Cloud Terms", "Subprocessors"])
        #expect(headings.map(\.level) == [1, 2])
        let items = doc.blocks.filter { $0.kind == .listItem }
        #expect(items.map { doc.slice($0.span) } == ["First item", "Second item", "Inner one"])
        #expect(items.map(\.level) == [1, 1, 2])
        #expect(items.last?.number == "1")
        #expect(doc.blocks.contains { $0.kind == .clause && $0.number == "12.3" })
        #expect(doc.offsetsAreConsistent)
    }

    @Test func htmlScalarOffsets() throws {
        let doc = try reader.read(data: Data("<p>Überprüfung &mdash; 72&nbsp;h. 🎉 Fertig.</p>".utf8), name: "u.htm")
        #expect(doc.text == "Überprüfung — 72 h. 🎉 Fertig.")
        #expect(doc.sentenceTexts == ["Überprüfung — 72 h.", "🎉 Fertig."])
        #expect(doc.sentences[1] == TextSpan(start: 20, end: 29))
    }

    @Test(.timeLimit(.minutes(1)))
    func hostileHTMLNeverHangs() throws {
        let cases: [String] = [
            String(repeating: "<div>", count: 100_000) + "deep text." + String(repeating: "</div>", count: 50_000),
            "<p title=\"" + String(repeating: "x", count: 3_000_000) + ">after the attribute</p>",
            String(repeating: "<a href=\"x>y ", count: 50_000) + "text.",
            String(repeating: "<a title='q> ", count: 50_000) + "text.",
            "<p>Unclosed <b>tags <i>everywhere <li>and lists <ul><li>more",
            "<script>" + String(repeating: "var a = 1;", count: 100_000),
            "<!-- never closed " + String(repeating: "<p>x</p>", count: 10_000),
            String(repeating: "<", count: 200_000) + "text",
            String(repeating: "&#99999999999;&bogus;&", count: 20_000) + "text",
            "<![CDATA[ raw ]]><p>ok</p><?php echo 1 ?></p></p></p></ul></li>",
            String(repeating: "</", count: 100_000),
        ]
        for html in cases {
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                do {
                    let doc = try reader.read(data: Data(html.utf8), name: "hostile.html")
                    #expect(doc.offsetsAreConsistent)
                } catch let error as IngestError {
                    #expect(error == .empty(name: "hostile.html"))
                }
            }
            #expect(elapsed < .seconds(10))
        }
    }
}
