import WardData

/// Everything that shapes the sample programme except the seed. The defaults make the
/// committed `SampleData/` files; each says its unit.
public struct SampleParameters: Sendable {
    /// A ward that closes for a while (refurbishment): its rows stay in the file with
    /// count 0 and bed days 0, which WardSPC reads as missing weeks with a warning.
    public struct Closure: Sendable, Equatable {
        public var trust: String
        public var ward: String
        /// Index of the first closed week (0 = `firstWeek`).
        public var firstWeek: Int
        /// Number of closed weeks.
        public var weeks: Int

        public init(trust: String, ward: String, firstWeek: Int, weeks: Int) {
            self.trust = trust
            self.ward = ward
            self.firstWeek = firstWeek
            self.weeks = weeks
        }
    }

    /// The trusts' codes and full names (the files carry only the codes; rows are ordered
    /// by code). Default: `SampleRoster.trusts`.
    public var trusts: [SampleTrust] = SampleRoster.trusts
    /// The wards. Default: `SampleRoster.wards` (36 wards).
    public var wards: [SampleWard] = SampleRoster.wards
    /// Size, occupancy and base rates per ward type (one entry per `WardType`).
    public var profiles: [WardType: WardTypeProfile] = SampleParameters.defaultProfiles

    /// First day of the first week. Default: Monday 2 January 2023.
    public var firstWeek = CivilDate(year: 2023, month: 1, day: 2)!
    /// Number of weeks. Default: 156 (three years, to 2025-12-22).
    public var weeks = 156

    /// Week index (0 = `firstWeek`) at which each ward joins the collaborative, drawn
    /// uniformly per ward. Default: 40…100.
    public var joinWeeks: ClosedRange<Int> = 40...100
    /// Mean across wards of the restrictive-practice reduction finally reached, a fraction
    /// (0.15 = 15%, the NCCMH collaborative's average). The ward reductions are scaled so
    /// that their mean is exactly this. Default: 0.15.
    public var averageReduction = 0.15
    /// Wards whose restrictive practice falls all the way to zero (a 100% reduction),
    /// chosen at random among `fullReductionTypes`. Default: 2.
    public var fullReductionWards = 2
    /// Ward types a 100% reduction is plausible for (low base rates). Default: older
    /// adult, forensic, learning disability.
    public var fullReductionTypes: [WardType] = [.olderAdult, .forensic, .learningDisability]
    /// Shapes of the beta distribution the other wards' reductions are drawn from before
    /// scaling: skewed, so many wards change little and a few a lot. Default: (0.7, 5).
    public var reductionShape: (a: Double, b: Double) = (0.7, 5)
    /// Largest reduction a ward that is not one of the `fullReductionWards` reaches, a
    /// fraction. Default: 0.9.
    public var maximumPartialReduction = 0.9
    /// Weeks over which restrictive practice falls, linearly, from the ward's joining to
    /// its final level; drawn uniformly per ward. Default: 13…39.
    public var reductionRampWeeks: ClosedRange<Int> = 13...39

    /// Rise in sexual-safety reports at the peak after joining, a fraction of the base
    /// rate (0.8 = 80% more reports); each ward draws between half and one and a half
    /// times this. Reports rise because reporting improves, not because harm does.
    /// Default: 0.8.
    public var sexualSafetyReportingPeak = 0.8
    /// Weeks from joining to the peak of sexual-safety reporting. Default: 10.
    public var sexualSafetyPeakWeeks = 10.0
    /// Lasting rise in sexual-safety reports once reporting has settled, a fraction of
    /// the base rate. Default: 0.15.
    public var sexualSafetySettledRise = 0.15

    /// Ligature risk assessments due per bed per week (admissions and reviews): each ward
    /// × week's number due is 1 + Poisson, with mean beds × this in all. Default: 0.5.
    public var ligatureDuePerBed = 0.5
    /// Share of assessments completed on time before joining, drawn uniformly per ward.
    /// Default: 0.70…0.85.
    public var ligatureOnTimeBefore: ClosedRange<Double> = 0.70...0.85
    /// Rise in that share once the ward's change is complete (over the same ramp as its
    /// restrictive practice). Default: 0.10.
    public var ligatureOnTimeGain = 0.10

    /// Spread between wards of the same type: each ward's rate of each measure is the
    /// base rate times a log-normal factor with mean 1 and this standard deviation of
    /// its logarithm. Default: 0.3.
    public var wardRateSpread = 0.3
    /// Spread of a ward's culture of restriction, shared by restraint, seclusion and rapid
    /// tranquillisation (a ward that restrains more also secludes more): a further
    /// log-normal factor with mean 1 and this standard deviation of its logarithm on those
    /// three rates. Default: 0.25.
    public var wardRestrictivenessSpread = 0.25
    /// Week-to-week overdispersion: each ward × measure × week's rate is multiplied by a
    /// gamma factor with mean 1 and this shape (variance 1/shape), making counts
    /// gamma-Poisson (negative binomial); `nil` for plain Poisson. Default: 5.
    public var weeklyRateShape: Double? = 5
    /// Standard deviation of the weekly occupancy around the ward's mean, a fraction of
    /// beds. Default: 0.04.
    public var occupancyNoise = 0.04

