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

/// `text` in at most `width` columns, cut after a whole word with an ellipsis when it does not
/// fit, so that a sentence never stops mid-word. A first word longer than the line is cut.
pub fn fit_words(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    // The end of the last word that fits with the ellipsis after it.
    let mut end = 0;
    let mut used = 0;
    for (at, ch) in text.char_indices() {
        if ch == ' ' {
            end = at;
        }
        used += ch.width().unwrap_or(0);
        if used > width.saturating_sub(1) {
            break;
        }
    }
    let whole = text[..end].trim_end();
    if whole.trim_start().is_empty() {
        return fit(text, width).trim_end().to_owned();
    }
    format!("{whole}…")
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

    #[test]
    fn sentences_are_cut_after_a_whole_word() {
        assert_eq!(fit_words("código copiado", 20), "código copiado");
        assert_eq!(fit_words("código copiado para", 17), "código copiado…");
        assert_eq!(fit_words(" expira em 3 s", 10), " expira…");
        assert_eq!(fit_words("código copiado para", 15), "código copiado…");
        assert_eq!(fit_words("Configurações", 6), "Confi…");
        assert!(fit_words("área de transferência", 12).width() <= 12);
    }
}
