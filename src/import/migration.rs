//! Google Authenticator's `otpauth-migration://offline?data=...` payload: a protobuf message
//! (`MigrationPayload`, as the app's export writes it), base64 in a URL. Read and written.

use std::fmt;

use data_encoding::{BASE64, BASE64_NOPAD, BASE64URL, BASE64URL_NOPAD};
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use prost::Message;
use zeroize::{Zeroize, Zeroizing};

pub const PREFIX: &str = "otpauth-migration://offline?";

/// The export message. Enums are kept as their numbers: an unknown value is then ours to
/// report, not a decode failure.
#[derive(Clone, PartialEq, Message)]
pub struct Payload {
    #[prost(message, repeated, tag = "1")]
    pub otp_parameters: Vec<OtpParameters>,
    #[prost(int32, tag = "2")]
    pub version: i32,
    #[prost(int32, tag = "3")]
    pub batch_size: i32,
    #[prost(int32, tag = "4")]
    pub batch_index: i32,
    #[prost(int32, tag = "5")]
    pub batch_id: i32,
}

#[derive(Clone, PartialEq, Message)]
#[prost(skip_debug)]
pub struct OtpParameters {
    #[prost(bytes = "vec", tag = "1")]
    pub secret: Vec<u8>,
    #[prost(string, tag = "2")]
    pub name: String,
    #[prost(string, tag = "3")]
    pub issuer: String,
    /// 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5.
    #[prost(int32, tag = "4")]
    pub algorithm: i32,
    /// 0 unspecified, 1 six, 2 eight.
    #[prost(int32, tag = "5")]
    pub digits: i32,
    /// 0 unspecified, 1 HOTP, 2 TOTP.
    #[prost(int32, tag = "6")]
    pub kind: i32,
    #[prost(int64, tag = "7")]
    pub counter: i64,
}

impl fmt::Debug for OtpParameters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OtpParameters(redacted)")
    }
}

impl Drop for OtpParameters {
    fn drop(&mut self) {
        self.secret.zeroize();
    }
}

/// Which part of a multi-part export a payload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Batch {
    pub id: i32,
    pub index: i32,
    pub size: i32,
}

impl Payload {
    pub fn batch(&self) -> Batch {
        Batch {
            id: self.batch_id,
            index: self.batch_index,
            size: self.batch_size.max(1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    #[error("{}", crate::t!("err-migration-not-export"))]
    NotMigration,
    #[error("{}", crate::t!("err-migration-no-data"))]
    NoData,
    #[error("{}", crate::t!("err-migration-not-base64"))]
    Base64,
    #[error("{}", crate::t!("err-migration-bad-protobuf"))]
    Protobuf,
}

/// Reads an `otpauth-migration://` URL.
pub fn decode_url(text: &str) -> Result<Payload, MigrationError> {
    let text = text.trim();
    let query = super::otpauth::strip_prefix_ignore_case(text, PREFIX)
        .ok_or(MigrationError::NotMigration)?;
    let data = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("data="))
        .ok_or(MigrationError::NoData)?;
    let data = Zeroizing::new(
        percent_decode_str(data)
            .decode_utf8()
            .map_err(|_| MigrationError::Base64)?
            .replace(' ', "+"),
    );
    let bytes = Zeroizing::new(
        [&BASE64, &BASE64_NOPAD, &BASE64URL, &BASE64URL_NOPAD]
            .iter()
            .find_map(|encoding| encoding.decode(data.as_bytes()).ok())
            .ok_or(MigrationError::Base64)?,
    );
    Payload::decode(bytes.as_slice()).map_err(|_| MigrationError::Protobuf)
}

/// Writes an `otpauth-migration://` URL, as the app's export QR codes hold.
pub fn encode_url(payload: &Payload) -> Zeroizing<String> {
    let bytes = Zeroizing::new(payload.encode_to_vec());
    let data = Zeroizing::new(BASE64.encode(&bytes));
    let mut url = Zeroizing::new(String::from(PREFIX));
    url.push_str("data=");
    url.push_str(&utf8_percent_encode(&data, NON_ALPHANUMERIC).to_string());
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_payload() {
        let payload = Payload {
            otp_parameters: vec![OtpParameters {
                secret: b"12345678901234567890".to_vec(),
                name: "alice@example.com".into(),
                issuer: "Example".into(),
                algorithm: 1,
                digits: 2,
                kind: 1,
                counter: 7,
            }],
            version: 1,
            batch_size: 2,
            batch_index: 1,
            batch_id: -5,
        };
        let url = encode_url(&payload);
        assert!(url.starts_with(PREFIX));
        assert_eq!(decode_url(&url).unwrap(), payload);
        assert!(!format!("{payload:?}").contains("1234"));
    }

    #[test]
    fn tells_bad_inputs_apart() {
        assert_eq!(
            decode_url("otpauth://totp/x"),
            Err(MigrationError::NotMigration)
        );
        assert_eq!(decode_url(PREFIX), Err(MigrationError::NoData));
        let bad_base64 = format!("{PREFIX}data=%%%");
        assert_eq!(decode_url(&bad_base64), Err(MigrationError::Base64));
        // Field 1 as a length-delimited message that runs past the end.
        let bad_protobuf = format!("{PREFIX}data={}", BASE64.encode(&[0x0a, 0x20, 0x01]));
        assert_eq!(decode_url(&bad_protobuf), Err(MigrationError::Protobuf));
    }
}
