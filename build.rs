//! Two changes to how the binary is linked on Linux with glibc, both for a start's cost (the
//! README's **Start-up** sections have the figures):
//!
//! - The unwinder is linked in (libgcc_eh) instead of loaded from `libgcc_s.so.1` at every
//!   start: that library's constructor asks the processor about itself with CPUID
//!   instructions, and on a virtual machine each one traps to the hypervisor (9 to 13 µs
//!   apiece there, `bench/cpuid.sh`). A file named `libgcc_s.so` holding `INPUT(-lgcc_eh)`,
//!   in a folder searched first, makes the linker take the static library where Rust's
//!   standard library asks for the shared one. Done when the C compiler has `libgcc_eh.a`.
//! - `link/startup.ld` places the functions a start of `code` or `uri` runs side by side
//!   before the rest of the code (`bench/startup_layout.py` writes it), so that a start
//!   touches a few pages of code, not one in every 64 KiB of 5 MB.
//!
//! Both are done only for native builds; the layout only with the toolchain's own linker (a
//! linker of the user's choosing may not read linker scripts). Anywhere else the link is
//! Rust's default.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const STARTUP_LAYOUT: &str = "link/startup.ld";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={STARTUP_LAYOUT}");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    println!("cargo::rustc-check-cfg=cfg(startup_layout)");
    if !native_linux_gnu() {
        return;
    }
    if let Some(folder) = static_unwinder_folder() {
        println!("cargo::rustc-link-search=native={}", folder.display());
    }
    let layout = Path::new(&var("CARGO_MANIFEST_DIR")).join(STARTUP_LAYOUT);
    if default_linker() && layout.is_file() {
        // -Xlinker, not -Wl: a comma in the path would split it.
        println!("cargo::rustc-link-arg-bins=-Xlinker");
        println!("cargo::rustc-link-arg-bins=--script={}", layout.display());
        println!("cargo::rustc-cfg=startup_layout");
    }
}

fn var(name: &str) -> String {
    env::var(name).unwrap_or_default()
}

/// Linux with glibc, not cross-compiled, not statically linked.
fn native_linux_gnu() -> bool {
    let crt_static = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && !crt_static
        && var("TARGET") == var("HOST")
}

/// No linker, and no flag about linking, set by the user.
fn default_linker() -> bool {
    let about_linking = |flag: &str| {
        ["linker", "link-arg", "fuse-ld"]
            .iter()
            .any(|word| flag.contains(word))
    };
    env::var_os("RUSTC_LINKER").is_none()
        && !var("CARGO_ENCODED_RUSTFLAGS")
            .split('\x1f')
            .any(about_linking)
}

fn static_unwinder_folder() -> Option<PathBuf> {
    let found = Command::new("cc")
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(found.stdout).ok()?.trim());
    if !path.is_absolute() || !path.is_file() {
        return None;
    }
    let folder = Path::new(&env::var_os("OUT_DIR")?).join("unwinder");
    std::fs::create_dir_all(&folder).ok()?;
    std::fs::write(folder.join("libgcc_s.so"), "INPUT(-lgcc_eh)\n").ok()?;
    Some(folder)
}
