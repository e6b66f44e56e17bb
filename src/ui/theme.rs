//! Colours and styles in one place, so every screen speaks the same visual language.
//!
//! The palette is the app's state (`Settings::theme`, `Settings::color`); `ui::render` makes it
//! the current one for the frame it draws, so the small render helpers can ask for a style by
//! name without a palette threaded through every call.

use std::cell::Cell;

use ratatui::style::{Color, Modifier, Style};

use crate::app::settings::{Settings, Theme};

/// Every named style of the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub title: Style,
    pub title_dim: Style,
    pub column_header: Style,
    pub device_header: Style,
    pub selected: Style,
    pub dim: Style,
    pub label: Style,
    pub section: Style,
    pub key: Style,
    pub code: Style,
    pub code_warning: Style,
    pub expired: Style,
    pub info: Style,
    pub warning: Style,
    pub error: Style,
    pub border: Style,
    /// Behind the QR code's blocks: light modules on dark, whatever the terminal's own colours.
    pub qr_paper: Style,
}

const BOLD: Modifier = Modifier::BOLD;

pub const DARK: Palette = Palette {
    title: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(BOLD),
    title_dim: Style::new().fg(Color::Black).bg(Color::Cyan),
    column_header: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    device_header: Style::new().fg(Color::Magenta).add_modifier(BOLD),
    selected: Style::new().fg(Color::Black).bg(Color::LightCyan),
    dim: Style::new().fg(Color::DarkGray),
    label: Style::new().fg(Color::Gray),
    section: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    key: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    code: Style::new().fg(Color::LightGreen).add_modifier(BOLD),
    code_warning: Style::new().fg(Color::Yellow).add_modifier(BOLD),
    expired: Style::new().fg(Color::LightRed).add_modifier(BOLD),
    info: Style::new().fg(Color::Gray),
    warning: Style::new().fg(Color::Yellow),
    error: Style::new().fg(Color::LightRed),
    border: Style::new().fg(Color::Cyan),
    qr_paper: Style::new().fg(Color::White).bg(Color::Black),
};

/// For terminals with a light background: the dark theme's light greys and yellows vanish there.
pub const LIGHT: Palette = Palette {
    title: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(BOLD),
    title_dim: Style::new().fg(Color::White).bg(Color::Blue),
    column_header: Style::new().fg(Color::Blue).add_modifier(BOLD),
    device_header: Style::new().fg(Color::Magenta).add_modifier(BOLD),
    selected: Style::new().fg(Color::White).bg(Color::Blue),
    dim: Style::new().fg(Color::DarkGray),
    label: Style::new().fg(Color::DarkGray),
    section: Style::new().fg(Color::Blue).add_modifier(BOLD),
    key: Style::new().fg(Color::Blue).add_modifier(BOLD),
    code: Style::new().fg(Color::Green).add_modifier(BOLD),
    code_warning: Style::new().fg(Color::Red).add_modifier(BOLD),
    expired: Style::new().fg(Color::Red).add_modifier(BOLD),
    info: Style::new().fg(Color::Black),
    warning: Style::new().fg(Color::Red),
    error: Style::new().fg(Color::Red).add_modifier(BOLD),
    border: Style::new().fg(Color::Blue),
    qr_paper: Style::new().fg(Color::White).bg(Color::Black),
};

/// Pure white and yellow on black, bold where it matters; nothing dimmed.
pub const HIGH_CONTRAST: Palette = Palette {
    title: Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(BOLD),
    title_dim: Style::new().fg(Color::Black).bg(Color::White),
    column_header: Style::new().fg(Color::White).add_modifier(BOLD),
    device_header: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(BOLD),
    dim: Style::new().fg(Color::White),
    label: Style::new().fg(Color::White),
    section: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    key: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    code: Style::new().fg(Color::White).add_modifier(BOLD),
    code_warning: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    expired: Style::new().fg(Color::LightRed).add_modifier(BOLD),
    info: Style::new().fg(Color::White),
    warning: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    error: Style::new().fg(Color::LightRed).add_modifier(BOLD),
    border: Style::new().fg(Color::White),
    qr_paper: Style::new().fg(Color::White).bg(Color::Black),
};

