//! Every format, from fixtures built here out of known vectors, read back field by field.

use serde_json::json;

use super::*;
use crate::otp::{Algorithm, Secret};

/// One account as every format should give it back.
struct Vector {
    secret: &'static str,
    algorithm: Algorithm,
    digits: u8,
    kind: OtpKind,
    issuer: &'static str,
    account: &'static str,
}

const VECTORS: &[Vector] = &[
    Vector {
        secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        algorithm: Algorithm::Sha1,
        digits: 6,
        kind: OtpKind::Totp { period: 30 },
        issuer: "ACME Co",
        account: "alice@example.com",
    },
    Vector {
        secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA",
        algorithm: Algorithm::Sha256,
        digits: 7,
        kind: OtpKind::Totp { period: 45 },
        issuer: "Bänk Ærø",
        account: "jørn user@bänk.example",
    },
    Vector {
        secret: "JBSWY3DPEHPK3PXP",
        algorithm: Algorithm::Sha512,
        digits: 8,
        kind: OtpKind::Totp { period: 60 },
        issuer: "Ops",
        account: "root:admin",
    },
    Vector {
        secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        algorithm: Algorithm::Sha1,
        digits: 6,
        kind: OtpKind::Hotp { counter: 42 },
        issuer: "Token Inc",
        account: "bob",
    },
    Vector {
        secret: "KRSXG5CTMVRXEZLU",
        algorithm: Algorithm::Sha1,
        digits: 5,
        kind: OtpKind::Steam,
        issuer: "Steam",
        account: "gamer",
    },
];

fn read_with(format: &str, bytes: &[u8]) -> Parsed {
    let input = Input {
        name: "fixture",
        bytes,
        key_file: None,
    };
    let detected = detect(&input).unwrap();
    assert_eq!(detected.id(), format, "detected format");
    let mut password = |_: &str| Ok(zeroize::Zeroizing::new("correct horse".to_owned()));
    detected.read(&input, &mut password).unwrap()
}

fn check(parsed: &Parsed, vectors: &[&Vector]) -> Vec<ImportedEntry> {
    let entries: Vec<ImportedEntry> = parsed.entries.iter().map(|e| e.clone().unwrap()).collect();
    assert_eq!(entries.len(), vectors.len());
    for (entry, vector) in entries.iter().zip(vectors) {
        let secret = Secret::from_base32(vector.secret).unwrap();
        assert_eq!(entry.secret, secret, "{}", vector.account);
        assert_eq!(entry.algorithm, vector.algorithm, "{}", vector.account);
        assert_eq!(entry.digits, vector.digits, "{}", vector.account);
        assert_eq!(entry.kind, vector.kind, "{}", vector.account);
        assert_eq!(
            entry.issuer.as_deref(),
            Some(vector.issuer),
            "{}",
            vector.account
        );
        assert_eq!(entry.account, vector.account);
    }
    entries
}

fn all() -> Vec<&'static Vector> {
    VECTORS.iter().collect()
}

fn period(v: &Vector) -> u64 {
    match v.kind {
        OtpKind::Totp { period } => period,
        _ => 30,
    }
}

fn counter(v: &Vector) -> u64 {
    match v.kind {
        OtpKind::Hotp { counter } => counter,
        _ => 0,
    }
}

fn kind_word(v: &Vector) -> &'static str {
    match v.kind {
        OtpKind::Totp { .. } => "totp",
        OtpKind::Hotp { .. } => "hotp",
        OtpKind::Steam => "steam",
    }
}

