#!/usr/bin/env python3
"""What the credview TUI costs when nobody touches it.

Runs the release binary in a pseudo-terminal of 120x40 with a test vault and measures two idle
phases, each for --seconds (10 by default):

  list     the Credentials > All list, after the first frame has settled
  details  the Details pop-up open (Enter), its countdown running, after it has settled

For each: bytes the app writes to the terminal per second; how often it writes (reads of the
pty master, and "bursts": reads less than 50 ms apart count once); voluntary context switches
per second (the main thread, as /proc/PID/status shows it, and all threads); and CPU as a
percentage of one core, from utime+stime in /proc/PID/stat (clock ticks, 10 ms each) and, more
finely, from /proc/PID/task/*/schedstat (nanoseconds) where the kernel has it.

Goals (from the issue): the idle list writes nothing; Details wakes about once a second (0.5
to 1.5 output bursts/s, and at most 1.5 voluntary context switches/s over all threads: each
sleep the process wakes from is one), writes at most 100 bytes/s and uses at most 0.2% of a
core (schedstat when available, else ticks). The script exits 1 if a goal is missed (judged on
the medians when --repeat > 1), 2 if it cannot run.

Python 3 standard library only; Linux (it reads /proc).

    python3 bench/idle.py                 # build (cargo build --release) and measure once
    python3 bench/idle.py --repeat 5      # five fresh runs, medians judged
    python3 bench/idle.py --no-build --binary target/release/credview --seconds 5
"""

import argparse
import fcntl
import glob
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VAULT = os.path.join(ROOT, "tests", "data", "e2e-vault.json")
COLS, ROWS = 120, 40
BURST_GAP = 0.050
CLK_TCK = os.sysconf("SC_CLK_TCK")

GOAL_DETAILS_BYTES = 100.0
GOAL_DETAILS_CPU = 0.2
GOAL_DETAILS_WAKES = (0.5, 1.5)


def build():
    print("cargo build --release ...", file=sys.stderr)
    result = subprocess.run(["cargo", "build", "--release", "--bin", "credview"], cwd=ROOT)
    if result.returncode != 0:
        sys.exit("error: cargo build --release failed (use --no-build --binary PATH to measure an existing binary)")


