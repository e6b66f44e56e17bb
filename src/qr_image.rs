//! Reading the QR code a site shows out of a screenshot: PNG, JPEG or GIF, the code anywhere
//! in the picture, dark on light or inverted. Pure: bytes in, the code's text out, decoded in
//! this process (image + rqrr), never by an external program.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};
use zeroize::Zeroizing;

/// The largest picture read: an 8K screenshot (7680×4320) fits; a decompression bomb does not.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The widest or tallest side read.
pub const MAX_SIDE: u32 = 20_000;

/// Why no text came out of the image. None of them repeats what the code holds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrImageError {
    #[error("{}", crate::t!("err-qr-not-image"))]
    NotAnImage,
    #[error("{}", crate::t!(
        "err-qr-too-large",
        width = .width.to_string(),
        height = .height.to_string(),
        max_pixels = MAX_PIXELS.to_string(),
        max_side = MAX_SIDE.to_string()
    ))]
    TooLarge { width: u32, height: u32 },
    #[error("{}", crate::t!("err-qr-unreadable", why = .0))]
    Unreadable(String),
    #[error("{}", crate::t!("err-qr-no-code"))]
    NoCode,
    #[error("{}", crate::t!("err-qr-damaged"))]
    Damaged,
}

/// The text of every QR code found in the image, dark-on-light ones first.
pub fn decode_image(bytes: &[u8]) -> Result<Vec<Zeroizing<String>>, QrImageError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| QrImageError::Unreadable(e.to_string()))?;
    match reader.format() {
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Gif) => {}
        _ => return Err(QrImageError::NotAnImage),
    }
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| QrImageError::Unreadable(e.to_string()))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS || width.max(height) > MAX_SIDE {
        return Err(QrImageError::TooLarge { width, height });
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| QrImageError::Unreadable(e.to_string()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // The decoded picture at 4 bytes a pixel, and room for the decoder's own buffers.
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    let picture = reader
        .decode()
        .map_err(|e| QrImageError::Unreadable(e.to_string()))?
        .into_luma8();
    let (w, h) = (picture.width() as usize, picture.height() as usize);
    let grey = picture.as_raw();
    let at = |x: usize, y: usize| grey.get(y * w + x).copied().unwrap_or(255);
    let mut found = 0;
    for inverted in [false, true] {
        let (texts, grids) = scan(
            w,
            h,
            |x, y| if inverted { 255 - at(x, y) } else { at(x, y) },
        );
        found += grids;
        if !texts.is_empty() {
            return Ok(texts);
        }
    }
    Err(if found == 0 {
        QrImageError::NoCode
    } else {
        QrImageError::Damaged
    })
}

/// The texts decoded, and how many code-like grids were seen.
fn scan(
    width: usize,
    height: usize,
    pixel: impl FnMut(usize, usize) -> u8,
) -> (Vec<Zeroizing<String>>, usize) {
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, pixel);
    let grids = prepared.detect_grids();
    let texts = grids
        .iter()
        .filter_map(|grid| grid.decode().ok())
        .map(|(_, text)| Zeroizing::new(text))
        .collect();
    (texts, grids.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::QrCode;

    /// A QR code drawn `scale` pixels a module at (`left`, `top`) of a grey picture.
    fn picture(text: &str, scale: u32, left: u32, top: u32, size: u32, invert: bool) -> Vec<u8> {
        let code = QrCode::new(text.as_bytes()).unwrap();
        let modules = code.width() as u32;
        let colors = code.to_colors();
        let (dark, light) = if invert { (255, 0) } else { (0, 255) };
        let mut image = image::GrayImage::from_pixel(size, size, image::Luma([light]));
        for y in 0..modules * scale {
            for x in 0..modules * scale {
                let module = colors[((y / scale) * modules + x / scale) as usize];
                if module == qrcode::Color::Dark {
                    image.put_pixel(left + x, top + y, image::Luma([dark]));
                }
            }
        }
        let mut png = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        png
    }

    #[test]
    fn finds_the_code_anywhere_and_inverted() {
        let uri = "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP";
        for invert in [false, true] {
            let png = picture(uri, 4, 150, 90, 400, invert);
            let texts = decode_image(&png).unwrap();
            assert_eq!(texts[0].as_str(), uri, "inverted: {invert}");
        }
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(decode_image(b"hello"), Err(QrImageError::NotAnImage));
        let blank = picture("x", 1, 0, 0, 50, false);
        let mut empty = image::GrayImage::from_pixel(50, 50, image::Luma([255]));
        empty.put_pixel(0, 0, image::Luma([0]));
        let mut png = Vec::new();
        empty
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        assert_eq!(decode_image(&png), Err(QrImageError::NoCode));
        assert!(decode_image(&blank[..blank.len() / 2]).is_err());
    }

    fn blank_png(width: u32, height: u32) -> Vec<u8> {
        let image = image::GrayImage::from_pixel(width, height, image::Luma([255]));
        let mut png = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        png
    }

    #[test]
    fn a_huge_image_is_refused_before_it_is_decoded() {
        for (width, height) in [(20_001, 1), (6_400, 6_400)] {
            let result = decode_image(&blank_png(width, height));
            assert_eq!(result, Err(QrImageError::TooLarge { width, height }));
        }
    }
}
