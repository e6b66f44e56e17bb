#!/usr/bin/env python3
"""credview at scale, side by side with fzf and oathtool on the same data, in one run.

For each vault size (100k credentials by default) it times, over --repeat alternating runs:

  start     from exec to the first full frame: the screen shows the last visible row of the
            first page (credview's list; fzf's item list, from `fzf < rows-N.txt`)
  keys      each keystroke of --query typed one at a time (credview after `/`), from the
            write to the screen showing the key ("key shown") and to the screen the key leads
            to, once output has settled ("key done"; "slowest": the worst key of all runs)
  burst     the whole --query written at once (a paste, a fast typist: one read gets every
            key), after clearing the filter, to the screen it leads to once output settles
  memory    peak RSS (VmHWM) of credview after the keystrokes, against the vault file's size
            (judged from 100k credentials up; below, the program's own few MiB dominate), on
            the pretty-printed vault and on the same credentials as compact JSON (short lines,
            no indentation: the file is smallest against what it holds)

and for each of --code-sizes (20, 1,000 and 100,000 credentials), `credview code ID` as a
whole process against `oathtool --totp -b SECRET`: wall and CPU time (both judged), with
credview's audit log on (the default, judged) and with --no-audit: 5 x --repeat alternating
runs of each from 1,000 credentials up, --small-runs (500) below, where a whole run is a
millisecond or two and 25 runs left the medians at the mercy of the host.

The binaries run in a COLS x ROWS pseudo-terminal; their output is recorded with the time of
each read and replayed afterwards through pyte (a VT100 screen), so reading the screen costs
nothing inside the timings. Medians, ratios and the goals of the issue are printed; the
script exits 1 when a goal is missed, 2 when it cannot run.

    python3 bench/scale.py                        # install what is missing, build, measure
    python3 bench/scale.py --repeat 9 --sizes 1000,100000,1000000 --query root

Needs Linux and Python 3. Installs fzf and oathtool with apt-get when they are missing, and
pyte into target/bench-venv.
"""

import argparse
import json
import os
import pwd
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scaleterm import COLS, ROWS, Term, ensure_pyte  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "target", "scale-data")
BINARY = os.path.join(ROOT, "target", "release", "credview")
BASELINE = None  # --baseline: another credview, measured alongside
GEN = os.path.join(ROOT, "target", "release", "examples", "gen_vault")

GOAL_START = 0.5  # credview / fzf, at most
GOAL_KEYS = 1.0
GOAL_FIRST_KEY = 0.5  # the first key searches every credential
GOAL_BURST = 0.5
GOAL_MEMORY = 1.5  # peak RSS / vault file size, at most (100k)
GOAL_MEMORY_1M = 1.1
GOAL_CODE = 1.5  # credview code / oathtool, at most, with the audit record
GOAL_CODE_QUIET = 1.2  # the same with --no-audit
GOAL_CODE_BIG = 0.030  # seconds, from 100k credentials up


def ensure_tools():
    missing = [tool for tool in ("fzf", "oathtool") if shutil.which(tool) is None]
    if not missing:
        return
    packages = {"fzf": "fzf", "oathtool": "oathtool"}
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"installing {', '.join(missing)} with apt-get ...", file=sys.stderr)
    # Its progress goes with the script's own notes, not among the figures.
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=False, stdout=sys.stderr)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq"] + [packages[m] for m in missing],
                   check=True, stdout=sys.stderr)


def build():
    print("cargo build --release ...", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--bin", "credview", "--example", "gen_vault"],
                   cwd=ROOT, check=True)


def generate(sizes):
    os.makedirs(DATA, exist_ok=True)
    os.chmod(DATA, 0o700)  # else credview warns that others can open the vault's folder
    todo = [n for n in sizes if not (os.path.exists(vault_path(n)) and os.path.exists(rows_path(n)))]
    if todo:
        subprocess.run([GEN, DATA] + [str(n) for n in todo], check=True, stdout=subprocess.DEVNULL)


def vault_path(n, compact=False):
    return os.path.join(DATA, f"vault-{n}{'-compact' if compact else ''}.json")


