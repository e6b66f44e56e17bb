//! The pure application core: state, messages, the update function and the key table.

pub mod clock;
mod copy;
mod details;
pub mod filter;
pub mod form;
pub mod keymap;
pub mod layout;
mod load;
pub mod msg;
mod navigate;
pub mod rows;
pub mod settings;
pub mod state;
mod update;
pub(crate) mod write;

pub use msg::{Effect, Msg};
pub use state::{App, Settings};
use update::say;
pub use update::{apply, settle, update};
