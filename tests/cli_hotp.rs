//! HOTP and Steam through the real binary. Expected codes come from RFC 4226 Appendix D,
//! from oathtool, and from Steam Guard codes published in KeePassXC's tests; never from
//! credview itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// RFC 4226 Appendix D's secret, "12345678901234567890", in base32 and in hex (for oathtool).
const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_SECRET_HEX: &str = "3132333435363738393031323334353637383930";

/// RFC 4226 Appendix D, counters 0 to 9.
const APPENDIX_D: [&str; 10] = [
    "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
    "520489",
];

struct Lab {
    dir: TempDir,
}

impl Lab {
    /// A private folder holding `vault.json` with credential 1 (HOTP at `counter`), credential
    /// 2 (Steam, KeePassXC's test secret) and credential 3 (plain TOTP).
    fn new(counter: &str) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        let lab = Self { dir };
        let text = format!(
            "{{\n  \"version\": 1,\n  \"credentials\": [\n    \
             {{ \"id\": 1, \"username\": \"vpn\", \"device\": {{ \"hostname\": \"gw\" }},\n      \
             \"hotp\": {{ \"secret\": \"{RFC_SECRET}\", \"counter\": {counter} }} }},\n    \
             {{ \"id\": 2, \"username\": \"gabe\",\n      \
             \"totp\": {{ \"secret\": \"63BEDWCQZKTQWPESARIERL5DTTQFCJTK\", \"encoder\": \"steam\" }} }},\n    \
             {{ \"id\": 3, \"username\": \"root\", \"totp\": {{ \"secret\": \"{RFC_SECRET}\" }} }}\n  ]\n}}\n"
        );
        std::fs::write(lab.vault(), text).unwrap();
        std::fs::set_permissions(lab.vault(), std::fs::Permissions::from_mode(0o600)).unwrap();
        lab
    }

    fn vault(&self) -> PathBuf {
        self.dir.path().join("vault.json")
    }

    fn audit(&self) -> PathBuf {
        self.dir.path().join("audit.jsonl")
    }

    fn run(&self, args: &[&str]) -> Output {
        credview(&self.vault(), &self.audit(), args)
    }

    /// The HOTP counter stored in the vault file now.
    fn stored_counter(&self) -> u64 {
        let text = std::fs::read(self.vault()).unwrap();
        let vault: serde_json::Value = serde_json::from_slice(&text).unwrap();
        vault["credentials"][0]["hotp"]["counter"]
            .as_u64()
            .expect("a counter")
    }

    fn audit_records(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.audit())
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }
}

fn credview(vault: &Path, audit: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .env("USER", "tester")
        .arg("--vault")
        .arg(vault)
        .arg("--audit")
        .arg(audit)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "status {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .trim_end()
        .to_owned()
}

