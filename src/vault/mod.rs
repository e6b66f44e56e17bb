//! The credential vault: its model, the JSON reader and where the file comes from.

pub mod encrypted;
mod load;
mod model;
mod parse;
mod perms;
mod resolve;

pub use load::{VaultError, load_file, load_file_with, parse};
pub use model::{Access, Credential, Device, LookupError, Password, TotpConfig, Vault};
pub use perms::{check_symlink, permission_warning, permission_warnings};
pub use resolve::{DEMO_NAME, Source};
