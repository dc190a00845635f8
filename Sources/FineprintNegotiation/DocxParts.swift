/// The fixed parts of the pack's WordprocessingML package: content types, relationships, styles,
/// numbering, settings, and the header and footer (which carry the matter name, date and pages).
enum DocxParts {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            </Relationships>
            """

    static let documentRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationships)/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="\(relationships)/numbering" Target="numbering.xml"/>\
            <Relationship Id="rId3" Type="\(relationships)/settings" Target="settings.xml"/>\
            <Relationship Id="rId4" Type="\(relationships)/header" Target="header1.xml"/>\
            <Relationship Id="rId5" Type="\(relationships)/footer" Target="footer1.xml"/>\
            </Relationships>
            """

    static func core(title: String, date: String) -> String {
        declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(XMLText.escape(title))</dc:title><dc:creator>Fineprint</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(date)T00:00:00Z</dcterms:created>\
            </cp:coreProperties>
            """
    }

    static func style(
        _ id: String,
        _ name: String,
        size: Int,
        bold: Bool = false,
        before: Int = 0,
        after: Int = 120
    )
        -> String
    {
        """
        <w:style w:type="paragraph" w:styleId="\(id)"><w:name w:val="\(name)"/><w:basedOn w:val="Normal"/>\
        <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="\(before)" w:after="\(after)"/></w:pPr>\
        <w:rPr>\(bold ? "<w:b/>" : "")<w:color w:val="1B1F24"/><w:sz w:val="\(size)"/></w:rPr></w:style>
        """
    }

    static let styles =
        declaration + """
            <w:styles xmlns:w="\(main)">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/>\
            <w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(style("Title", "Title", size: 36, bold: true, after: 200))\
            \(style("Heading1", "heading 1", size: 28, bold: true, before: 280))\
            \(style("Heading2", "heading 2", size: 23, bold: true, before: 200))\
            \(style("Label", "Label", size: 17, bold: true, after: 40))\
            <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="CompactText"><w:name w:val="Compact Text"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:after="0" w:line="216" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="13"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:ind w:left="284"/></w:pPr><w:rPr><w:i/><w:color w:val="3B4450"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:ind w:left="567" w:hanging="283"/><w:spacing w:after="40"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>\
            <w:rPr><w:color w:val="5B6470"/><w:sz w:val="16"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="5B6470"/><w:sz w:val="16"/></w:rPr></w:style>\
            <w:style w:type="table" w:styleId="PackTable"><w:name w:val="Pack Table"/><w:tblPr><w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:color="BFC6CE"/><w:left w:val="single" w:sz="4" w:color="BFC6CE"/>\
            <w:bottom w:val="single" w:sz="4" w:color="BFC6CE"/><w:right w:val="single" w:sz="4" w:color="BFC6CE"/>\
            <w:insideH w:val="single" w:sz="4" w:color="BFC6CE"/><w:insideV w:val="single" w:sz="4" w:color="BFC6CE"/>\
            </w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """

    /// Numbering 1: bullets; numbering 2: decimal (fallbacks, best first).
    static let numbering =
        declaration + """
            <w:numbering xmlns:w="\(main)">\
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>\
            <w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>\
            <w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
            </w:numbering>
            """

    /// Settings without tracked changes, for documents nobody negotiates on (the award sheet):
    /// LibreOffice otherwise shows their tables as tracked insertions.
    static let plainSettings = settings.replacingOccurrences(of: "<w:trackRevisions/>", with: "")

    /// Tracked changes stay on, so whatever the supplier edits is tracked too.
    static let settings =
        declaration + """
            <w:settings xmlns:w="\(main)"><w:trackRevisions/><w:defaultTabStop w:val="708"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
            </w:settings>
            """

    /// The header line: the matter (or document) name, what the document is, and its date.
    static func header(matter: String, date: String, kind: String = "negotiation pack") -> String {
        declaration + """
            <w:hdr xmlns:w="\(main)"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>\
            <w:r><w:t xml:space="preserve">\(XMLText.escape(matter)) · \(XMLText.escape(kind)) · \(XMLText.escape(date))</w:t></w:r></w:p></w:hdr>
            """
    }

    static let footer =
        declaration + """
            <w:ftr xmlns:w="\(main)"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>\
            <w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>\
            <w:r><w:t xml:space="preserve"> of </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>\
            </w:p></w:ftr>
            """
}
