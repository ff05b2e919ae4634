#!/usr/bin/env python3
"""Issue 15's measurement, in one go: `rulecheck batch` on a generated roster against `cat`.

    python3 Benchmarks/scripts/batch-vs-cat.py [--rows 1000000] [--runs 11] [--binary B] [--before B] [--rules T]

1. Alternating runs, the file in the page cache: `batch ROSTER --as-of ... | cat > /dev/null`
   (default --jobs, --jobs 1, and the --before build) beside `cat ROSTER ROSTER | cat > /dev/null`
   (about as many bytes as batch writes, through the same pipe); medians of wall and CPU time
   (user + system of every process of the pipeline), and their ratios to cat's. Then `batch --output FILE` (which fsyncs) and the fsync of a file of the
   output's size alone, reported apart.
2. Peak resident memory of `batch` (`/usr/bin/time -v`).
3. Instructions per row under `valgrind --tool=callgrind` (user space only, so no write
   system call is counted), for --binary and, if given, --before (a build without --jobs):
   the cost of one more row, (total for 2N rows − total for N rows) / N with N = --callgrind-rows
   (default 100,000), so start-up, table loading and the memo's first decisions cancel out (the
   issue's figure); and, beside it, (total for N rows − total for the header alone) / N, which
   includes filling the memo. Then the functions of the --binary run that cost the most.
The machine's load (`uptime`) is printed before and after: quote ratios, not absolute times.
Needs a release build (`swift build -c release --product rulecheck`) and valgrind. Valgrind 3.19
(Debian 12) cannot read the DWARF 5 debug information clang writes for the C target
`CRosterRows`, so callgrind runs a copy of each binary without debug information (`strip
--strip-debug`: the symbols stay, and the instructions are the same).
"""

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def sh(command):
    """Runs a shell pipeline; returns (wall seconds, CPU seconds of its processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["bash", "-c", command], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def callgrind_total(binary, roster, jobs, out, rules):
    args = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "batch", roster,
            "--as-of", "2026-01-15"] + (["--rules", rules] if rules else [])
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as handle:
        for line in handle:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    raise RuntimeError("no totals in " + out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--callgrind-rows", type=int, default=100_000)
    parser.add_argument("--binary", default=".build/release/rulecheck")
    parser.add_argument("--before", help="a build from before issue 15, for the callgrind comparison")
    parser.add_argument("--jobs", type=int, help="--jobs for the timed runs (default: the binary's own)")
    parser.add_argument("--rules", help="--rules for every batch run (a table both builds read)")
    options = parser.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    binary = os.path.abspath(options.binary)
    rules = f" --rules {os.path.abspath(options.rules)}" if options.rules else ""
    jobs = f" --jobs {options.jobs}" if options.jobs else ""
    folder = tempfile.mkdtemp(prefix="batch-vs-cat-")
    roster = os.path.join(folder, "roster.csv")
    subprocess.run([binary, "generate-roster", "--rows", str(options.rows), "--output", roster], check=True,
                   stdout=subprocess.DEVNULL)
    size = os.path.getsize(roster)
    print(f"roster: {options.rows:,} rows, {size / 1e6:.1f} MB; binary {binary}; cores {os.cpu_count()}")
    print("load before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())

    batch = f"{binary} batch {roster} --as-of 2026-01-15{rules}{jobs} | cat > /dev/null"
    commands = {"cat": f"cat {roster} {roster} | cat > /dev/null", "batch": batch,
                "batch --jobs 1": f"{binary} batch {roster} --as-of 2026-01-15{rules} --jobs 1 | cat > /dev/null"}
    if options.before:
        commands["before"] = f"{os.path.abspath(options.before)} batch {roster} --as-of 2026-01-15{rules} | cat > /dev/null"
    for command in commands.values():
        sh(command)  # warm the page cache and the binaries
    times = {name: [] for name in commands}
    for _ in range(options.runs):
        for name, command in commands.items():
            times[name].append(sh(command))
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in times.items()}
    cat_wall, cat_cpu = medians["cat"]
    for name, (wall, cpu) in medians.items():
        print(f"{name:15}: median wall {wall * 1000:7.1f} ms, CPU {cpu * 1000:7.1f} ms ({options.runs} runs); "
              f"÷ cat: wall {wall / cat_wall:.2f}x, CPU {cpu / cat_cpu:.2f}x")

    output = os.path.join(folder, "out.csv")
    to_file = [sh(f"{binary} batch {roster} --as-of 2026-01-15{rules}{jobs} --output {output}")[0] for _ in range(3)]
    written = os.path.getsize(output)
    syncs = []
    for _ in range(3):
        sample = os.path.join(folder, "sync.bin")
        with open(sample, "wb") as handle:
            handle.write(os.urandom(1 << 20) * (written >> 20))
            handle.flush()
            start = time.perf_counter()
            os.fsync(handle.fileno())
            syncs.append(time.perf_counter() - start)
        os.remove(sample)
    print(f"batch --output FILE (with fsync): median {statistics.median(to_file) * 1000:.1f} ms; "
          f"fsync of {written / 1e6:.0f} MB alone: median {statistics.median(syncs) * 1000:.1f} ms")

    peak = subprocess.run(["bash", "-c", f"/usr/bin/time -v {binary} batch {roster} --as-of 2026-01-15{rules}{jobs} "
                           "2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'"],
                          capture_output=True, text=True, check=True).stdout.strip()
    print(f"peak resident memory: {int(peak) / 1024:.1f} MiB")
    print("load after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())

    small = os.path.join(folder, "small.csv")
    double = os.path.join(folder, "double.csv")
    header = os.path.join(folder, "header.csv")
    for path, rows in [(small, options.callgrind_rows), (double, 2 * options.callgrind_rows)]:
        subprocess.run([binary, "generate-roster", "--rows", str(rows), "--output", path],
                       check=True, stdout=subprocess.DEVNULL)
    with open(small) as handle, open(header, "w") as out:
        out.write(handle.readline())
    def without_debug_info(path, name):
        copy = os.path.join(folder, name)
        subprocess.run(["strip", "--strip-debug", "-o", copy, path], check=True)
        return copy

    binary = without_debug_info(binary, "rulecheck-after")
    builds = [("after, --jobs 1", binary, 1), ("after, --jobs 2", binary, 2)]
    if options.before:
        builds.insert(0, ("before", without_debug_info(os.path.abspath(options.before), "rulecheck-before"), None))
    profile = os.path.join(folder, "profile.out")
    for name, build, build_jobs in builds:
        rules_path = os.path.abspath(options.rules) if options.rules else None
        total = callgrind_total(build, small, build_jobs, profile, rules_path)
        doubled = callgrind_total(build, double, build_jobs, profile + ".double", rules_path)
        base = callgrind_total(build, header, build_jobs, profile + ".base", rules_path)
        rows = options.callgrind_rows
        print(f"callgrind {name}: {(doubled - total) / rows:.0f} instructions per row "
              f"(one more row: {doubled:,} for {2 * rows:,} rows less {total:,} for {rows:,}); "
              f"{(total - base) / rows:.0f} with the memo's filling ({base:,} for the header alone)")
    # The row loop alone: callgrind collects only inside RosterProcessor.decideRows.
    loop = os.path.join(folder, "loop.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={loop}", "--toggle-collect=*decideRows*",
                    binary, "batch", small, "--as-of", "2026-01-15", "--jobs", "1"]
                   + (["--rules", os.path.abspath(options.rules)] if options.rules else []),
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    annotated = subprocess.run(["callgrind_annotate", "--threshold=99", loop], capture_output=True,
                               text=True).stdout
    total = next(int(line.split()[0].replace(",", "")) for line in annotated.splitlines()
                 if line.strip().endswith("PROGRAM TOTALS"))
    print(f"row loop alone (--jobs 1): {total / options.callgrind_rows:.0f} instructions per row; "
          "self cost per function, per row:")
    names = []
    for line in annotated.splitlines():
        match = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(.*)", line)
        if match and "PROGRAM TOTALS" not in line and len(names) < 20:
            names.append((int(match.group(1).replace(",", "")), match.group(3)))
    demangled = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(n for _, n in names),
                               capture_output=True, text=True).stdout.splitlines()
    for (count, _), name in zip(names, demangled):
        print(f"  {count / options.callgrind_rows:7.1f}  {name[:140]}")
    subprocess.run(["rm", "-rf", folder])


if __name__ == "__main__":
    sys.exit(main())
