#!/usr/bin/env python3
"""An independent second implementation of DESIGN.md §4.4 (`wardspc evaluate`).

Written from the DESIGN text (and the window rules documented on `EvaluationWindows`),
not from the Swift code, so that the two can check each other. Needs numpy and scipy only.

    python3 Tests/Tools/evaluation_reference.py FILE.csv [--events EVENTS.csv]
        [--baseline-until D | --baseline-weeks N] [--from D [--to D]]
        [--provisional N] [--benchmark P] [--min-incidents K] > expected.json

Input: long format (DESIGN §3.1): trust, ward, measure, week_start, count[, bed_days]
plus any dimension columns. Rows differing only by a dimension are summed into one
trust × ward × measure series; a bed-days value repeated on every row of a
ward × week × measure counts once (otherwise the rows' bed days add up). A week whose
rows are all count 0 with bed days 0 (a closed ward) is missing, as is a week with no
rows.

Output: JSON shaped like `wardspc evaluate --format json` (wardspc/evaluation@2) for
the fields this tool computes: per ward the windows, counts, exposure, rates, rate
ratio, reduction and its exact 95% CI, verdict, segmented regression (and, when the
windows come from an events file, the centre-line change of the u/c chart between the
baseline and the last phase); per trust × measure and per measure the pooled figures.

The reading of each DESIGN sentence is commented where it is made. `compare` mode
(`--compare EXPECTED ACTUAL`) checks two such JSON files number by number.
"""

import argparse
import csv
import datetime as dt
import json
import math
import sys
from collections import OrderedDict, defaultdict

import numpy as np
from scipy import stats

# DESIGN §4.4 writes the DerSimonian–Laird interval as ȳ ± 1.96/√Σw*; "1.96" is read as
# the 97.5% normal quantile itself (as R's qnorm and metafor use it), for both normal
# intervals (random effects and the ratio of totals). A literal 1.96 moves the bounds
# by about 2e-5 relative.
Z95 = float(stats.norm.ppf(0.975))


# ---------------------------------------------------------------------------------------
# Reading

def header_key(name):
    return name.strip().lower().replace(" ", "_").replace("-", "_")


DENOMINATOR_ALIASES = ("denominator", "bed_days", "occupied_bed_days", "obd")
DATE_ALIASES = ("week_start", "week", "period", "date", "month")


def parse_date(text):
    return dt.date.fromisoformat(text.strip())


def read_long(path):
    """Returns (series, has_bed_days); series maps (trust, ward, measure) to
    {date: (count, bed_days or None)} for observed periods only."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [header_key(h) for h in next(reader)]
        index = {name: i for i, name in enumerate(header)}
        date_column = next(index[a] for a in DATE_ALIASES if a in index)
        denominator_column = next((index[a] for a in DENOMINATOR_ALIASES if a in index), None)
        # rows of one trust × ward × measure × period
        cells = defaultdict(list)
        for fields in reader:
            if not any(f.strip() for f in fields):
                continue
            key = (fields[index["trust"]], fields[index["ward"]], fields[index["measure"]],
                   parse_date(fields[date_column]))
            count = int(fields[index["count"]])
            bed_days = None
            if denominator_column is not None and fields[denominator_column].strip() != "":
                bed_days = float(fields[denominator_column])
            cells[key].append((count, bed_days))
    has_bed_days = denominator_column is not None
    series = defaultdict(dict)
    for (trust, ward, measure, date), rows in cells.items():
        counts = [c for c, _ in rows]
        if has_bed_days:
            denominators = [d for _, d in rows]
            if all(c == 0 for c in counts) and all(d == 0 for d in denominators):
                continue  # closed ward: 0 / 0 is a missing week, not a zero (DESIGN §3.6)
            if len(set(denominators)) == 1:
                bed_days = denominators[0]  # the ward's, repeated on every row: counts once
            else:
                bed_days = sum(denominators)  # each row's own
        else:
            bed_days = None
        series[(trust, ward, measure)][date] = (sum(counts), bed_days)
    return series, has_bed_days


def read_events(path):
    """The `phase` events (kind defaults to phase) as (trust, ward, date); an empty trust
    or ward applies the row to every trust or ward."""
    events = []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            row = {header_key(k): v for k, v in row.items()}
            kind = (row.get("kind") or "phase").strip() or "phase"
            if kind == "phase":
                events.append((row["trust"].strip(), row["ward"].strip(), parse_date(row["date"])))
    return events


def intervention_of(events, trust, ward):
    """A ward's intervention: its first `phase` event, read as the earliest date."""
    dates = [d for t, w, d in events if t in ("", trust) and w in ("", ward)]
    return min(dates) if dates else None


