//! Reading a vault: credview's validating parser against a bare `serde_json::Value` parse of
//! the same bytes, for 1k, 10k and 100k synthetic credentials (`benches/common/generate.rs`,
//! seed 42, the files `cargo run --release --example gen_vault -- DIR N` writes).
//!
//! `cargo bench --bench vault`; one group per size, throughput in bytes of vault file.

#[path = "common/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: u64 = 42;

fn parse(c: &mut Criterion) {
    for (n, label, samples, seconds) in [
        (1_000, "1k", 50, 3),
        (10_000, "10k", 20, 4),
        (100_000, "100k", 10, 5),
    ] {
        let bytes = generate::vault_json(n, SEED).into_bytes();
        // Same work checked once outside the timing: the whole vault must load.
        let vault = credview::vault::parse("bench", &bytes).expect("generated vault loads");
        assert_eq!(vault.credentials.len(), n);

        let mut group = c.benchmark_group(format!("vault_parse/{label}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.sample_size(samples);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(seconds));
        group.bench_function("credview::vault::parse", |b| {
            b.iter(|| credview::vault::parse("bench", black_box(&bytes)).unwrap())
        });
        group.bench_function("serde_json::Value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap())
        });
        group.finish();
    }
}

criterion_group!(benches, parse);
criterion_main!(benches);
