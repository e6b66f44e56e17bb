//! Deterministic synthetic vaults for benchmarks and scripts.
//!
//! `vault_json(n, seed)` is a vault file of `n` credentials in the demo vault's layout;
//! `rows_text(n, seed)` is the same credentials, one line each, as
//! `id username hostname ip domain tags additional` (the fields the list filter searches;
//! `-` for an empty one, tags joined by commas, `additional` runs to the end of the line).
//! The same `(n, seed)` always gives the same bytes, on every platform.
//!
//! Included with `#[path]` by `benches/vault.rs` and `examples/gen_vault.rs`; no dependencies.

#![allow(dead_code)]

use std::fmt::Write;

/// xorshift64* seeded through splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Self(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform enough in `0..n` for small `n`.
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() >> 32) * n) >> 32
    }

    fn range(&mut self, low: u64, high_inclusive: u64) -> u64 {
        low + self.below(high_inclusive - low + 1)
    }

    /// True with probability `1 / n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// RFC 4648 base32, upper case, no padding.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u64, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u64::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

struct Kind {
    prefix: &'static str,
    roles: &'static [&'static str],
    device_type: &'static str,
    vendors: &'static [&'static str],
    windows: bool,
    users: &'static [&'static str],
    credential_types: &'static [&'static str],
    tags: &'static [&'static str],
}

const KINDS: &[Kind] = &[
    Kind {
        prefix: "srv",
        roles: &["app", "web", "api", "batch", "cache", "mq", "build", "log"],
        device_type: "Server",
        vendors: &["Debian", "Ubuntu", "Red Hat", "Rocky Linux", "SUSE"],
        windows: false,
        users: &[
            "root", "deploy", "backup", "ansible", "nagios", "www-data", "appuser",
        ],
        credential_types: &["Local Administrator", "Local User", "Service Account"],
        tags: &[
            "linux",
            "prod",
            "staging",
            "web",
            "ci",
            "backup",
            "monitoring",
        ],
    },
    Kind {
        prefix: "win",
        roles: &["dc", "fs", "app", "sql", "rds", "print"],
        device_type: "Windows Server",
        vendors: &[
            "Windows Server 2019",
            "Windows Server 2022",
            "Windows Server 2025",
        ],
        windows: true,
        users: &[
            "Administrator",
            "svc-backup",
            "svc-sql",
            "helpdesk",
            "svc-monitor",
        ],
        credential_types: &[
            "Domain Administrator",
            "Domain User",
            "Domain Service Account",
            "Local Administrator",
        ],
        tags: &["windows", "ad", "prod", "tier0", "tier1", "backup"],
    },
    Kind {
        prefix: "sw",
        roles: &["core", "edge", "access", "dist"],
        device_type: "Network Switch",
        vendors: &["Cisco", "Juniper", "Aruba", "Arista", "MikroTik"],
        windows: false,
        users: &["admin", "netops", "monitor", "backup-cfg"],
        credential_types: &["Network Administrator", "Network Operator", "SNMP User"],
        tags: &["network", "cisco", "juniper", "monitoring", "dc1", "dc2"],
    },
    Kind {
        prefix: "db",
        roles: &["pg", "mysql", "oracle", "mongo", "redis"],
        device_type: "Database",
        vendors: &["PostgreSQL", "MySQL", "Oracle", "MongoDB", "Redis"],
        windows: false,
        users: &[
            "postgres",
            "app_rw",
            "app_ro",
            "replicator",
            "dba",
            "reporting",
        ],
        credential_types: &["Database Superuser", "Database User", "Replication User"],
        tags: &["database", "prod", "billing", "reporting", "pii"],
    },
];

const SITES: &[&str] = &[
    "Sao Paulo",
    "Campinas",
    "Rio de Janeiro",
    "Belo Horizonte",
    "Curitiba",
    "Porto Alegre",
    "Frankfurt",
    "Virginia",
];

const FIRST_NAMES: &[&str] = &[
    "ana", "bruno", "carla", "diego", "elisa", "fabio", "gabriela", "hugo", "isabel", "joao",
    "karina", "lucas", "marina", "nuno", "olivia", "paulo", "rafaela", "sergio", "tania", "vitor",
];

const LAST_NAMES: &[&str] = &[
    "silva", "santos", "oliveira", "souza", "lima", "pereira", "costa", "ferreira", "almeida",
    "ribeiro", "carvalho", "gomes", "martins", "rocha", "barbosa", "mendes",
];