# ---------------------------------------------------------------------------------------
# Windows (DESIGN §4.4 "Windows"; the fallbacks as EvaluationWindows documents them)

def choose_windows(periods, opts, intervention):
    """periods: ascending observed dates. Returns (baseline, comparison) as lists of
    indices into periods, or None for no evaluation (fewer than 8 observed periods)."""
    n = len(periods)
    if n < 8:
        return None
    provisional = set(range(max(0, n - opts.provisional), n)) if opts.provisional > 0 else set()
    baseline_given = opts.baseline_until is not None or opts.baseline_weeks is not None

    if not baseline_given and opts.from_date is None and intervention is None:
        # default: first and last 26 observed periods; when they would overlap, halves
        # with the middle period (odd count) in neither. Read as: the provisional periods
        # are set aside first, so the comparison is the last 26 settled periods; `--to`
        # alone ends the series the default windows are taken from.
        pool = [i for i in range(n) if i not in provisional
                and (opts.to_date is None or periods[i] <= opts.to_date)]
        if len(pool) >= 52:
            return pool[:26], pool[-26:]
        half = len(pool) // 2
        return pool[:half], pool[len(pool) - half:]

    if opts.baseline_until is not None:
        baseline = [i for i, p in enumerate(periods) if p <= opts.baseline_until]
    elif opts.baseline_weeks is not None:
        baseline = list(range(min(opts.baseline_weeks, n)))
    elif intervention is not None:
        baseline = [i for i, p in enumerate(periods) if p < intervention]
    else:  # only the comparison is given: every period before it
        baseline = [i for i, p in enumerate(periods) if p < opts.from_date]

    if opts.from_date is not None:
        comparison = [i for i, p in enumerate(periods) if p >= opts.from_date]
    elif intervention is not None:
        comparison = [i for i, p in enumerate(periods) if p >= intervention]
    else:  # only the baseline is given: every period after it
        last = baseline[-1] if baseline else -1
        comparison = list(range(last + 1, n))
    if opts.to_date is not None:
        comparison = [i for i in comparison if periods[i] <= opts.to_date]
    comparison = [i for i in comparison if i not in provisional]
    return baseline, comparison


# ---------------------------------------------------------------------------------------
# Per ward

def exact_rate_ratio_ci(o_c, t_c, o_b, t_b):
    """R's poisson.test(c(O_c, O_b), c(T_c, T_b)): Clopper–Pearson on
    O_c | O_b + O_c ~ Bin(n, π), then RR = π·T_b / ((1 − π)·T_c)."""
    n = o_c + o_b
    lo_pi = 0.0 if o_c == 0 else stats.beta.ppf(0.025, o_c, n - o_c + 1)
    hi_pi = 1.0 if o_c == n else stats.beta.ppf(0.975, o_c + 1, n - o_c)
    lo = lo_pi * t_b / ((1 - lo_pi) * t_c)
    hi = math.inf if hi_pi >= 1 else hi_pi * t_b / ((1 - hi_pi) * t_c)
    return lo, hi


def verdict(o_b, o_c, rr, rr_ci, benchmark, min_incidents):
    """DESIGN §4.4 (wardspc/evaluation@2), first match wins, decided by the rate ratio's
    interval; P = benchmark."""
    if o_b == 0 or o_b + o_c < min_incidents:
        return "insufficient_data"
    reduction = 100 * (1 - rr)
    reduction_ci_low = 100 * (1 - rr_ci[1])
    if rr_ci[0] > 1:
        return "significant_increase"
    if reduction_ci_low > benchmark:
        return "exceeds"
    if reduction_ci_low > 0 and reduction >= benchmark:
        return "meets"
    if reduction_ci_low > 0:
        return "below"
    return "no_clear_change"


def ratio_fields(rr, low, high):
    """rate_ratio, its interval, the change (negative = a fall) and the reduction
    (positive = a fall) with theirs: the one sign convention of wardspc/evaluation@2."""
    return OrderedDict([("rate_ratio", rr), ("rate_ratio_ci95", [low, high]),
                        ("change_percent", 100 * (rr - 1)), ("change_ci95", [100 * (low - 1), 100 * (high - 1)]),
                        ("reduction_percent", 100 * (1 - rr)),
                        ("reduction_ci95", [100 * (1 - high), 100 * (1 - low)])])


