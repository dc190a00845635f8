import FineprintCore
import FineprintIngest
import Foundation
import ZIPFoundation

/// A fresh temporary folder for one test.
func makeTempDir() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "fineprint-ingest-tests-\(UUID().uuidString)"
    )
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func removeTempDir(_ url: URL) { try? FileManager.default.removeItem(at: url) }

extension ExtractedDocument {
    /// The text of a span (Unicode-scalar offsets).
    func slice(_ span: TextSpan) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
    }

    func blockTexts(_ kind: BlockKind? = nil) -> [String] {
        blocks.filter { kind == nil || $0.kind == kind }.map { slice($0.span) }
    }

    var sentenceTexts: [String] { sentences.map { slice($0) } }

    /// Every block and sentence lies inside the text, and no sentence crosses a block boundary.
    var offsetsAreConsistent: Bool {
        let n = characterCount
        for b in blocks where b.span.start < 0 || b.span.end > n { return false }
        let cuts = Set(blocks.flatMap { [$0.span.start, $0.span.end] }).sorted()
        for s in sentences {
            if s.start < 0 || s.end > n || s.start >= s.end { return false }
            // The first block boundary after the sentence start must not fall inside the sentence.
            var lo = 0
            var hi = cuts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if cuts[mid] <= s.start { lo = mid + 1 } else { hi = mid }
            }
            if lo < cuts.count && cuts[lo] < s.end { return false }
        }
        return true
    }
}

/// A minimal DOCX: the given document.xml body inside the usual wrapper, or raw entries.
func makeDOCX(body: String) throws -> Data {
    let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
    return try makeZip([
        "[Content_Types].xml":
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "word/document.xml": xml,
    ])
}

func makeZip(_ entries: [String: String]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, content) in entries.sorted(by: { $0.key < $1.key }) {
        let data = Data(content.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data!
}

func paragraph(_ text: String, style: String? = nil, numbered: Int? = nil) -> String {
    var props = ""
    if let style { props += "<w:pStyle w:val=\"\(style)\"/>" }
    if let numbered { props += "<w:numPr><w:ilvl w:val=\"\(numbered)\"/><w:numId w:val=\"1\"/></w:numPr>" }
    let pPr = props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>"
    return "<w:p>\(pPr)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
}

/// A one-page PDF showing `lines` in Helvetica (WinAnsi: Latin-1 letters allowed), with a correct
/// cross-reference table. `encrypt` adds a Standard security handler whose user password is not
/// empty, so readers cannot open it.
func makePDF(lines: [String], encrypt: Bool = false) -> Data {
    func pdfString(_ s: String) -> String {
        var out = "("
        for u in s.unicodeScalars {
            switch u {
            case "(", ")", "\\": out += "\\" + String(u)
            default:
                if u.value < 0x80 { out.unicodeScalars.append(u) } else { out += "\\" + String(u.value, radix: 8) }
            }
        }
        return out + ")"
    }
    var content = "BT /F1 12 Tf 72 720 Td 14 TL\n"
    for line in lines { content += "\(pdfString(line)) Tj T*\n" }
    content += "ET\n"
    var objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if encrypt {
        let o = String(repeating: "4f", count: 32)
        let u = String(repeating: "a5", count: 32)
        objects.append("<< /Filter /Standard /V 1 /R 2 /O <\(o)> /U <\(u)> /P -4 >>")
    }
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (i, object) in objects.enumerated() {
        offsets.append(pdf.utf8.count)
        pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
    pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R"
    if encrypt {
        pdf +=
            " /Encrypt \(objects.count) 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
    }
    pdf += " >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(pdf.utf8)
}

let pdftotextAvailable: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext") }
}()

let cuadPDFFolder = URL(fileURLWithPath: "/work/shared/data/cuad/pdf")
let cuadTextFolder = URL(fileURLWithPath: "/work/shared/data/cuad/contracts")
