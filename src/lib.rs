//! credview: privileged credentials and their TOTP codes in the terminal.
//!
//! The core (`otp`, `vault`, `app`) is pure; `clock`, `clipboard` and `tui` are the edges.

pub mod app;
pub mod audit;
pub mod cli;
pub mod clipboard;
pub mod clock;
pub mod config;
pub mod enrol;
pub mod format;
pub mod fsutil;
pub mod hygiene;
pub mod i18n;
pub mod import;
pub mod intake;
pub mod ntp;
pub mod otp;
pub mod progress;
pub mod prompt;
pub mod qr_image;
pub mod session;
pub mod template;
pub mod tui;
pub mod ui;
pub mod unlock;
pub mod vault;

#[cfg(test)]
mod test_env;
