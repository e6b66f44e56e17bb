//! On Linux with glibc, the unwinder is linked in (libgcc_eh) instead of loaded from
//! `libgcc_s.so.1` at every start: that library's constructor asks the processor about itself
//! with CPUID instructions, and on a virtual machine each one traps to the hypervisor (9 to
//! 13 µs apiece on the machine of the README's start-up figures, `bench/cpuid.sh`): a tenth
//! of a `credview code` run there, besides one more library to load. A file named
//! `libgcc_s.so` holding `INPUT(-lgcc_eh)`, in a folder searched first, makes the linker take
//! the static library where Rust's standard library asks for the shared one. Done only for
//! native builds whose C compiler has `libgcc_eh.a`; anywhere else the link is as it was.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if let Some(folder) = static_unwinder_folder() {
        println!("cargo::rustc-link-search=native={}", folder.display());
    }
}

fn static_unwinder_folder() -> Option<PathBuf> {
    let var = |name: &str| env::var(name).unwrap_or_default();
    let linux_gnu = var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu";
    let crt_static = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if !linux_gnu || crt_static || var("TARGET") != var("HOST") {
        return None;
    }
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