def period_index(date, origin, monthly):
    if monthly:
        return (date.year - origin.year) * 12 + (date.month - origin.month)
    return (date - origin).days // 7


def segmented_regression(periods, values, baseline, comparison, monthly):
    """Wagner et al. 2002 on the observed periods of baseline ∪ comparison."""
    if len(baseline) < 2 or len(comparison) < 2 or len(baseline) + len(comparison) < 8:
        return None
    rows = sorted(set(baseline) | set(comparison))
    origin = periods[rows[0]]
    t = np.array([period_index(periods[i], origin, monthly) for i in rows], dtype=float)
    t0 = period_index(periods[min(comparison)], origin, monthly)
    first_comparison = set(comparison)
    x = np.array([1.0 if i in first_comparison else 0.0 for i in rows])
    tau = (t - t0) * x
    design = np.column_stack([np.ones_like(t), t, x, tau])
    y = np.array([values[i] for i in rows], dtype=float)
    beta, _, rank, _ = np.linalg.lstsq(design, y, rcond=None)
    if rank < 4:
        return None
    residuals = y - design @ beta
    n = len(rows)
    rss = float(residuals @ residuals)
    sigma2 = rss / (n - 4)
    covariance = sigma2 * np.linalg.inv(design.T @ design)
    dw = float(np.sum(np.diff(residuals) ** 2) / rss) if rss > 0 else None
    return OrderedDict([
        ("level_change", float(beta[2])),
        ("level_change_se", float(math.sqrt(covariance[2, 2]))),
        ("slope_change", float(beta[3])),
        ("slope_change_se", float(math.sqrt(covariance[3, 3]))),
        ("durbin_watson", dw),
        ("points", n),
    ])


def window_summary(periods, data, indices, has_bed_days, multiplier):
    count = sum(data[periods[i]][0] for i in indices)
    exposure = sum(data[periods[i]][1] for i in indices) if has_bed_days else float(len(indices))
    rate = multiplier * count / exposure if exposure > 0 else None
    return OrderedDict([
        ("start", periods[indices[0]].isoformat() if indices else None),
        ("end", periods[indices[-1]].isoformat() if indices else None),
        ("count", count),
        ("exposure", exposure),
        ("rate", rate),
        ("periods", len(indices)),
    ])


def centre_change(periods, data, baseline, intervention, has_bed_days):
    """DESIGN §4.4 with phases: CL of the u chart (Σcount/Σbed days) or c chart (mean
    count) on the baseline window against the last phase's (all its observed periods)."""
    if intervention is None:
        return None
    latest = [i for i, p in enumerate(periods) if p >= intervention]
    if not baseline or not latest:
        return None

    def centre(indices):
        counts = sum(data[periods[i]][0] for i in indices)
        if has_bed_days:
            return counts / sum(data[periods[i]][1] for i in indices)
        return counts / len(indices)

    base = centre(baseline)
    if base == 0:
        return None
    return 100 * (centre(latest) - base) / base


def latest_sustained_shift(values, length=9, median_points=13, direction="below"):
    """DESIGN §4.3 --auto-rebase (runcharter): the median of the first `median_points`
    values; search after them for `length` useful values in a row on the requested side
    (values on the median skipped, one on the other side starts the count again); the
    shift's median is the median of those values; search again after it against the new
    median. Returns the span (first, last index) of the last shift, or None."""
    if len(values) < median_points:
        return None
    median = float(np.median(values[:median_points]))
    latest = None
    run = []
    i = median_points
    while i < len(values):
        v = values[i]
        below, above = v < median, v > median
        on_side = below if direction == "below" else above if direction == "above" else None
        if direction == "both":
            if v == median:
                i += 1
                continue
            side = below
            if run and (values[run[0]] < median) != side:
                run = []
            run.append(i)
        elif v == median:
            i += 1
            continue
        elif on_side:
            run.append(i)
        else:
            run = []
        if len(run) == length:
            median = float(np.median([values[j] for j in run]))
            latest = (run[0], run[-1])
            run = []
        i += 1
    return latest


