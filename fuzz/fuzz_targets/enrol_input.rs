#![no_main]

// The checks live with the tests, so `cargo test` runs the same invariants (tests/fuzz_like.rs).
#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    checks::enrol::enrol_input(data);
});
