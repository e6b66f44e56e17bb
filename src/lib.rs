//! credview: privileged credentials and their TOTP codes in the terminal.
//!
//! The core (`otp`, `vault`, `app`) is pure; `clock`, `clipboard` and `tui` are the edges.

pub mod app;
pub mod cli;
pub mod clipboard;
pub mod clock;
pub mod format;
pub mod otp;
pub mod tui;
pub mod ui;
pub mod vault;
