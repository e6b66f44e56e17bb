//! The pure application core: state, messages, the update function and the key table.

pub mod filter;
pub mod keymap;
pub mod layout;
pub mod msg;
pub mod rows;
pub mod state;
mod update;

pub use msg::{Effect, Msg};
pub use state::{App, Settings};
pub use update::update;
