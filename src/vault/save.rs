//! `Vault` to JSON, the one way credview writes it: two-space indentation, fields in the order
//! of the schema (DESIGN.md), optional fields left out when absent or at their default, so
//! that a diff of two versions of the file shows only what changed.
//!
//! The text holds every password and secret: it is built in a buffer that wipes each copy it
//! leaves behind when it grows, and is returned in a wiping buffer.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use time::format_description::well_known::Rfc3339;
use zeroize::Zeroizing;

use super::model::{Access, Credential, Device, HotpConfig, TotpConfig, Vault};
use super::parse::VERSION;
use super::stamp::Stamp;
use crate::otp::KeyUri;

/// The vault as stable JSON, ending in a newline.
pub fn to_json(vault: &Vault) -> Result<Zeroizing<Vec<u8>>, String> {
    let mut out = WipingBuffer(Zeroizing::new(Vec::with_capacity(
        4096 + vault.credentials.len() * 512,
    )));
    let file = VaultFile(vault);
    file.serialize(&mut serde_json::Serializer::pretty(&mut out))
        .map_err(|e| crate::t!("err-vault-cannot-serialize", error = e.to_string()))?;
    out.0.push(b'\n');
    Ok(out.0)
}

/// A byte buffer that never leaves a copy of its contents in freed memory: when it must
/// grow, it moves to a larger wiping buffer and the old one is wiped as it is dropped.
struct WipingBuffer(Zeroizing<Vec<u8>>);

impl Write for WipingBuffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let needed = self.0.len() + bytes.len();
        if needed > self.0.capacity() {
            let mut larger = Zeroizing::new(Vec::with_capacity(needed.max(self.0.capacity() * 2)));
            larger.extend_from_slice(&self.0);
            self.0 = larger;
        }
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct VaultFile<'a>(&'a Vault);

impl Serialize for VaultFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Vault", 2)?;
        map.serialize_field("version", &VERSION)?;
        let credentials: Vec<CredentialOut> =
            self.0.credentials.iter().map(CredentialOut).collect();
        map.serialize_field("credentials", &credentials)?;
        map.end()
    }
}

struct CredentialOut<'a>(&'a Credential);

impl Serialize for CredentialOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &c.id)?;
        map.serialize_entry("username", &*c.username)?;
        entry(&mut map, "type", c.kind.as_deref())?;
        entry(&mut map, "domain", c.domain.as_deref())?;
        entry(&mut map, "additional", c.additional.as_deref())?;
        if !c.tags.is_empty() {
            let tags: Vec<&str> = c.tags.iter().map(|t| &**t).collect();
            map.serialize_entry("tags", &tags)?;
        }
        if *c.device != Device::default() {
            map.serialize_entry("device", &DeviceOut(&c.device))?;
        }
        if let Some(password) = &c.password {
            map.serialize_entry("password", password.expose())?;
        }
        if let Some(totp) = &c.totp {
            // Only the Key URI form can name an issuer, and only the object a time offset;
            // the offset, which changes the codes, wins over the issuer, a label.
            if totp.issuer.is_some() && totp.time_offset == 0 {
                map.serialize_entry("totp", uri_of(c, totp).as_str())?;
            } else {
                map.serialize_entry("totp", &TotpOut(totp))?;
            }
        }
        if let Some(hotp) = &c.hotp {
            match &hotp.issuer {
                Some(_) => map.serialize_entry("hotp", hotp_uri_of(c, hotp).as_str())?,
                None => map.serialize_entry("hotp", &HotpOut(hotp))?,
            }
        }
        if c.access != Access::default() {
            map.serialize_entry("access", &AccessOut(c.access))?;
        }
        date(&mut map, "last_view", c.last_view)?;
        date(&mut map, "expiration", c.expiration)?;
        date(&mut map, "created", c.created)?;
        entry(&mut map, "notes", c.notes.as_deref())?;
        map.end()
    }
}

fn entry<M: SerializeMap>(map: &mut M, key: &str, value: Option<&str>) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(key, value),
        None => Ok(()),
    }
}

fn date<M: SerializeMap>(map: &mut M, key: &str, value: Option<Stamp>) -> Result<(), M::Error> {
    let Some(value) = value else {
        return Ok(());
    };
    let text = value
        .get()
        .format(&Rfc3339)
        .map_err(|e| serde::ser::Error::custom(format!("{key}: {e}")))?;
    map.serialize_entry(key, &text)
}

fn uri_of(credential: &Credential, totp: &TotpConfig) -> Zeroizing<String> {
    KeyUri {
        issuer: totp.issuer.clone(),
        account: credential.username.to_string(),
        secret: totp.secret.clone(),
        params: totp.params,
        counter: None,
    }
    .to_uri()
}

fn hotp_uri_of(credential: &Credential, hotp: &HotpConfig) -> Zeroizing<String> {
    KeyUri {
        issuer: hotp.issuer.clone(),
        account: credential.username.to_string(),
        secret: hotp.secret.clone(),
        params: crate::otp::Params {
            algorithm: hotp.algorithm,
            digits: hotp.digits,
            ..crate::otp::Params::default()
        },
        counter: Some(hotp.counter),
    }
    .to_uri()
}

struct HotpOut<'a>(&'a HotpConfig);

impl Serialize for HotpOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let hotp = self.0;
        let mut map = serializer.serialize_struct("Hotp", 4)?;
        map.serialize_field("secret", hotp.secret.to_base32().as_str())?;
        map.serialize_field("algorithm", &hotp.algorithm.to_string())?;
        map.serialize_field("digits", &hotp.digits)?;
        map.serialize_field("counter", &hotp.counter)?;
        map.end()
    }
}

