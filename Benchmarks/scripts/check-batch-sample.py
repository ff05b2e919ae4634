#!/usr/bin/env python3
"""Checks `rulecheck batch` against `rulecheck eval` on a random sample of a generated roster.

Usage: check-batch-sample.py [--rows 1000000] [--sample 1000] [--binary .build/release/rulecheck]
Run from the repository root after `swift build -c release`. Exits 1 on any difference.
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=1_000_000)
parser.add_argument("--sample", type=int, default=1000)
parser.add_argument("--seed", type=int, default=2026)
parser.add_argument("--as-of", default="2026-01-15")
parser.add_argument("--binary", default=".build/release/rulecheck")
args = parser.parse_args()

with tempfile.TemporaryDirectory() as folder:
    roster = os.path.join(folder, "roster.csv")
    output = os.path.join(folder, "out.csv")
    subprocess.run([args.binary, "generate-roster", "--rows", str(args.rows), "--seed", "7", "--output", roster], check=True)
    batch = subprocess.run([args.binary, "batch", roster, "--as-of", args.as_of, "--output", output])
    if batch.returncode not in (0, 1):
        sys.exit(f"batch failed with {batch.returncode}")
    with open(output, newline="") as handle:
        rows = list(csv.DictReader(handle))
    if len(rows) != args.rows:
        sys.exit(f"batch wrote {len(rows)} rows, expected {args.rows}")
    random.seed(args.seed)
    differences = 0
    for row in random.sample(rows, args.sample):
        as_of = row["as_of"] or args.as_of
        nr = row["nr_expires"] or "none"
        run = subprocess.run(
            [args.binary, "eval", "--ma", row["ma_expires"], "--nr", nr, "--as-of", as_of, "--format", "json"],
            capture_output=True, text=True)
        if run.returncode != 0:
            expected = {"error": run.stderr.strip()}
            if not row["error"]:
                differences += 1
                print("eval failed where batch decided:", row, expected)
            continue
        decision = json.loads(run.stdout)
        fee = decision["fee"]
        wanted = {
            "cohort": decision["cohort"],
            "status": decision["status"],
            "can_staff_ambulance": "true" if decision["can_staff_ambulance"] else "false",
            "fee": f'{fee["amount"]} {fee["currency"]}' if fee else "",
            "rule": decision["rule"]["id"],
        }
        got = {key: row[key] for key in wanted}
        if got != wanted:
            differences += 1
            print("difference:", row["id"], "batch", got, "eval", wanted)
    print(f"{args.sample} sampled rows of {args.rows}: {args.sample - differences} equal, {differences} different")
    sys.exit(1 if differences else 0)
