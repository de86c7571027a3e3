import SPCCore
import WardData

/// Shared wording of evaluation figures for the table and Markdown writers. Changes are
/// signed, negative = a fall (docs/evaluation.md, "Sign convention").
enum EvaluationWording {
    /// `−45%`: the change 100·(RR − 1), signed (a fall is negative), with a true minus sign.
    static func change(ratio: Double) -> String {
        signedPercent(100 * (ratio - 1))
    }

    static func signedPercent(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "+∞" : "–" }
        let rounded = value.rounded()
        if rounded == 0 { return "0%" }
        return (rounded < 0 ? "−" : "+") + "\(Int(abs(rounded)))%"
    }

    /// `−57% to −29%`: a rate ratio's interval as a change.
    static func changeRange(_ interval: ConfidenceInterval) -> String {
        "\(change(ratio: interval.lower)) to \(change(ratio: interval.upper))"
    }

    /// `−45% (−57% to −29%)`.
    static func changeWithRange(estimate: Double, interval: ConfidenceInterval) -> String {
        "\(change(ratio: estimate)) (\(changeRange(interval)))"
    }

    static func rate(_ value: Double?) -> String {
        guard let value else { return "–" }
        return AnalysisTable.number(value)
    }

    static func unit(_ result: EvaluationResult) -> String {
        result.exposureIsBedDays ? "per 1,000 OBD" : "per \(result.period)"
    }

    /// A ward's verdict in words; with counts withheld, the verdict alone (the counts and
    /// the interval would give them away).
    static func verdict(_ ward: WardEvaluation, result: EvaluationResult, hidden: Bool) -> String {
        let benchmark = ward.benchmarkApplies ? result.benchmark : nil
        if hidden { return VerdictWords.phrase(ward.verdict, benchmark: benchmark) }
        return VerdictWords.sentence(ward.verdict, counts: ward.counts, rateRatioInterval: ward.rateRatio?.interval,
                                     benchmark: benchmark, minimumIncidents: result.minimumIncidents)
    }

    /// A pooled group's verdict (from its ratio of totals) in words; the verdict alone when
    /// a total is withheld.
    static func verdict(_ pooled: PooledEvaluation, result: EvaluationResult, suppression: Suppression) -> String {
        let benchmark = pooled.benchmarkApplies ? result.benchmark : nil
        if let totals = pooled.totals,
           suppression.hides(totals.baselineCount) || suppression.hides(totals.comparisonCount) {
            return VerdictWords.phrase(pooled.verdict, benchmark: benchmark)
        }
        return VerdictWords.sentence(pooled.verdict, counts: pooled.totals,
                              rateRatioInterval: pooled.ratioOfTotals?.interval, benchmark: benchmark,
                              minimumIncidents: result.minimumIncidents)
    }

    /// The caveats of the measures evaluated (the catalogue's), once each in order of appearance.
    static func caveats(_ result: EvaluationResult) -> [String] {
        var seen: Set<String> = []
        var caveats: [String] = []
        for ward in result.wards where seen.insert(ward.measure).inserted {
            if let caveat = result.catalogue.definition(of: ward.measure).caveat, !caveats.contains(caveat) {
                caveats.append(caveat)
            }
        }
        return caveats
    }

    /// "3 clear reductions, 2 no clear change, 1 too few to judge": the wards' verdicts.
    static func verdictCounts(_ pooled: PooledEvaluation) -> String {
        let clear = Verdict.allCases.filter(\.isClearReduction).reduce(0) { $0 + (pooled.wardsByVerdict[$1] ?? 0) }
        let parts: [(Int, String)] = [
            (clear, clear == 1 ? "clear reduction" : "clear reductions"),
            (pooled.wardsByVerdict[.noClearChange] ?? 0, "no clear change"),
            (pooled.wardsByVerdict[.significantIncrease] ?? 0, (pooled.wardsByVerdict[.significantIncrease] ?? 0) == 1 ? "clear increase" : "clear increases"),
            (pooled.wardsByVerdict[.insufficientData] ?? 0, "too few to judge"),
        ]
        let text = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return text.isEmpty ? "none" : text.joined(separator: ", ")
    }

    static func window(_ figures: WindowFigures?, period: String) -> String {
        guard let figures else { return "none" }
        return "\(figures.start.ukText) to \(figures.end.ukText) (\(figures.periods) \(period)\(figures.periods == 1 ? "" : "s"))"
    }

    /// "15% in 4 of 6 wards with an estimate, 25% in 2, 100% in 1".
    static func reaching(_ reductions: ReductionSummary, benchmark: Double) -> String {
        var text = "\(reductions.reaching15Percent) of \(reductions.wardsWithEstimate) ward estimates ≥ 15%, \(reductions.reaching25Percent) ≥ 25%, \(reductions.reaching100Percent) at 100%"
        if ![15.0, 25.0, 100.0].contains(benchmark), let count = reductions.wards(reaching: benchmark) {
            text += ", \(count) ≥ \(CSVCell.number(benchmark))%"
        }
        return text
    }

    static func pooledSentence(_ pooled: PooledEvaluation, result: EvaluationResult, suppression: Suppression) -> String {
        var parts: [String] = []
        if let totals = pooled.ratioOfTotals, pooled.verdict != .insufficientData {
            parts.append("ratio of totals \(change(ratio: totals.estimate)), \(verdict(pooled, result: result, suppression: suppression))")
        } else {
            parts.append("ratio of totals: \(verdict(pooled, result: result, suppression: suppression))")
        }
        if let effects = pooled.randomEffects, pooled.wards > 1 {
            parts.append("random effects \(changeWithRange(estimate: effects.estimate, interval: effects.interval)), I² \(Int((100 * effects.iSquared).rounded()))%")
        }
        let reductions = pooled.reductions
        if let mean = reductions.meanPercent, let median = reductions.medianPercent {
            parts.append("ward estimates: mean \(signedPercent(-mean)), median \(signedPercent(-median)); \(reaching(reductions, benchmark: result.benchmark))")
        }
        parts.append("ward verdicts: \(verdictCounts(pooled))")
        return parts.joined(separator: "; ")
    }
}