/// `oathtool --hotp` for counters `from` to `from + count - 1`.
fn oathtool(from: u64, count: u64) -> Vec<String> {
    let output = Command::new("oathtool")
        .args(["--hotp", "--counter", &from.to_string()])
        .args(["--window", &(count - 1).to_string(), RFC_SECRET_HEX])
        .output()
        .expect("oathtool is installed (.ci/run installs it)");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn rfc_4226_appendix_d_through_ten_code_calls() {
    let lab = Lab::new("0");
    for (counter, expected) in APPENDIX_D.iter().enumerate() {
        assert_eq!(
            stdout(&lab.run(&["code", "1"])),
            *expected,
            "counter {counter}"
        );
    }
    assert_eq!(lab.stored_counter(), 10);
    // The rewritten vault keeps the other credentials' keys as they were.
    assert_eq!(
        stdout(&lab.run(&["code", "2", "--at", "1511200518"])),
        "FR8RV"
    );
    assert_eq!(stdout(&lab.run(&["code", "3", "--at", "59"])), "287082");
    // One record per advance, naming the counter and never the code or the secret.
    let records = lab.audit_records();
    let advances = &records[..10];
    let counters: Vec<u64> = advances
        .iter()
        .map(|r| r["counter"].as_u64().unwrap())
        .collect();
    assert_eq!(counters, (0..10).collect::<Vec<_>>());
    assert!(advances.iter().all(|r| r["event"] == "hotp_advance"));
    assert!(records[10..].iter().all(|r| r.get("counter").is_none()));
    let log = std::fs::read_to_string(lab.audit()).unwrap();
    for code in APPENDIX_D {
        assert!(!log.contains(code), "the audit log holds a code");
    }
    assert!(!log.contains(&RFC_SECRET[..8]));
}

/// 8 processes at once, 25 `code` calls each: every counter is handed out exactly once.
#[test]
fn concurrent_code_calls_never_reuse_a_counter() {
    const PROCESSES: usize = 8;
    const CALLS: usize = 25;
    let lab = Lab::new("0");
    let (vault, audit) = (lab.vault(), lab.audit());
    let codes: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..PROCESSES)
            .map(|_| {
                scope.spawn(|| {
                    (0..CALLS)
                        .map(|_| stdout(&credview(&vault, &audit, &["code", "1"])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap())
            .collect()
    });
    let total = (PROCESSES * CALLS) as u64;
    assert_eq!(lab.stored_counter(), total);
    let mut counters: Vec<u64> = lab
        .audit_records()
        .iter()
        .map(|r| r["counter"].as_u64().unwrap())
        .collect();
    counters.sort_unstable();
    assert_eq!(
        counters,
        (0..total).collect::<Vec<_>>(),
        "distinct counters 0..199"
    );
    // The codes printed are exactly oathtool's codes for counters 0 to 199, each once.
    let tally = |codes: Vec<String>| {
        let mut tally = BTreeMap::new();
        for code in codes {
            *tally.entry(code).or_insert(0) += 1;
        }
        tally
    };
    assert_eq!(tally(codes), tally(oathtool(0, total)));
}

#[test]
fn peek_shows_the_stored_counters_code_without_advancing() {
    let lab = Lab::new("3");
    let before = std::fs::read(lab.vault()).unwrap();
    let output = lab.run(&["code", "1", "--peek"]);
    assert_eq!(stdout(&output), APPENDIX_D[3]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("not advanced"));
    assert_eq!(std::fs::read(lab.vault()).unwrap(), before);
}

#[test]
fn verify_looks_ahead_and_resynchronises() {
    let lab = Lab::new("5");
    // At the stored counter: a match moves the counter past it.
    let at_counter = &oathtool(5, 1)[0];
    let ok = stdout(&lab.run(&["verify", "1", at_counter]));
    assert!(ok.contains("counter 5"), "{ok}");
    assert_eq!(lab.stored_counter(), 6);
    // At counter + window (the default window is 10): still found, and resynchronised.
    let at_window = &oathtool(16, 1)[0];
    stdout(&lab.run(&["verify", "1", at_window]));
    assert_eq!(lab.stored_counter(), 17);
    // At counter + window + 1: a miss, exit 1, and the file is untouched.
    let before = std::fs::read(lab.vault()).unwrap();
    let beyond = &oathtool(28, 1)[0];
    let output = lab.run(&["verify", "1", beyond]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing was changed"));
    assert_eq!(std::fs::read(lab.vault()).unwrap(), before);
    // A wider window reaches it.
    stdout(&lab.run(&["verify", "1", beyond, "--window", "11"]));
    assert_eq!(lab.stored_counter(), 29);
}

#[test]
fn a_counter_at_its_end_cannot_advance_and_nothing_is_written() {
    let lab = Lab::new("18446744073709551615");
    let before = std::fs::read(lab.vault()).unwrap();
    let output = lab.run(&["code", "1"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot advance"), "{stderr}");
    assert_eq!(std::fs::read(lab.vault()).unwrap(), before);
    assert!(lab.audit_records().is_empty());
}

#[test]
fn render_fills_an_hotp_token_only_with_advance() {
    let lab = Lab::new("0");
    let template = lab.dir.path().join("t.txt");
    std::fs::write(&template, "otp=[#TOTP_TOKEN#]").unwrap();
    let template = template.to_str().unwrap();
    let refused = lab.run(&["render", "--credential", "1", template]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--advance"));
    assert_eq!(lab.stored_counter(), 0);
    let filled = stdout(&lab.run(&["render", "--credential", "1", "--advance", template]));
    assert_eq!(filled, format!("otp={}", APPENDIX_D[0]));
    assert_eq!(lab.stored_counter(), 1);
}

#[test]
fn uri_of_an_hotp_key_carries_its_counter() {
    let lab = Lab::new("7");
    let uri = stdout(&lab.run(&["uri", "1"]));
    assert_eq!(
        uri,
        format!("otpauth://hotp/gw:vpn@gw?secret={RFC_SECRET}&issuer=gw&counter=7")
    );
    assert_eq!(lab.stored_counter(), 7);
}

/// Steam Guard codes recorded from Valve's app for a throw-away account, published in
/// KeePassXC's tests/TestTotp.cpp (testSteamTotp).
#[test]
fn steam_codes_match_published_values() {
    let lab = Lab::new("0");
    assert_eq!(
        stdout(&lab.run(&["code", "2", "--at", "1511200518"])),
        "FR8RV"
    );
    assert_eq!(
        stdout(&lab.run(&["code", "2", "--at", "1511200714"])),
        "9P3VP"
    );
    let verified = lab.run(&["verify", "2", "fr8rv", "--at", "1511200518"]);
    assert!(verified.status.success());
    let uri = stdout(&lab.run(&["uri", "2"]));
    assert!(uri.ends_with("&encoder=steam"), "{uri}");
}

#[test]
fn totp_options_do_not_apply_to_hotp_and_peek_not_to_totp() {
    let lab = Lab::new("0");
    assert_eq!(lab.run(&["code", "1", "--at", "59"]).status.code(), Some(2));
    assert_eq!(lab.run(&["code", "3", "--peek"]).status.code(), Some(2));
    assert_eq!(lab.stored_counter(), 0);
}

/// Setting a TOTP secret on an HOTP credential would leave it with both: refused, the file
/// untouched, the HOTP secret kept.
#[test]
fn totp_set_on_an_hotp_credential_changes_nothing() {
    let lab = Lab::new("4");
    let before = std::fs::read(lab.vault()).unwrap();
    let output = lab.run(&[
        "totp",
        "set",
        "1",
        "--uri",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP",
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("HOTP key"));
    assert_eq!(std::fs::read(lab.vault()).unwrap(), before);
}