def read_file(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


class Probe:
    """Counters of one process, read from /proc."""

    def __init__(self, pid):
        self.pid = pid

    def ticks(self):
        stat = read_file(f"/proc/{self.pid}/stat")
        fields = stat.rsplit(")", 1)[1].split()
        # Fields 14 and 15 (utime, stime); `fields` starts at field 3.
        return int(fields[14 - 3]) + int(fields[15 - 3])

    def tasks(self):
        return glob.glob(f"/proc/{self.pid}/task/*")

    def sched_ns(self):
        total = 0
        for task in self.tasks():
            text = read_file(os.path.join(task, "schedstat"))
            if text is None:
                continue
            total += int(text.split()[0])
        return total

    @staticmethod
    def switches(status_text):
        for line in (status_text or "").splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                return int(line.split()[1])
        return 0

    def sample(self):
        main = self.switches(read_file(f"/proc/{self.pid}/status"))
        every = sum(self.switches(read_file(os.path.join(t, "status"))) for t in self.tasks())
        return {
            "t": time.monotonic(),
            "ticks": self.ticks(),
            "ns": self.sched_ns(),
            "vcs_main": main,
            "vcs_all": every,
            "threads": len(self.tasks()),
        }


class App:
    """credview in a pseudo-terminal of COLS x ROWS."""

    def __init__(self, binary, vault, home):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "CREDVIEW_VAULT": vault,
        }
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                os.execve(binary, [binary], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        # The child sets the size on its side before exec; setting it here too is harmless.
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.probe = Probe(pid)
        self.output = bytearray()

    def pump(self, seconds):
        """Reads all output for `seconds`; returns [(monotonic time, bytes)] per read."""
        chunks = []
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return chunks
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                data = b""
            if not data:
                raise RuntimeError("the app closed the terminal")
            chunks.append((time.monotonic(), len(data)))
            self.output += data

    def settle(self, needle, quiet, timeout):
        """Waits until `needle` has been written and then `quiet` seconds pass without output."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            chunks = self.pump(quiet)
            if needle in self.output and not chunks:
                return
        raise RuntimeError(f"no quiet moment after {needle!r} within {timeout} s")

    def send(self, data):
        os.write(self.fd, data)

    def quit(self):
        self.send(b"q")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                self.pump(0.05)
            except RuntimeError:
                pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        return None


def measure(app, seconds):
    before = app.probe.sample()
    chunks = app.pump(seconds)
    after = app.probe.sample()
    wall = after["t"] - before["t"]
    bursts = 0
    last = None
    for at, _ in chunks:
        if last is None or at - last > BURST_GAP:
            bursts += 1
        last = at
    return {
        "bytes/s": sum(n for _, n in chunks) / wall,
        "reads/s": len(chunks) / wall,
        "bursts/s": bursts / wall,
        "vcsw/s main": (after["vcs_main"] - before["vcs_main"]) / wall,
        "vcsw/s all": (after["vcs_all"] - before["vcs_all"]) / wall,
        "cpu% ticks": (after["ticks"] - before["ticks"]) / CLK_TCK / wall * 100,
        "cpu% sched": (after["ns"] - before["ns"]) / 1e9 / wall * 100 if after["ns"] else None,
        "threads": after["threads"],
    }


def run_once(binary, seconds):
    home = tempfile.mkdtemp(prefix="credview-bench-")
    try:
        vault = os.path.join(home, "vault.json")
        shutil.copy(VAULT, vault)
        os.chmod(vault, 0o600)  # else the app warns that others can read it
        app = App(binary, vault, home)
        try:
            app.settle(b"Credentials > All", quiet=1.0, timeout=15)
            listed = measure(app, seconds)
            app.send(b"\r")
            app.pump(1.5)  # the pop-up's first frame and the first countdown step
            if b"Token OTP" not in app.output:
                raise RuntimeError("Enter did not open the Details pop-up")
            details = measure(app, seconds)
        finally:
            status = app.quit()
        if status != 0:
            raise RuntimeError(f"the app exited with status {status} after q")
        return listed, details
    finally:
        shutil.rmtree(home, ignore_errors=True)


COLUMNS = ["bytes/s", "reads/s", "bursts/s", "vcsw/s main", "vcsw/s all", "cpu% ticks", "cpu% sched"]


def fmt(value):
    return "n/a" if value is None else f"{value:.3f}" if value < 10 else f"{value:.1f}"


def table(rows):
    print(f"{'phase':<14}" + "".join(f"{c:>13}" for c in COLUMNS))
    for name, row in rows:
        print(f"{name:<14}" + "".join(f"{fmt(row[c]):>13}" for c in COLUMNS))


def median(runs, column):
    values = [run[column] for run in runs if run[column] is not None]
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each idle phase")
    parser.add_argument("--repeat", type=int, default=1, help="fresh runs; the medians are judged")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "credview"))
    parser.add_argument("--no-build", action="store_true", help="do not run cargo build --release")
    args = parser.parse_args()

    if not args.no_build:
        build()
    if not os.access(args.binary, os.X_OK):
        print(f"error: no binary at {args.binary}", file=sys.stderr)
        return 2
    if not os.path.exists("/proc/self/stat"):
        print("error: this script reads /proc (Linux only)", file=sys.stderr)
        return 2

    print(f"credview idle cost: {args.binary}, pty {COLS}x{ROWS}, {args.seconds:g} s per phase, "
          f"{args.repeat} run(s), {os.cpu_count()} CPU(s), CLK_TCK {CLK_TCK}")
    lists, details = [], []
    for n in range(args.repeat):
        try:
            listed, detailed = run_once(args.binary, args.seconds)
        except (RuntimeError, OSError) as error:
            print(f"error: run {n + 1}: {error}", file=sys.stderr)
            return 2
        lists.append(listed)
        details.append(detailed)
        if args.repeat > 1:
            print(f"\nrun {n + 1} ({listed['threads']} threads)")
            table([("list idle", listed), ("details idle", detailed)])

    summary = {c: median(lists, c) for c in COLUMNS}
    summary_details = {c: median(details, c) for c in COLUMNS}
    print("\nmedians" if args.repeat > 1 else "")
    table([("list idle", summary), ("details idle", summary_details)])

    cpu = summary_details["cpu% sched"]
    if cpu is None:
        cpu = summary_details["cpu% ticks"]
    low, high = GOAL_DETAILS_WAKES
    goals = [
        ("list idle writes nothing", summary["bytes/s"] == 0, f"{fmt(summary['bytes/s'])} bytes/s"),
        (f"details writes about once a second ({low}..{high} bursts/s)",
         low <= summary_details["bursts/s"] <= high, f"{fmt(summary_details['bursts/s'])} bursts/s"),
        (f"details wakes the process about once a second (<= {high} voluntary switches/s)",
         summary_details["vcsw/s all"] <= high, f"{fmt(summary_details['vcsw/s all'])} /s, all threads"),
        (f"details writes <= {GOAL_DETAILS_BYTES:g} bytes/s",
         summary_details["bytes/s"] <= GOAL_DETAILS_BYTES, f"{fmt(summary_details['bytes/s'])} bytes/s"),
        (f"details uses <= {GOAL_DETAILS_CPU}% of a core",
         cpu <= GOAL_DETAILS_CPU, f"{fmt(cpu)} %"),
    ]
    print()
    for name, ok, value in goals:
        print(f"{'ok  ' if ok else 'MISS'} {name}: {value}")
    return 0 if all(ok for _, ok, _ in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
