#!/usr/bin/env bash
# What asking the processor about itself costs here: one CPUID instruction (a virtual machine
# traps it to the hypervisor), and an empty C program started with and without libgcc_s.so.1
# loaded (its constructor runs a dozen of them). Needs cc and perf.
#
#     bash bench/cpuid.sh
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/cpuid.c" <<'C'
#include <cpuid.h>
#include <stdio.h>
#include <time.h>
int main(void) {
    unsigned a, b, c, d, sum = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 1000; i++) {
        __cpuid_count(7, 0, a, b, c, d);
        sum += a;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
    printf("one CPUID: %.2f us (the mean of 1,000)\n", ns / 1000 / 1000);
    return sum == 1;
}
C
echo 'int main(void) { return 0; }' > "$work/empty.c"
cc -O2 "$work/cpuid.c" -o "$work/cpuid"
cc -O2 "$work/empty.c" -o "$work/plain"
cc -O2 "$work/empty.c" -o "$work/with_gcc_s" -Wl,--no-as-needed -lgcc_s
"$work/cpuid" || true
# Alternating rounds of perf stat -r 200 (task-clock: the whole process's CPU time); medians.
for round in $(seq 9); do
    for program in plain with_gcc_s; do
        ms=$(perf stat -x, -r 200 -e task-clock "$work/$program" 2>&1 >/dev/null | cut -d, -f1)
        echo "$program $ms" >> "$work/times"
    done
done
for program in plain with_gcc_s; do
    median=$(grep "^$program " "$work/times" | cut -d' ' -f2 | sort -n | sed -n 5p)
    echo "empty C program, $program: $median ms task-clock (median of 9 rounds)"
done
