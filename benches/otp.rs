//! TOTP codes per second: credview against totp-rs, per hash, with the RFC 6238 seeds.
//!
//! `cargo bench --bench otp`

use std::hint::black_box;
use std::time::Duration;

use credview::otp::{Algorithm, Params, Secret, Timestamp, Totp};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// RFC 6238 Appendix B, T = 1111111109: the 8-digit code for each hash.
const TIME: u64 = 1_111_111_109;

fn seed(len: usize) -> Vec<u8> {
    b"1234567890".iter().copied().cycle().take(len).collect()
}

fn codes(c: &mut Criterion) {
    let cases = [
        (
            "SHA1",
            Algorithm::Sha1,
            totp_rs::Algorithm::SHA1,
            20,
            "07081804",
        ),
        (
            "SHA256",
            Algorithm::Sha256,
            totp_rs::Algorithm::SHA256,
            32,
            "68084774",
        ),
        (
            "SHA512",
            Algorithm::Sha512,
            totp_rs::Algorithm::SHA512,
            64,
            "25091201",
        ),
    ];
    for (name, algorithm, reference, len, expected) in cases {
        let secret = Secret::from_bytes(seed(len));
        let params = Params::new(algorithm, 8, 30).unwrap();
        // Built once per secret, as the app does.
        let totp = Totp::new(&secret, params);
        let other = totp_rs::Builder::new()
            .with_algorithm(reference)
            .with_digits(8)
            .with_step_duration(30)
            .with_secret(seed(len))
            .build()
            .unwrap();
        // Both sides must compute the same thing before their speed means anything.
        assert_eq!(totp.code(Timestamp::from_secs(TIME)).to_string(), expected);
        assert_eq!(other.generate(TIME).to_string(), expected);

        let mut group = c.benchmark_group(format!("totp/{name}"));
        group.throughput(Throughput::Elements(1));
        group.bench_function("credview", |b| {
            b.iter(|| black_box(&totp).code(black_box(Timestamp::from_secs(TIME))))
        });
        group.bench_function("totp-rs", |b| {
            b.iter(|| black_box(&other).generate(black_box(TIME)))
        });
        group.bench_function("credview-cold", |b| {
            b.iter(|| {
                Totp::new(black_box(&secret), black_box(params))
                    .code(black_box(Timestamp::from_secs(TIME)))
            })
        });
        group.finish();
    }
}

/// Short runs, and no plots: drawing them takes longer than measuring. Command-line flags
/// (`--measurement-time`, `--warm-up-time`) still override these.
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
}

criterion_group! {
    name = benches;
    config = config();
    targets = codes
}
criterion_main!(benches);