def auto_rebase_centre_change(periods, data, baseline, has_bed_days):
    """DESIGN §4.4 without phases: CL_baseline of the u (or c) chart on the baseline
    window against the same chart's centre line over the span of the latest sustained
    shift of the whole series (u: 1,000·Σcount/Σbed days; c: mean count)."""
    if has_bed_days:
        observed = [p for p in periods if data[p][1] and data[p][1] > 0]
        values = [1000 * data[p][0] / data[p][1] for p in observed]
        base = 1000 * sum(data[periods[i]][0] for i in baseline) / sum(data[periods[i]][1] for i in baseline)
    else:
        observed = list(periods)
        values = [float(data[p][0]) for p in periods]
        base = sum(data[periods[i]][0] for i in baseline) / len(baseline)
    span = latest_sustained_shift(values)
    if span is None or base == 0:
        return None
    shift = observed[span[0]:span[1] + 1]
    if has_bed_days:
        latest = 1000 * sum(data[p][0] for p in shift) / sum(data[p][1] for p in shift)
    else:
        latest = sum(data[p][0] for p in shift) / len(shift)
    return 100 * (latest - base) / base


def evaluate_ward(key, data, opts, intervention, has_bed_days):
    trust, ward, measure = key
    periods = sorted(data)
    multiplier = 1000.0 if has_bed_days else 1.0
    record = OrderedDict([("trust", trust), ("ward", ward), ("measure", measure)])
    windows = choose_windows(periods, opts, intervention)
    if windows is None:
        record.update(baseline=None, comparison=None, rate_ratio=None, rate_ratio_ci95=None, change_percent=None,
                      change_ci95=None, reduction_percent=None, reduction_ci95=None, verdict="insufficient_data",
                      its=None)
        record["_evaluated"] = False
        return record
    baseline, comparison = windows
    # a window without an observed period has no figures (null), and the ward no ratio
    b = window_summary(periods, data, baseline, has_bed_days, multiplier) if baseline else None
    c = window_summary(periods, data, comparison, has_bed_days, multiplier) if comparison else None
    record["baseline"] = b
    record["comparison"] = c
    o_b, t_b = (b["count"], b["exposure"]) if b else (0, 0)
    o_c, t_c = (c["count"], c["exposure"]) if c else (0, 0)
    if o_b > 0 and t_b > 0 and t_c > 0:
        rr = (o_c / t_c) / (o_b / t_b)
        rr_lo, rr_hi = exact_rate_ratio_ci(o_c, t_c, o_b, t_b)
        record.update(ratio_fields(rr, rr_lo, rr_hi))
        record["verdict"] = verdict(o_b, o_c, rr, (rr_lo, rr_hi), opts.benchmark, opts.min_incidents)
    else:
        for name in ("rate_ratio", "rate_ratio_ci95", "change_percent", "change_ci95", "reduction_percent",
                     "reduction_ci95"):
            record[name] = None
        record["verdict"] = "insufficient_data"
    if intervention is not None:
        record["centre_change_percent"] = centre_change(periods, data, baseline, intervention, has_bed_days)
    elif baseline:
        record["centre_change_percent"] = auto_rebase_centre_change(periods, data, baseline, has_bed_days)
    values = [multiplier * data[p][0] / data[p][1] if has_bed_days else float(data[p][0]) for p in periods]
    record["its"] = segmented_regression(periods, values, baseline, comparison, opts.period == "month")
    record["_evaluated"] = b is not None and c is not None
    return record


# ---------------------------------------------------------------------------------------
# Pooled

def ratio_of_totals(wards):
    ob = sum(w["baseline"]["count"] for w in wards)
    tb = sum(w["baseline"]["exposure"] for w in wards)
    oc = sum(w["comparison"]["count"] for w in wards)
    tc = sum(w["comparison"]["exposure"] for w in wards)
    if ob == 0 or tb == 0 or tc == 0:
        return None
    rr = (oc / tc) / (ob / tb)
    if oc == 0:
        # ln RR_T = −∞ has no normal interval: read as the exact conditional interval of
        # the totals (lower RR 0), and φ (no binomial variance under RR_T = 0) as null.
        _, high = exact_rate_ratio_ci(0, tc, ob, tb)
        result = ratio_fields(rr, 0.0, high)
        result["dispersion"] = None
        return result
    chi = 0.0
    k = 0
    for w in wards:
        n = w["baseline"]["count"] + w["comparison"]["count"]
        if n == 0:
            continue
        k += 1
        pi = w["comparison"]["exposure"] * rr / (w["comparison"]["exposure"] * rr + w["baseline"]["exposure"])
        expected = n * pi
        variance = n * pi * (1 - pi)
        chi += (w["comparison"]["count"] - expected) ** 2 / variance
    phi = chi / (k - 1) if k >= 2 else 1.0
    se = math.sqrt(1 / ob + 1 / oc) * math.sqrt(max(1.0, phi))
    low, high = math.exp(math.log(rr) - Z95 * se), math.exp(math.log(rr) + Z95 * se)
    result = ratio_fields(rr, low, high)
    result["dispersion"] = phi
    return result