def write_compact(n):
    """The same credentials as vault-N.json, as compact JSON (no indentation, no spaces)."""
    if os.path.exists(vault_path(n, True)):
        return
    with open(vault_path(n)) as f:
        vault = json.load(f)
    fd = os.open(vault_path(n, True), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(vault, f, separators=(",", ":"), ensure_ascii=False)


def rows_path(n):
    return os.path.join(DATA, f"rows-{n}.txt")


def first_lines(n, count):
    with open(rows_path(n)) as f:
        return [f.readline().rstrip("\n") for _ in range(count)]


def credview_last_row(n):
    """What the last row of credview's first page starts with: a device header or an id."""
    body = ROWS - 4  # title, column header, status line, footer
    shown, host = 0, None
    for line in first_lines(n, body):
        fields = line.split(" ")
        if fields[2] != host:
            host = fields[2]
            shown += 1
            if shown == body:
                return f"{fields[2]} ({fields[3]})"
        shown += 1
        if shown == body:
            return f"  {fields[0]} "
    return None


def fzf_last_row(n):
    """fzf lists bottom-up: the first page's last item is on the top line."""
    lines = first_lines(n, ROWS - 2)
    return lines[-1][: COLS - 4] if len(lines) == ROWS - 2 else None


def app_env(home):
    user = os.environ.get("USER") or pwd.getpwuid(os.getuid()).pw_name
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "USER": user,  # as a login shell has it (else each audit record looks the name up)
        "LOGNAME": user,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "FZF_DEFAULT_OPTS": "",
    }


def session(kind, n, query, home, compact=False):
    """One run of one app: start time, keystroke times, burst time, peak RSS."""
    if kind in ("credview", "baseline"):
        binary = BINARY if kind == "credview" else BASELINE
        argv = [binary, "--vault", vault_path(n, compact), "--audit",
                os.path.join(home, "audit.jsonl")]
        row, needle, stdin = ROWS - 3, credview_last_row(n), None
        # The title shows the count once the whole vault is in.
        loaded = lambda screen: screen[0].rstrip().endswith(f" {n} credentials")
    else:
        argv = [shutil.which("fzf")]
        row, needle, stdin = 0, fzf_last_row(n), rows_path(n)
        loaded = lambda screen: any(f"{n}/{n}" in line for line in screen)
    term = Term(argv, app_env(home), stdin)
    try:
        term.pump_until(lambda screen: needle in screen[row], timeout=60)
        start = term.first_time(lambda screen: needle in screen[row]) - term.started
        term.settle(loaded, quiet=0.5, timeout=120)
        if kind != "fzf":
            term.type_and_settle(b"/")
        prompt = "> " if kind == "fzf" else "/ "
        keys = []
        for i, ch in enumerate(query):
            shown = prompt + query[: i + 1]
            keys.append(term.type_and_settle(
                ch.encode(), lambda screen: any(line.rstrip().endswith(shown) for line in screen)))
        # Ctrl-U empties the query in both; then the whole query arrives in one write.
        term.type_and_settle(b"\x15")
        burst, _ = term.type_and_settle(query.encode())
        peak = term.peak_rss()
    finally:
        term.close(b"\x1b" if kind == "fzf" else b"\x1bq")
    return start, keys, burst, peak


def totp_credential(n):
    """The first credential with an object-form SHA1/6/30 TOTP, as oathtool takes it."""
    with open(vault_path(n)) as f:
        vault = json.load(f)
    for c in vault["credentials"]:
        totp = c.get("totp")
        access = c.get("access", {})
        if (isinstance(totp, dict) and totp.get("algorithm", "SHA1") == "SHA1"
                and totp.get("digits", 6) == 6 and totp.get("period", 30) == 30
                and (access.get("view_password", True) or access.get("start_session", True))):
            return c["id"], totp["secret"]
    raise RuntimeError("no SHA1/6/30 credential in the vault")


