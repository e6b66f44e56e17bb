#!/usr/bin/env python3
"""Start-up of `credview code ID` on a one-credential vault against `oathtool --totp -b SECRET`.

The cases alternate run by run (the order reversed every other round), so that a change in
the machine's load falls on all of them alike; each run is one process started with
posix_spawn, and its CPU time (user + system, the kernel's work for it included: loading,
page faults, exit) and minor page faults come from wait4. Medians over --runs rounds, and
their ratio to oathtool, are printed. The secret is 160 bits (a shorter one prints a
warning, which loads the message catalogue). The audit case appends to an audit log in a
temporary $HOME, as bench/scale.py does, with $USER set as a login shell has it.

    python3 bench/startup.py                                  # target/release/credview
    python3 bench/startup.py --binary OLD --binary NEW --runs 2000

Exits 1 when a goal is missed (the last --binary is judged), 2 when it cannot run. Needs
oathtool.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = "F63SGLW5KQUSJ4UWQ2LEHB73SNVRR7SG"
GOAL_QUIET = 1.2  # credview code --no-audit / oathtool, CPU time, at most
GOAL_AUDIT = 1.5  # the same with the audit record


def run_once(argv, env, null):
    """CPU time (ms), wall time (ms) and minor page faults of one whole process."""
    begin = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - begin
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv} failed")
    return (usage.ru_utime + usage.ru_stime) * 1e3, wall * 1e3, usage.ru_minflt


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", action="append",
                        help="a credview build (repeatable; default target/release/credview)")
    parser.add_argument("--runs", type=int, default=1000, help="alternating runs of each case")
    args = parser.parse_args()
    binaries = args.binary or [os.path.join(ROOT, "target", "release", "credview")]
    oathtool = shutil.which("oathtool")
    if not oathtool:
        print("needs oathtool", file=sys.stderr)
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
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            for r in range(args.runs):
                for name, argv in cases if r % 2 == 0 else reversed(cases):
                    results[name].append(run_once(argv, env, null))
        finally:
            os.close(null)
    for i, binary in enumerate(binaries):
        print(f"credview #{i + 1}: {binary}" if len(binaries) > 1 else f"credview: {binary}")
    print(f"{args.runs} alternating runs of each, medians; "
          f"load average {os.getloadavg()[0]:.1f}")
    median = {name: [statistics.median(run[i] for run in values) for i in range(3)]
              for name, values in results.items()}
    base_cpu, base_wall, _ = median["oathtool"]
    print(f"{'':36} {'CPU':>9} {'÷ oathtool':>11} {'wall':>9} {'÷ oathtool':>11} {'faults':>7}")
    ratios = {}
    for name, (cpu, wall, faults) in median.items():
        ratios[name] = cpu / base_cpu
        print(f"{name:36} {cpu:6.3f} ms {cpu / base_cpu:11.2f} {wall:6.3f} ms "
              f"{wall / base_wall:11.2f} {faults:7.0f}")
    judged = list(results)[-2:]
    missed = [(name, goal) for name, goal in zip(judged, (GOAL_QUIET, GOAL_AUDIT))
              if ratios[name] > goal]
    for name, goal in missed:
        print(f"goal missed: {name} {ratios[name]:.2f}× oathtool's CPU time, goal {goal}×")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
