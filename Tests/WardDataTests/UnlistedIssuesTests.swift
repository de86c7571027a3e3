import Testing
@testable import WardData

/// Issue 17: the report said "970 more" (the kept warnings beyond the 30 it lists) when
/// 20,939 were not shown. One count for every listing.
@Suite struct UnlistedIssuesTests {
    @Test func unlisted_areTheKeptOnesNotShown_plusEveryUnreportedOne() {
        // 20,969 warnings: 1,000 kept, 19,969 counted; the report lists 30.
        #expect(UnlistedIssues.count(listed: 30, kept: 1_000, unreported: 19_969) == 20_939)
        #expect(UnlistedIssues.line(listed: 1_000, kept: 1_000, unreported: 19_969, noun: "warnings")
                == "… and 19969 more warnings")
    }

    @Test func nothingUnlisted_givesNoLine_andListingMoreThanKeptCountsNoneTwice() {
        #expect(UnlistedIssues.line(listed: 5, kept: 5, unreported: 0, noun: "errors") == nil)
        #expect(UnlistedIssues.count(listed: 30, kept: 12, unreported: 0) == 0)
        #expect(UnlistedIssues.count(listed: 30, kept: 12, unreported: 4) == 4)
    }
}
