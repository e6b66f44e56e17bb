//! The commands that write the vault: `init`, `add`, `totp set` and `totp remove`. Every
//! change goes through `vault::write::update`; every change is an audit record (no secret).

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Subcommand};
use time::OffsetDateTime;

use super::secret_source::{SecretArgs, confirm, read_totp};
use super::{Failure, code::describe};
use crate::audit::{AuditAction, AuditLog, AuditRecord};
use crate::clock::Clock;
use crate::prompt::Tty;
use crate::unlock::Unlock;
use crate::vault::Stamp;
use crate::vault::encrypted::is_encrypted;
use crate::vault::write::{create, next_free_id, update};
use crate::vault::{Access, Credential, Device, Shared, Source, TotpConfig, WriteError};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the vault (else --vault, $CREDVIEW_VAULT, or the config folder's)
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Make it an age-encrypted vault (a passphrase, or the --identity files' keys)
    #[arg(long)]
    pub encrypt: bool,
    /// With --encrypt: write ASCII-armored text instead of binary
    #[arg(long, requires = "encrypt")]
    pub armor: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long)]
    pub username: String,
    #[arg(long)]
    pub hostname: Option<String>,
    #[arg(long)]
    pub ip: Option<String>,
    /// The device's type (Server, Firewall, ...)
    #[arg(long, value_name = "TYPE")]
    pub device_type: Option<String>,
    #[arg(long)]
    pub vendor: Option<String>,
    #[arg(long)]
    pub site: Option<String>,
    /// The credential's type (Local Administrator, ...)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    #[arg(long)]
    pub domain: Option<String>,
    /// Comma-separated
    #[arg(long, value_delimiter = ',')]
    pub tags: Vec<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// Ask for a TOTP secret with no echo (or give one with --secret-stdin, --uri, --qr-image)
    #[arg(long)]
    pub totp: bool,
    #[command(flatten)]
    pub secret: SecretArgs,
}

#[derive(Debug, Subcommand)]
pub enum TotpCommand {
    /// Set a credential's TOTP secret (asked with no echo unless a source is given)
    Set {
        /// The credential: its id or username@hostname
        credential: String,
        #[command(flatten)]
        secret: SecretArgs,
        /// Replace an existing secret without asking
        #[arg(long)]
        yes: bool,
    },
    /// Remove a credential's TOTP secret
    Remove {
        /// The credential: its id or username@hostname
        credential: String,
        /// Do not ask to confirm
        #[arg(long)]
        yes: bool,
    },
}

/// What every writing command needs besides its own arguments.
pub struct Context<'a> {
    pub source: &'a Source,
    pub keys: &'a mut Unlock,
    pub audit: &'a mut dyn AuditLog,
    pub clock: &'a dyn Clock,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

pub fn init(
    args: &InitArgs,
    flag: Option<&std::path::Path>,
    keys: &mut Unlock,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let env = |name: &str| std::env::var_os(name);
    let path = args
        .path
        .clone()
        .or_else(|| Source::new_vault_path(flag, env, args.encrypt))
        .ok_or_else(|| Failure::usage(crate::t!("cli-init-nowhere")))?;
    let name = path.display().to_string();
    if args.encrypt != is_encrypted(&path) {
        return Err(Failure::usage(if args.encrypt {
            crate::t!("cli-init-needs-age", name = &name)
        } else {
            crate::t!("cli-init-age-needs-encrypt", name = &name)
        }));
    }
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(Failure::usage(crate::t!("cli-init-exists", name = &name)));
    }
    let lock = match args.encrypt {
        true => Some((keys.lock(&[], &name).map_err(Failure::usage)?, args.armor)),
        false => None,
    };
    create(&path, lock).map_err(written)?;
    // Where credview looks by itself needs no --vault; anywhere else does.
    let found = Source::resolve(flag, env) == Source::File(path.clone());
    let vault = if found {
        String::new()
    } else {
        format!("--vault {name} ")
    };
    let created = crate::t!("cli-init-created", name = &name, vault = vault);
    let _ = writeln!(err, "{created}");
    Ok(())
}

pub fn add(args: &AddArgs, cx: Context<'_>) -> Result<(), Failure> {
    refuse_demo(cx.source)?;
    let totp = if args.totp || args.secret.given() {
        Some(read_totp(&args.secret, &mut Tty)?)
    } else {
        None
    };
    let mut credential = new_credential(args, cx.clock)?;
    credential.totp = totp.map(Box::new);
    let added = update(cx.source, cx.keys, |vault| {
        credential.id = next_free_id(vault);
        vault.credentials.push(credential.clone());
        Ok(credential)
    })
    .map_err(written)?;
    record(cx.audit, AuditAction::CredentialAdded, &added, cx.clock)?;
    writeln!(cx.out, "{}", added.id).map_err(output)?;
    let what = crate::t!(
        "cli-add-added",
        id = added.id.to_string(),
        name = added.qualified_name()
    );
    match &added.totp {
        Some(totp) => tell_code(cx.err, &what, totp, cx.clock),
        None => {
            let _ = writeln!(cx.err, "{what}");
        }
    }
    Ok(())
}