fn uri(v: &Vector) -> String {
    let escape = |s: &str| {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    format!(
        "otpauth://{}/{}:{}?secret={}&issuer={}&algorithm={}&digits={}&period={}&counter={}",
        kind_word(v),
        escape(v.issuer),
        escape(v.account),
        v.secret,
        escape(v.issuer),
        v.algorithm,
        v.digits,
        period(v),
        counter(v)
    )
}

#[test]
fn key_uri_list_with_comments() {
    let text = format!(
        "# exported\n\n{}\n",
        VECTORS.iter().map(uri).collect::<Vec<_>>().join("\n")
    );
    let parsed = read_with("otpauth", text.as_bytes());
    let entries = check(&parsed, &all());
    assert_eq!(entries[0].place, Place::Line(3));
}

#[test]
fn ente_keeps_tags_and_notes() {
    let display = percent_encoding::utf8_percent_encode(
        r#"{"pinned":false,"tags":["work","prod"],"note":"desk 4"}"#,
        percent_encoding::NON_ALPHANUMERIC,
    );
    let text: Vec<String> = VECTORS
        .iter()
        .map(|v| format!("{}&codeDisplay={display}", uri(v)))
        .collect();
    let parsed = read_with("ente", text.join("\n").as_bytes());
    let entries = check(&parsed, &all());
    assert_eq!(entries[1].tags, ["work", "prod"]);
    assert_eq!(entries[1].notes.as_deref(), Some("desk 4"));
}

#[test]
fn aegis_plain_and_encrypted() {
    let entries: Vec<_> = VECTORS
        .iter()
        .map(|v| {
            json!({
                "type": kind_word(v), "uuid": "01234567-89ab-cdef-0123-456789abcdef",
                "name": v.account, "issuer": v.issuer, "note": "n", "icon": null,
                "groups": ["g1"],
                "info": {"secret": v.secret, "algo": v.algorithm.to_string(), "digits": v.digits,
                         "period": period(v), "counter": counter(v)}
            })
        })
        .collect();
    let db = json!({"version": 3, "entries": entries, "groups": [{"uuid": "g1", "name": "Work"}]});
    let plain = json!({"version": 1, "header": {"slots": null, "params": null}, "db": db});
    let parsed = read_with("aegis", plain.to_string().as_bytes());
    let read = check(&parsed, &all());
    assert_eq!(read[0].tags, ["Work"]);
    assert_eq!(read[0].notes.as_deref(), Some("n"));

    let sealed = aegis_crypt::seal_for_test(db.to_string().as_bytes(), "correct horse");
    let parsed = read_with("aegis", sealed.to_string().as_bytes());
    check(&parsed, &all());
    let sealed = sealed.to_string();
    let input = Input {
        name: "x.json",
        bytes: sealed.as_bytes(),
        key_file: None,
    };
    let mut wrong = |_: &str| Ok(zeroize::Zeroizing::new("wrong".to_owned()));
    let error = aegis::Aegis.read(&input, &mut wrong).unwrap_err();
    assert_eq!(error.to_string(), "wrong password for the Aegis export");
}

#[test]
fn andotp_twofas_freeotp_proton() {
    let andotp: Vec<_> = VECTORS
        .iter()
        .map(|v| {
            json!({"secret": v.secret, "issuer": v.issuer, "label": v.account,
                   "digits": v.digits, "type": kind_word(v).to_uppercase(),
                   "algorithm": v.algorithm.to_string(), "period": period(v),
                   "counter": counter(v), "tags": ["t"], "thumbnail": "Default"})
        })
        .collect();
    let read = check(
        &read_with("andotp", json!(andotp).to_string().as_bytes()),
        &all(),
    );
    assert_eq!(read[4].tags, ["t"]);

    let services: Vec<_> = VECTORS
        .iter()
        .map(|v| {
            json!({"name": v.issuer, "secret": v.secret, "groupId": "G", "order": {"position": 0},
                   "otp": {"account": v.account, "issuer": v.issuer, "digits": v.digits,
                           "period": period(v), "algorithm": v.algorithm.to_string(),
                           "tokenType": kind_word(v).to_uppercase(), "counter": counter(v)}})
        })
        .collect();
    let twofas = json!({"services": services, "groups": [{"id": "G", "name": "Home"}],
                        "schemaVersion": 4, "appVersionCode": 5000000});
    let read = check(&read_with("2fas", twofas.to_string().as_bytes()), &all());
    assert_eq!(read[2].tags, ["Home"]);

    let no_steam: Vec<&Vector> = VECTORS
        .iter()
        .filter(|v| v.kind != OtpKind::Steam)
        .collect();
    let tokens: Vec<_> = no_steam
        .iter()
        .map(|v| {
            let bytes = Secret::from_base32(v.secret).unwrap();
            let signed: Vec<i16> = bytes
                .as_bytes()
                .iter()
                .map(|&b| i16::from(b as i8))
                .collect();
            json!({"algo": v.algorithm.to_string(), "counter": counter(v), "digits": v.digits,
                   "issuerExt": v.issuer, "label": v.account, "period": period(v),
                   "secret": signed, "type": kind_word(v).to_uppercase()})
        })
        .collect();
    let freeotp = json!({"tokenOrder": [], "tokens": tokens});
    check(
        &read_with("freeotp", freeotp.to_string().as_bytes()),
        &no_steam,
    );

    let proton: Vec<_> = VECTORS
        .iter()
        .map(|v| json!({"id": "x", "content": {"uri": uri(v), "entry_type": "Totp", "name": v.account}, "note": "pn"}))
        .collect();
    let proton = json!({"version": 1, "entries": proton});
    let read = check(&read_with("proton", proton.to_string().as_bytes()), &all());
    assert_eq!(read[0].notes.as_deref(), Some("pn"));
}

#[test]
fn bitwarden_json_and_csv_and_keepassxc_csv() {
    let items: Vec<_> = VECTORS
        .iter()
        .map(|v| {
            json!({"id": "i", "type": 1, "name": v.issuer, "notes": "bn", "folderId": "F",
                   "login": {"username": v.account, "totp": uri(v), "uris": []}})
        })
        .collect();
    let bitwarden =
        json!({"encrypted": false, "folders": [{"id": "F", "name": "Shared"}], "items": items});
    let read = check(
        &read_with("bitwarden", bitwarden.to_string().as_bytes()),
        &all(),
    );
    assert_eq!(
        (read[0].tags.as_slice(), read[0].notes.as_deref()),
        (&["Shared".to_owned()][..], Some("bn"))
    );

    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut csv = String::from(
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n",
    );
    for v in VECTORS {
        csv.push_str(&format!(
            "Shared,,login,{},\"two\nlines\",,0,,{},pw,{}\n",
            quote(v.issuer),
            quote(v.account),
            quote(&uri(v))
        ));
    }
    let read = check(&read_with("bitwarden-csv", csv.as_bytes()), &all());
    assert_eq!(read[1].place, Place::Line(4));
    assert_eq!(read[1].notes.as_deref(), Some("two\nlines"));

    let mut csv = String::from(
        "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\",\"Last Modified\",\"Created\"\n",
    );
    for v in VECTORS {
        csv.push_str(&format!(
            "\"Root/Web\",{},{},\"pw\",\"\",\"\",{},\"0\",\"\",\"\"\n",
            quote(v.issuer),
            quote(v.account),
            quote(&uri(v))
        ));
    }
    let read = check(&read_with("keepassxc-csv", csv.as_bytes()), &all());
    assert_eq!(read[0].tags, ["Web"]);
}

#[test]
fn google_lines_and_missing_parts() {
    let google: Vec<&Vector> = VECTORS
        .iter()
        .filter(|v| matches!(v.digits, 6 | 8) && period(v) == 30 && v.kind != OtpKind::Steam)
        .collect();
    let payload = |index: i32, vectors: &[&Vector]| migration::Payload {
        otp_parameters: vectors
            .iter()
            .map(|v| migration::OtpParameters {
                secret: Secret::from_base32(v.secret).unwrap().as_bytes().to_vec(),
                name: format!("{}:{}", v.issuer, v.account),
                issuer: v.issuer.into(),
                algorithm: 1,
                digits: if v.digits == 8 { 2 } else { 1 },
                kind: if matches!(v.kind, OtpKind::Hotp { .. }) {
                    1
                } else {
                    2
                },
                counter: counter(v) as i64,
            })
            .collect(),
        version: 1,
        batch_size: 2,
        batch_index: index,
        batch_id: 77,
    };
    let text = format!(
        "{}\n{}\n",
        migration::encode_url(&payload(0, &google[..1])).as_str(),
        migration::encode_url(&payload(1, &google[1..])).as_str()
    );
    let parsed = read_with("google", text.as_bytes());
    check(&parsed, &google);
    assert!(check_batches(&parsed.batches).is_ok());
    let error = check_batches(&parsed.batches[1..]).unwrap_err();
    assert!(error.to_string().contains("part 1 is missing"), "{error}");
}

#[test]
fn bad_entries_fail_alone_and_bad_files_fail_whole() {
    let text = "otpauth://totp/a?secret=JBSWY3DP\notpauth://totp/b?secret=11\n";
    let parsed = read_with("otpauth", text.as_bytes());
    assert!(parsed.entries[0].is_ok());
    let error = parsed.entries[1].clone().unwrap_err();
    assert_eq!(error.place, Place::Line(2));

    let mut none = |_: &str| Err("no terminal".to_owned());
    for (bytes, expected) in [
        (&b"hello world"[..], "unknown format"),
        (
            br#"{"header": {"slots": null, "params": null}, "db": {"entries": [{"#,
            "ends too soon",
        ),
        (b"otpauth-migration://offline?data=AAAA%%", "not base64"),
        (b"otpauth-migration://offline?data=CiAB", "bad protobuf"),
        (br#"{"encrypted": true, "items": []}"#, "encrypted"),
    ] {
        let input = Input {
            name: "bad",
            bytes,
            key_file: None,
        };
        let error = read(&input, None, &mut none).err().unwrap();
        assert!(error.to_string().contains(expected), "{error}");
    }
}
