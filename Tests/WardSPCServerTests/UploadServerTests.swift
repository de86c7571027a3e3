import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SPCRender
import Testing
import WardSPC
@testable import WardSPCServer

/// The upload server as a browser and a script meet it: over HTTP on a loopback port.
@Suite(.serialized) struct UploadServerTests {
    @Test func page_isAPlainFormWithTheOptionsAndASampleLink() async throws {
        try await ServerHarness.with { server in
            let page = try await server.get("/")
            #expect(page.status == 200)
            #expect(page.contentType.hasPrefix("text/html"))
            let html = page.text
            #expect(html.contains("<form method=\"post\" action=\"/report\" enctype=\"multipart/form-data\""))
            for field in ["file", "events", "measure", "chart", "rules", "baseline_until", "baseline_weeks", "from", "benchmark", "title"] {
                #expect(html.contains("id=\"\(field)\" name=\"\(field)\""), "field \(field)")
                #expect(html.contains("<label class=\"label\" for=\"\(field)\">"), "label for \(field)")
            }
            // Each measure's own direction (the measure catalogue's) unless the person chooses one.
            #expect(html.contains("name=\"improvement\" id=\"improvement-measure\" value=\"measure\" checked=\"checked\""))
            #expect(html.contains("name=\"improvement\" id=\"improvement-decrease\" value=\"decrease\""))
            #expect(html.contains("href=\"/sample.csv\""))
            #expect(!html.contains("There is a problem"))
            #expect(page.headers["cache-control"] == "no-store")
        }
    }

    @Test func health_andSampleFiles() async throws {
        try await ServerHarness.with { server in
            let health = try await server.get("/health")
            #expect(health.status == 200)
            #expect(health.text.contains("\"status\": \"ok\""))
            let sample = try await server.get("/sample.csv")
            #expect(sample.status == 200)
            #expect([UInt8](sample.body) == Fixtures.sampleWards, "GET /sample.csv serves SampleData/wards.csv byte for byte")
            let events = try await server.get("/sample-events.csv")
            #expect([UInt8](events.body) == Fixtures.sampleEvents)
        }
    }

