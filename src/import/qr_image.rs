//! Screenshots of Google Authenticator's export QR codes: PNG, JPEG or GIF pictures, one or
//! several codes in each.

use zeroize::Zeroizing;

use super::entry::Place;
use super::{Format, ImportError, Input, Parsed, Password, migration};

pub struct Pictures;

const MAGIC: [&[u8]; 4] = [b"\x89PNG\r\n\x1a\n", b"\xFF\xD8\xFF", b"GIF87a", b"GIF89a"];

impl Format for Pictures {
    fn id(&self) -> &'static str {
        "google-qr"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-qr-image")
    }

    fn detect(&self, input: &Input) -> bool {
        MAGIC.iter().any(|magic| input.bytes.starts_with(magic))
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let codes = qr_texts(input.bytes)?;
        if codes.is_empty() {
            return Err(ImportError::new(crate::t!("err-import-qr-none")));
        }
        let mut parsed = Parsed::default();
        let mut account = 0;
        for (index, text) in codes.iter().enumerate() {
            let payload = migration::decode_url(text)
                .map_err(|e| ImportError::new(format!("{}: {e}", Place::Code(index + 1))))?;
            let first = account;
            super::google::add_payload(&mut parsed, &payload, |n| Place::Code(first + n));
            account += payload.otp_parameters.len();
        }
        Ok(parsed)
    }
}

/// The text of every QR code in the picture (credview's screenshot reader).
pub fn qr_texts(bytes: &[u8]) -> Result<Vec<Zeroizing<String>>, ImportError> {
    match crate::qr_image::decode_image(bytes) {
        Ok(texts) => Ok(texts),
        Err(crate::qr_image::QrImageError::NoCode) => Ok(Vec::new()),
        Err(e) => Err(ImportError::new(e.to_string())),
    }
}
