//! Aegis's encrypted vault, as its docs/vault.md documents it: a password slot holds the
//! master key sealed with AES-256-GCM under an scrypt-derived key; the master key opens `db`
//! (base64 AES-256-GCM ciphertext, nonce and tag in the header's params, hex).

use aes_gcm::aead::Aead;
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use data_encoding::{BASE64, HEXLOWER_PERMISSIVE};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::{ImportError, Password};

/// scrypt's memory (128 · r · N bytes) is capped here: a hostile file must not take it all.
const MAX_SCRYPT_BYTES: u64 = 1 << 30;
const PASSWORD_SLOT: u64 = 1;

#[derive(Deserialize)]
pub(super) struct Header {
    pub slots: Option<Vec<Slot>>,
    pub params: Option<SealParams>,
}

#[derive(Deserialize)]
pub(super) struct Slot {
    #[serde(rename = "type")]
    kind: u64,
    key: String,
    key_params: SealParams,
    n: Option<u64>,
    r: Option<u32>,
    p: Option<u32>,
    salt: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct SealParams {
    nonce: String,
    tag: String,
}

/// The decrypted `db` JSON.
pub(super) fn decrypt(
    origin: &str,
    header: &Header,
    db: &str,
    password: &mut Password,
) -> Result<Zeroizing<Vec<u8>>, ImportError> {
    let params = header
        .params
        .as_ref()
        .ok_or_else(|| ImportError::new(crate::t!("err-import-aegis-no-params")))?;
    let slots: Vec<&Slot> = header
        .slots
        .iter()
        .flatten()
        .filter(|slot| slot.kind == PASSWORD_SLOT)
        .collect();
    if slots.is_empty() {
        return Err(ImportError::new(crate::t!("err-import-aegis-no-slot")));
    }
    let ciphertext = BASE64
        .decode(db.trim().as_bytes())
        .map_err(|_| ImportError::new(crate::t!("err-import-aegis-db-base64")))?;
    let prompt = crate::t!("err-import-aegis-password-prompt", file = origin);
    let password = password(&format!("{prompt} ")).map_err(ImportError::new)?;
    for slot in slots {
        let Some(master) = open_slot(slot, password.as_bytes())? else {
            continue;
        };
        return open(&master, params, &ciphertext)
            .ok_or_else(|| ImportError::new(crate::t!("err-import-aegis-damaged")));
    }
    Err(ImportError::new(crate::t!(
        "err-import-aegis-wrong-password"
    )))
}

/// The master key, or `None` when the password does not open this slot.
fn open_slot(slot: &Slot, password: &[u8]) -> Result<Option<Zeroizing<Vec<u8>>>, ImportError> {
    let bad = |what: &str| ImportError::new(crate::t!("err-import-aegis-bad-slot", what = what));
    let (n, r, p) = (
        slot.n.unwrap_or(1 << 15),
        slot.r.unwrap_or(8),
        slot.p.unwrap_or(1),
    );
    if !n.is_power_of_two() || n < 2 {
        return Err(bad("scrypt N"));
    }
    if 128 * u64::from(r) * n > MAX_SCRYPT_BYTES || p == 0 || p > 16 {
        return Err(ImportError::new(crate::t!(
            "err-import-aegis-too-much-memory"
        )));
    }
    let salt = hex(slot.salt.as_deref().unwrap_or_default()).ok_or_else(|| bad("salt"))?;
    let log_n = u8::try_from(n.trailing_zeros()).map_err(|_| bad("scrypt N"))?;
    let params = scrypt::Params::new(log_n, r, p, 32).map_err(|_| bad("scrypt parameters"))?;
    let mut key = Zeroizing::new([0u8; 32]);
    scrypt::scrypt(password, &salt, &params, key.as_mut_slice())
        .map_err(|_| bad("scrypt parameters"))?;
    let sealed = hex(&slot.key).ok_or_else(|| bad("key"))?;
    Ok(open(key.as_slice(), &slot.key_params, &sealed))
}

/// AES-256-GCM with the tag kept apart, as Aegis stores it.
fn open(key: &[u8], params: &SealParams, ciphertext: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let nonce = hex(&params.nonce).filter(|n| n.len() == 12)?;
    let tag = hex(&params.tag).filter(|t| t.len() == 16)?;
    let cipher = Aes256Gcm::new_from_slice(key).ok()?;
    let mut sealed = Zeroizing::new(Vec::with_capacity(ciphertext.len() + tag.len()));
    sealed.extend_from_slice(ciphertext);
    sealed.extend_from_slice(&tag);
    cipher
        .decrypt(Nonce::from_slice(&nonce), sealed.as_slice())
        .ok()
        .map(Zeroizing::new)
}

fn hex(text: &str) -> Option<Vec<u8>> {
    HEXLOWER_PERMISSIVE.decode(text.trim().as_bytes()).ok()
}

/// Seals `plaintext` the way Aegis does, for tests that build encrypted exports.
#[cfg(test)]
pub(super) fn seal_for_test(plaintext: &[u8], password: &str) -> serde_json::Value {
    use aes_gcm::aead::AeadCore;
    let salt = [7u8; 32];
    let master = [9u8; 32];
    let params = scrypt::Params::new(10, 8, 1, 32).unwrap();
    let mut derived = [0u8; 32];
    scrypt::scrypt(password.as_bytes(), &salt, &params, &mut derived).unwrap();
    let seal = |key: &[u8], data: &[u8]| {
        let nonce = Aes256Gcm::generate_nonce(&mut aes_gcm::aead::OsRng);
        let out = Aes256Gcm::new_from_slice(key)
            .unwrap()
            .encrypt(&nonce, data)
            .unwrap();
        let (body, tag) = out.split_at(out.len() - 16);
        (
            body.to_vec(),
            HEXLOWER_PERMISSIVE.encode(&nonce),
            HEXLOWER_PERMISSIVE.encode(tag),
        )
    };
    let (key, key_nonce, key_tag) = seal(&derived, &master);
    let (db, nonce, tag) = seal(&master, plaintext);
    serde_json::json!({
        "version": 1,
        "header": {
            "slots": [{
                "type": 1, "uuid": "a8325752-c1be-458a-9b3e-5e0a8154d9ec",
                "key": HEXLOWER_PERMISSIVE.encode(&key),
                "key_params": {"nonce": key_nonce, "tag": key_tag},
                "n": 1024, "r": 8, "p": 1, "salt": HEXLOWER_PERMISSIVE.encode(&salt),
            }],
            "params": {"nonce": nonce, "tag": tag},
        },
        "db": BASE64.encode(&db),
    })
}