    /// Shares of restraint by position, written in the `subtype` column.
    /// Default: prone 12%, supine 28%, standing 35%, seated 15%, other 10%.
    public var restraintSubtypes: [DimensionShare] = [
        DimensionShare("prone", 0.12), DimensionShare("supine", 0.28), DimensionShare("standing", 0.35),
        DimensionShare("seated", 0.15), DimensionShare("other", 0.10),
    ]
    /// Shares of self-harm by where the patient was, written in the `context` column.
    /// Default: on the ward 72%, on agreed leave 19%, absent without leave 9%.
    public var selfHarmContexts: [DimensionShare] = [
        DimensionShare("on_ward", 0.72), DimensionShare("on_leave", 0.19), DimensionShare("awol", 0.09),
    ]

    /// Ethnic groups of the equity file (`equity.csv`): each value's share of a ward's
    /// occupied bed days before the ward's own variation, and its restrictive-practice rate
    /// relative to White British patients' on the same ward. Shares add up to 1. The
    /// disparity is the one the programme exists for: Black patients restrained or secluded
    /// about three times as often as White patients.
    public var ethnicGroups: [SampleEthnicGroup] = [
        SampleEthnicGroup(code: "A", label: "White British", share: 0.62, relativeRate: 1),
        SampleEthnicGroup(code: "C", label: "Any other White background", share: 0.07, relativeRate: 1),
        SampleEthnicGroup(code: "G", label: "Any other mixed background", share: 0.04, relativeRate: 1.5),
        SampleEthnicGroup(code: "H", label: "Indian", share: 0.06, relativeRate: 1.1),
        SampleEthnicGroup(code: "M", label: "Caribbean", share: 0.05, relativeRate: 3.2),
        SampleEthnicGroup(code: "N", label: "African", share: 0.07, relativeRate: 3.2),
        SampleEthnicGroup(code: "S", label: "Any other ethnic group", share: 0.03, relativeRate: 1.3),
        SampleEthnicGroup(code: "Z", label: "Not stated", share: 0.06, relativeRate: 1.4),
    ]
    /// Spread of each ward's own bed-day shares: each share × a log-normal factor (mean 1)
    /// with this σ, then all renormalised. Default 0.35.
    public var ethnicShareSpread = 0.35
    /// How much of their excess rate Black patients lose once a ward's restrictive-practice
    /// change is complete (the gap narrows with the ward's ramp): 0.25 takes a relative rate
    /// of 3.2 to 2.65. Default 0.25.
    public var disparityNarrowing = 0.25
    /// Trusts that export ethnicity as text labels rather than codes (both are accepted).
    /// Default: RX2.
    public var ethnicLabelTrusts: Set<String> = ["RX2"]

    /// Chance that a ward's week is missing from the file altogether (no rows at all),
    /// for each week except the first and last. Default: 0.005 (about 28 ward-weeks).
    public var missingWeekProbability = 0.005
    /// The ward closed for refurbishment. Default: RX2 Oak, 8 weeks from week 70
    /// (2024-05-06 to 2024-06-24).
    public var closure: Closure? = Closure(trust: "RX2", ward: "Oak", firstWeek: 70, weeks: 8)

    public init() {}

    /// Base rates per 1,000 occupied bed days, in the range reported by NHS mental-health
    /// wards (PICU highest for restrictive practice, forensic lowest, older-adult wards
    /// low for seclusion and AWOL). Illustrative, not national figures.
    public static let defaultProfiles: [WardType: WardTypeProfile] = [
        .acute: WardTypeProfile(
            beds: 18...24, occupancy: 0.92...0.99,
            rates: MeasureRates(restraint: 12, seclusion: 1.5, rapidTranquillisation: 5,
                                selfHarm: 7, awol: 2.5, sexualSafety: 3)),
        .picu: WardTypeProfile(
            beds: 8...12, occupancy: 0.80...0.92,
            rates: MeasureRates(restraint: 45, seclusion: 12, rapidTranquillisation: 18,
                                selfHarm: 9, awol: 1, sexualSafety: 5)),
        .olderAdult: WardTypeProfile(
            beds: 14...20, occupancy: 0.85...0.95,
            rates: MeasureRates(restraint: 10, seclusion: 0.2, rapidTranquillisation: 1,
                                selfHarm: 1.5, awol: 0.6, sexualSafety: 2)),
        .forensic: WardTypeProfile(
            beds: 12...16, occupancy: 0.88...0.97,
            rates: MeasureRates(restraint: 5, seclusion: 3, rapidTranquillisation: 2,
                                selfHarm: 5, awol: 0.3, sexualSafety: 2.5)),
        .learningDisability: WardTypeProfile(
            beds: 6...10, occupancy: 0.75...0.90,
            rates: MeasureRates(restraint: 30, seclusion: 4, rapidTranquillisation: 6,
                                selfHarm: 8, awol: 0.6, sexualSafety: 3)),
    ]
}
