//! The credential vault: its model, the JSON reader and where the file comes from.

mod load;
mod model;
mod parse;
mod resolve;

pub use load::{VaultError, load_file, parse, permission_warning};
pub use model::{Access, Credential, Device, LookupError, Password, TotpConfig, Vault};
pub use resolve::{DEMO_NAME, Source};
