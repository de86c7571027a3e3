import SPCCore
import WardData

/// Shared wording of evaluation figures for the table and Markdown writers.
enum EvaluationWording {
    /// `−45%`: the change, signed (a fall is negative), with a true minus sign.
    static func change(fromReduction reduction: Double) -> String {
        signedPercent(-reduction)
    }

    static func signedPercent(_ value: Double) -> String {
        let rounded = value.rounded()
        if rounded == 0 { return "0%" }
        return (rounded < 0 ? "−" : "+") + "\(Int(abs(rounded)))%"
    }

    /// `−57% to −29%`: a reduction interval as a change.
    static func changeRange(_ interval: ConfidenceInterval) -> String {
        "\(change(fromReduction: interval.upper)) to \(change(fromReduction: interval.lower))"
    }

    /// `95% CI −57% to −29%`.
    static func changeInterval(_ interval: ConfidenceInterval) -> String {
        "95% CI " + changeRange(interval)
    }

    static func rate(_ value: Double?) -> String {
        guard let value else { return "–" }
        return AnalysisTable.number(value)
    }

    static func unit(_ result: EvaluationResult) -> String {
        result.exposureIsBedDays ? "per 1,000 OBD" : "per \(result.period)"
    }

    static func verdict(_ verdict: Verdict, benchmark: Double) -> String {
        let benchmarkText = "the \(CSVCell.number(benchmark))% benchmark"
        switch verdict {
        case .exceeds: return "exceeds \(benchmarkText)"
        case .meets: return "meets \(benchmarkText) (its interval includes smaller reductions)"
        case .below: return "a reduction, below \(benchmarkText)"
        case .noReduction: return "no reduction"
        case .significantIncrease: return "a significant increase"
        case .insufficientData: return "insufficient data"
        }
    }

    static func window(_ figures: WindowFigures?, period: String) -> String {
        guard let figures else { return "none" }
        return "\(figures.start.iso) to \(figures.end.iso) (\(figures.periods) \(period)\(figures.periods == 1 ? "" : "s"))"
    }

    static func pooledSentence(_ pooled: PooledEvaluation, benchmark: Double) -> String {
        var parts: [String] = []
        if let totals = pooled.ratioOfTotals {
            parts.append("\(change(fromReduction: totals.reductionPercent)) (\(changeInterval(totals.reductionInterval))) ratio of totals")
        } else {
            parts.append("no pooled figure (no baseline incidents)")
        }
        if let effects = pooled.randomEffects, pooled.wards > 1 {
            parts.append("random effects \(change(fromReduction: effects.reductionPercent)) (\(changeInterval(effects.reductionInterval))), I² \(Int((100 * effects.iSquared).rounded()))%")
        }
        let reductions = pooled.reductions
        if let mean = reductions.meanPercent, let median = reductions.medianPercent {
            parts.append("ward changes: mean \(change(fromReduction: mean)), median \(change(fromReduction: median))")
        }
        var reaching = "\(reductions.reaching15Percent) of \(reductions.wardsWithReduction) wards ≥ 15%, \(reductions.reaching25Percent) ≥ 25%, \(reductions.reaching100Percent) at 100%"
        if ![15.0, 25.0, 100.0].contains(benchmark), let count = reductions.wards(reaching: benchmark) {
            reaching += ", \(count) ≥ \(CSVCell.number(benchmark))%"
        }
        parts.append(reaching)
        return parts.joined(separator: "; ")
    }
}

