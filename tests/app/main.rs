//! The app's state machine driven by scripts of messages at a fixed clock.
//!
//! Every test builds an `App` over `tests/data/app-vault.json` at a chosen time and feeds it
//! `Msg`s; times are milliseconds since the Unix epoch, so boundaries can be hit exactly.
//!
//! The vault, as the list shows it (display row: content):
//!
//! ```text
//!  0  srv-db-01 (10.20.0.11) · Server · Debian · Sao Paulo
//!  1    101 root           SHA1, 6 digits, 30 s, the RFC 6238 seed
//!  2    102 backup         SHA1, 6 digits, 60 s, the same seed
//!  3    103 postgres       no TOTP
//!  4  dc-01 (10.10.0.5) · Domain Controller · Microsoft · Lisbon
//!  5    201 Administrator  SHA256, 8 digits, 30 s, the RFC 6238 SHA256 seed
//!  6    202 auditor        TOTP, but view_password = start_session = false
//!  7    203 helpdesk       otpauth URI
//!  8  fw-edge (192.168.1.1) · Firewall · OPNsense · Porto
//!  9    301 admin          80-bit secret, all defaults
//! 10    302 monitor        SHA512, 7 digits
//! ```

mod burst;
mod copy;
mod filter;
mod helpers;
mod loading;
mod mouse;
mod navigation;
mod open_close;
mod sensitive;
mod session;
mod settings;
mod status;
mod token;
mod token_bar;
mod wakeups;