    @Test func goodUpload_returnsTheReportWardspcReportBuilds_withEveryWard() async throws {
        // The very page `wardspc report` writes: the same library call on the same inputs.
        let dataset = try WardDataReader.read(InputFile(name: "wards.csv", bytes: Fixtures.sampleWards))
        let events = try WardEventsReader.read(InputFile(name: "events.csv", bytes: Fixtures.sampleEvents))
        var choices = RequestChoices()
        choices.events = events
        choices.eventsFile = "events.csv"
        let request = try AnalysisRequest.resolve(choices, purpose: .picture, facts: DatasetFacts(dataset))
        #expect(request.analysis.chart == .u && request.analysis.rules == .mdc, "the picture's defaults for data with bed days")
        let result = try Analyzer.analyse(dataset, settings: request.analysis)
        let wards = Set(result.series.map(\.ward))
        #expect(wards.count == 36)
        try await ServerHarness.with { server in
            let answer = try await server.post("/report", files: [("file", "wards.csv", Fixtures.sampleWards),
                                                                   ("events", "events.csv", Fixtures.sampleEvents)])
            #expect(answer.status == 200)
            #expect(answer.contentType.hasPrefix("text/html"))
            let html = answer.text
            for ward in wards { #expect(html.contains(">\(ward)<"), "ward \(ward)") }
            let about = ReportBuilder.About(dataFile: "wards.csv", eventsFile: "events.csv")
            let expected = HTMLReport.build(try ReportBuilder.content(dataset, request: request, about: about))
            #expect(answer.body == Data(expected.index.bytes))
            #expect(answer.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        }
    }

    @Test func analyzeAndEvaluate_answerTheCLIsJSONContracts() async throws {
        let dataset = try WardDataReader.read(InputFile(name: "small.csv", bytes: Fixtures.smallWards))
        try await ServerHarness.with { server in
            let fields = [("chart", "u"), ("baseline_weeks", "26"), ("improvement", "decrease")]
            let analysis = try await server.post("/analyze", files: [("file", "small.csv", Fixtures.smallWards)], fields: fields)
            #expect(analysis.status == 200)
            #expect(analysis.contentType.hasPrefix("application/json"))
            var settings = AnalysisSettings()
            settings.chart = .u
            settings.baseline = .firstPeriods(26)
            let expectedAnalysis = AnalysisJSON.analysis(try Analyzer.analyse(dataset, settings: settings).series)
            #expect(analysis.text == expectedAnalysis.rendered(pretty: true) + "\n")
            #expect(analysis.text.contains("\"schema\": \"wardspc/analysis@1\""))

            let evaluation = try await server.post("/evaluate", files: [("file", "small.csv", Fixtures.smallWards)],
                                                   fields: [("baseline_until", "2023-12-25"), ("from", "01/07/2024"), ("benchmark", "25")])
            #expect(evaluation.status == 200)
            var evaluationSettings = EvaluationSettings()
            evaluationSettings.windows = WindowSettings(StudyWindows(baseline: .until(CivilDate(year: 2023, month: 12, day: 25)!),
                                                                     from: CivilDate(year: 2024, month: 7, day: 1)))
            evaluationSettings.benchmark = 25
            let expectedEvaluation = EvaluationJSON.document(try Evaluator.evaluate(dataset, settings: evaluationSettings))
            #expect(evaluation.text == expectedEvaluation.rendered(pretty: true) + "\n")
            #expect(evaluation.text.contains("\"schema\": \"wardspc/evaluation@2\""))
        }
    }

    @Test func badRows_422_everyErrorListedWithItsPlace_escaped_optionsKept() async throws {
        let csv = """
        trust,ward,measure,week_start,count,bed_days
        RX1,<script>alert(1)</script>,restraint,2024-01-01,3,140
        RX1,Alder,restraint,2024-13-08,2,140
        RX1,Alder,restraint,2024-01-15,-4,140
        RX1,Alder,restraint,2024-01-22,two,140

        """
        try await ServerHarness.with { server in
            let answer = try await server.post("/report", files: [("file", "bad <wards>.csv", Array(csv.utf8))],
                                               fields: [("measure", "restraint \"prone\""), ("chart", "c"), ("rules", "ptd"),
                                                        ("improvement", "neutral"), ("benchmark", "20"), ("title", "Our <b>wards</b>"),
                                                        ("from", "soon")])
            #expect(answer.status == 422)
            let html = answer.text
            #expect(html.contains("There is a problem"))
            #expect(html.contains("bad &lt;wards&gt;.csv:3:week_start"))
            #expect(html.contains("bad &lt;wards&gt;.csv:4:count"))
            #expect(html.contains("bad &lt;wards&gt;.csv:5:count"))
            // The options' problems are listed with the file's, after them (the page's order).
            let option = try #require(html.range(of: "The comparison start must be a date"))
            #expect(html.range(of: "bad &lt;wards&gt;.csv:5:count")!.lowerBound < option.lowerBound)
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<wards>"))
            // The options as sent, so nothing but the file needs choosing again.
            #expect(html.contains("value=\"restraint &quot;prone&quot;\""))
            #expect(html.contains("<option value=\"c\" selected=\"selected\">"))
            #expect(html.contains("<option value=\"ptd\" selected=\"selected\">"))
            #expect(html.contains("id=\"improvement-neutral\" value=\"neutral\" checked=\"checked\""))
            #expect(html.contains("id=\"benchmark\" name=\"benchmark\" value=\"20\""))
            #expect(html.contains("value=\"Our &lt;b&gt;wards&lt;/b&gt;\""))
        }
    }

    @Test func eachKindOfBadRequest_hasItsStatusAndAHelpfulPage() async throws {
        try await ServerHarness.with { server in
            // No file chosen: the browser sends an empty file part.
            let noFile = try await server.post("/report", files: [("file", "", [])], fields: [("chart", "u")])
            #expect(noFile.status == 400)
            #expect(noFile.text.contains("Choose a CSV file to upload"))
            #expect(noFile.text.contains("href=\"#file\""))

            // Not a form upload at all.
            let notMultipart = try await server.post("/report", contentType: "application/x-www-form-urlencoded",
                                                     body: Data("file=wards.csv".utf8))
            #expect(notMultipart.status == 400)
            #expect(notMultipart.text.contains("not a file upload"))

            // A body cut short.
            let cut = try await server.post("/report", contentType: "multipart/form-data; boundary=cut",
                                            body: Data("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"w.csv\"\r\n\r\ntrust,ward".utf8))
            #expect(cut.status == 400)
            #expect(cut.text.contains("incomplete"))

            // An empty file, a file that is not CSV data, a binary file.
            for (name, bytes, expected) in [("empty.csv", [UInt8](), "empty"),
                                            ("notes.csv", Array("hello,world\nthis is,not ward data\n".utf8), "notes.csv:1"),
                                            ("image.csv", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A, 0x0A], "image.csv")] {
                let answer = try await server.post("/report", files: [("file", name, bytes)])
                #expect(answer.status == 422, "\(name)")
                #expect(answer.text.contains("There is a problem"), "\(name)")
                #expect(answer.text.contains(expected), "\(name)")
            }

            // Options the data cannot use, and option values that make no sense.
            let options = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)],
                                                fields: [("benchmark", "lots"), ("baseline_until", "31/02/2024"), ("baseline_weeks", "x"),
                                                         ("chart", "pie")])
            #expect(options.status == 422)
            for message in ["The benchmark must be a percentage", "The baseline end must be a date", "The number of baseline weeks",
                            "Choose a chart from the list", "not both"] {
                #expect(options.text.contains(message), "\(message)")
            }
            let gChart = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)], fields: [("chart", "g")])
            #expect(gChart.status == 422)
            #expect(gChart.text.contains("There is a problem"))

            // A bad events file is listed against the events field.
            let events = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards),
                                                                  ("events", "events.csv", Array("trust,ward,date,label\nRX1,Alder,someday,Joined\n".utf8))])
            #expect(events.status == 422)
            #expect(events.text.contains("events.csv:2:date"))
            #expect(events.text.contains("href=\"#events\""))

            // Scripts get the same problems as JSON.
            let json = try await server.post("/evaluate", files: [("file", "notes.csv", Array("hello,world\n".utf8))])
            #expect(json.status == 422)
            #expect(json.contentType.hasPrefix("application/json"))
            #expect(json.text.contains("\"schema\": \"wardspc/upload-errors@1\""))
            #expect(json.text.contains("\"file\": \"notes.csv\""))

            // And after all that, the server still does its job.
            let good = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(good.status == 200)
            #expect(good.text.contains("Alder"))
        }
    }

    @Test func oversizedUpload_413_readablePage_serverCarriesOn() async throws {
        try await ServerHarness.with(maxUploadBytes: 1_048_576) { server in
            #expect(Fixtures.sampleWards.count > 2_000_000)
            #expect(Fixtures.smallWards.count < 1_000_000)
            let answer = try await server.post("/report", files: [("file", "wards.csv", Fixtures.sampleWards)])
            #expect(answer.status == 413)
            #expect(answer.contentType.hasPrefix("text/html"))
            #expect(answer.text.contains("larger than this server&#39;s limit of 1 MB"))
            #expect(answer.text.contains("<form"))
            let json = try await server.post("/analyze", files: [("file", "wards.csv", Fixtures.sampleWards)])
            #expect(json.status == 413)
            #expect(json.text.contains("wardspc/upload-errors@1"))
            let health = try await server.get("/health")
            #expect(health.status == 200)
            let small = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(small.status == 200)
        }
    }

    @Test func overlongProcessing_503_withinTheTimeLimit() async throws {
        try await ServerHarness.with(timeLimitSeconds: 0.01, configure: { $0.requestTimeLimitSeconds = 300 }) { server in
            let started = ContinuousClock.now
            let answer = try await server.post("/report", files: [("file", "wards.csv", Fixtures.sampleWards)])
            #expect(answer.status == 503)
            #expect(answer.text.contains("took longer than"))
            #expect(ContinuousClock.now - started < .seconds(30))
            #expect(try await server.get("/health").status == 200)
        }
    }

    @Test func twoUploadsAtOnce_bothGetTheirOwnReport() async throws {
        let other = Array(String(decoding: Fixtures.smallWards, as: UTF8.self).replacingOccurrences(of: "Alder", with: "Rowan Unit").utf8)
        try await ServerHarness.with { server in
            async let first = server.post("/report", files: [("file", "first.csv", Fixtures.smallWards)])
            async let second = server.post("/report", files: [("file", "second.csv", other)])
            async let health = server.get("/health")
            let (one, two, up) = try await (first, second, health)
            #expect(one.status == 200)
            #expect(two.status == 200)
            #expect(up.status == 200)
            #expect(one.text.contains("Alder") && !one.text.contains("Rowan Unit"))
            #expect(two.text.contains("Rowan Unit") && !two.text.contains("Alder"))
            #expect(one.text.contains("from first.csv"))
            #expect(two.text.contains("from second.csv"))
        }
    }

    /// Uploads are patient-safety data: no file anywhere we can look may hold them afterwards.
    @Test func uploads_areNeverWrittenToDisk() async throws {
        let marker = "Ward-\(UUID().uuidString)"
        let csv = Array(String(decoding: Fixtures.smallWards, as: UTF8.self).replacingOccurrences(of: "Alder", with: marker).utf8)
        let places = [FileManager.default.temporaryDirectory.path, FileManager.default.currentDirectoryPath,
                      Fixtures.repositoryRoot.path, NSHomeDirectory()]
        let before = Date()
        try await ServerHarness.with { server in
            let report = try await server.post("/report", files: [("file", "\(marker).csv", csv)])
            #expect(report.status == 200)
            #expect(report.text.contains(marker), "the upload was processed")
            let bad = try await server.post("/report", files: [("file", "\(marker).csv", csv + Array("RX1,\(marker),restraint,2024-99-01,1,1\n".utf8))])
            #expect(bad.status == 422)
            #expect(bad.text.contains(marker))
        }
        for place in Set(places) {
            let written = try DiskScan.filesChanged(since: before, under: place)
            for file in written {
                #expect(!file.contents.contains(marker), "\(file.path) holds the upload")
                #expect(!file.path.contains(marker), "\(file.path) is named after the upload")
            }
        }
    }
}

/// Files changed under a folder since a moment (build folders and .git left out).
enum DiskScan {
    struct File { var path: String; var contents: String }

    static func filesChanged(since moment: Date, under root: String, maxDepth: Int = 4) throws -> [File] {
        var found: [File] = []
        let manager = FileManager.default
        func visit(_ path: String, depth: Int) {
            guard depth <= maxDepth, let names = try? manager.contentsOfDirectory(atPath: path) else { return }
            for name in names where !name.hasPrefix(".build") && name != ".git" && name != ".swiftpm" {
                let child = path + "/" + name
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    visit(child, depth: depth + 1)
                    continue
                }
                guard let attributes = try? manager.attributesOfItem(atPath: child),
                      let modified = attributes[.modificationDate] as? Date, modified >= moment.addingTimeInterval(-1),
                      let size = attributes[.size] as? Int, size < 64 * 1_048_576,
                      let data = manager.contents(atPath: child) else { continue }
                found.append(File(path: child, contents: String(decoding: data, as: UTF8.self)))
            }
        }
        visit(root, depth: 0)
        return found
    }
}
