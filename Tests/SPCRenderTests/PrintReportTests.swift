import Foundation
import Testing
@testable import SPCRender
import WardSPC

/// report.pdf: A4, a cover, a page per ward, footers, text that is text.
@Suite struct PrintReportTests {
    static let content = HTMLReportTests.sampleContent(headline: HTMLReportTests.headline)

    @Test func pages_areACoverThenOnePerWard_withNumberedFooters() throws {
        let pages = PrintReport.pages(Self.content).map { String(decoding: $0, as: UTF8.self) }
        let wards = HTMLReport.trustGroups(Self.content.series).reduce(0) { $0 + $1.wards.count }
        #expect(wards == 3)
        // Six charts or fewer per ward: exactly one page each, after the cover.
        #expect(pages.count == 1 + wards)
        for (number, page) in pages.enumerated() {
            _ = try SVGInspector(page)  // well-formed
            #expect(page.contains("Page \(number + 1) of \(pages.count) · data to "))
            #expect(page.contains("viewBox=\"0 0 595.28 841.89\""))
        }
        #expect(pages[0].contains("Every ward at a glance"))
        #expect(pages[0].contains("Programme headline against the 15% benchmark"))
        // Each ward heads exactly one page, which holds that ward's charts.
        for report in Self.content.series where report.measure == Self.content.series[0].measure {
            let heading = "font-weight=\"bold\">\(report.trust) · \(report.ward)</text>"
            let headed = pages.dropFirst().filter { $0.contains(heading) }
            #expect(headed.count == 1, "\(report.ward) heads one page")
            let charts = Self.content.series.filter { $0.ward == report.ward && $0.trust == report.trust }.count
            #expect(headed.first?.components(separatedBy: "class=\"spc-chart\"").count == charts + 1)
        }
    }

    @Test func pdf_isA4_withSelectableText() throws {
        let pdf = try PrintReport.pdf(Self.content)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let directory = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.pdf")
        try Data(pdf).write(to: file)
        guard let pages = try ExternalTool.pageCount(pdf: file) else { return }
        #expect(pages == 4)
        guard let pdfinfo = ExternalTool.require("pdfinfo"), let pdftotext = ExternalTool.require("pdftotext") else { return }
        #expect(try ExternalTool.run(pdfinfo, [file.path]).output.contains("595.28 x 841.89 pts (A4)"))
        let text = try ExternalTool.run(pdftotext, ["-layout", file.path, "-"]).output
        #expect(text.contains("Sample programme"))
        #expect(text.contains("Page 1 of 4"))
        #expect(text.contains("Page 4 of 4"))
        // The charts' own text is text too.
        #expect(text.contains("Alder"))
        #expect(text.contains("Common cause"))
    }

    @Test func aHostileName_isTextInThePDFPages() throws {
        var content = Self.content
        content.title = "<script>alert(1)</script> & co"
        let cover = String(decoding: PrintReport.pages(content)[0], as: UTF8.self)
        #expect(!cover.contains("<script>"))
        #expect(cover.contains("&lt;script&gt;"))
    }
}
