//! Enrolment: a credential's Key URI and its QR code, for an authenticator app to scan.
//!
//! Pure: nothing here reads the clock, the terminal or a file.
//!
//! Polarity of the terminal drawing: a light module is a filled half block and a dark module
//! is a space, so on the usual dark terminal the code reads dark-on-light with a light quiet
//! zone, which is what phone scanners expect (many cannot read an inverted code). On a light
//! terminal the drawing comes out inverted; callers that control colours (the TUI) should
//! draw it light-on-dark explicitly.

use qrcode::{Color, QrCode};

use crate::otp::{Algorithm, KeyUri, Params};
use crate::vault::Credential;

/// Light modules around the code on every side, as ISO/IEC 18004 asks for.
pub const QUIET_ZONE: usize = 4;
/// The largest PNG scale `qr_png` draws; beyond it the image only gets bigger, not better.
pub const MAX_PNG_SCALE: u32 = 32;

/// Why a QR code could not be drawn. Never carries the text, which holds the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrolError {
    #[error("{}", crate::t!("err-enrol-too-long"))]
    TooLong,
    #[error("{}", crate::t!("err-enrol-qr", why = .0))]
    Qr(String),
    #[error("{}", crate::t!("err-enrol-png", why = .0))]
    Png(String),
}

/// The Key URI an authenticator app needs: label `issuer:username@hostname`, where the issuer
/// is the one the credential's own Key URI named, else its hostname, else none.
/// An HOTP key's URI carries the stored counter: the next code an app shows is the next one
/// credview would.
pub fn key_uri(credential: &Credential) -> Option<KeyUri> {
    let (secret, params, counter, issuer) = match (&credential.totp, &credential.hotp) {
        (Some(totp), _) => (&totp.secret, totp.params, None, totp.issuer.as_deref()),
        (None, Some(hotp)) => {
            let params = Params {
                algorithm: hotp.algorithm,
                digits: hotp.digits,
                ..Params::default()
            };
            (
                &hotp.secret,
                params,
                Some(hotp.counter),
                hotp.issuer.as_deref(),
            )
        }
        (None, None) => return None,
    };
    let issuer = non_empty(issuer).or(non_empty(credential.device.hostname.as_deref()));
    Some(KeyUri {
        issuer: issuer.map(str::to_owned),
        account: credential.qualified_name(),
        secret: secret.clone(),
        params,
        counter,
    })
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// A warning when the settings differ from what most apps assume (SHA1, 6 digits, 30 s):
/// apps that ignore the URI's parameters then show codes that never match.
pub fn non_default_warning(params: &Params) -> Option<String> {
    if params.is_steam() {
        return Some(crate::t!("err-enrol-steam-warning"));
    }
    let defaults = Params::default();
    let mut differences = Vec::new();
    if params.algorithm != Algorithm::Sha1 {
        differences.push(params.algorithm.to_string());
    }
    if params.digits != defaults.digits {
        differences.push(crate::t!("err-enrol-digits", digits = params.digits));
    }
    if params.period != defaults.period {
        differences.push(format!("{} s", params.period));
    }
    if differences.is_empty() {
        return None;
    }
    Some(crate::t!(
        "err-enrol-non-default-warning",
        differences = differences.join(" / ")
    ))
}

/// The code's modules with the quiet zone around them: `dark(x, y)` for any x, y.
struct Modules {
    width: usize,
    dark: Vec<bool>,
}

impl Modules {
    fn new(text: &str) -> Result<Self, EnrolError> {
        // Level L (7% recovery) keeps the code small enough for a terminal; a screen is not a
        // scuffed label, and phones read it easily.
        let code = QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L)
            .map_err(|e| match e {
                qrcode::types::QrError::DataTooLong => EnrolError::TooLong,
                other => EnrolError::Qr(other.to_string()),
            })?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        Ok(Self { width, dark })
    }

    /// Side of the drawing in modules, quiet zone included.
    fn size(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// Whether the module at `(x, y)` of the drawing (quiet zone included) is dark.
    fn dark(&self, x: usize, y: usize) -> bool {
        let (Some(x), Some(y)) = (x.checked_sub(QUIET_ZONE), y.checked_sub(QUIET_ZONE)) else {
            return false;
        };
        x < self.width && y < self.width && self.dark.get(y * self.width + x) == Some(&true)
    }
}

/// The QR code of `text` as lines of half blocks (`▀ ▄ █` and space), two module rows per
/// line, with a 4-module quiet zone; light modules are drawn, dark ones left blank (see the
/// module comment). The side is odd, so the last line's lower half is blank (background).
pub fn qr_lines(text: &str) -> Result<Vec<String>, EnrolError> {
    let modules = Modules::new(text)?;
    let size = modules.size();
    let light = |x: usize, y: usize| y < size && !modules.dark(x, y);
    let lines = (0..size.div_ceil(2))
        .map(|row| {
            (0..size)
                .map(|x| match (light(x, 2 * row), light(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect()
        })
        .collect();
    Ok(lines)
}

/// The QR code of `text` as a PNG: black modules on white, `scale` pixels per module
/// (1 to `MAX_PNG_SCALE`, clamped), 4-module quiet zone, 1-bit greyscale.
pub fn qr_png(text: &str, scale: u32) -> Result<Vec<u8>, EnrolError> {
    let modules = Modules::new(text)?;
    let scale = scale.clamp(1, MAX_PNG_SCALE) as usize;
    let pixels = modules.size() * scale;
    let side = u32::try_from(pixels).map_err(|_| EnrolError::TooLong)?;
    // One bit per pixel, rows padded to whole bytes; a set bit is white.
    let row_bytes = pixels.div_ceil(8);
    let mut data = vec![0u8; row_bytes * pixels];
    for y in 0..pixels {
        for x in 0..pixels {
            if !modules.dark(x / scale, y / scale) {
                data[y * row_bytes + x / 8] |= 0x80 >> (x % 8);
            }
        }
    }
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    let encode_error = |e: png::EncodingError| EnrolError::Png(e.to_string());
    let mut writer = encoder.write_header().map_err(encode_error)?;
    writer.write_image_data(&data).map_err(encode_error)?;
    writer.finish().map_err(encode_error)?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::otp::Secret;
    use crate::vault::{Access, Device, TotpConfig};

    fn credential(hostname: Option<&str>, issuer: Option<&str>) -> Credential {
        Credential {
            id: 7,
            username: "root".into(),
            kind: None,
            domain: None,
            additional: None,
            tags: Vec::new().into(),
            device: Device {
                hostname: hostname.map(Into::into),
                ..Device::default()
            }
            .into(),
            password: None,
            totp: Some(Box::new(TotpConfig {
                secret: Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap(),
                params: Params::new(Algorithm::Sha256, 8, 60).unwrap(),
                issuer: issuer.map(Into::into),
                time_offset: 0,
            })),
            hotp: None,
            access: Access::default(),
            last_view: None,
            expiration: None,
            created: None,
            notes: None,
        }
    }

    #[test]
    fn the_issuer_is_the_uris_else_the_hostname_else_none() {
        let uri = key_uri(&credential(Some("srv-01"), Some("CORP"))).unwrap();
        assert_eq!(uri.issuer.as_deref(), Some("CORP"));
        assert_eq!(uri.account, "root@srv-01");
        let uri = key_uri(&credential(Some("srv-01"), None)).unwrap();
        assert_eq!(uri.issuer.as_deref(), Some("srv-01"));
        assert!(
            uri.to_uri()
                .starts_with("otpauth://totp/srv-01:root@srv-01?secret=")
        );
        let uri = key_uri(&credential(None, Some(" "))).unwrap();
        assert_eq!((uri.issuer, uri.account.as_str()), (None, "root"));
        let mut none = credential(None, None);
        none.totp = None;
        assert!(key_uri(&none).is_none());
    }

    #[test]
    fn warns_only_about_settings_apps_may_ignore() {
        assert_eq!(non_default_warning(&Params::default()), None);
        let all = Params::new(Algorithm::Sha256, 8, 60).unwrap();
        let warning = non_default_warning(&all).unwrap();
        assert!(
            warning.starts_with("SHA256 / 8 digits / 60 s: some authenticator apps assume"),
            "{warning}"
        );
        let digits = Params::new(Algorithm::Sha1, 7, 30).unwrap();
        assert!(
            non_default_warning(&digits)
                .unwrap()
                .starts_with("7 digits: ")
        );
    }

    /// Reads the drawing back into modules (true = dark), as a camera would see it.
    fn parse(lines: &[String]) -> Vec<Vec<bool>> {
        let mut rows = Vec::new();
        for line in lines {
            let (top, bottom): (Vec<bool>, Vec<bool>) = line
                .chars()
                .map(|c| match c {
                    '█' => (false, false),
                    '▀' => (false, true),
                    '▄' => (true, false),
                    ' ' => (true, true),
                    other => panic!("unexpected {other:?}"),
                })
                .unzip();
            rows.push(top);
            rows.push(bottom);
        }
        rows
    }

    #[test]
    fn the_drawing_holds_every_module_inside_a_light_quiet_zone() {
        let text = "otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP";
        let lines = qr_lines(text).unwrap();
        let code = QrCode::with_error_correction_level(text, qrcode::EcLevel::L).unwrap();
        let width = code.width();
        let size = width + 2 * QUIET_ZONE;
        assert_eq!(lines.len(), size.div_ceil(2));
        let grid = parse(&lines);
        assert!(
            grid[size].iter().all(|&dark| dark),
            "blank lower half of the last line"
        );
        for (y, row) in grid[..size].iter().enumerate() {
            assert_eq!(row.len(), size);
            for (x, &dark) in row.iter().enumerate() {
                let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&x)
                    && (QUIET_ZONE..QUIET_ZONE + width).contains(&y);
                let expected = inside && code[(x - QUIET_ZONE, y - QUIET_ZONE)] == Color::Dark;
                assert_eq!(dark, expected, "module {x},{y}");
            }
        }
    }

    #[test]
    fn the_png_has_the_right_size_and_colours() {
        let text = "otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP";
        let width = QrCode::with_error_correction_level(text, qrcode::EcLevel::L)
            .unwrap()
            .width();
        let png = qr_png(text, 3).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let side = u32::try_from((width + 2 * QUIET_ZONE) * 3).unwrap();
        assert_eq!((reader.info().width, reader.info().height), (side, side));
        let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut buffer).unwrap();
        // The quiet zone is white; the finder pattern's corner (module 4,4 → pixel 12,12) black.
        assert_eq!(buffer[0] & 0x80, 0x80);
        let row_bytes = usize::try_from(side).unwrap().div_ceil(8);
        assert_eq!(buffer[12 * row_bytes + 12 / 8] & (0x80 >> (12 % 8)), 0);
    }

    #[test]
    fn too_long_text_is_an_error_not_a_panic() {
        let long = "A".repeat(8000);
        assert_eq!(qr_lines(&long), Err(EnrolError::TooLong));
        assert_eq!(qr_png(&long, 8), Err(EnrolError::TooLong));
    }
}