def random_effects(wards):
    ys, vs = [], []
    for w in wards:
        ob, oc = w["baseline"]["count"], w["comparison"]["count"]
        tb, tc = w["baseline"]["exposure"], w["comparison"]["exposure"]
        if (ob == 0 and oc == 0) or tb == 0 or tc == 0:
            continue
        if ob == 0 or oc == 0:
            ob, oc = ob + 0.5, oc + 0.5
        ys.append(math.log((oc / tc) / (ob / tb)))
        vs.append(1 / ob + 1 / oc)
    k = len(ys)
    if k == 0:
        return None
    y = np.array(ys)
    v = np.array(vs)
    if k == 1:
        pooled, se, tau2, i2 = y[0], math.sqrt(v[0]), 0.0, 0.0
    else:
        w = 1 / v
        y_w = np.sum(w * y) / np.sum(w)
        q = float(np.sum(w * (y - y_w) ** 2))
        tau2 = max(0.0, (q - (k - 1)) / (np.sum(w) - np.sum(w ** 2) / np.sum(w)))
        i2 = 0.0 if q == 0 else max(0.0, (q - (k - 1)) / q)
        w_star = 1 / (v + tau2)
        pooled = float(np.sum(w_star * y) / np.sum(w_star))
        se = 1 / math.sqrt(np.sum(w_star))
    rr = math.exp(pooled)
    low, high = math.exp(pooled - Z95 * se), math.exp(pooled + Z95 * se)
    result = ratio_fields(rr, low, high)
    result["tau2"] = float(tau2)
    result["i2"] = float(i2)
    return result


def benchmark_key(value):
    return str(int(value)) if float(value).is_integer() else repr(float(value))


VERDICTS = ["insufficient_data", "significant_increase", "exceeds", "meets", "below", "significant_reduction",
            "no_clear_change"]


def pooled_verdict(evaluated, totals, benchmark, min_incidents):
    """The ward rules on the ratio of totals and its interval (DESIGN §4.4)."""
    if not evaluated:
        return "insufficient_data"
    ob = sum(w["baseline"]["count"] for w in evaluated)
    oc = sum(w["comparison"]["count"] for w in evaluated)
    if totals is None:
        return "insufficient_data"
    return verdict(ob, oc, totals["rate_ratio"], totals["rate_ratio_ci95"], benchmark, min_incidents)


def pooled(wards, benchmark, min_incidents):
    evaluated = [w for w in wards if w["_evaluated"]]
    reductions = [w["reduction_percent"] for w in evaluated if w["reduction_percent"] is not None]
    record = OrderedDict()
    # `wards` counts every ward of the group, evaluated or not (one with fewer than 8
    # observed periods is listed with null figures); the figures below use the
    # evaluated ones.
    record["wards"] = len(wards)
    # wards whose reduction estimate is defined, whether it is a fall or not
    record["wards_with_estimate"] = len(reductions)
    totals = ratio_of_totals(evaluated) if evaluated else None
    record["verdict"] = pooled_verdict(evaluated, totals, benchmark, min_incidents)
    record["wards_by_verdict"] = OrderedDict(
        (name, sum(1 for w in wards if w["verdict"] == name)) for name in VERDICTS
        if any(w["verdict"] == name for w in wards))
    record["ratio_of_totals"] = totals
    record["mean_reduction_percent"] = float(np.mean(reductions)) if reductions else None
    record["median_reduction_percent"] = float(np.median(reductions)) if reductions else None
    record["random_effects"] = random_effects(evaluated)
    thresholds = [15.0, 25.0, 100.0]
    if benchmark not in thresholds:
        thresholds.append(float(benchmark))
    reaching = OrderedDict()
    for threshold in sorted(thresholds):
        reaching[benchmark_key(threshold)] = sum(1 for r in reductions if r >= threshold)
    record["wards_reaching"] = reaching
    return record


# ---------------------------------------------------------------------------------------

