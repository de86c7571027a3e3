#!/usr/bin/env python3
"""Writes the evaluation fixtures in Tests/WardSPCTests/Fixtures/evaluation/: small
generated inputs with the hard cases of DESIGN §4.4, and each case's expected JSON as
computed by evaluation_reference.py (the independent Python implementation).

    python3 Tests/Tools/make_evaluation_fixtures.py

Deterministic (numpy's default generator with a fixed seed): running it again rewrites
the same bytes. `cases.json` lists every case's input, events file and window flags; the
Swift test `EvaluationReferenceTests` reads it, runs `Evaluator.evaluate` with the same
settings and compares every number to 1e-6 relative.
"""

import csv
import datetime as dt
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import evaluation_reference  # noqa: E402

OUT = os.path.join(HERE, "..", "WardSPCTests", "Fixtures", "evaluation")

CASES = [
    # name, input, flags (as the CLI spells them)
    ("default", "hard_cases.csv", []),
    ("events", "hard_cases.csv", ["--events", "hard_cases_events.csv"]),
    ("events_baseline_weeks", "hard_cases.csv",
     ["--events", "hard_cases_events.csv", "--baseline-weeks", "10", "--provisional", "2"]),
    ("dates_benchmark20", "hard_cases.csv",
     ["--baseline-until", "2024-04-29", "--from", "2024-06-03", "--to", "2024-09-02", "--benchmark", "20"]),
    ("to_only", "hard_cases.csv", ["--to", "2024-08-05"]),
    ("empty_comparison", "hard_cases.csv", ["--baseline-until", "2024-06-24", "--from", "2024-12-02"]),
    ("min_incidents30", "hard_cases.csv", ["--events", "hard_cases_events.csv", "--min-incidents", "30"]),
    ("no_bed_days", "no_bed_days.csv", []),
    ("no_bed_days_dates", "no_bed_days.csv",
     ["--baseline-weeks", "15", "--from", "2024-05-06", "--provisional", "2"]),
]


def write_csv(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make_inputs():
    rng = np.random.default_rng(20260)
    weeks = [dt.date(2024, 1, 1) + dt.timedelta(weeks=k) for k in range(40)]  # Mondays
    subtypes = ["prone", "standing"]
    rows = []

    def ward(trust, name, before, after, join, *, skip=(), closed=(), short=None,
             row_denominators=False, zero_after=False, zero_before=False):
        beds = int(rng.integers(80, 140))
        for k, week in enumerate(weeks[:short] if short else weeks):
            if k in skip:
                continue  # a missing week: no rows at all
            bed_days = beds + int(rng.integers(-10, 11))
            for measure, scale in (("restraint", 1.0), ("seclusion", 0.4)):
                dimension = subtypes if measure == "restraint" else [""]
                if k in closed:  # closed: count 0 and bed days 0 on every row → missing
                    rows.extend([trust, name, measure, week.isoformat(), s, 0, 0] for s in dimension)
                    continue
                rate = before if k < join else after
                if (zero_after and k >= join) or (zero_before and k < join):
                    rate = 0
                mean = rate * scale * bed_days / 1000
                if measure == "restraint":
                    for i, subtype in enumerate(subtypes):
                        count = int(rng.poisson(mean * (0.4, 0.6)[i]))
                        # the ward's bed days repeated on every subtype row (count once), or
                        # each row its own (they add up)
                        denominator = bed_days + (3 * i if row_denominators else 0)
                        rows.append([trust, name, measure, week.isoformat(), subtype, count, denominator])
                else:
                    rows.append([trust, name, measure, week.isoformat(), "", int(rng.poisson(mean)), bed_days])

    joins = {}

    def add(trust, name, before, after, join, **kwargs):
        joins[(trust, name)] = join
        ward(trust, name, before, after, join, **kwargs)

    add("TA", "Full", 40, 25, 20)
    add("TA", "Hundred", 30, 0, 18, zero_after=True)        # 100% reduction
    add("TA", "ZeroBase", 0, 20, 22, zero_before=True)      # baseline count 0
    add("TA", "Short", 30, 30, 3, short=6)                  # fewer than 8 weeks
    add("TA", "Gappy", 35, 30, 21, skip=(4, 9, 25, 31), closed=(14,))  # gaps, 35 weeks (odd)
    add("TA", "Quiet", 0, 0, 20)                            # no incidents at all
    add("TA", "RowDenoms", 25, 20, 19, row_denominators=True)
    add("TB", "Solo", 45, 30, 20)                           # a single-ward trust
    add("TD", "Closed", 20, 0, 20, zero_after=True)         # a trust with no incident after: ΣO_c = 0
    write_csv("hard_cases.csv", ["trust", "ward", "measure", "week_start", "subtype", "count", "bed_days"], rows)
    write_csv("hard_cases_events.csv", ["trust", "ward", "date", "label", "kind"],
              [[t, w, weeks[k].isoformat(), "joined the collaborative", "phase"] for (t, w), k in joins.items()])

    # A second file without bed days: exposure is the number of observed weeks.
    rows = []
    for name, before, after, skip in (("North", 3.0, 1.5, ()), ("South", 2.0, 0.0, (5, 30)),
                                      ("East", 0.0, 1.0, ()), ("West", 1.0, 1.2, (10, 11, 12))):
        for k, week in enumerate(weeks[:35]):
            if k not in skip:
                rows.append(["TC", name, "awol", week.isoformat(), int(rng.poisson(before if k < 17 else after))])
    write_csv("no_bed_days.csv", ["trust", "ward", "measure", "week_start", "count"], rows)


def flags_object(flags):
    """The flags as the manifest's object (what the Swift test turns into settings)."""
    result = {}
    for name, value in zip(flags[::2], flags[1::2]):
        key = name[2:].replace("-", "_")
        result[key] = float(value) if key == "benchmark" else int(value) if key in ("baseline_weeks", "provisional", "min_incidents") else value
    return result


def main():
    os.makedirs(OUT, exist_ok=True)
    make_inputs()
    manifest = []
    cwd = os.getcwd()
    os.chdir(OUT)
    try:
        for name, data, flags in CASES:
            expected = f"expected_{name}.json"
            opts = evaluation_reference.parse([data] + flags)
            with open(expected, "w") as handle:
                json.dump(evaluation_reference.evaluate(opts), handle, indent=1)
                handle.write("\n")
            manifest.append({"name": name, "input": data, "flags": flags_object(flags),
                             "arguments": [data] + flags, "expected": expected})
    finally:
        os.chdir(cwd)
    with open(os.path.join(OUT, "cases.json"), "w") as handle:
        json.dump(manifest, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