/// Evaluation for a terminal: a sentence per ward, then trusts and the programme.
public enum EvaluationTable {
    public static func render(_ result: EvaluationResult, suppression: Suppression = Suppression()) -> String {
        var out: [String] = []
        let unit = EvaluationWording.unit(result)
        out.append("Programme against the \(CSVCell.number(result.benchmark))% benchmark (\(result.chart.rawValue)-chart SPC view; rates \(unit); changes: a fall is negative)")
        out.append(VerdictWords.intervalMeaning)
        for pooled in result.programme {
            let name = pooled.group.map { "\(pooled.measure) · \($0)" } ?? pooled.measure
            out.append("  \(name) (\(pooled.wards) ward\(pooled.wards == 1 ? "" : "s")): \(EvaluationWording.pooledSentence(pooled, result: result, suppression: suppression))")
        }
        out.append("")
        out.append("Trusts")
        for pooled in result.trusts {
            let name = [pooled.trust, pooled.measure, pooled.group].compactMap { $0 }.joined(separator: " · ")
            out.append("  \(name) (\(pooled.wards) ward\(pooled.wards == 1 ? "" : "s")): \(EvaluationWording.pooledSentence(pooled, result: result, suppression: suppression))")
        }
        out.append("")
        out.append("Wards")
        for ward in result.wards {
            out.append("  " + sentence(ward, result: result, suppression: suppression))
            out.append("    baseline \(EvaluationWording.window(ward.baseline, period: result.period)); comparison \(EvaluationWording.window(ward.comparison, period: result.period))")
            for note in ward.notes + ward.warnings { out.append("    note: \(note)") }
        }
        if !result.warnings.isEmpty {
            out.append("")
            out += result.warnings.map { "warning: \($0)" }
        }
        return out.joined(separator: "\n")
    }

    /// `RX1 Alder restraint: 55.5 → 30.6 per 1,000 OBD, −45% — a clear reduction of more
    /// than 15%: the interval runs from a 29% to a 57% fall; SPC centre line −40%`.
    static func sentence(_ ward: WardEvaluation, result: EvaluationResult, suppression: Suppression) -> String {
        let name = "\(ward.trust) \(ward.ward) \(ward.measure)\(ward.group.map { " · \($0)" } ?? "")"
        guard let before = ward.baseline, let after = ward.comparison else {
            return "\(name): not evaluated"
        }
        if suppression.hides(before.count) || suppression.hides(after.count) {
            return "\(name): counts \(suppression.text(before.count)) → \(suppression.text(after.count)) (small numbers withheld), \(EvaluationWording.verdict(ward, result: result, hidden: true))"
        }
        var text = "\(name): \(EvaluationWording.rate(before.rate)) → \(EvaluationWording.rate(after.rate)) \(EvaluationWording.unit(result))"
        // An estimate too few incidents to judge is not printed as if it meant something.
        if let ratio = ward.rateRatio, ward.verdict != .insufficientData {
            text += ", \(EvaluationWording.change(ratio: ratio.estimate))"
        }
        text += " — \(EvaluationWording.verdict(ward, result: result, hidden: false))"
        if let centre = ward.centreChangePercent {
            text += "; SPC centre line \(EvaluationWording.signedPercent(centre))"
        }
        return text
    }
}

