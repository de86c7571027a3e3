import Testing
@testable import WardData

/// Issue 17: an events row naming a ward the data does not have (`RX1,alder,…` where the
/// ward is `Alder`) was ignored without a word.
@Suite("Events rows for wards the data does not have are warned about, with the near match")
struct EventWardsTests {
    static let wards: Set<WardName> = [.init(trust: "RX1", ward: "Alder"), .init(trust: "RX1", ward: "Beech Ward"),
                                       .init(trust: "RX2", ward: "Cedar")]

    static func events(_ rows: String) throws -> WardEvents {
        try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array("trust,ward,date,label,kind\n\(rows)".utf8)))
    }

    @Test func aWardInAnotherCase_isWarnedAtItsLine_suggestingTheWardAsWritten() throws {
        let warnings = try Self.events("RX1,Alder,2024-01-08,Joined,phase\nRX1,alder,2024-02-05,Safewards,phase\n")
            .unmatchedRows(wards: Self.wards, dataFile: "wards.csv")
        #expect(warnings == ["events.csv:3:ward: no ward \"alder\" of trust \"RX1\" in wards.csv, so this phase row applies to no chart; did you mean \"Alder\"?"])
    }

    @Test func spacingAndSmallTypos_findTheNearWard_otherwiseNoSuggestion() throws {
        let warnings = try Self.events("RX1,beech_ward,2024-01-08,A,note\nRX1,Beach Ward,2024-01-08,B,note\nRX1,Zebra,2024-01-08,C,note\n")
            .unmatchedRows(wards: Self.wards, dataFile: "wards.csv")
        #expect(warnings.count == 3)
        #expect(warnings[0].hasPrefix("events.csv:2:ward:") && warnings[0].hasSuffix("did you mean \"Beech Ward\"?"))
        #expect(warnings[1].hasPrefix("events.csv:3:ward:") && warnings[1].hasSuffix("did you mean \"Beech Ward\"?"))
        #expect(warnings[2].hasPrefix("events.csv:4:ward:") && !warnings[2].contains("did you mean"))
    }

    @Test func aWardOfAnotherTrust_isNotAMatch() throws {
        let warnings = try Self.events("RX1,Cedar,2024-01-08,A,exclude\n").unmatchedRows(wards: Self.wards, dataFile: "wards.csv")
        #expect(warnings.count == 1)
        #expect(warnings[0].contains("no ward \"Cedar\" of trust \"RX1\"") && warnings[0].contains("exclude row"))
    }

    @Test func anUnknownTrust_isWarnedOnTheTrustColumn() throws {
        let warnings = try Self.events("rx1,Alder,2024-01-08,A,phase\n").unmatchedRows(wards: Self.wards, dataFile: "wards.csv")
        #expect(warnings == ["events.csv:2:trust: no trust \"rx1\" in wards.csv, so this phase row applies to no chart; did you mean \"RX1\"?"])
    }

    @Test func rowsForEveryWardOrTrust_andMatchingRows_giveNoWarning() throws {
        let warnings = try Self.events("RX1,,2024-01-08,All of RX1,phase\n,,2024-01-08,Programme,note\n,Cedar,2024-01-08,Any trust,note\nRX2,Cedar,2024-01-08,C,phase\n")
            .unmatchedRows(wards: Self.wards, dataFile: "wards.csv")
        #expect(warnings.isEmpty)
    }

    @Test func hostileNames_areShownEscaped() throws {
        let warnings = try Self.events("RX1,\"Al\u{1B}[2Jder\u{202E}\",2024-01-08,A,phase\n").unmatchedRows(wards: Self.wards, dataFile: "wards.csv")
        #expect(warnings.count == 1)
        #expect(!warnings[0].unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }
}
