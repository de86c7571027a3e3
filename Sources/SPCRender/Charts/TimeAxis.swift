import WardData

/// Date ticks for a time axis: the first of every 1, 2, 3, 6 or 12 months (or every few
/// years), as many as fit, labelled "Jan 2024"; short spans get day ticks ("8 Jan").
struct TimeAxis: Sendable {
    struct Tick: Sendable, Equatable {
        var date: CivilDate
        var label: String
    }

    var ticks: [Tick]

    init(from first: CivilDate, to last: CivilDate, maxTicks: Int) {
        let limit = max(2, maxTicks)
        for step in [1, 2, 3, 6, 12, 24, 60, 120] {
            let ticks = TimeAxis.monthTicks(from: first, to: last, step: step)
            if ticks.count <= limit {
                if ticks.count >= 2 || step == 120 {
                    self.ticks = ticks
                    return
                }
                break
            }
        }
        // Less than two month boundaries in view: day ticks.
        let span = Int(last.dayNumber - first.dayNumber)
        let dayStep = [1, 2, 7, 14, 28].first { span / $0 < limit } ?? 28
        var ticks: [Tick] = []
        var day = first
        while day <= last {
            let (_, month, dayOfMonth) = day.components
            ticks.append(Tick(date: day, label: "\(dayOfMonth) \(CivilDate.monthAbbreviations[month - 1])"))
            day = day.adding(days: dayStep)
        }
        self.ticks = ticks
    }

    private static func monthTicks(from first: CivilDate, to last: CivilDate, step: Int) -> [Tick] {
        var date = first.firstOfMonth
        if date < first { date = date.addingMonths(1) }
        // Align to calendar boundaries: quarters, half-years, years, decades.
        while true {
            let (year, month, _) = date.components
            let aligned = step <= 12 ? (month - 1) % step == 0 : month == 1 && year % (step / 12) == 0
            if aligned { break }
            date = date.addingMonths(1)
        }
        var ticks: [Tick] = []
        while date <= last {
            ticks.append(Tick(date: date, label: DateText.month(date)))
            date = date.addingMonths(step)
            if ticks.count > 400 { break }
        }
        return ticks
    }
}

extension TimeAxis {
    /// The tick labels ("Jan 2024") centred under each tick, `offset` below the plot.
    func drawLabels(x: (Double) -> Double, baseline: Double, fontSize: Double, className: StaticString?,
                    into svg: inout MarkupWriter) {
        svg.start("g")
        if let className { svg.attribute("class", className) }
        svg.attribute("font-size", fontSize)
        svg.attribute("fill", Palette.secondaryText)
        svg.attribute("text-anchor", "middle")
        svg.endStart()
        for tick in ticks {
            svg.start("text")
            svg.attribute("x", x(Double(tick.date.dayNumber)))
            svg.attribute("y", baseline)
            svg.endStart()
            svg.text(tick.label)
            svg.end("text")
        }
        svg.end("g")
    }
}
