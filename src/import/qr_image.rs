//! Screenshots of Google Authenticator's export QR codes: PNG pictures, one or several codes
//! in each.

use std::io::Cursor;

use zeroize::Zeroizing;

use super::entry::Place;
use super::{Format, ImportError, Input, Parsed, Password, migration};

pub struct Pictures;

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
/// Larger pictures are refused before decoding: no screenshot needs more.
const MAX_PIXELS: usize = 64 * 1024 * 1024;

impl Format for Pictures {
    fn id(&self) -> &'static str {
        "google-qr"
    }

    fn name(&self) -> &'static str {
        "Google Authenticator export QR codes (PNG)"
    }

    fn detect(&self, input: &Input) -> bool {
        input.bytes.starts_with(PNG_MAGIC)
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let codes = qr_texts(input.bytes)?;
        if codes.is_empty() {
            return Err(ImportError::new(
                "no QR code found in the picture (crop it less tightly, or take a sharper screenshot)",
            ));
        }
        let mut parsed = Parsed::default();
        let mut account = 0;
        for (index, text) in codes.iter().enumerate() {
            let payload = migration::decode_url(text)
                .map_err(|e| ImportError::new(format!("QR code {}: {e}", index + 1)))?;
            let first = account;
            super::google::add_payload(&mut parsed, &payload, |n| Place::Code(first + n));
            account += payload.otp_parameters.len();
        }
        Ok(parsed)
    }
}

/// The text of every QR code in a PNG picture, top to bottom, left to right.
pub fn qr_texts(bytes: &[u8]) -> Result<Vec<Zeroizing<String>>, ImportError> {
    let (width, height, grey) = greyscale(bytes)?;
    // rqrr is third-party code fed a hostile picture: a panic in it is a bad picture.
    let found = std::panic::catch_unwind(move || {
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
            grey.get(y * width + x).copied().unwrap_or(255)
        });
        let mut codes: Vec<((i32, i32), Result<String, String>)> = image
            .detect_grids()
            .into_iter()
            .map(|grid| {
                let corner = grid.bounds[0];
                let text = grid
                    .decode()
                    .map(|(_, text)| text)
                    .map_err(|e| e.to_string());
                ((corner.y, corner.x), text)
            })
            .collect();
        codes.sort_by_key(|(corner, _)| *corner);
        codes
    })
    .map_err(|_| ImportError::new("the picture's QR code cannot be read"))?;
    found
        .into_iter()
        .enumerate()
        .map(|(index, (_, text))| {
            text.map(Zeroizing::new).map_err(|e| {
                ImportError::new(format!("QR code {}: cannot be read ({e})", index + 1))
            })
        })
        .collect()
}

/// A PNG decoded to one luminance byte a pixel.
fn greyscale(bytes: &[u8]) -> Result<(usize, usize, Vec<u8>), ImportError> {
    let damaged =
        |e: png::DecodingError| ImportError::new(format!("the PNG picture is damaged: {e}"));
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(damaged)?;
    let info = reader.info();
    let (width, height) = (info.width as usize, info.height as usize);
    if width.saturating_mul(height) > MAX_PIXELS {
        return Err(ImportError::new(
            "the picture is too large to be a screenshot",
        ));
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| ImportError::new("the picture is too large to be a screenshot"))?;
    let mut buffer = vec![0; size];
    let frame = reader.next_frame(&mut buffer).map_err(damaged)?;
    let channels = frame.color_type.samples();
    let line = frame.line_size;
    let mut grey = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            let at = y * line + x * channels;
            let pixel = buffer.get(at..at + channels).unwrap_or(&[255]);
            grey.push(luminance(pixel));
        }
    }
    Ok((width, height, grey))
}

/// Grey, grey + alpha, RGB or RGBA, with transparency over white (as a screen shows it).
fn luminance(pixel: &[u8]) -> u8 {
    let (value, alpha) = match *pixel {
        [g] => (u32::from(g), 255),
        [g, a] => (u32::from(g), u32::from(a)),
        [r, g, b] => (
            (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000,
            255,
        ),
        [r, g, b, a, ..] => (
            (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000,
            u32::from(a),
        ),
        [] => (255, 255),
    };
    ((value * alpha + 255 * (255 - alpha)) / 255) as u8
}
