import SPCCore
import WardData

/// `wardspc funnel` as JSON (`wardspc/funnel@1`) or tidy CSV (one row per ward).
public enum FunnelOutput {
    static func number(_ value: Double?) -> JSONValue { .optional(value, JSONValue.number) }

    public static func json(_ funnel: FunnelData) -> JSONValue {
        .object([
            ("schema", .string("wardspc/funnel@1")),
            ("measure", .string(funnel.measure)),
            ("from", .optional(funnel.from) { .string($0.iso) }),
            ("to", .optional(funnel.to) { .string($0.iso) }),
            ("exposure", .string(funnel.exposureIsBedDays ? "occupied_bed_days" : "periods")),
            ("rate_per", .number(funnel.ratePer)),
            ("target", .number(funnel.target)),
            ("overdispersion", .optional(funnel.overdispersion) { dispersion in
                .object([("phi", .number(dispersion.phi)), ("tau2", .number(dispersion.tauSquared)),
                         ("applied", .bool(dispersion.isApplied))])
            }),
            ("wards", .array(funnel.wards.map { ward in
                .object([
                    ("trust", .string(ward.trust)),
                    ("ward", .string(ward.ward)),
                    ("count", .number(Double(ward.count))),
                    ("exposure", .number(ward.exposure)),
                    ("rate", .number(ward.rate)),
                    ("z", .number(ward.zScore)),
                    ("position95", .string(ward.position95.rawValue)),
                    ("position998", .string(ward.position998.rawValue)),
                ])
            })),
            ("limits", .array(funnel.curves.map { limits in
                .object([
                    ("exposure", .number(limits.exposure)),
                    ("lower95", .number(limits.lower95)), ("upper95", .number(limits.upper95)),
                    ("lower998", .number(limits.lower998)), ("upper998", .number(limits.upper998)),
                ])
            })),
        ])
    }

    public static func csv(_ funnel: FunnelData) -> String {
        var out = "trust,ward,measure,count,exposure,rate,target,z,position95,position998\n"
        for ward in funnel.wards {
            out += [CSVCell.text(ward.trust), CSVCell.text(ward.ward), CSVCell.text(funnel.measure), String(ward.count),
                    CSVCell.number(ward.exposure), CSVCell.number(ward.rate), CSVCell.number(funnel.target),
                    CSVCell.number(ward.zScore), ward.position95.rawValue, ward.position998.rawValue]
                .joined(separator: ",") + "\n"
        }
        return out
    }
}
