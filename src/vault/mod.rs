//! The credential vault: its model, the JSON reader and where the file comes from.

pub mod encrypted;
mod fields;
mod hotp_field;
mod intern;
mod load;
mod model;
mod parse;
mod perms;
mod resolve;
mod stream;

pub use load::{
    VaultError, VaultText, load_file, load_file_with, open_file_with, parse, read_all, read_each,
};
pub use model::{
    Access, CounterAtEnd, Credential, Device, HotpConfig, LookupError, Password, Shared,
    TotpConfig, Vault,
};
pub use perms::{check_symlink, permission_warning, permission_warnings};
pub use resolve::{DEMO_NAME, Source};
