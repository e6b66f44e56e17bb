#!/bin/sh
# Fuzzes every target for SECONDS (default 600), two at a time (one per core), on the corpora
# kept in fuzz/corpus/, then prints each run's numbers. Needs cargo-fuzz (`cargo install
# cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets a stable toolchain take its nightly flags.
#
#   sh fuzz/run.sh            # 10 minutes per target, about 40 minutes in all
#   sh fuzz/run.sh 60         # a quick pass
#
# The app_update target runs without AddressSanitizer (credview's own code has no unsafe
# code on that path, and the sanitizer would cost half its speed); all run with debug
# assertions, so an arithmetic overflow is a crash. Logs go to fuzz/logs/ (not committed);
# a crash leaves its input in fuzz/artifacts/TARGET/.
set -eu
cd "$(dirname "$0")"
secs=${1:-600}
export RUSTC_BOOTSTRAP=1
mkdir -p logs

flags() {
    if [ "$1" = app_update ]; then
        echo "-O -a -s none --target-dir target-none"
    else
        echo "-O -a"
    fi
}

# A script of up to 64 messages needs a few hundred bytes from the start.
lengths() {
    if [ "$1" = app_update ]; then
        echo "-max_len=1024 -len_control=0"
    else
        echo "-max_len=4096"
    fi
}

lane() {
    for target in "$@"; do
        # shellcheck disable=SC2046
        nice -n 10 cargo fuzz run $(flags "$target") "$target" -- \
            -max_total_time="$secs" -timeout=10 $(lengths "$target") -print_final_stats=1 \
            > "logs/$target.log" 2>&1 || echo "$target: FAILED, see fuzz/logs/$target.log"
    done
}

for target in vault_parse secret_base32 key_uri template_render qr_image enrol_input; do
    # shellcheck disable=SC2046
    cargo fuzz build $(flags "$target") "$target"
done
# shellcheck disable=SC2046
cargo fuzz build $(flags app_update) app_update

lane app_update secret_base32 template_render enrol_input &
lane vault_parse key_uri qr_image
wait

for target in app_update vault_parse secret_base32 key_uri template_render qr_image enrol_input; do
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "logs/$target.log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "logs/$target.log")
    found=$(grep -c "panicked\|ERROR: libFuzzer" "logs/$target.log" || true)
    files=$(find "corpus/$target" -type f | wc -l)
    echo "$target: ${runs:-?} runs in ${secs} s (${rate:-?}/s), $files corpus files, $found failures"
done
