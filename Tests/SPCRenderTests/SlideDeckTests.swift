import Foundation
import Testing
@testable import SPCRender
import WardSPC

/// slides.pptx: a summary slide and a slide per chart, which LibreOffice opens.
@Suite struct SlideDeckTests {
    static let content = HTMLReportTests.sampleContent(headline: HTMLReportTests.headline)

    static func deck() throws -> [UInt8] {
        let files = try ReportFiles.build(content, formats: [.pptx], png: .width(640))
        #expect(files.map(\.name) == ["slides.pptx"])
        return files[0].bytes
    }

    @Test func deck_opensInLibreOffice_withASlidePerChartAndASummary() throws {
        let directory = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let deck = directory.appendingPathComponent("slides.pptx")
        try Data(try Self.deck()).write(to: deck)
        guard let office = ExternalTool.require("libreoffice") else { return }
        // Its own profile folder, so a running LibreOffice or an old profile cannot interfere.
        let profile = "-env:UserInstallation=file://" + directory.appendingPathComponent("profile").path
        let result = try ExternalTool.run(office, [profile, "--headless", "--convert-to", "pdf", "--outdir", directory.path, deck.path])
        #expect(result.status == 0)
        let pdf = directory.appendingPathComponent("slides.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice made no PDF of the deck")
        guard let pages = try ExternalTool.pageCount(pdf: pdf) else { return }
        #expect(pages == Self.content.series.count + 1)
        if let pdftotext = ExternalTool.require("pdftotext") {
            let text = try ExternalTool.run(pdftotext, ["-f", "2", "-l", "2", pdf.path, "-"]).output
            let first = Self.content.series[0]
            #expect(text.contains("\(first.ward) · \(DisplayName.measure(first.measure))"))
        }
    }

    @Test func deck_partsAreWellFormed_andNamesAreEscaped() throws {
        var content = Self.content
        content.title = "Ward <A> & \"B\""
        let summary = SlideDeck.summarySlide(content)
        _ = try SVGInspector(summary)
        #expect(summary.contains("Ward &lt;A&gt; &amp; &quot;B&quot;"))
        _ = try SVGInspector(SlideDeck.chartSlide(content.series[0]))
        _ = try SVGInspector(SlideDeck.theme)
        _ = try SVGInspector(SlideDeck.contentTypes(slides: 3))
        _ = try SVGInspector(SlideDeck.presentation(slides: 3))
    }
}
