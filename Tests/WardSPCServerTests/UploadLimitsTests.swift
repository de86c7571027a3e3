import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import WardSPC
@testable import WardSPCServer

/// What one upload may ask for, refused before the work starts with a 422 that names the
/// limit and the flag that raises it.
@Suite(.serialized) struct UploadLimitsTests {
    /// A wide file: one ward, `columns` measure columns, `weeks` weeks.
    static func wideFile(columns: Int, weeks: Int) -> [UInt8] {
        var text = "trust,ward,week_start," + (0..<columns).map { "m\($0)" }.joined(separator: ",") + "\n"
        var week = CivilDate(year: 2020, month: 1, day: 6)!
        for row in 0..<weeks {
            text += "RX1,Alder,\(week.iso)," + (0..<columns).map { String(($0 + row) % 3) }.joined(separator: ",") + "\n"
            week = week.adding(days: 7)
        }
        return Array(text.utf8)
    }

    @Test func defaults_leaveTheSampleProgrammeTenfoldRoom() throws {
        let dataset = try WardDataReader.read(InputFile(name: "wards.csv", bytes: Fixtures.sampleWards))
        let size = UploadLimits.Size(dataset)
        #expect(size == UploadLimits.Size(series: 252, points: 39_088))
        let limits = UploadLimits()
        #expect(size.series * 9 < limits.maxSeries)
        #expect(size.points * 10 < limits.maxRows)
        for endpoint in UploadEndpoint.allCases {
            #expect(UploadLimits.estimatedReplyBytes(endpoint, size: size) * 7 < limits.maxReplyBytes, "\(endpoint)")
            #expect(limits.replyCheck(endpoint, size: size) == nil)
        }
        // The estimates are close to what the sample's answers weigh (13 MB and 12 MB).
        let analysis = UploadLimits.estimatedReplyBytes(.analyze, size: size)
        #expect(analysis > 13_000_000 && analysis < 16_000_000)
    }

    @Test func tooManyColumns_422FromTheHeader_namingTheFlag() async throws {
        try await ServerHarness.with { server in
            let started = ContinuousClock.now
            let answer = try await server.post("/report", files: [("file", "wide.csv", Self.wideFile(columns: 400, weeks: 20))])
            #expect(answer.status == 422)
            #expect(answer.text.contains("more than 200 columns"))
            #expect(answer.text.contains("--max-columns"))
            // Refused from the header, not after the work (a busy suite can slow even that).
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    @Test func tooManySeriesOrRows_422_namingTheLimitAndTheFlag() async throws {
        // smallWards: one trust's wards × 156 weeks of restraint.
        try await ServerHarness.with(configure: { $0.uploadLimits.maxSeries = 10 }) { server in
            let answer = try await server.post("/analyze", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(answer.status == 422)
            #expect(answer.text.contains("series (trust × ward × measure), more than the limit of 10"))
            #expect(answer.text.contains("--max-series"))
        }
        try await ServerHarness.with(configure: { $0.uploadLimits.maxRows = 1_000 }) { server in
            let answer = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(answer.status == 422)
            #expect(answer.text.contains("more than the limit of 1000"))
            #expect(answer.text.contains("--max-rows"))
            #expect(answer.text.contains("<form"))
        }
    }

    @Test func replyTooLarge_422BeforeTheWork_perEndpoint() async throws {
        try await ServerHarness.with(configure: { $0.uploadLimits.maxReplyBytes = 100_000 }) { server in
            // 1,872 points: about 0.6 MB of analysis JSON, a 12-ward evaluation of 20 KB.
            let analysis = try await server.post("/analyze", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(analysis.status == 422)
            #expect(analysis.text.contains("would be about"))
            #expect(analysis.text.contains("--max-reply-mb"))
            let evaluation = try await server.post("/evaluate", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(evaluation.status == 200)
        }
    }
}
