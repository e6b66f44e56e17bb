#!/usr/bin/env python3
"""`credview import` of many Key URIs into an empty vault, timed as a whole process.

Builds the release binary, writes N (10,000 by default) distinct otpauth:// URIs (random
secrets, names with spaces, `@` and non-ASCII, mixed algorithms, digits and periods) to a
temporary folder, and runs `credview --no-audit --vault v.json import uris.txt` --repeat times
on a fresh empty vault each time. Prints the median and worst wall time, checks that every URI
became a credential and that the vault was written once (one `.bak` beside it), and exits 1
when the median misses the goal (under 1 s), 2 when it cannot run.

    python3 bench/import.py
    python3 bench/import.py --count 100000 --repeat 3
"""

import argparse
import base64
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def uris(count):
    rng = random.Random(11)
    for n in range(count):
        secret = base64.b32encode(rng.randbytes(20)).decode().rstrip("=")
        issuer = urllib.parse.quote(f"Bänk {n % 97}")
        account = urllib.parse.quote(f"user {n}@example.com")
        algorithm = ("SHA1", "SHA256", "SHA512")[n % 3]
        digits = 6 + n % 3
        period = (30, 60, 45)[n % 3]
        yield (f"otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}"
               f"&algorithm={algorithm}&digits={digits}&period={period}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT).returncode != 0:
        return 2
    binary = os.path.join(ROOT, "target", "release", "credview")
    times = []
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o700)
        source = os.path.join(folder, "uris.txt")
        with open(source, "w") as out:
            out.write("\n".join(uris(args.count)) + "\n")
        vault = os.path.join(folder, "v.json")
        for _ in range(args.repeat):
            for name in ("v.json", "v.json.bak"):
                if os.path.exists(os.path.join(folder, name)):
                    os.remove(os.path.join(folder, name))
            with open(vault, "w") as out:
                out.write('{"version": 1, "credentials": []}\n')
            os.chmod(vault, 0o600)
            start = time.perf_counter()
            run = subprocess.run([binary, "--no-audit", "--vault", vault, "import", source],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=folder,
                                 env={"PATH": os.environ.get("PATH", "")})
            times.append(time.perf_counter() - start)
            if run.returncode != 0:
                print(run.stderr.decode(), file=sys.stderr)
                return 2
            with open(vault) as f:
                written = len(json.load(f)["credentials"])
            if written != args.count:
                print(f"{written} credentials written, not {args.count}", file=sys.stderr)
                return 1
            if not os.path.exists(vault + ".bak"):
                print("no .bak: the vault was not written through the write path", file=sys.stderr)
                return 1
    median = statistics.median(times)
    print(f"import of {args.count} Key URIs, one write: median {median * 1000:.0f} ms, "
          f"worst {max(times) * 1000:.0f} ms over {args.repeat} runs")
    goal = median < 1.0
    print(f"goal (median under 1 s): {'met' if goal else 'MISSED'}")
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())
