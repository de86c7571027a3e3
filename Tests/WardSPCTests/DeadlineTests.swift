import Foundation
import Testing
import Threads
import WardSPC

/// A deadline stops the work itself: `wardspc serve` relies on it so that a 503 leaves no
/// analysis running unseen. Past it the library stops within a block or a series and
/// returns at once; before it (and with `never`, the default) the results are whole.
@Suite struct DeadlineTests {
    @Test func deadline_neverPasses_afterPassesAtItsMoment() async throws {
        #expect(!Deadline.never.hasPassed)
        #expect(Deadline.never.remaining == nil)
        #expect(Deadline.after(seconds: 0).hasPassed)
        let soon = Deadline.after(seconds: 0.05)
        #expect(!soon.hasPassed)
        #expect(soon.remaining! > .zero)
        try await Task.sleep(for: .milliseconds(80))
        #expect(soon.hasPassed)
        #expect(soon.remaining == .zero)
    }

    @Test func parallelMap_untilNever_isMap_untilPassed_isNil() {
        let squares = ParallelBlocks.map(count: 1_000, blockSize: 7, threads: 2, until: .never) { range in range.map { $0 * $0 } }
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(ParallelBlocks.map(count: 1_000, blockSize: 7, threads: 2, until: .after(seconds: 0)) { $0.map { $0 } } == nil)
        #expect(ParallelBlocks.map(count: 10, blockSize: 3, threads: 1, until: .after(seconds: 0)) { $0.map { $0 } } == nil)
    }

    @Test func parallelMap_deadlinePassingMidway_startsNoMoreBlocks() {
        // 100 blocks of 10 ms on two threads would take half a second; the deadline at 50 ms
        // stops them within a block of it.
        let started = ContinuousClock.now
        let result = ParallelBlocks.map(count: 100, blockSize: 1, threads: 2, until: .after(seconds: 0.05)) { range in
            Thread.sleep(forTimeInterval: 0.01)
            return range.map { $0 }
        }
        #expect(result == nil)
        #expect(ContinuousClock.now - started < .milliseconds(250))
    }

    @Test func analysisAndEvaluation_pastTheirDeadline_stopAtOnce_beforeIt_areWhole() throws {
        let dataset = try WardDataReader.read(path: LibraryExampleTests.sample)
        var settings = AnalysisSettings()
        settings.chart = .u
        settings.deadline = .after(seconds: 600)
        let whole = try Analyzer.analyse(dataset, settings: settings)
        #expect(whole.series.count == 252, "a deadline that has not passed changes nothing")

        settings.deadline = .after(seconds: 0)
        var started = ContinuousClock.now
        #expect(try Analyzer.analyse(dataset, settings: settings).series.isEmpty)
        #expect(ContinuousClock.now - started < .milliseconds(500))

        var evaluation = EvaluationSettings()
        evaluation.analysis.deadline = .after(seconds: 600)
        #expect(try Evaluator.evaluate(dataset, settings: evaluation).wards.count > 200)
        evaluation.analysis.deadline = .after(seconds: 0)
        started = ContinuousClock.now
        #expect(try Evaluator.evaluate(dataset, settings: evaluation).wards.isEmpty)
        #expect(ContinuousClock.now - started < .milliseconds(500))
    }

    @Test func jsonPastItsDeadline_isCutShort_beforeIt_isWhole() {
        let document = JSONValue.array((0..<2_000).map { .number(Double($0)) })
        #expect(document.renderedOutput(until: .after(seconds: 600)).string == document.rendered())
        #expect(document.renderedOutput(until: .after(seconds: 0)).count < 100)
    }
}
