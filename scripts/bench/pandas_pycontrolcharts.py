#!/usr/bin/env python3
"""The comparison issue 6 measures WardSPC against: pandas reads a long-format ward file
and pycontrolcharts charts every trust x ward x measure series.

pycontrolcharts (PyPI, checked with 0.1.2) has no run/Laney charts and no NHS rule sets;
its API is one function per chart returning a DataFrame of points, limits and Nelson-rule
violations: calc_xmr(data, value_column=..., label=...), calc_u(data, value_column=...,
area_column=..., label=...), calc_c, calc_p, calc_np, calc_xbar_r/_s. Each series is
passed as its own DataFrame, as an analyst would loop over groups.

  --chart xmr   XmR of the weekly count (the issue's "XmR only" figure; default)
  --chart u     u chart of count per bed day (WardSPC's --chart u, without Laney)

Prints the number of series charted and the number of points with a rule violation, so
the work cannot be skipped. Usage: pandas_pycontrolcharts.py FILE [--chart xmr|u]
"""
import argparse
import sys

import pandas as pd
import pycontrolcharts as pcc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--chart", choices=["xmr", "u"], default="xmr")
    args = parser.parse_args()

    frame = pd.read_csv(args.file)
    series = 0
    outside = 0
    for _, group in frame.groupby(["trust", "ward", "measure"], sort=False):
        if args.chart == "xmr":
            chart = pcc.calc_xmr(group, value_column="count", label="week_start")
        else:
            chart = pcc.calc_u(group, value_column="count", area_column="bed_days", label="week_start")
        series += 1
        outside += int((chart["violations"].str.len() > 0).sum())
    print(f"{series} series charted ({args.chart}), {outside} points with a violation", file=sys.stderr)


if __name__ == "__main__":
    main()