/// No colour at all (`NO_COLOR`, `--color never`): bold and reverse video still mark the title,
/// the selection and what needs attention, so the screen stays usable.
pub const MONOCHROME: Palette = Palette {
    title: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    title_dim: Style::new().add_modifier(Modifier::REVERSED),
    column_header: Style::new().add_modifier(BOLD),
    device_header: Style::new().add_modifier(BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    dim: Style::new(),
    label: Style::new(),
    section: Style::new().add_modifier(BOLD),
    key: Style::new().add_modifier(BOLD),
    code: Style::new().add_modifier(BOLD),
    code_warning: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    expired: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    info: Style::new(),
    warning: Style::new().add_modifier(BOLD),
    error: Style::new().add_modifier(BOLD),
    border: Style::new(),
    qr_paper: Style::new(),
};

pub fn palette(settings: &Settings) -> &'static Palette {
    if !settings.color {
        return &MONOCHROME;
    }
    match settings.theme {
        Theme::Dark => &DARK,
        Theme::Light => &LIGHT,
        Theme::HighContrast => &HIGH_CONTRAST,
    }
}

thread_local! {
    static CURRENT: Cell<&'static Palette> = const { Cell::new(&DARK) };
}

/// Runs `draw` with `palette` as the current one, then puts the previous one back.
pub fn with<T>(palette: &'static Palette, draw: impl FnOnce() -> T) -> T {
    let previous = CURRENT.with(|current| current.replace(palette));
    let result = draw();
    CURRENT.with(|current| current.set(previous));
    result
}

fn current() -> &'static Palette {
    CURRENT.with(Cell::get)
}

pub fn title() -> Style {
    current().title
}

pub fn title_dim() -> Style {
    current().title_dim
}

pub fn column_header() -> Style {
    current().column_header
}

pub fn device_header() -> Style {
    current().device_header
}

pub fn selected() -> Style {
    current().selected
}

pub fn dim() -> Style {
    current().dim
}

pub fn label() -> Style {
    current().label
}

pub fn section() -> Style {
    current().section
}

pub fn key() -> Style {
    current().key
}

pub fn code() -> Style {
    current().code
}

pub fn code_warning() -> Style {
    current().code_warning
}

pub fn expired() -> Style {
    current().expired
}

pub fn info() -> Style {
    current().info
}

pub fn warning() -> Style {
    current().warning
}

pub fn error() -> Style {
    current().error
}

pub fn border() -> Style {
    current().border
}

pub fn qr_paper() -> Style {
    current().qr_paper
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(p: &Palette) -> [Style; 17] {
        [
            p.title,
            p.title_dim,
            p.column_header,
            p.device_header,
            p.selected,
            p.dim,
            p.label,
            p.section,
            p.key,
            p.code,
            p.code_warning,
            p.expired,
            p.info,
            p.warning,
            p.error,
            p.border,
            p.qr_paper,
        ]
    }

    #[test]
    fn monochrome_has_no_colour_but_marks_the_selection() {
        for style in styles(&MONOCHROME) {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(
            MONOCHROME
                .selected
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert!(MONOCHROME.title.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_settings_choose_the_palette() {
        let mut settings = Settings::default();
        assert_eq!(palette(&settings), &DARK);
        settings.theme = Theme::Light;
        assert_eq!(palette(&settings), &LIGHT);
        settings.theme = Theme::HighContrast;
        assert_eq!(palette(&settings), &HIGH_CONTRAST);
        settings.color = false;
        assert_eq!(palette(&settings), &MONOCHROME);
    }

    #[test]
    fn the_current_palette_is_put_back() {
        assert_eq!(title(), DARK.title);
        let inside = with(&LIGHT, || with(&MONOCHROME, title));
        assert_eq!(inside, MONOCHROME.title);
        assert_eq!(title(), DARK.title);
    }
}