const ADDITIONAL: &[&str] = &[
    "primary",
    "replica",
    "break-glass",
    "read-only",
    "nightly jobs",
    "CI deploy key owner",
    "vendor support",
    "change ticket required",
    "legacy, do not rotate",
    "monitoring probe",
    "password resets",
    "billing service",
];

const NOTES: &[&str] = &[
    "Rotated by the PAM every 30 days; ask the platform team before changing it by hand.",
    "Break-glass account: every use is reviewed the next business day.",
    "Used by the nightly backup job; a failed login pages the on-call engineer.",
    "Token enrolled from the vendor portal; the secret was pasted in by the admin.",
    "Shared with the vendor for remote support sessions only.",
    "Migrated from the old vault in 2025.",
];

const CHARSET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%&*+-=?@";

struct Device {
    hostname: String,
    ip: String,
    kind: &'static Kind,
    vendor: &'static str,
    site: &'static str,
    domain: Option<&'static str>,
}

enum Totp {
    Object {
        secret: String,
        algorithm: &'static str,
        digits: u8,
        period: u32,
    },
    Uri(String),
}

struct Credential {
    id: u64,
    username: String,
    kind: &'static str,
    domain: Option<&'static str>,
    additional: Option<&'static str>,
    tags: Vec<&'static str>,
    device: usize,
    password: String,
    totp: Option<Totp>,
    access: Option<(bool, bool, bool)>,
    last_view: Option<String>,
    expiration: Option<String>,
    created: String,
    notes: Option<&'static str>,
}

/// RFC 3339 UTC for a day number since 1970-01-01 and a second of that day.
fn date(days: u64, second: u64) -> String {
    // Howard Hinnant's civil_from_days, for days after the epoch.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second / 3600,
        second / 60 % 60,
        second % 60
    )
}

/// 2026-01-01 as a day number.
const DAY_2026: u64 = 20_454;

