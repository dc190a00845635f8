import Foundation

/// A minimal PDF writer for the OCR tests: pages of Courier text (a born-digital contract), or pages
/// that are each one grey bitmap (the same contract scanned), with no text layer.
enum TestPDFWriter {
    /// US Letter in points.
    static let pageWidth = 612
    static let pageHeight = 792

    /// `text` wrapped to 85 columns of 10 pt Courier, 56 lines a page. ASCII only (other characters
    /// become "?"), which is what our synthetic contracts hold.
    static func textPDF(_ text: String) -> Data {
        let lines = wrap(text, columns: 85)
        let pages = stride(from: 0, to: max(lines.count, 1), by: 56).map {
            Array(lines[$0..<min($0 + 56, lines.count)])
        }
        var objects = ["<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"]
        var pageNumbers: [Int] = []
        for page in pages {
            var content = "BT /F1 10 Tf 12 TL 50 742 Td\n"
            for line in page { content += "(\(escape(line))) Tj T*\n" }
            content += "ET\n"
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
            objects.append(pageObject(contents: objects.count, resources: "<< /Font << /F1 1 0 R >> >>"))
            pageNumbers.append(objects.count)
        }
        return assemble(objects.map { Data($0.utf8) }, pages: pageNumbers)
    }

    /// One page per image; each image is 8-bit grey (width × height bytes) drawn over the whole page.
    static func imagePDF(_ images: [(width: Int, height: Int, pixels: Data)]) -> Data {
        var objects: [Data] = []
        var pageNumbers: [Int] = []
        for image in images {
            var stream = Data(
                "<< /Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(image.pixels.count) >>\nstream\n"
                    .utf8
            )
            stream.append(image.pixels)
            stream.append(Data("\nendstream".utf8))
            objects.append(stream)
            let draw = "q \(pageWidth) 0 0 \(pageHeight) 0 0 cm /Im1 Do Q\n"
            objects.append(Data("<< /Length \(draw.utf8.count) >>\nstream\n\(draw)endstream".utf8))
            let resources = "<< /XObject << /Im1 \(objects.count - 1) 0 R >> >>"
            objects.append(Data(pageObject(contents: objects.count, resources: resources).utf8))
            pageNumbers.append(objects.count)
        }
        return assemble(objects, pages: pageNumbers)
    }

    /// A page object; `contents` is the 1-based number of its content stream. "PAGES" stands for the
    /// page tree's number, known only when all objects are written.
    static func pageObject(contents: Int, resources: String) -> String {
        "<< /Type /Page /Parent PAGES 0 R /MediaBox [0 0 \(pageWidth) \(pageHeight)] /Contents \(contents) 0 R /Resources \(resources) >>"
    }

    /// Numbers the objects (`pages` are the page objects' numbers), adds the page tree and catalog,
    /// and writes the cross-reference table.
    static func assemble(_ body: [Data], pages: [Int]) -> Data {
        let tree = body.count + 1
        var objects = body
        for p in pages {
            let page = String(decoding: body[p - 1], as: UTF8.self)
            objects[p - 1] = Data(page.replacingOccurrences(of: "PAGES 0 R", with: "\(tree) 0 R").utf8)
        }
        let kids = pages.map { "\($0) 0 R" }.joined(separator: " ")
        objects.append(Data("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        objects.append(Data("<< /Type /Catalog /Pages \(tree) 0 R >>".utf8))
        var out = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, obj) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(i + 1) 0 obj\n".utf8))
            out.append(obj)
            out.append(Data("\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(objects.count) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }

    static func wrap(_ text: String, columns: Int) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty, current.count + 1 + word.count > columns {
                    out.append(current)
                    current = "  "  // a continuation line is indented, as a typeset clause would be
                }
                current += (current.isEmpty || current == "  " ? "" : " ") + word
            }
            out.append(current)
        }
        return out
    }

    static func escape(_ line: String) -> String {
        var s = ""
        for c in line.unicodeScalars {
            switch c {
            case "(", ")", "\\": s += "\\" + String(c)
            case _ where c.isASCII && c.value >= 32: s.unicodeScalars.append(c)
            default: s += "?"
            }
        }
        return s
    }

    /// Width, height and grey bytes of a binary PGM (P5, 8-bit) as pdftoppm -gray writes it.
    static func readPGM(_ data: Data) -> (width: Int, height: Int, pixels: Data)? {
        var fields: [String] = []
        var i = data.startIndex
        while fields.count < 4, i < data.endIndex {
            while i < data.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(data[i]) { i += 1 }
            var field = ""
            while i < data.endIndex, ![0x20, 0x0A, 0x0D, 0x09].contains(data[i]) {
                field.append(Character(Unicode.Scalar(data[i])))
                i += 1
            }
            fields.append(field)
        }
        guard fields.count == 4, fields[0] == "P5", let w = Int(fields[1]), let h = Int(fields[2]), fields[3] == "255"
        else { return nil }
        let start = i + 1
        guard data.endIndex - start >= w * h else { return nil }
        return (w, h, data.subdata(in: start..<(start + w * h)))
    }
}
