//! The OTP engine: pure functions of a secret and a time value. Nothing here reads the clock.

mod code;
mod hotp;
mod secret;
mod time;
mod totp;
mod uri;

pub use code::{Code, Encoder, STEAM_ALPHABET, STEAM_CHARS};
pub use hotp::{Algorithm, Hotp, UnknownAlgorithm};
pub use secret::{Secret, SecretError};
pub use time::Timestamp;
pub use totp::{Params, ParamsError, STEAM_PERIOD, Totp};
pub use uri::{KeyUri, UriError};