/// Evaluation as Markdown tables, ready to paste into a board paper.
public enum EvaluationMarkdown {
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    public static func render(_ result: EvaluationResult, suppression: Suppression = Suppression()) -> String {
        let unit = EvaluationWording.unit(result)
        var out = ["## Against the \(CSVCell.number(result.benchmark))% benchmark", ""]
        out.append("Rates \(unit). Change = comparison against baseline (a fall is negative), with its 95% confidence interval. \(VerdictWords.intervalMeaning) Wards reaching 15%, 25% and 100% are counted on their estimates.")
        out.append("")
        let pooledHeader = "change (ratio of totals) | verdict | random effects | I² | mean / median ward change | ward estimates ≥ 15% / ≥ 25% / 100% | ward verdicts |"
        out.append("| measure | wards | " + pooledHeader)
        out.append("|---|---:|---|---|---|---:|---|---|---|")
        for pooled in result.programme { out.append(pooledRow(pooled, trust: nil, result: result, suppression: suppression)) }
        out += ["", "### Trusts", ""]
        out.append("| trust | measure | wards | " + pooledHeader)
        out.append("|---|---|---:|---|---|---|---:|---|---|---|")
        for pooled in result.trusts { out.append(pooledRow(pooled, trust: pooled.trust, result: result, suppression: suppression)) }
        out += ["", "### Wards", ""]
        out.append("| trust | ward | measure | baseline | comparison | change (95% CI) | verdict | SPC centre line |")
        out.append("|---|---|---|---|---|---|---|---:|")
        for ward in result.wards {
            var baseline = "–", comparison = "–", change = "–"
            var centreChange = ward.centreChangePercent
            var hidden = false
            if let before = ward.baseline, let after = ward.comparison {
                hidden = suppression.hides(before.count) || suppression.hides(after.count)
                if hidden { centreChange = nil }  // derived from the withheld counts
                baseline = hidden ? "\(suppression.text(before.count)) incidents" : "\(EvaluationWording.rate(before.rate)) (\(before.count))"
                comparison = hidden ? "\(suppression.text(after.count)) incidents" : "\(EvaluationWording.rate(after.rate)) (\(after.count))"
                if let ratio = ward.rateRatio, !hidden, ward.verdict != .insufficientData {
                    change = EvaluationWording.changeWithRange(estimate: ratio.estimate, interval: ratio.interval)
                }
            }
            let measure = ward.measure + (ward.group.map { " · \($0)" } ?? "")
            let verdict = EvaluationWording.verdict(ward, result: result, hidden: hidden)
            out.append("| \(cell(ward.trust)) | \(cell(ward.ward)) | \(cell(measure)) | \(baseline) | \(comparison) | \(change) | \(cell(verdict)) | \(centreChange.map(EvaluationWording.signedPercent) ?? "–") |")
        }
        let caveats = EvaluationWording.caveats(result)
        if !caveats.isEmpty { out += [""] + caveats.map { "_\($0)_" } }
        return out.joined(separator: "\n")
    }

    static func pooledRow(_ pooled: PooledEvaluation, trust: String?, result: EvaluationResult, suppression: Suppression) -> String {
        let totals = pooled.ratioOfTotals.map {
            EvaluationWording.changeWithRange(estimate: $0.estimate, interval: $0.interval)
        } ?? "–"
        let effects = pooled.randomEffects.map {
            EvaluationWording.changeWithRange(estimate: $0.estimate, interval: $0.interval)
        } ?? "–"
        let iSquared = pooled.randomEffects.map { "\(Int((100 * $0.iSquared).rounded()))%" } ?? "–"
        let reductions = pooled.reductions
        let average = [reductions.meanPercent, reductions.medianPercent]
            .map { $0.map { EvaluationWording.signedPercent(-$0) } ?? "–" }.joined(separator: " / ")
        let reaching = "\(reductions.reaching15Percent) / \(reductions.reaching25Percent) / \(reductions.reaching100Percent) of \(reductions.wardsWithEstimate)"
        let measure = pooled.measure + (pooled.group.map { " · \($0)" } ?? "")
        var cells = trust.map { [cell($0)] } ?? []
        cells += [cell(measure), String(pooled.wards), totals, cell(EvaluationWording.verdict(pooled, result: result, suppression: suppression)),
                  effects, iSquared, average, reaching, EvaluationWording.verdictCounts(pooled)]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}
