#if canImport(Glibc)
import Glibc
#endif
import WardData

/// The date parser and the calendar arithmetic every period goes through: a parsed
/// date round-trips through `CivilDate`, and period starts, steps and distances agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    _ = bytes.withUnsafeBufferPointer(DateParser.hasTwoDigitYear)
    guard let raw = bytes.withUnsafeBufferPointer(DateParser.parse) else { return 0 }
    var evidence = DateOrderEvidence()
    evidence.observe(raw, line: 2)
    for order in DateOrder.allCases {
        _ = evidence.decide(requested: order)
        guard let date = DateOrderEvidence.resolve(raw, order: order) else { continue }
        exercise(date)
    }
    return 0
}

func exercise(_ date: CivilDate) {
    let (year, month, day) = date.components
    Fuzz.require(CivilDate(year: year, month: month, day: day) == date, "\(date.iso) does not round-trip")
    let iso = Array(date.iso.utf8)
    let reparsed = iso.withUnsafeBufferPointer(DateParser.parse).flatMap { DateOrderEvidence.resolve($0, order: .iso) }
    Fuzz.require(reparsed == date, "\(date.iso) does not parse back")
    Fuzz.require(date.adding(days: 7).adding(days: -7) == date, "day arithmetic")
    let kinds: [PeriodKind] = [.month] + Weekday.allCases.map { .week(startingOn: $0) }
    for kind in kinds {
        let start = kind.start(of: date)
        Fuzz.require(start <= date && kind.start(of: start) == start, "\(kind) start of \(date.iso)")
        let next = kind.advance(start)
        Fuzz.require(next > date && kind.start(of: next) == next, "\(kind) period after \(date.iso)")
        Fuzz.require(kind.distance(from: start, to: next) == 1, "\(kind) distance to the next period")
        let previous = kind.advance(start, by: -1)
        Fuzz.require(kind.distance(from: previous, to: start) == 1, "\(kind) distance from the previous period")
        Fuzz.require(kind.starts(from: previous, through: next) == [previous, start, next], "\(kind) starts")
        _ = kind.start(of: date.adding(days: -6))
    }
    _ = date.weekday.capitalized
    _ = date.firstOfMonth.addingMonths(-1)
}