pub fn totp(command: &TotpCommand, cx: Context<'_>) -> Result<(), Failure> {
    refuse_demo(cx.source)?;
    let vault = super::open_vault_with(cx.source, cx.keys, cx.err)?;
    let (spec, yes) = match command {
        TotpCommand::Set {
            credential, yes, ..
        }
        | TotpCommand::Remove { credential, yes } => (credential, *yes),
    };
    let found = vault
        .find(spec)
        .map_err(|e| Failure::unavailable(e.to_string()))?;
    let (id, had_totp, who) = (found.id, found.totp.is_some(), describe(found));
    drop(vault);
    let (action, totp) = match command {
        TotpCommand::Set { secret, .. } => {
            if had_totp {
                confirm(&crate::t!("cli-totp-replace", name = &who), yes)?;
            }
            (AuditAction::TotpSet, Some(read_totp(secret, &mut Tty)?))
        }
        TotpCommand::Remove { .. } => {
            if !had_totp {
                return Err(Failure::unavailable(crate::t!("cli-no-totp", name = &who)));
            }
            confirm(&crate::t!("cli-totp-remove", name = &who), yes)?;
            (AuditAction::TotpRemoved, None)
        }
    };
    let changed = update(cx.source, cx.keys, |vault| {
        let credential = vault
            .credentials
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| crate::t!("cli-totp-gone", id = id.to_string()))?;
        // An HOTP secret is never dropped silently: a credential has one kind of code.
        if totp.is_some() && credential.hotp.is_some() {
            return Err(crate::t!("cli-totp-has-hotp", id = id.to_string()));
        }
        // The service's clock is what an offset corrects: a new secret keeps it.
        let offset = credential.totp.as_ref().map_or(0, |t| t.time_offset);
        credential.totp = totp.map(|mut totp| {
            totp.time_offset = offset;
            Box::new(totp)
        });
        Ok(credential.clone())
    })
    .map_err(written)?;
    record(cx.audit, action, &changed, cx.clock)?;
    match &changed.totp {
        Some(totp) => {
            let code = totp.generator().code(cx.clock.now());
            writeln!(cx.out, "{code}").map_err(output)?;
            let what = crate::t!("cli-totp-set", name = describe(&changed));
            tell_code(cx.err, &what, totp, cx.clock);
        }
        None => {
            let removed = crate::t!("cli-totp-removed", name = describe(&changed));
            let _ = writeln!(cx.err, "{removed}");
        }
    }
    Ok(())
}

fn refuse_demo(source: &Source) -> Result<(), Failure> {
    match source {
        Source::Demo => Err(written(WriteError::Demo)),
        Source::File(_) => Ok(()),
    }
}

fn written(error: WriteError) -> Failure {
    Failure::usage(error.to_string())
}

fn output(error: std::io::Error) -> Failure {
    super::output_failed(&error)
}

/// The vault is changed already: a record that cannot be written is said, with exit 2.
fn record(
    log: &mut dyn AuditLog,
    event: AuditAction,
    credential: &Credential,
    clock: &dyn Clock,
) -> Result<(), Failure> {
    log.append(&AuditRecord::of(event, credential, None, clock.now()))
        .map_err(|e| Failure::usage(crate::t!("cli-changed-not-recorded", error = e.to_string())))
}

/// The first code, so the user can finish the site's "enter the code to confirm" step.
fn tell_code(err: &mut dyn Write, what: &str, totp: &TotpConfig, clock: &dyn Clock) {
    let generator = totp.generator();
    let now = clock.now();
    let what = if totp.is_short() {
        crate::t!("cli-enrol-short", what = what)
    } else {
        what.to_owned()
    };
    let told = crate::t!(
        "cli-enrol-first-code",
        what = what,
        code = generator.code(now).grouped().to_string(),
        seconds = generator.seconds_left(now)
    );
    let _ = writeln!(err, "{told}");
}

fn new_credential(args: &AddArgs, clock: &dyn Clock) -> Result<Credential, Failure> {
    let text = |value: &Option<String>| -> Option<Shared> {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(Shared::from)
    };
    if args.username.trim().is_empty() {
        return Err(Failure::usage(crate::t!("cli-add-username-empty")));
    }
    let secs = i64::try_from(clock.now().as_secs()).unwrap_or(i64::MAX);
    let created = OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .map(Stamp::from);
    let tags: Vec<Shared> = args
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(Shared::from)
        .collect();
    Ok(Credential {
        id: 0,
        username: args.username.trim().into(),
        kind: text(&args.kind),
        domain: text(&args.domain),
        additional: None,
        tags: Arc::from(tags),
        device: Arc::new(Device {
            hostname: text(&args.hostname),
            ip: text(&args.ip),
            kind: text(&args.device_type),
            vendor: text(&args.vendor),
            site: text(&args.site),
            port: None,
        }),
        password: None,
        totp: None,
        hotp: None,
        access: Access::default(),
        last_view: None,
        expiration: None,
        created,
        notes: text(&args.notes),
    })
}