/// Evaluation for a terminal: a sentence per ward, then trusts and the programme.
public enum EvaluationTable {
    public static func render(_ result: EvaluationResult, suppression: Suppression = Suppression()) -> String {
        var out: [String] = []
        let unit = EvaluationWording.unit(result)
        out.append("Programme against the \(CSVCell.number(result.benchmark))% benchmark (\(result.chart.rawValue)-chart SPC view; rates \(unit))")
        for pooled in result.programme {
            let name = pooled.group.map { "\(pooled.measure) · \($0)" } ?? pooled.measure
            out.append("  \(name) (\(pooled.wards) ward\(pooled.wards == 1 ? "" : "s")): \(EvaluationWording.pooledSentence(pooled, benchmark: result.benchmark))")
        }
        out.append("")
        out.append("Trusts")
        for pooled in result.trusts {
            let name = [pooled.trust, pooled.measure, pooled.group].compactMap { $0 }.joined(separator: " · ")
            out.append("  \(name) (\(pooled.wards) ward\(pooled.wards == 1 ? "" : "s")): \(EvaluationWording.pooledSentence(pooled, benchmark: result.benchmark))")
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

    /// `RX1 Alder restraint: 55.5 → 30.6 per 1,000 OBD, −45% (95% CI −57% to −29%), exceeds the 15% benchmark`.
    static func sentence(_ ward: WardEvaluation, result: EvaluationResult, suppression: Suppression) -> String {
        let name = "\(ward.trust) \(ward.ward) \(ward.measure)\(ward.group.map { " · \($0)" } ?? "")"
        guard let before = ward.baseline, let after = ward.comparison else {
            return "\(name): not evaluated"
        }
        if suppression.hides(before.count) || suppression.hides(after.count) {
            return "\(name): counts \(suppression.text(before.count)) → \(suppression.text(after.count)) (small numbers withheld), \(EvaluationWording.verdict(ward.verdict, benchmark: result.benchmark))"
        }
        var text = "\(name): \(EvaluationWording.rate(before.rate)) → \(EvaluationWording.rate(after.rate)) \(EvaluationWording.unit(result))"
        if let ratio = ward.rateRatio {
            text += ", \(EvaluationWording.change(fromReduction: ratio.reductionPercent)) (\(EvaluationWording.changeInterval(ratio.reductionInterval)))"
        }
        text += ", \(EvaluationWording.verdict(ward.verdict, benchmark: result.benchmark))"
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
        out.append("Rates \(unit). Change = comparison vs baseline (a fall is negative), with its 95% confidence interval.")
        out.append("")
        out.append("| measure | wards | change (ratio of totals) | random effects | I² | mean / median ward change | wards ≥ 15% / ≥ 25% / 100% |")
        out.append("|---|---:|---|---|---:|---|---|")
        for pooled in result.programme { out.append(pooledRow(pooled, trust: nil)) }
        out += ["", "### Trusts", ""]
        out.append("| trust | measure | wards | change (ratio of totals) | random effects | I² | mean / median ward change | wards ≥ 15% / ≥ 25% / 100% |")
        out.append("|---|---|---:|---|---|---:|---|---|")
        for pooled in result.trusts { out.append(pooledRow(pooled, trust: pooled.trust)) }
        out += ["", "### Wards", ""]
        out.append("| trust | ward | measure | baseline | comparison | change (95% CI) | verdict | SPC centre line |")
        out.append("|---|---|---|---|---|---|---|---:|")
        for ward in result.wards {
            var baseline = "–", comparison = "–", change = "–"
            var centreChange = ward.centreChangePercent
            if let before = ward.baseline, let after = ward.comparison {
                let hidden = suppression.hides(before.count) || suppression.hides(after.count)
                if hidden { centreChange = nil }  // derived from the withheld counts
                baseline = hidden ? "\(suppression.text(before.count)) incidents" : "\(EvaluationWording.rate(before.rate)) (\(before.count))"
                comparison = hidden ? "\(suppression.text(after.count)) incidents" : "\(EvaluationWording.rate(after.rate)) (\(after.count))"
                if let ratio = ward.rateRatio, !hidden {
                    change = "\(EvaluationWording.change(fromReduction: ratio.reductionPercent)) (\(EvaluationWording.changeRange(ratio.reductionInterval)))"
                }
            }
            let measure = ward.measure + (ward.group.map { " · \($0)" } ?? "")
            out.append("| \(cell(ward.trust)) | \(cell(ward.ward)) | \(cell(measure)) | \(baseline) | \(comparison) | \(change) | \(EvaluationWording.verdict(ward.verdict, benchmark: result.benchmark)) | \(centreChange.map(EvaluationWording.signedPercent) ?? "–") |")
        }
        if result.wards.contains(where: { $0.measure.lowercased().contains("sexual") }) {
            out += ["", "_A rise in sexual-safety incidents can reflect better reporting rather than more harm._"]
        }
        return out.joined(separator: "\n")
    }

    static func pooledRow(_ pooled: PooledEvaluation, trust: String?) -> String {
        let totals = pooled.ratioOfTotals.map {
            "\(EvaluationWording.change(fromReduction: $0.reductionPercent)) (\(EvaluationWording.changeRange($0.reductionInterval)))"
        } ?? "–"
        let effects = pooled.randomEffects.map {
            "\(EvaluationWording.change(fromReduction: $0.reductionPercent)) (\(EvaluationWording.changeRange($0.reductionInterval)))"
        } ?? "–"
        let iSquared = pooled.randomEffects.map { "\(Int((100 * $0.iSquared).rounded()))%" } ?? "–"
        let reductions = pooled.reductions
        let average = [reductions.meanPercent, reductions.medianPercent]
            .map { $0.map(EvaluationWording.change(fromReduction:)) ?? "–" }.joined(separator: " / ")
        let reaching = "\(reductions.reaching15Percent) / \(reductions.reaching25Percent) / \(reductions.reaching100Percent) of \(reductions.wardsWithReduction)"
        let measure = pooled.measure + (pooled.group.map { " · \($0)" } ?? "")
        var cells = trust.map { [cell($0)] } ?? []
        cells += [cell(measure), String(pooled.wards), totals, effects, iSquared, average, reaching]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}

/// Evaluation as tidy CSV: one row per ward (Excel-safe text; numbers never altered;
/// suppressed counts as `*` with the rates and ratios derived from them left empty).
public enum EvaluationCSV {
    public static let header = ["trust", "ward", "measure", "group", "baseline_start", "baseline_end", "baseline_count",
                                "baseline_exposure", "baseline_rate", "comparison_start", "comparison_end",
                                "comparison_count", "comparison_exposure", "comparison_rate", "rate_ratio",
                                "reduction_percent", "reduction_ci95_low", "reduction_ci95_high", "verdict",
                                "centre_change_percent", "its_level_change", "its_level_change_se", "its_slope_change",
                                "its_slope_change_se", "notes"]

    static func number(_ value: Double?) -> String { value.map(CSVCell.number) ?? "" }

    public static func render(_ result: EvaluationResult, suppression: Suppression = Suppression()) -> String {
        var out = header.joined(separator: ",") + "\n"
        for ward in result.wards {
            let hidden = [ward.baseline?.count, ward.comparison?.count].contains { $0.map(suppression.hides) ?? false }
            var cells = [CSVCell.text(ward.trust), CSVCell.text(ward.ward), CSVCell.text(ward.measure),
                         CSVCell.text(ward.group ?? "")]
            for figures in [ward.baseline, ward.comparison] {
                cells += [figures?.start.iso ?? "", figures?.end.iso ?? "",
                          figures.map { suppression.text($0.count) } ?? "", number(figures?.exposure),
                          hidden ? "" : number(figures?.rate)]
            }
            // The centre change and the regression derive from the same counts: withheld too.
            let ratio = hidden ? nil : ward.rateRatio
            let its = hidden ? nil : ward.its
            cells += [number(ratio?.estimate), number(ratio?.reductionPercent),
                      number(ratio?.reductionInterval.lower), number(ratio?.reductionInterval.upper),
                      ward.verdict.rawValue, number(hidden ? nil : ward.centreChangePercent)]
            cells += [number(its?.levelChange), number(its?.levelChangeStandardError),
                      number(its?.slopeChange), number(its?.slopeChangeStandardError)]
            cells.append(CSVCell.text((ward.notes + ward.warnings).joined(separator: " | ")))
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
