#!/usr/bin/env python3
"""Start-up of `credview code ID` on a one-credential vault against `oathtool --totp -b SECRET`.

Each case runs under `perf stat -r REPEAT` (task-clock: CPU time of the whole process, from
exec to exit, kernel included; page faults), the cases alternating over --rounds rounds, in
the order reversed every other round; medians of the rounds and their ratio to oathtool are
printed. The secret is 160 bits (a shorter one prints a warning, which loads the message
catalogue). The audit case appends to an audit log in a temporary $HOME, as bench/scale.py
does, with $USER set as a login shell has it.

    python3 bench/startup.py                                  # target/release/credview
    python3 bench/startup.py --binary OLD --binary NEW --rounds 9

Exits 1 when a goal is missed (the last --binary is judged), 2 when it cannot run. Needs
Linux, perf and oathtool.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = "F63SGLW5KQUSJ4UWQ2LEHB73SNVRR7SG"
GOAL_QUIET = 1.2  # credview code --no-audit / oathtool, task-clock, at most
GOAL_AUDIT = 1.5  # the same with the audit record


def perf_stat(argv, env, repeat):
    """Task-clock (ms) and page faults of argv, averaged by perf over `repeat` runs."""
    command = ["perf", "stat", "-x,", "-r", str(repeat), "-e", "task-clock,page-faults"]
    done = subprocess.run(command + argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{argv} failed: {done.stderr.strip()}")
    values = {}
    for line in done.stderr.splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[2].startswith(("task-clock", "page-faults")):
            values[fields[2].split(":")[0]] = float(fields[0])
    return values["task-clock"], values["page-faults"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", action="append",
                        help="a credview build (repeatable; default target/release/credview)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=100, help="runs per perf stat")
    args = parser.parse_args()
    binaries = args.binary or [os.path.join(ROOT, "target", "release", "credview")]
    oathtool = shutil.which("oathtool")
    if not oathtool or not shutil.which("perf"):
        print("needs oathtool and perf", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as home:
        os.chmod(home, 0o700)
        vault = os.path.join(home, "one.json")
        with open(vault, "w") as f:
            f.write('{"version":1,"credentials":[{"id":1,"username":"u",'
                    f'"totp":"otpauth://totp/x?secret={SECRET}"}}]}}')
        os.chmod(vault, 0o600)
        user = os.environ.get("USER") or "user"
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "USER": user,
               "LOGNAME": user, "LANG": "C.UTF-8", "TERM": "xterm-256color"}
        cases = [("oathtool", [oathtool, "--totp", "-b", SECRET])]
        for i, binary in enumerate(binaries):
            name = "credview" if len(binaries) == 1 else f"credview #{i + 1}"
            cases.append((f"{name} code --no-audit",
                          [binary, "--vault", vault, "--no-audit", "code", "1"]))
            cases.append((f"{name} code, audit record",
                          [binary, "--vault", vault, "--audit",
                           os.path.join(home, "audit.jsonl"), "code", "1"]))
        for _ in range(2):  # a step boundary may fall between the two; once more settles it
            codes = {subprocess.run(argv, env=env, capture_output=True, text=True).stdout
                     for _, argv in cases[:2]}
            if len(codes) == 1:
                break
        else:
            print(f"credview and oathtool disagree: {codes}", file=sys.stderr)
            return 2
        results = {name: [] for name, _ in cases}
        for r in range(args.rounds):
            for name, argv in cases if r % 2 == 0 else reversed(cases):
                results[name].append(perf_stat(argv, env, args.repeat))
    for i, binary in enumerate(binaries):
        print(f"credview #{i + 1}: {binary}" if len(binaries) > 1 else f"credview: {binary}")
    print(f"{args.rounds} alternating rounds of perf stat -r {args.repeat}, medians; "
          f"load average {os.getloadavg()[0]:.1f}")
    base = statistics.median(tc for tc, _ in results["oathtool"])
    print(f"{'':36} {'task-clock':>10} {'faults':>7} {'÷ oathtool':>11}")
    ratios = {}
    for name, values in results.items():
        clock = statistics.median(tc for tc, _ in values)
        faults = statistics.median(pf for _, pf in values)
        ratios[name] = clock / base
        print(f"{name:36} {clock:8.3f} ms {faults:7.0f} {clock / base:11.2f}")
    judged = list(results)[-2:]
    missed = [(name, goal) for name, goal in zip(judged, (GOAL_QUIET, GOAL_AUDIT))
              if ratios[name] > goal]
    for name, goal in missed:
        print(f"goal missed: {name} {ratios[name]:.2f}× oathtool, goal {goal}×")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
