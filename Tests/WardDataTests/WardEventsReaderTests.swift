import Testing
@testable import WardData

@Suite struct WardEventsReaderTests {
    static func read(_ text: String, options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardEvents {
        try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array(text.utf8)), options: options)
    }

    @Test func kindDefaultsToPhase_andEachKindIsRead() throws {
        let events = try Self.read("""
            trust,ward,date,label,kind
            T1,A,2024-01-08,Joined,
            T1,A,2024-02-05,Ward move,exclude
            T1,A,2024-03-04,New lead,note
            """)
        #expect(events.events.map(\.kind) == [.phase, .exclude, .note])
        #expect(events.events.map(\.line) == [2, 3, 4])
    }

    @Test func missingKindColumn_meansPhase_andUKDatesAreRead() throws {
        let events = try Self.read("trust,ward,date,label\nT1,A,15/01/2024,Joined\n")
        #expect(events.events.first?.kind == .phase)
        #expect(events.events.first?.date == CivilDate(year: 2024, month: 1, day: 15))
    }

    @Test func emptyWard_appliesToEveryWardOfTheTrust() throws {
        let events = try Self.read("trust,ward,date,label\nT1,,2024-01-08,Trust-wide policy\nT2,B,2024-02-05,Other\n")
        #expect(events.events(trust: "T1", ward: "A").count == 1)
        #expect(events.events(trust: "T1", ward: "Z").count == 1)
        #expect(events.events(trust: "T2", ward: "A").isEmpty)
    }

    @Test func unknownKind_isAnErrorWithLineAndColumn() {
        #expect {
            try Self.read("trust,ward,date,label,kind\nT1,A,2024-01-08,Joined,start\n")
        } throws: { error in
            let issue = (error as? InputRejected)?.errors.first
            return issue?.line == 2 && issue?.column == "kind" && issue?.message.contains("not an event kind") == true
        }
    }

    @Test func badDate_andMissingLabelColumn_areRefused() {
        #expect(throws: InputRejected.self) { try Self.read("trust,ward,date,label\nT1,A,someday,Joined\n") }
        #expect(throws: InputRejected.self) { try Self.read("trust,ward,date\nT1,A,2024-01-08\n") }
    }
}
