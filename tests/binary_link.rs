//! How the binary is linked, for the cost of a start (`build.rs`, `.cargo/config.toml`): what
//! it loads, what its start asks the processor, and where the code a start runs lies.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::ops::Range;

fn binary() -> Vec<u8> {
    std::fs::read(env!("CARGO_BIN_EXE_credview")).expect("the binary")
}

fn names(binary: &[u8], needle: &[u8]) -> bool {
    binary.windows(needle.len()).any(|window| window == needle)
}

/// The unwinder is linked in: `libgcc_s.so.1`, whose constructor runs CPUID instructions at
/// every start, is not among the libraries loaded.
#[test]
fn the_binary_does_not_load_libgcc_s() {
    assert!(
        !names(&binary(), b"libgcc_s.so"),
        "the binary names libgcc_s.so among its libraries"
    );
}

/// `sha1` is built without its check for the SHA extensions, a CPUID the first time a code
/// is made. The symbol table is there (`fast_args` is named), so the absence means something.
#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
#[test]
fn sha1_does_not_ask_the_processor() {
    let binary = binary();
    assert!(
        names(&binary, b"9fast_args"),
        "the binary has no symbol table to look in"
    );
    assert!(
        !names(&binary, b"4sha18compress11shani_cpuid"),
        "sha1 checks for the SHA extensions at run time: is RUSTFLAGS set? It replaces \
         .cargo/config.toml's --cfg sha1_backend=\"soft\""
    );
}

/// Every function `link/startup.ld` names is in the `.text.startup` section it makes, that
/// section is a small part of the code, and the file still names what the code has: most
/// of its patterns match a function of the binary.
#[cfg(startup_layout)]
#[test]
fn the_functions_a_start_runs_lie_together() {
    let binary = binary();
    let elf = elf::Elf::read(&binary);
    let startup = elf
        .section(".text.startup")
        .expect("a .text.startup section");
    let text = elf.section(".text").expect("a .text section");
    let size = |range: &Range<u64>| range.end - range.start;
    assert!(
        size(&startup) * 8 < size(&text),
        "{:#x} bytes laid out together against {:#x} of other code",
        size(&startup),
        size(&text)
    );
    let script = include_str!("../link/startup.ld");
    let patterns: Vec<&str> = script
        .lines()
        .filter_map(|line| line.trim().strip_prefix("*(.text."))
        .filter_map(|line| line.split(' ').next())
        .collect();
    assert!(patterns.len() > 100, "{} patterns", patterns.len());
    let functions = elf.functions();
    let mut matched = 0;
    for pattern in &patterns {
        let mut any = false;
        for (name, address) in functions.iter().filter(|(name, _)| glob(pattern, name)) {
            assert!(
                startup.contains(address),
                "{name} at {address:#x}, outside {startup:x?}"
            );
            any = true;
        }
        matched += usize::from(any);
    }
    assert!(
        matched * 10 >= patterns.len() * 8,
        "only {matched} of {} patterns of link/startup.ld name a function of the binary: \
         run bench/startup_layout.py",
        patterns.len()
    );
}

/// A linker script's wildcard: `*` stands for any run of characters.
#[cfg(startup_layout)]
fn glob(pattern: &str, name: &str) -> bool {
    let mut parts = pattern.split('*');
    let Some(first) = parts.next() else {
        return false;
    };
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let mut parts = parts.peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// Just enough of a 64-bit little-endian ELF file: its sections and its function symbols.
#[cfg(startup_layout)]
mod elf {
    use super::Range;

    pub struct Elf<'a> {
        bytes: &'a [u8],
        sections: Vec<Section>,
    }

    struct Section {
        name: u32,
        kind: u32,
        address: u64,
        offset: usize,
        size: usize,
        link: usize,
    }

    const SYMTAB: u32 = 2;
    const FUNCTION: u8 = 2;

    fn u16_at(bytes: &[u8], at: usize) -> u16 {
        u16::from_le_bytes(bytes[at..at + 2].try_into().unwrap())
    }
    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    }
    fn u64_at(bytes: &[u8], at: usize) -> u64 {
        u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap())
    }

    impl<'a> Elf<'a> {
        pub fn read(bytes: &'a [u8]) -> Self {
            assert_eq!(
                &bytes[..6],
                b"\x7fELF\x02\x01",
                "a 64-bit little-endian ELF file"
            );
            let table = u64_at(bytes, 0x28) as usize;
            let entry = usize::from(u16_at(bytes, 0x3a));
            let count = usize::from(u16_at(bytes, 0x3c));
            let sections = (0..count)
                .map(|i| {
                    let at = table + i * entry;
                    Section {
                        name: u32_at(bytes, at),
                        kind: u32_at(bytes, at + 4),
                        address: u64_at(bytes, at + 0x10),
                        offset: u64_at(bytes, at + 0x18) as usize,
                        size: u64_at(bytes, at + 0x20) as usize,
                        link: u32_at(bytes, at + 0x28) as usize,
                    }
                })
                .collect();
            Elf { bytes, sections }
        }

        fn string(&self, table: usize, at: u32) -> &'a str {
            let strings = &self.sections[table];
            let start = strings.offset + at as usize;
            let end = start + self.bytes[start..].iter().position(|&b| b == 0).unwrap();
            std::str::from_utf8(&self.bytes[start..end]).unwrap()
        }

        /// The addresses a section spans.
        pub fn section(&self, name: &str) -> Option<Range<u64>> {
            let names = u16_at(self.bytes, 0x3e) as usize;
            self.sections
                .iter()
                .find(|section| self.string(names, section.name) == name)
                .map(|section| section.address..section.address + section.size as u64)
        }

        /// Every function symbol with its address.
        pub fn functions(&self) -> Vec<(&'a str, u64)> {
            let mut found = Vec::new();
            for table in self.sections.iter().filter(|s| s.kind == SYMTAB) {
                for at in (table.offset..table.offset + table.size).step_by(24) {
                    if self.bytes[at + 4] & 0xf == FUNCTION {
                        let name = self.string(table.link, u32_at(self.bytes, at));
                        found.push((name, u64_at(self.bytes, at + 8)));
                    }
                }
            }
            found
        }
    }
}
