import WardSPC

/// `slides.pptx`: a PowerPoint deck (Office Open XML, 16:9) of the report for trust boards
/// — a summary slide (title, what the data covers, the programme headline, the charts
/// showing special-cause concern now), then one slide per chart: the title "ward ·
/// measure", the chart as the PNG of its SVG, and the chart's one-line reading under it.
///
/// The package is the smallest PowerPoint and LibreOffice both open: one slide master,
/// one blank layout, one theme (Arial, NHS blue), the slides and their pictures.
public enum SlideDeck {
    /// Slide size in EMU (English Metric Units, 914,400 to the inch): 13.33 × 7.5 in.
    static let slideWidth = 12_192_000
    static let slideHeight = 6_858_000
    static let inch = 914_400

    /// The deck's bytes. `pictures[i]` is the PNG of `content.series[i]`'s chart.
    public static func pptx(_ content: ReportContent, pictures: [[UInt8]]) throws -> [UInt8] {
        precondition(pictures.count == content.series.count, "one picture per chart")
        var entries: [ZipPackage.Entry] = []
        let slideCount = 1 + content.series.count
        entries.append(part("[Content_Types].xml", contentTypes(slides: slideCount)))
        entries.append(part("_rels/.rels", packageRelationships))
        entries.append(part("docProps/core.xml", core(title: content.title)))
        entries.append(part("docProps/app.xml", app(slides: slideCount)))
        entries.append(part("ppt/presentation.xml", presentation(slides: slideCount)))
        entries.append(part("ppt/_rels/presentation.xml.rels", presentationRelationships(slides: slideCount)))
        entries.append(part("ppt/slideMasters/slideMaster1.xml", master))
        entries.append(part("ppt/slideMasters/_rels/slideMaster1.xml.rels", masterRelationships))
        entries.append(part("ppt/slideLayouts/slideLayout1.xml", layout))
        entries.append(part("ppt/slideLayouts/_rels/slideLayout1.xml.rels", layoutRelationships))
        entries.append(part("ppt/theme/theme1.xml", theme))
        entries.append(part("ppt/slides/slide1.xml", summarySlide(content)))
        entries.append(part("ppt/slides/_rels/slide1.xml.rels", slideRelationships(picture: nil)))
        for (index, report) in content.series.enumerated() {
            let number = index + 2
            entries.append(part("ppt/slides/slide\(number).xml", chartSlide(report)))
            entries.append(part("ppt/slides/_rels/slide\(number).xml.rels", slideRelationships(picture: "image\(index + 1).png")))
            entries.append(ZipPackage.Entry(path: "ppt/media/image\(index + 1).png", bytes: pictures[index]))
        }
        return try ZipPackage.archive(entries)
    }

    // MARK: Slides

    static func summarySlide(_ content: ReportContent) -> String {
        var lines: [(String, Int, Bool)] = []
        let wards = Set(content.series.map { [$0.trust, $0.ward] }).count
        let trusts = Set(content.series.map(\.trust)).count
        var span = ""
        if let first = content.series.compactMap({ $0.points.first?.period }).min(),
           let last = content.series.compactMap({ $0.points.last?.period }).max() {
            span = ", \(first.ukText) to \(last.ukText)"
        }
        lines.append(("\(ValueText.count(content.series.count, "chart")): \(ValueText.count(trusts, "trust")), \(ValueText.count(wards, "ward"))\(span).", 1600, false))
        if let headline = content.headline {
            for measure in headline.measures {
                var line = HeadlineSection.oneLine(measure)
                lines.append((line, 1600, false))
            }
        }
        let concerns = IconSummary.rows(content.series).filter { $0.concern == .concern }
        if concerns.isEmpty {
            lines.append(("No chart shows special-cause concern at its latest point.", 1600, true))
        } else {
            lines.append(("Special-cause concern at the latest point: \(ValueText.count(concerns.count, "chart"))", 1600, true))
            for row in concerns.prefix(8) {
                let report = content.series[row.seriesIndex]
                lines.append(("\(report.trust) · \(report.ward) · \(DisplayName.measure(of: report))", 1400, false))
            }
            if concerns.count > 8 { lines.append(("and \(concerns.count - 8) more (see the report)", 1400, false)) }
        }
        var shapes = textBox(id: 2, name: "Title", x: inch / 2, y: inch / 3, width: slideWidth - inch, height: inch,
                             paragraphs: [(content.title, 3200, true)], anchor: "b")
        shapes += textBox(id: 3, name: "Summary", x: inch / 2, y: Int(Double(inch) * 1.5), width: slideWidth - inch,
                          height: slideHeight - Int(Double(inch) * 2), paragraphs: lines, anchor: "t")
        return slide(shapes)
    }

