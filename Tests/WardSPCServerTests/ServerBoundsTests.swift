import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import SPCRender
import WardSPC
@testable import WardSPCServer

/// The server's bounds as a client meets them: a full queue answered at once, the page and
/// /health never behind an upload.
@Suite(.serialized) struct ServerBoundsTests {
    /// Opens an upload whose body is still arriving: it holds a place in the queue.
    static func holdPlace(port: Int, endpoint: String = "/analyze") throws -> RawConnection {
        let connection = try RawConnection(port: port)
        try connection.send("POST \(endpoint) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=held\r\nContent-Length: 100000\r\n\r\n--held\r\n")
        return connection
    }

    /// Waits until `places` uploads hold a place (as /health counts them), or — with
    /// `orFewer` — until no more than that do.
    static func waitForPlaces(_ places: Int, orFewer: Bool = false, on server: ServerHarness) async throws {
        for _ in 0..<600 {
            let health = try JSONSerialization.jsonObject(with: try await server.get("/health").body) as? [String: Any]
            let held = ((health?["running"] as? Int) ?? 0) + ((health?["waiting"] as? Int) ?? 0)
            if orFewer ? held <= places : held >= places { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("the uploads never held \(places) places")
    }

    @Test func queueFull_503WithRetryAfterAtOnce_pageAndHealthStillAnswer_thenUploadsRunAgain() async throws {
        try await ServerHarness.with(configure: { $0.workers = 1; $0.queueLength = 1 }) { server in
            // One worker and one waiting place, both held by uploads still being sent.
            var holders: [RawConnection]? = try (0..<2).map { _ in try Self.holdPlace(port: server.port) }
            try await Self.waitForPlaces(2, on: server)
            let clock = ContinuousClock()
            var started = clock.now
            let busy = try await server.post("/analyze", files: [("file", "small.csv", Fixtures.smallWards)])
            // At once, without reading the upload. (Bounds on time are loose in this shared test
            // process; ServeLoadTests and scripts/ measure them on the server's own.)
            #expect(clock.now - started < .seconds(10))
            #expect(busy.status == 503)
            #expect(busy.contentType.hasPrefix("application/json"))
            #expect(busy.text.contains("busy with other uploads"))
            let retryAfter = try #require(busy.headers["retry-after"].flatMap(Int.init), "\(busy.headers)")
            #expect((1...300).contains(retryAfter))
            #expect(busy.headers["connection"]?.lowercased() == "close", "the unread upload is not kept")

            let page = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(page.status == 503)
            #expect(page.text.contains("<form"), "the page's own 503 is the form again")

            started = clock.now
            #expect(try await server.get("/health").status == 200)
            #expect(try await server.get("/").status == 200)
            #expect(clock.now - started < .seconds(10), "the page and /health never wait behind uploads")

            holders = nil  // the held uploads are abandoned: their places come back
            _ = holders
            try await Self.waitForPlaces(0, orFewer: true, on: server)
            let good = try await server.post("/analyze", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(good.status == 200)
        }
    }
}

/// The time limit stops the work itself, not only the wait for it.
@Suite(.serialized) struct ServerDeadlineTests {
    @Test func reportPastItsDeadline_isIncompleteAndFast_beforeIt_isWhole() throws {
        let dataset = try WardDataReader.read(InputFile(name: "wards.csv", bytes: Fixtures.sampleWards))
        var request = try AnalysisRequest.resolve(RequestChoices(), purpose: .picture, facts: DatasetFacts(dataset))
        let content = try ReportBuilder.content(dataset, request: request, about: .init(dataFile: "wards.csv"))
        #expect(content.series.count == 252)
        var few = content
        few.series = Array(content.series.prefix(2))
        #expect(HTMLReport.build(few, deadline: .after(seconds: 600)).index.string.contains("<figure id=\"chart-"))
        let started = ContinuousClock.now
        let stopped = HTMLReport.build(content, deadline: .after(seconds: 0))
        #expect(ContinuousClock.now - started < .seconds(2))
        let seriesCharts = stopped.charts.filter { !$0.series.isEmpty }.count
        #expect(seriesCharts == 0, "no ward's chart is drawn past the deadline")
        let page = stopped.index.string
        #expect(!page.contains("<figure id=\"chart-"), "no ward's chart is drawn inline either")
        #expect(!page.contains("id=\"grid-"), "nor any measure's small multiples")
        request.deadline = .after(seconds: 0)
        #expect(try ReportBuilder.content(dataset, request: request, about: .init(dataFile: "wards.csv")).series.isEmpty)
    }

    @Test func late503_theJobStopsWithinSeconds_andTheWorkerIsFreeAgain() async throws {
        try await ServerHarness.with(timeLimitSeconds: 1, configure: { $0.workers = 1; $0.requestTimeLimitSeconds = 300 }) { server in
            // 2,000 short series: quick to read, many seconds of charts to draw.
            let answer = try await server.post("/report", files: [("file", "many.csv", Self.manySeries)])
            #expect(answer.status == 503)
            #expect(answer.text.contains("so it was stopped"))
            // Polled until the job has stopped; how late it stopped is measured by the
            // server on the job's own thread, so a busy test process polling slowly cannot
            // make a prompt stop look late.
            let after503 = ContinuousClock.now
            var running = 1
            var overrun: Double?
            while running > 0, ContinuousClock.now - after503 < .seconds(60) {
                let health = try await server.get("/health")
                let document = try JSONSerialization.jsonObject(with: health.body) as? [String: Any]
                running = (document?["running"] as? Int) ?? -1
                overrun = document?["latest_overrun_seconds"] as? Double
                if running > 0 { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(running == 0)
            // Without the deadline the charts would go on for many seconds more (about
            // 10 s in a debug build on an idle machine; 0.2–0.4 s past the limit with it).
            let late = try #require(overrun, "health reports the stopped job's overrun")
            #expect(late >= 0 && late < 5, "the job stopped \(late) s after its time limit")
            let tiny = "trust,ward,measure,week_start,count\n" + (0..<10).map { "RX1,Alder,restraint,\(CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * $0).iso),\($0 % 3)\n" }.joined()
            let next = try await server.post("/evaluate", files: [("file", "tiny.csv", Array(tiny.utf8))])
            #expect(next.status == 200, "the worker is free again")
        }
    }

    /// 100 wards × 20 measures × 20 weeks: 2,000 series in 40,000 rows.
    static let manySeries: [UInt8] = {
        var text = "trust,ward,measure,week_start,count,bed_days\n"
        let weeks = (0..<20).map { CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * $0).iso }
        for ward in 0..<100 {
            for measure in 0..<20 {
                for (index, week) in weeks.enumerated() { text += "RX1,W\(ward),m\(measure),\(week),\((ward + measure + index) % 4),120\n" }
            }
        }
        return Array(text.utf8)
    }()
}

/// A client that asks before sending (`Expect: 100-continue`) is not told to go ahead when
/// every place is taken: it gets the 503 and never sends its upload.
@Suite(.serialized) struct ExpectWhenFullTests {
    @Test func expectContinue_withTheQueueFull_no100_only503() async throws {
        try await ServerHarness.with(configure: { $0.workers = 1; $0.queueLength = 0 }) { server in
            let holder = try ServerBoundsTests.holdPlace(port: server.port)
            try await ServerBoundsTests.waitForPlaces(1, on: server)
            let answer = try await RawConnection.offThePool {
                let asking = try RawConnection(port: server.port)
                try asking.send("POST /analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 50000\r\nExpect: 100-continue\r\n\r\n")
                return asking.receiveUntilClosed(seconds: 10).text
            }
            #expect(answer.hasPrefix("HTTP/1.1 503"), "\(answer.prefix(60))")
            #expect(!answer.contains("100 Continue"))
            withExtendedLifetime(holder) {}
        }
    }
}
