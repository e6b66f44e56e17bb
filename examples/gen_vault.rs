//! Writes synthetic vaults for benchmarks and scripts:
//! `OUTDIR/vault-N.json` and `OUTDIR/rows-N.txt` for each N.
//!
//! ```text
//! cargo run --release --example gen_vault -- OUTDIR 1000 10000 100000
//! cargo run --release --example gen_vault -- --seed 7 OUTDIR 500
//! ```
//!
//! The same N and seed (default 42, as `benches/vault.rs` uses) always give the same files.

#[path = "../benches/common/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_vault [--seed SEED] OUTDIR N [N...]";

fn main() -> ExitCode {
    let mut seed = 42u64;
    let mut positional = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(value) => seed = value,
                None => return fail("--seed needs a whole number"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => positional.push(arg),
        }
    }
    let Some((dir, counts)) = positional.split_first() else {
        return fail("no OUTDIR");
    };
    if counts.is_empty() {
        return fail("no N");
    }
    let mut sizes = Vec::new();
    for count in counts {
        match count.replace('_', "").parse::<usize>() {
            Ok(n) => sizes.push(n),
            Err(_) => return fail(&format!("{count:?} is not a count")),
        }
    }
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return fail(&format!("{}: {e}", dir.display()));
    }
    for n in sizes {
        let vault = dir.join(format!("vault-{n}.json"));
        let rows = dir.join(format!("rows-{n}.txt"));
        let written = std::fs::write(&vault, generate::vault_json(n, seed))
            .and_then(|()| std::fs::write(&rows, generate::rows_text(n, seed)));
        if let Err(e) = written {
            return fail(&format!("writing {}: {e}", dir.display()));
        }
        // A vault holds secrets: keep it private, as credview's own warning asks.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600));
        }
        let size = std::fs::metadata(&vault).map_or(0, |m| m.len());
        println!("{} ({size} bytes), {}", vault.display(), rows.display());
    }
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("gen_vault: {message}\n{USAGE}");
    ExitCode::from(2)
}
