import Foundation
import Testing
@testable import SPCRender
import WardSPC

/// --formats: which files a report writes, and the page's links to them.
@Suite struct ReportFilesTests {
    static let content = HTMLReportTests.sampleContent()

    @Test func defaultFormats_areThePageAndTheSVGs_pageLast() throws {
        let files = try ReportFiles.build(Self.content, formats: ReportFiles.defaultFormats)
        #expect(files.last?.name == "index.html")
        #expect(files.dropLast().allSatisfy { $0.name.hasSuffix(".svg") })
        #expect(files.count == HTMLReport.build(Self.content).files.count)
    }

    @Test func everyChartLinksItsFiles_andEveryLinkIsAFileWritten() throws {
        let files = try ReportFiles.build(Self.content, formats: [.html, .svg, .png], png: .width(320))
        let names = Set(files.map(\.name))
        for svg in names where svg.hasSuffix(".svg") {
            #expect(names.contains(String(svg.dropLast(4)) + ".png"), "\(svg) has its PNG")
        }
        let html = String(decoding: files.last!.bytes, as: UTF8.self)
        var links: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"") {
            let after = rest[range.upperBound...]
            let end = after.firstIndex(of: "\"")!
            links.append(String(after[..<end]))
            rest = after[end...]
        }
        let fileLinks = links.filter { !$0.hasPrefix("#") }
        #expect(fileLinks.count == 2 * (Self.content.series.count + 6))  // each chart and grid: SVG and PNG
        for link in fileLinks { #expect(names.contains(link), "\(link) links a file that was written") }
        #expect(!fileLinks.contains { $0.contains("/") || $0.contains(":") })
    }

    @Test func pdfAndSlides_haveFixedNames_noChartTakesThem() throws {
        var content = Self.content
        content.series[0].trust = "report"
        content.series[0].ward = "x"
        var names = SafeFileNames()
        for fixed in ReportFiles.fixedNames { names.reserve(fixed) }
        #expect(names.name(["slides"], extension: "svg") == "slides-2.svg")
        let files = try ReportFiles.build(content, formats: [.pdf, .html])
        #expect(files.map(\.name) == ["report.pdf", "index.html"])
    }

    @Test func formatList_readsCommasAndRefusesUnknownNames() throws {
        #expect(try FormatList.parse(" HTML, png,png ", as: ReportFormat.self) == [.html, .png])
        #expect(throws: FormatList.Unknown.self) { try FormatList.parse("html,docx", as: ReportFormat.self) }
        #expect(throws: FormatList.Unknown.self) { try FormatList.parse(",", as: ChartFormat.self) }
    }
}