    static func chartSlide(_ report: SeriesReport) -> String {
        let title = "\(report.ward) · \(DisplayName.measure(of: report))"
        let pictureHeight = Int(Double(inch) * 4.8)
        let pictureWidth = Int(Double(pictureHeight) * 1.6)
        let pictureTop = Int(Double(inch) * 1.05)
        var shapes = textBox(id: 2, name: "Title", x: inch / 2, y: inch / 4, width: slideWidth - inch, height: Int(Double(inch) * 0.75),
                             paragraphs: [(title, 2800, true), ("Trust \(report.trust)", 1400, false)], anchor: "b")
        shapes += """
        <p:pic><p:nvPicPr><p:cNvPr id="3" name="Chart" descr="\(Markup.escaped(ChartVocabulary.title(report)))"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
        <p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
        <p:spPr><a:xfrm><a:off x="\((slideWidth - pictureWidth) / 2)" y="\(pictureTop)"/><a:ext cx="\(pictureWidth)" cy="\(pictureHeight)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>
        """
        shapes += textBox(id: 4, name: "Reading", x: inch / 2, y: pictureTop + pictureHeight + inch / 12,
                          width: slideWidth - inch, height: slideHeight - pictureTop - pictureHeight - inch / 6,
                          paragraphs: [(ChartReading.sentence(report), 1400, false)], anchor: "t")
        return slide(shapes)
    }

    /// A text box of paragraphs (text, size in hundredths of a point, bold).
    static func textBox(id: Int, name: StaticString, x: Int, y: Int, width: Int, height: Int,
                        paragraphs: [(String, Int, Bool)], anchor: StaticString) -> String {
        var runs = ""
        for (text, size, bold) in paragraphs {
            runs += "<a:p><a:r><a:rPr lang=\"en-GB\" sz=\"\(size)\" b=\"\(bold ? 1 : 0)\" dirty=\"0\"><a:solidFill><a:srgbClr val=\"212B32\"/></a:solidFill><a:latin typeface=\"Arial\"/></a:rPr><a:t>\(Markup.escaped(text))</a:t></a:r></a:p>"
        }
        return """
        <p:sp><p:nvSpPr><p:cNvPr id="\(id)" name="\(name)"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>\
        <p:spPr><a:xfrm><a:off x="\(x)" y="\(y)"/><a:ext cx="\(width)" cy="\(height)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>\
        <p:txBody><a:bodyPr wrap="square" lIns="0" rIns="0" anchor="\(anchor)"><a:normAutofit/></a:bodyPr><a:lstStyle/>\(runs)</p:txBody></p:sp>
        """
    }

    static func slide(_ shapes: String) -> String {
        """
        \(declaration)<p:sld \(namespaces)><p:cSld><p:spTree>\(emptyGroup)\(shapes)</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>
        """
    }

