//! Fitting text into cells by display width (CJK and emoji take two columns).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns with an ellipsis when it does not fit, then padded to `width`.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(width);
    if text.width() <= width {
        out.push_str(text);
    } else if width > 0 {
        let mut used = 0;
        for ch in text.chars() {
            let w = ch.width().unwrap_or(0);
            if used + w > width - 1 {
                break;
            }
            out.push(ch);
            used += w;
        }
        out.push('…');
    }
    let pad = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_cuts_and_respects_wide_characters() {
        assert_eq!(fit("root", 6), "root  ");
        assert_eq!(fit("administrator", 6), "admin…");
        assert_eq!(fit("東京サーバ", 5), "東京…");
        assert_eq!(fit("東京サーバ", 6), "東京… ");
        assert_eq!(fit("x", 0), "");
    }
}
