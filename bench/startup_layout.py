#!/usr/bin/env python3
"""Write link/startup.ld: the functions a start of `code` or `uri` runs, to be laid out side
by side at the start of the binary's code.

The code of a release build spans about 5 MB, and the few hundred functions a start runs are
spread across it: each first touch of a 64 KiB window of it is a page fault (about 45 of them
a start, `perf stat -e page-faults`). Placed together they take a few windows.

The functions are those valgrind's callgrind sees run in the binary for `code` and `uri`, with
and without the audit record, on a one-credential vault and on the demo vault. Their symbols
name them with a hash that changes with the toolchain, the dependencies' versions and the
build flags, so the script gives the linker each name with its hash as a wildcard: the
layout follows the code, not one build. A function renamed or added later simply stays
where the linker puts it, until this is run again.

    cargo build --release && python3 bench/startup_layout.py
    python3 bench/startup_layout.py --binary path/to/credview

Needs valgrind and nm. build.rs passes the file to the linker (see there for when).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "link", "startup.ld")
SECRET = "F63SGLW5KQUSJ4UWQ2LEHB73SNVRR7SG"
LEGACY_HASH = re.compile(r"17h[0-9a-f]{16}E")
LTO_SUFFIX = re.compile(r"\.llvm\.\d+$")
V0_CRATE_HASH = re.compile(r"Cs[0-9A-Za-z]+_")
HEADER = """\
/* The functions a start of `credview code` or `uri` runs, placed side by side before the
   rest of the code so that a start touches a few pages of it, not one in every 64 KiB of
   5 MB. Written by bench/startup_layout.py from callgrind runs; each symbol's hash is a
   wildcard. build.rs passes this file to the linker. */
SECTIONS
{
  .text.startup :
  {
"""
FOOTER = """\
  }
}
INSERT BEFORE .text;
"""


def commands(home):
    vault = os.path.join(home, "one.json")
    with open(vault, "w") as f:
        f.write('{"version":1,"credentials":[{"id":1,"username":"u",'
                f'"totp":"otpauth://totp/x?secret={SECRET}"}}]}}')
    os.chmod(vault, 0o600)
    # The demo vault has every field a credential can have: dates, a device, access rules,
    # tags, Key URIs and TOTP objects of each hash.
    demo = os.path.join(home, "demo.json")
    shutil.copyfile(os.path.join(ROOT, "assets", "demo-vault.json"), demo)
    os.chmod(demo, 0o600)
    audit = os.path.join(home, "audit.jsonl")
    return [
        ["--vault", vault, "--no-audit", "code", "1"],
        ["--vault", vault, "--audit", audit, "code", "1"],
        ["--vault", vault, "--no-audit", "uri", "1"],
    ] + [["--vault", demo, "--no-audit", command, ident]
         for command, ident in (("code", "101"), ("code", "102"), ("code", "111"),
                                ("code", "121"), ("code", "124"), ("uri", "101"))] + [
        ["--vault", demo, "--audit", audit, "code", "101"],
    ]


def called(binary, args, home, out):
    """Mangled names of every function callgrind saw run for one command."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "USER": "user",
           "LANG": "C.UTF-8"}
    subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no",
                    f"--callgrind-out-file={out}", binary, *args],
                   env=env, check=True, capture_output=True)
    names = set()
    with open(out) as f:
        for line in f:
            found = re.match(r"c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
            if found:
                names.add(found.group(1))
    return names


def pattern(symbol):
    """The input sections that may hold `symbol` (a function LLVM takes for cold is in
    `.text.unlikely.`), its hashes and link-time suffix as wildcards."""
    symbol = LTO_SUFFIX.sub("", symbol)  # present or not, as cross-module inlining went
    symbol = LEGACY_HASH.sub("17h", symbol)
    symbol = V0_CRATE_HASH.sub("Cs*_", symbol)
    return f".text.{symbol}* .text.unlikely.{symbol}*"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "credview"))
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()
    listed = subprocess.run(["nm", "--defined-only", args.binary], check=True,
                            capture_output=True, text=True).stdout
    code = {fields[2] for fields in (line.split() for line in listed.splitlines())
            if len(fields) == 3 and fields[1] in "tTwW"}
    with tempfile.TemporaryDirectory() as home:
        os.chmod(home, 0o700)
        ran = set()
        for i, argv in enumerate(commands(home)):
            ran |= called(args.binary, argv, home, os.path.join(home, f"callgrind.{i}"))
    patterns = sorted({pattern(name) for name in ran & code})
    if not patterns:
        print("no function of the binary was seen running", file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as f:
        f.write(HEADER)
        f.writelines(f"    *({p})\n" for p in patterns)
        f.write(FOOTER)
    print(f"{len(patterns)} functions written to {os.path.relpath(args.output, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
