//! The credential vault: its model, the JSON reader and writer, where the file comes from,
//! and the one write path (`write`).

pub mod encrypted;
mod fields;
mod hotp_field;
mod intern;
pub mod kdbx;
mod load;
mod lock;
mod model;
mod parse;
mod perms;
mod pick;
mod resolve;
mod save;
mod seen;
pub(crate) mod serde_words;

#[cfg(test)]
mod portuguese_tests;
mod skim;
mod stamp;
mod stream;
pub mod write;

pub use load::{
    VaultError, VaultText, load_file, load_file_with, open_file_with, parse, read_all, read_each,
    read_named,
};
pub use lock::{backup_path, lock_path};
pub use model::{
    Access, CounterAtEnd, Credential, Device, HotpConfig, LookupError, Password, Shared,
    TotpConfig, Vault,
};
pub use perms::{check_symlink, permission_warning, permission_warnings};
pub use resolve::{DEMO_NAME, Source};
pub use save::to_json;
pub use stamp::Stamp;
pub use write::{WriteError, next_free_id, update};