def evaluate(opts):
    series, has_bed_days = read_long(opts.file)
    events = read_events(opts.events) if opts.events else []
    wards = []
    for key in sorted(series):
        intervention = intervention_of(events, key[0], key[1])
        wards.append(evaluate_ward(key, series[key], opts, intervention, has_bed_days))
    trusts = []
    by_trust = defaultdict(list)
    by_measure = defaultdict(list)
    for w in wards:
        by_trust[(w["trust"], w["measure"])].append(w)
        by_measure[w["measure"]].append(w)
    for (trust, measure), members in sorted(by_trust.items()):
        record = OrderedDict([("trust", trust), ("measure", measure)])
        record.update(pooled(members, opts.benchmark, opts.min_incidents))
        trusts.append(record)
    programme = []
    for measure, members in sorted(by_measure.items()):
        record = OrderedDict([("measure", measure)])
        record.update(pooled(members, opts.benchmark, opts.min_incidents))
        programme.append(record)
    for w in wards:
        del w["_evaluated"]
    return OrderedDict([("schema", "wardspc/evaluation@2"), ("benchmark", opts.benchmark),
                        ("min_incidents", opts.min_incidents),
                        ("wards", wards), ("trusts", trusts), ("programme", programme)])


# ---------------------------------------------------------------------------------------
# Comparison of two evaluation JSON files

def compare(expected, actual, tolerance=1e-6):
    """Every number (and string, and null) of `expected` must be in `actual` at the same
    place; numbers within `tolerance` relative (absolute below 1). Lists of wards, trusts
    and programme rows are matched by their keys. Returns (mismatches, max_relative, n)."""
    mismatches = []
    worst = [0.0, 0]

    def key_of(row):
        return tuple(row.get(k) for k in ("trust", "ward", "measure", "subtype", "context"))

    def walk(e, a, path):
        if isinstance(e, dict):
            if not isinstance(a, dict):
                mismatches.append(f"{path}: expected an object, got {a!r}")
                return
            for k, v in e.items():
                if k not in a:
                    mismatches.append(f"{path}.{k}: missing")
                else:
                    walk(v, a[k], f"{path}.{k}")
        elif isinstance(e, list):
            if not isinstance(a, list) or len(a) != len(e):
                mismatches.append(f"{path}: expected a list of {len(e)}, got {a!r:.200}")
                return
            if e and isinstance(e[0], dict) and "measure" in e[0]:
                actual_rows = {key_of(r): r for r in a}
                for r in e:
                    k = key_of(r)
                    if k not in actual_rows:
                        mismatches.append(f"{path}[{k}]: missing")
                    else:
                        walk(r, actual_rows[k], f"{path}[{'/'.join(str(x) for x in k if x)}]")
            else:
                for i, (x, y) in enumerate(zip(e, a)):
                    walk(x, y, f"{path}[{i}]")
        elif isinstance(e, bool) or isinstance(e, str) or e is None:
            if e != a:
                mismatches.append(f"{path}: expected {e!r}, got {a!r}")
        else:
            if not isinstance(a, (int, float)) or isinstance(a, bool):
                mismatches.append(f"{path}: expected {e!r}, got {a!r}")
                return
            worst[1] += 1
            if math.isinf(e) or math.isinf(a):
                if e != a:
                    mismatches.append(f"{path}: expected {e!r}, got {a!r}")
                return
            difference = abs(a - e) / max(abs(e), 1.0)
            worst[0] = max(worst[0], difference)
            if difference > tolerance:
                mismatches.append(f"{path}: expected {e!r}, got {a!r} (relative {difference:.2e})")

    walk(expected, actual, "")
    return mismatches, worst[0], worst[1]


def parser():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--events")
    parser.add_argument("--baseline-until", type=parse_date)
    parser.add_argument("--baseline-weeks", type=int)
    parser.add_argument("--from", dest="from_date", type=parse_date)
    parser.add_argument("--to", dest="to_date", type=parse_date)
    parser.add_argument("--provisional", type=int, default=0)
    parser.add_argument("--benchmark", type=float, default=15.0)
    parser.add_argument("--min-incidents", type=int, default=10)
    parser.add_argument("--period", choices=["week", "month"], default="week")
    parser.add_argument("--compare", nargs=2, metavar=("EXPECTED", "ACTUAL"))
    return parser


def parse(argv):
    opts = parser().parse_args(argv)
    if opts.benchmark.is_integer():
        opts.benchmark = int(opts.benchmark)
    return opts


def main(argv):
    opts = parse(argv)
    if opts.compare:
        with open(opts.compare[0]) as e, open(opts.compare[1]) as a:
            mismatches, worst, numbers = compare(json.load(e), json.load(a))
        for line in mismatches[:50]:
            print(line)
        print(f"{numbers} numbers compared, {len(mismatches)} mismatches, "
              f"max relative difference {worst:.3e}")
        return 1 if mismatches else 0
    result = evaluate(opts)
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