fn generate(n: usize, seed: u64) -> (Vec<Device>, Vec<Credential>) {
    let mut rng = Rng::new(seed);
    let mut devices: Vec<Device> = Vec::new();
    let mut credentials = Vec::with_capacity(n);
    let mut left_on_device = 0;
    let mut used_names: Vec<String> = Vec::new();
    for index in 0..n {
        if left_on_device == 0 {
            let kind = &KINDS[rng.below(KINDS.len() as u64) as usize];
            let number = devices.len() + 1;
            let hostname = format!("{}-{}-{number:04}", kind.prefix, rng.pick(kind.roles));
            let ip = format!(
                "10.{}.{}.{}",
                rng.below(64),
                number / 250 % 256,
                number % 250 + 2
            );
            devices.push(Device {
                hostname,
                ip,
                kind,
                vendor: rng.pick(kind.vendors),
                site: rng.pick(SITES),
                domain: kind
                    .windows
                    .then(|| if rng.one_in(3) { "CORP" } else { "corp.local" }),
            });
            left_on_device = rng.range(10, 30);
            used_names.clear();
        }
        left_on_device -= 1;
        let device_index = devices.len() - 1;
        let device = &devices[device_index];
        let kind = device.kind;

        let base = if rng.one_in(3) {
            format!("{}.{}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
        } else {
            rng.pick(kind.users).to_owned()
        };
        // username@hostname names one credential, as in the PAM.
        let mut username = base.clone();
        let mut suffix = 2;
        while used_names.contains(&username) {
            username = format!("{base}{suffix}");
            suffix += 1;
        }
        used_names.push(username.clone());

        let mut tags: Vec<&str> = Vec::new();
        for _ in 0..rng.range(1, 4) {
            let tag = rng.pick(kind.tags);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let password_len = rng.range(12, 24) as usize;
        let password: String = (0..password_len)
            .map(|_| CHARSET[rng.below(CHARSET.len() as u64) as usize] as char)
            .collect();

        let totp = rng.one_in(3).then(|| {
            let secret = base32(&rng.bytes(20));
            let algorithm = match rng.below(10) {
                0 => "SHA256",
                1 => "SHA512",
                _ => "SHA1",
            };
            let digits = if rng.one_in(5) { 8 } else { 6 };
            let period = if rng.one_in(8) { 60 } else { 30 };
            if rng.one_in(5) {
                let issuer = device.kind.prefix.to_ascii_uppercase();
                Totp::Uri(format!(
                    "otpauth://totp/{issuer}:{username}%40{}?secret={secret}&issuer={issuer}\
                     &algorithm={algorithm}&digits={digits}&period={period}",
                    device.hostname
                ))
            } else {
                Totp::Object {
                    secret,
                    algorithm,
                    digits,
                    period,
                }
            }
        });
        let access = rng.one_in(6).then(|| match rng.below(3) {
            0 => (false, true, false),
            1 => (true, true, true),
            _ => (false, false, false),
        });
        let created_day = DAY_2026 - rng.below(900);
        let created = date(created_day, rng.below(86_400));
        let last_view =
            (!rng.one_in(5)).then(|| date(created_day + rng.below(300), rng.below(86_400)));
        let expiration = rng
            .one_in(3)
            .then(|| date(DAY_2026 + rng.range(30, 400), 0));

        credentials.push(Credential {
            id: 100_000 + index as u64,
            username,
            kind: rng.pick(kind.credential_types),
            domain: device.domain,
            additional: (!rng.one_in(4)).then(|| rng.pick(ADDITIONAL)),
            tags,
            device: device_index,
            password,
            totp,
            access,
            last_view,
            expiration,
            created,
            notes: rng.one_in(6).then(|| rng.pick(NOTES)),
        });
    }
    (devices, credentials)
}

/// A JSON string literal (the generated text needs no escapes, but stay correct anyway).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A vault file of `n` credentials, pretty-printed like `assets/demo-vault.json`.
pub fn vault_json(n: usize, seed: u64) -> String {
    let (devices, credentials) = generate(n, seed);
    let mut out = String::with_capacity(n * 700 + 64);
    out.push_str("{\n  \"version\": 1,\n  \"credentials\": [");
    for (index, c) in credentials.iter().enumerate() {
        let d = &devices[c.device];
        out.push_str(if index == 0 { "\n" } else { ",\n" });
        let _ = writeln!(out, "    {{\n      \"id\": {},", c.id);
        let _ = writeln!(out, "      \"username\": {},", quoted(&c.username));
        let _ = writeln!(out, "      \"type\": {},", quoted(c.kind));
        if let Some(domain) = c.domain {
            let _ = writeln!(out, "      \"domain\": {},", quoted(domain));
        }
        if let Some(additional) = c.additional {
            let _ = writeln!(out, "      \"additional\": {},", quoted(additional));
        }
        let tags: Vec<String> = c.tags.iter().map(|t| quoted(t)).collect();
        let _ = writeln!(out, "      \"tags\": [{}],", tags.join(", "));
        let _ = writeln!(
            out,
            "      \"device\": {{ \"hostname\": {}, \"ip\": {}, \"type\": {}, \"vendor\": {}, \"site\": {} }},",
            quoted(&d.hostname),
            quoted(&d.ip),
            quoted(d.kind.device_type),
            quoted(d.vendor),
            quoted(d.site)
        );
        let _ = write!(out, "      \"password\": {}", quoted(&c.password));
        match &c.totp {
            Some(Totp::Object {
                secret,
                algorithm,
                digits,
                period,
            }) => {
                let _ = write!(
                    out,
                    ",\n      \"totp\": {{ \"secret\": \"{secret}\", \"algorithm\": \"{algorithm}\", \"digits\": {digits}, \"period\": {period} }}"
                );
            }
            Some(Totp::Uri(uri)) => {
                let _ = write!(out, ",\n      \"totp\": {}", quoted(uri));
            }
            None => {}
        }
        if let Some((view, session, reason)) = c.access {
            let _ = write!(
                out,
                ",\n      \"access\": {{ \"view_password\": {view}, \"start_session\": {session}, \"require_reason\": {reason} }}"
            );
        }
        if let Some(last_view) = &c.last_view {
            let _ = write!(out, ",\n      \"last_view\": \"{last_view}\"");
        }
        if let Some(expiration) = &c.expiration {
            let _ = write!(out, ",\n      \"expiration\": \"{expiration}\"");
        }
        let _ = write!(out, ",\n      \"created\": \"{}\"", c.created);
        if let Some(notes) = c.notes {
            let _ = write!(out, ",\n      \"notes\": {}", quoted(notes));
        }
        out.push_str("\n    }");
    }
    out.push_str(if credentials.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

/// The same credentials as `vault_json(n, seed)`, one line each:
/// `id username hostname ip domain tags additional`.
pub fn rows_text(n: usize, seed: u64) -> String {
    let (devices, credentials) = generate(n, seed);
    let mut out = String::with_capacity(n * 80);
    for c in &credentials {
        let d = &devices[c.device];
        let tags = if c.tags.is_empty() {
            "-".to_owned()
        } else {
            c.tags.join(",")
        };
        let _ = writeln!(
            out,
            "{} {} {} {} {} {} {}",
            c.id,
            c.username,
            d.hostname,
            d.ip,
            c.domain.unwrap_or("-"),
            tags,
            c.additional.unwrap_or("-")
        );
    }
    out
}