def spawn_time(argv, env):
    """Wall and CPU time (user + system) of one whole process, stdout to /dev/null."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        begin = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, env, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - begin
    finally:
        os.close(null)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv} failed")
    return elapsed, usage.ru_utime + usage.ru_stime


def code_runs(n, runs, home):
    """Medians of wall and CPU time: oathtool, credview code, credview code --no-audit."""
    ident, secret = totp_credential(n)
    env = app_env(home)
    oath = [shutil.which("oathtool"), "--totp", "-b", secret]
    audit = [BINARY, "--vault", vault_path(n), "--audit", os.path.join(home, "audit.jsonl"),
             "code", str(ident)]
    quiet = [BINARY, "--vault", vault_path(n), "--no-audit", "code", str(ident)]
    for _ in range(2):  # a step boundary may fall between the two; once more settles it
        same = {subprocess.run(argv, env=env, capture_output=True, text=True).stdout.strip()
                for argv in (oath, quiet)}
        if len(same) == 1:
            break
    else:
        raise RuntimeError(f"credview and oathtool disagree: {same}")
    named = [("oathtool", oath), ("credview code", audit), ("credview code --no-audit", quiet),
             ("credview uri --no-audit", quiet[:-2] + ["uri", str(ident)])]
    if os.path.exists(vault_path(n, True)):
        compact = [BINARY, "--vault", vault_path(n, True), "--no-audit", "code", str(ident)]
        named.append(("code --no-audit, compact", compact))
    if BASELINE:  # the same commands of the other build, not judged
        named += [(f"baseline {name}", [BASELINE] + argv[1:])
                  for name, argv in list(named) if argv[0] == BINARY]
    times = {name: [] for name, _ in named}
    for r in range(runs):
        for name, argv in named if r % 2 == 0 else reversed(named):
            times[name].append(spawn_time(argv, env))
    return {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
            for name, values in times.items()}


def ms(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def verdict(ok, text):
    print(f"{'ok  ' if ok else 'MISS'} {text}")
    return ok


def measure_size(n, args, home):
    kinds = ("credview", "fzf") + (("baseline",) if BASELINE else ())
    starts, keys, shown, firsts, bursts, peaks = ({k: [] for k in kinds} for _ in range(6))
    compact_peaks = {k: [] for k in kinds if k != "fzf"}
    for r in range(args.repeat):
        for kind in kinds if r % 2 == 0 else reversed(kinds):
            start, typed, burst, peak = session(kind, n, args.query, home)
            starts[kind].append(start)
            keys[kind].extend(settled for settled, _ in typed)
            firsts[kind].append(typed[0][0])
            shown[kind].extend(echo for _, echo in typed if echo is not None)
            bursts[kind].append(burst)
            peaks[kind].append(peak)
            print(f"  run {r + 1} {kind:<8} start {ms(start):>9}  keys "
                  + " ".join(ms(settled) for settled, _ in typed)
                  + f"  burst {ms(burst)}  peak {peak / 2**20:.0f} MiB", file=sys.stderr)
        for kind in compact_peaks if r % 2 == 0 else reversed(compact_peaks):
            *_, compact_peak = session(kind, n, args.query, home, compact=True)
            compact_peaks[kind].append(compact_peak)
    med = {k: (statistics.median(starts[k]), statistics.median(shown[k] or [0]),
               statistics.median(keys[k]), max(keys[k]), statistics.median(firsts[k]),
               statistics.median(bursts[k]), max(peaks[k])) for k in kinds}
    size = os.path.getsize(vault_path(n))
    compact = os.path.getsize(vault_path(n, True))
    rows = os.path.getsize(rows_path(n))
    print(f"\n{n} credentials: vault {size / 2**20:.1f} MiB ({compact / 2**20:.1f} MiB compact), "
          f"rows {rows / 2**20:.1f} MiB, query {args.query!r} typed a key at a time and as one "
          f"burst, {args.repeat} alternating runs, medians")
    heads = ("start", "key shown", "key done", "slowest", "first key", "burst", "peak RSS")
    print(f"{'':<10}" + "".join(f"{h:>11}" for h in heads))
    for kind, values in med.items():
        print(f"{kind:<10}" + "".join(f"{ms(v):>11}" for v in values[:6])
              + f"{values[6] / 2**20:>7.0f} MiB")
    ratios = [med["credview"][i] / med["fzf"][i] for i in range(6)]
    ratio_mem = med["credview"][6] / size
    ratio_compact = max(compact_peaks["credview"]) / compact
    print(f"{'ratio':<10}" + "".join(f"{r:>10.2f}x" for r in ratios) + f"{ratio_mem:>7.2f}x file")
    if BASELINE:
        base = [med["baseline"][i] / med["fzf"][i] for i in range(6)]
        print(f"{'baseline':<10}" + "".join(f"{r:>10.2f}x" for r in base)
              + f"{med['baseline'][6] / size:>7.2f}x file  (baseline / fzf)")
    for kind, values in compact_peaks.items():
        print(f"{kind} peak RSS on the compact vault: {max(values) / 2**20:.0f} MiB, "
              f"{max(values) / compact:.2f}x its file")
    memory_goal = GOAL_MEMORY if n < 1_000_000 else GOAL_MEMORY_1M
    goals = [
        verdict(ratios[0] <= GOAL_START, f"{n}: start <= {GOAL_START}x fzf ({ratios[0]:.2f}x)"),
        verdict(ratios[2] <= GOAL_KEYS, f"{n}: keystroke no slower than fzf ({ratios[2]:.2f}x)"),
        verdict(ratios[4] <= GOAL_FIRST_KEY,
                f"{n}: first key <= {GOAL_FIRST_KEY}x fzf ({ratios[4]:.2f}x)"),
        verdict(ratios[5] <= GOAL_BURST, f"{n}: burst <= {GOAL_BURST}x fzf ({ratios[5]:.2f}x)"),
    ]
    if n >= 100_000:
        for name, ratio in (("pretty", ratio_mem), ("compact", ratio_compact)):
            goals.append(verdict(ratio <= memory_goal,
                                 f"{n}: peak RSS <= {memory_goal:g}x the {name} vault file "
                                 f"({ratio:.2f}x)"))
    return goals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000", help="vault sizes for the screen runs")
    parser.add_argument("--code-sizes", default="20,1000,100000",
                        help="vault sizes for the code runs")
    parser.add_argument("--repeat", type=int, default=5, help="alternating runs of each app")
    parser.add_argument("--small-runs", type=int, default=500,
                        help="alternating runs of each command on vaults under 1,000 credentials")
    parser.add_argument("--query", default="backup", help="typed one character at a time")
    parser.add_argument("--no-build", action="store_true", help="use the binaries already built")
    parser.add_argument("--binary", help="the credview to measure (implies --no-build)")
    parser.add_argument("--baseline", help="another credview (say, the build before a change) "
                        "whose screen runs alternate with the others'; its figures are printed "
                        "beside, not judged")
    args = parser.parse_args()
    global BINARY, BASELINE
    if args.binary:
        BINARY, args.no_build = os.path.abspath(args.binary), True
    if args.baseline:
        BASELINE = os.path.abspath(args.baseline)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    code_sizes = [int(s.replace("_", "")) for s in args.code_sizes.split(",")]

    ensure_pyte(ROOT)
    ensure_tools()
    if not args.no_build:
        build()
    generate(sorted(set(sizes + code_sizes)))
    for n in sorted(set(sizes + [n for n in code_sizes if n >= 100_000])):
        write_compact(n)
    fzf = subprocess.run(["fzf", "--version"], capture_output=True, text=True).stdout.split()[0]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), "?")
    print(f"credview {BINARY} against fzf {fzf} and oathtool; pty {COLS}x{ROWS}; "
          f"{os.cpu_count()} CPU(s) ({cpu}); load average {os.getloadavg()[0]:.1f} at the start"
          + (f"; baseline {BASELINE}" if BASELINE else ""))

    home = tempfile.mkdtemp(prefix="credview-scale-")
    os.chmod(home, 0o700)
    goals = []
    try:
        for n in sizes:
            goals += measure_size(n, args, home)
        print(f"\ncode: whole processes, alternating runs, medians of wall and CPU time")
        print(f"{'credentials':>11}  {'command':<26}{'wall':>10}{'ratio':>8}{'cpu':>10}{'ratio':>8}")
        for n in code_sizes:
            # A start is a millisecond or two, within the host's noise: many more runs.
            runs = args.repeat * 5 if n >= 1000 else args.small_runs
            print(f"{n:>11}  ({runs} runs of each)")
            code = code_runs(n, runs, home)
            wall0, cpu0 = code["oathtool"]
            for name, (wall, cpu) in code.items():
                print(f"{n:>11}  {name:<26}{ms(wall):>10}{wall / wall0:>7.2f}x{ms(cpu):>10}{cpu / cpu0:>7.2f}x")
            # Judged on both: a busy machine can hide a slow start behind a wait for a CPU.
            if n >= 100_000:
                for name in ("credview code", "credview uri --no-audit",
                             "code --no-audit, compact"):
                    wall = code[name][0]
                    goals.append(verdict(wall <= GOAL_CODE_BIG,
                                         f"{n}: {name} within {GOAL_CODE_BIG * 1000:.0f} ms "
                                         f"({ms(wall)})"))
                continue
            for name, goal in (("credview code", GOAL_CODE),
                               ("credview code --no-audit", GOAL_CODE_QUIET)):
                wall, cpu = code[name][0] / wall0, code[name][1] / cpu0
                goals.append(verdict(max(wall, cpu) <= goal,
                                     f"{n}: {name[9:]} within {goal}x of oathtool "
                                     f"({wall:.2f}x wall, {cpu:.2f}x CPU)"))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0 if all(goals) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