    // MARK: The package's fixed parts

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let namespaces = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
    static let emptyGroup = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    static func part(_ path: String, _ xml: String) -> ZipPackage.Entry { ZipPackage.Entry(path: path, bytes: Array(xml.utf8)) }

    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    static func contentTypes(slides: Int) -> String {
        let ml = "application/vnd.openxmlformats-officedocument.presentationml."
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
        xml += "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"\(ml)presentation.main+xml\"/>"
        xml += "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"\(ml)slideMaster+xml\"/>"
        xml += "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"\(ml)slideLayout+xml\"/>"
        xml += "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
        for number in 1...slides {
            xml += "<Override PartName=\"/ppt/slides/slide\(number).xml\" ContentType=\"\(ml)slide+xml\"/>"
        }
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let packageRelationships = relationships([
        ("rId1", relationshipType + "officeDocument", "ppt/presentation.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", relationshipType + "extended-properties", "docProps/app.xml"),
    ])

    static func core(title: String) -> String {
        declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>\(Markup.escaped(title))</dc:title><dc:creator>WardSPC</dc:creator></cp:coreProperties>"
    }

    static func app(slides: Int) -> String {
        declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>WardSPC</Application><Slides>\(slides)</Slides></Properties>"
    }

    static func presentation(slides: Int) -> String {
        let ids = (1...slides).map { "<p:sldId id=\"\(255 + $0)\" r:id=\"rId\($0 + 2)\"/>" }.joined()
        return declaration + "<p:presentation \(namespaces)><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:sldIdLst>\(ids)</p:sldIdLst><p:sldSz cx=\"\(slideWidth)\" cy=\"\(slideHeight)\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"
    }

    static func presentationRelationships(slides: Int) -> String {
        relationships([("rId1", relationshipType + "slideMaster", "slideMasters/slideMaster1.xml"),
                       ("rId2", relationshipType + "theme", "theme/theme1.xml")]
            + (1...slides).map { ("rId\($0 + 2)", relationshipType + "slide", "slides/slide\($0).xml") })
    }

    static func slideRelationships(picture: String?) -> String {
        relationships([("rId1", relationshipType + "slideLayout", "../slideLayouts/slideLayout1.xml")]
            + (picture.map { [("rId2", relationshipType + "image", "../media/\($0)")] } ?? []))
    }

    static let master = declaration + "<p:sldMaster \(namespaces)><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>\(emptyGroup)</p:spTree></p:cSld><p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/><p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles></p:sldMaster>"

    static let masterRelationships = relationships([
        ("rId1", relationshipType + "slideLayout", "../slideLayouts/slideLayout1.xml"),
        ("rId2", relationshipType + "theme", "../theme/theme1.xml"),
    ])

    static let layout = declaration + "<p:sldLayout \(namespaces) type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\"><p:spTree>\(emptyGroup)</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"

    static let layoutRelationships = relationships([
        ("rId1", relationshipType + "slideMaster", "../slideMasters/slideMaster1.xml"),
    ])

    static let theme: String = {
        func colour(_ name: String, _ hex: String) -> String { "<a:\(name)><a:srgbClr val=\"\(hex)\"/></a:\(name)>" }
        let colours = colour("dk1", "212B32") + colour("lt1", "FFFFFF") + colour("dk2", "425563") + colour("lt2", "E8EDEE")
            + colour("accent1", "005EB8") + colour("accent2", "00B0F0") + colour("accent3", "E46C0A")
            + colour("accent4", "490092") + colour("accent5", "A6A6A6") + colour("accent6", "D5281B")
            + colour("hlink", "005EB8") + colour("folHlink", "330072")
        let font = "<a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
        let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        let line = "<a:ln w=\"9525\">\(fill)</a:ln>"
        let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
        return declaration + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"WardSPC\"><a:themeElements>"
            + "<a:clrScheme name=\"WardSPC\">\(colours)</a:clrScheme>"
            + "<a:fontScheme name=\"WardSPC\"><a:majorFont>\(font)</a:majorFont><a:minorFont>\(font)</a:minorFont></a:fontScheme>"
            + "<a:fmtScheme name=\"WardSPC\"><a:fillStyleLst>\(fill)\(fill)\(fill)</a:fillStyleLst>"
            + "<a:lnStyleLst>\(line)\(line)\(line)</a:lnStyleLst><a:effectStyleLst>\(effect)\(effect)\(effect)</a:effectStyleLst>"
            + "<a:bgFillStyleLst>\(fill)\(fill)\(fill)</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    }()
}
