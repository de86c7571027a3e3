#!/usr/bin/env python3
"""Writes a large long-format ward file for benchmarks: SERIES series x WEEKS weeks.

Deterministic (fixed seed). Rows are grouped by series and sorted by week, the way
trust exports arrive. Usage: scripts/generate_big_csv.py --series 10000 --out big.csv
"""
import argparse
import datetime
import math
import random

MEASURES = ["restraint", "seclusion", "rapid_tranquillisation", "self_harm", "awol"]


def poisson(rng, lam):
    if lam < 30:
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= rng.random()
            if p <= limit:
                return k
            k += 1
    return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--series", type=int, default=10_000)
    parser.add_argument("--weeks", type=int, default=156)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime.date(2023, 1, 2)
    weeks = [(start + datetime.timedelta(days=7 * w)).isoformat() for w in range(args.weeks)]
    wards = (args.series + len(MEASURES) - 1) // len(MEASURES)
    written = 0
    with open(args.out, "w", newline="") as out:
        out.write("trust,ward,measure,week_start,count,bed_days\n")
        for ward in range(wards):
            trust = f"R{ward // 40:03d}"
            name = f"W{ward:05d}"
            beds = rng.randint(10, 24)
            bed_days = [max(1, round(beds * 7 * rng.uniform(0.75, 1.0))) for _ in weeks]
            for measure in MEASURES:
                if written == args.series:
                    break
                rate = rng.uniform(0.5, 40.0) / 1000.0
                lines = []
                for week, days in zip(weeks, bed_days):
                    lines.append(f"{trust},{name},{measure},{week},{poisson(rng, rate * days)},{days}\n")
                out.write("".join(lines))
                written += 1


if __name__ == "__main__":
    main()
