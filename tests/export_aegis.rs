//! The Aegis export holds what Aegis's own reader requires of an import, rule by rule as its
//! source states them (`Vault.fromJson`, `VaultEntry.fromJson`, `VaultEntryIcon.fromJson`,
//! `OtpInfo.fromJson` in beemdevelopment/Aegis): Aegis cannot run here, its rules can.

mod common;

use serde_json::Value;

use common::Lab;

/// TOTP with every setting changed, HOTP with a counter, Steam, and names with `:` `@`,
/// spaces and non-ASCII.
const URIS: &str = "\
otpauth://totp/B%C3%A4nk:j%C3%B8rn%20x?secret=JBSWY3DPEHPK3PXP&digits=7&period=45&algorithm=SHA512
otpauth://hotp/Token:bob?secret=GEZDGNBVGY3TQOJQ&counter=42&digits=8
otpauth://steam/Steam:gamer?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
otpauth://totp/ACME:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
";

/// `UUID.fromString`: five groups of hex digits, 8-4-4-4-12.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

fn string<'a>(object: &'a Value, key: &str, what: &str) -> &'a str {
    object[key]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: \"{key}\" must be a string (getString)"))
}

fn int(object: &Value, key: &str, what: &str) -> i64 {
    object[key]
        .as_i64()
        .unwrap_or_else(|| panic!("{what}: \"{key}\" must be an integer (getInt/getLong)"))
}

#[test]
fn the_aegis_export_meets_every_rule_of_aegis_s_reader() {
    let lab = Lab::new();
    lab.write("v.json", b"{\"version\": 1, \"credentials\": []}\n");
    lab.write("in.txt", URIS.as_bytes());
    let run = |args: &[&str]| {
        let output = lab
            .credview()
            .args(["--no-audit", "--vault", "v.json"])
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        output.stdout
    };
    run(&["import", "in.txt"]);
    let export: Value = serde_json::from_slice(&run(&["export", "--format", "aegis", "--yes"]))
        .expect("the export is JSON");

    // The file: version 1, a plain header (no slots, no params), db version at most 3.
    assert_eq!(export["version"], 1);
    assert!(export["header"]["slots"].is_null() && export["header"]["params"].is_null());
    let db = &export["db"];
    let version = int(db, "version", "db");
    assert!((1..=3).contains(&version), "db version {version}");
    if version >= 3 {
        assert!(db["groups"].is_array(), "a version 3 db lists its groups");
    }
    let entries = db["entries"].as_array().expect("db.entries is an array");
    assert_eq!(entries.len(), 4);

    let mut kinds = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let what = format!("entry {}", index + 1);
        assert!(is_uuid(string(entry, "uuid", &what)), "{what}: uuid");
        let kind = string(entry, "type", &what);
        string(entry, "name", &what);
        string(entry, "issuer", &what);
        // `obj.get("icon")` throws on a missing key; null means no icon.
        assert!(
            entry.get("icon").is_some_and(Value::is_null),
            "{what}: icon"
        );
        for group in entry["groups"].as_array().into_iter().flatten() {
            assert!(group.as_str().is_some_and(is_uuid), "{what}: group uuid");
        }
        let info = &entry["info"];
        let secret = string(info, "secret", &what);
        assert!(
            data_encoding::BASE32_NOPAD
                .decode(secret.as_bytes())
                .is_ok(),
            "{what}: secret is unpadded upper-case base32"
        );
        let algo = string(info, "algo", &what);
        assert!(
            ["SHA1", "SHA256", "SHA512", "MD5"].contains(&algo),
            "{what}: {algo}"
        );
        let digits = int(info, "digits", &what);
        match kind {
            "totp" => assert!(int(info, "period", &what) > 0 && (6..=10).contains(&digits)),
            "hotp" => assert!(int(info, "counter", &what) >= 0 && (6..=10).contains(&digits)),
            // SteamInfo: 5 characters, SHA1, 30 s.
            "steam" => {
                assert_eq!((digits, algo, int(info, "period", &what)), (5, "SHA1", 30));
            }
            other => panic!("{what}: type {other} is not one Aegis knows"),
        }
        kinds.push((kind.to_owned(), string(entry, "issuer", &what).to_owned()));
    }
    let expect = [
        ("totp", "Bänk"),
        ("hotp", "Token"),
        ("steam", "Steam"),
        ("totp", "ACME"),
    ];
    let expect: Vec<(String, String)> = expect
        .iter()
        .map(|(k, i)| ((*k).to_owned(), (*i).to_owned()))
        .collect();
    assert_eq!(kinds, expect);
    let uuids: std::collections::BTreeSet<&str> =
        entries.iter().filter_map(|e| e["uuid"].as_str()).collect();
    assert_eq!(uuids.len(), entries.len(), "each entry has its own uuid");
}