struct DeviceOut<'a>(&'a Device);

impl Serialize for DeviceOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut map = serializer.serialize_map(None)?;
        entry(&mut map, "hostname", d.hostname.as_deref())?;
        entry(&mut map, "ip", d.ip.as_deref())?;
        entry(&mut map, "type", d.kind.as_deref())?;
        entry(&mut map, "vendor", d.vendor.as_deref())?;
        entry(&mut map, "site", d.site.as_deref())?;
        map.end()
    }
}

struct TotpOut<'a>(&'a TotpConfig);

impl Serialize for TotpOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let totp = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("secret", totp.secret.to_base32().as_str())?;
        if totp.params.is_steam() {
            // Steam fixes the rest; writing it would only invite an edit the reader refuses.
            map.serialize_entry("encoder", "steam")?;
        } else {
            map.serialize_entry("algorithm", &totp.params.algorithm.to_string())?;
            map.serialize_entry("digits", &totp.params.digits)?;
            map.serialize_entry("period", &totp.params.period)?;
        }
        if totp.time_offset != 0 {
            map.serialize_entry("time_offset", &totp.time_offset)?;
        }
        map.end()
    }
}

struct AccessOut(Access);

impl Serialize for AccessOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Access", 3)?;
        map.serialize_field("view_password", &self.0.view_password)?;
        map.serialize_field("start_session", &self.0.start_session)?;
        map.serialize_field("require_reason", &self.0.require_reason)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::parse;

    /// Everything the reader gives back, in a form that compares (secrets included).
    pub(crate) fn fingerprint(vault: &Vault) -> Vec<String> {
        vault
            .credentials
            .iter()
            .map(|c| {
                let totp = c.totp.as_ref().map(|t| {
                    let secret = t.secret.to_base32().to_string();
                    (secret, t.params, t.issuer.clone(), t.time_offset)
                });
                format!(
                    "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                    c.id,
                    c.username,
                    c.kind,
                    c.domain,
                    c.additional,
                    c.tags,
                    c.device,
                    c.password.as_ref().map(|p| p.expose().to_owned()),
                    totp,
                    c.access,
                    c.last_view,
                    c.expiration,
                    c.created,
                    c.notes
                )
            })
            .collect()
    }

    fn round_trip(origin: &str, text: &[u8]) {
        let vault = parse(origin, text).unwrap();
        let written = to_json(&vault).unwrap();
        let again = parse(origin, &written).unwrap();
        assert_eq!(fingerprint(&vault), fingerprint(&again), "{origin}");
        // Stable: writing what was read back gives the same bytes.
        assert_eq!(*to_json(&again).unwrap(), *written, "{origin}");
    }

    #[test]
    fn the_demo_vault_reads_back_the_same() {
        round_trip("demo", super::super::resolve::DEMO_VAULT.as_bytes());
    }

    #[test]
    fn every_test_vault_that_reads_reads_back_the_same() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read(&path).unwrap();
                if parse("t", &text).is_ok() {
                    round_trip(&path.display().to_string(), &text);
                    read += 1;
                }
            }
        }
        assert!(read > 0);
    }

    #[test]
    fn a_time_offset_is_kept_after_the_period() {
        let text = br#"{"version": 1, "credentials": [{"id": 1, "username": "u",
            "totp": {"secret": "JBSWY3DPEHPK3PXP", "time_offset": -7}}]}"#;
        let vault = parse("t", text).unwrap();
        let written = String::from_utf8(to_json(&vault).unwrap().to_vec()).unwrap();
        assert!(
            written.contains("\"period\": 30,\n        \"time_offset\": -7\n"),
            "{written}"
        );
        round_trip("t", text);
    }

    #[test]
    fn layout_is_two_spaces_in_schema_order() {
        let text = br#"{"credentials": [{"notes": "n", "totp": {"period": 60, "secret": "jbswy3dpehpk3pxp"},
            "username": "root", "id": 7, "device": {"site": "S", "hostname": "h"},
            "tags": ["a"], "type": "Server"}], "version": 1}"#;
        let vault = parse("t", text).unwrap();
        let written = String::from_utf8(to_json(&vault).unwrap().to_vec()).unwrap();
        let expected = r#"{
  "version": 1,
  "credentials": [
    {
      "id": 7,
      "username": "root",
      "type": "Server",
      "tags": [
        "a"
      ],
      "device": {
        "hostname": "h",
        "site": "S"
      },
      "totp": {
        "secret": "JBSWY3DPEHPK3PXP",
        "algorithm": "SHA1",
        "digits": 6,
        "period": 60
      },
      "notes": "n"
    }
  ]
}
"#;
        assert_eq!(written, expected);
    }

    #[test]
    fn an_issuer_keeps_the_key_uri_form() {
        let text = br#"{"version": 1, "credentials": [{"id": 1, "username": "me",
            "totp": "otpauth://totp/Acme:me?secret=JBSWY3DPEHPK3PXP&issuer=Acme&digits=8"}]}"#;
        round_trip("t", text);
        let vault = parse("t", text).unwrap();
        let written = String::from_utf8(to_json(&vault).unwrap().to_vec()).unwrap();
        assert!(
            written.contains("\"totp\": \"otpauth://totp/Acme:me?"),
            "{written}"
        );
    }

    #[test]
    fn an_empty_vault_is_valid() {
        let written = to_json(&Vault::default()).unwrap();
        assert_eq!(
            &**written,
            b"{\n  \"version\": 1,\n  \"credentials\": []\n}\n"
        );
        assert!(parse("t", &written).unwrap().credentials.is_empty());
    }
}
