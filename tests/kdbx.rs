//! KeePassXC databases as vaults, made by the real `keepassxc-cli` from a KeePass XML file
//! written here; codes compared with what `keepassxc-cli show -t` prints at the same moment.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::Lab;

const PASSWORD: &str = "kdbx test password";

const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<KeePassFile><Meta><DatabaseName>team</DatabaseName></Meta>
<Root><Group><UUID>AAAAAAAAAAAAAAAAAAAAAA==</UUID><Name>Root</Name>
<Entry><UUID>AAAAAAAAAAAAAAAAAAAAAw==</UUID>
<String><Key>Title</Key><Value>Wiki</Value></String>
<String><Key>UserName</Key><Value>jørn@wiki</Value></String>
<String><Key>URL</Key><Value>https://wiki.example.com/login</Value></String>
<String><Key>otp</Key><Value>otpauth://totp/Wiki:j%C3%B8rn?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA&amp;period=60&amp;digits=8&amp;algorithm=SHA256</Value></String>
</Entry>
<Group><UUID>AAAAAAAAAAAAAAAAAAAAAQ==</UUID><Name>Servers</Name>
<Group><UUID>AAAAAAAAAAAAAAAAAAAABA==</UUID><Name>Linux</Name>
<Entry><UUID>AAAAAAAAAAAAAAAAAAAAAg==</UUID>
<String><Key>Title</Key><Value>db primary</Value></String>
<String><Key>UserName</Key><Value>root</Value></String>
<String><Key>Password</Key><Value>pw1</Value></String>
<String><Key>Notes</Key><Value>rack 4</Value></String>
<String><Key>otp</Key><Value>otpauth://totp/db:root?secret=JBSWY3DPEHPK3PXP&amp;period=30&amp;digits=6&amp;issuer=db</Value></String>
<Tags>prod;linux</Tags>
</Entry></Group></Group>
</Group></Root></KeePassFile>
"#;

fn keepassxc(args: &[&str], input: &str) -> String {
    let mut child = Command::new("keepassxc-cli")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("keepassxc-cli is installed (.ci/run installs keepassxc)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "keepassxc-cli {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A KDBX 3.1 database (what `import` writes by default) and a KDBX 4 one (custom data in an
/// entry makes KeePassXC write version 4).
fn databases(lab: &Lab) -> Vec<String> {
    let custom = "<CustomData><Item><Key>credview</Key><Value>test</Value></Item></CustomData>";
    lab.write("v3.xml", XML.as_bytes());
    lab.write(
        "v4.xml",
        XML.replace("</Tags>", &format!("</Tags>{custom}"))
            .as_bytes(),
    );
    let twice = format!("{PASSWORD}\n{PASSWORD}\n");
    let folder = lab.path(".");
    let at = |name: &str| folder.join(name).display().to_string();
    keepassxc(&["import", "-p", &at("v3.xml"), &at("v3.kdbx")], &twice);
    keepassxc(&["import", "-p", &at("v4.xml"), &at("v4.kdbx")], &twice);
    assert_eq!(version(&lab.path("v3.kdbx")), 3);
    assert_eq!(version(&lab.path("v4.kdbx")), 4);
    vec!["v3.kdbx".into(), "v4.kdbx".into()]
}

/// The KDBX major version in the file's header.
fn version(path: &Path) -> u16 {
    let bytes = std::fs::read(path).unwrap();
    u16::from_le_bytes([bytes[10], bytes[11]])
}

fn run(lab: &Lab, args: &[&str]) -> std::process::Output {
    let pass = lab.passphrase_file("pass", PASSWORD);
    lab.credview()
        .env("CREDVIEW_PASSPHRASE_FILE", pass)
        .arg("--no-audit")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn codes_match_keepassxc_cli_at_the_same_moment() {
    let lab = Lab::new();
    for db in databases(&lab) {
        let path = lab.path(&db).display().to_string();
        for (id, entry) in [("1", "Wiki"), ("2", "Servers/Linux/db primary")] {
            // A step boundary between the two commands changes the code: try again.
            let same = (0..3).any(|_| {
                let ours = stdout(&run(&lab, &["--vault", &db, "code", id]));
                let theirs = keepassxc(
                    &["show", "-q", "-t", &path, entry],
                    &format!("{PASSWORD}\n"),
                );
                ours.trim() == theirs.trim()
            });
            assert!(same, "{db} {entry}: credview and keepassxc-cli disagree");
        }
    }
}

#[test]
fn entries_are_grouped_by_group_path_or_url_host() {
    let lab = Lab::new();
    let dbs = databases(&lab);
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&run(&lab, &["--vault", &dbs[1], "list", "--json"]))).unwrap();
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let text = list.to_string();
    assert!(text.contains("Servers/Linux"), "{text}");
    assert!(text.contains("wiki.example.com"), "{text}");
    assert!(text.contains("jørn@wiki"), "{text}");
    assert!(text.contains("prod"), "{text}");
    let uri = stdout(&run(&lab, &["--vault", &dbs[0], "uri", "2"]));
    assert!(uri.contains("secret=JBSWY3DPEHPK3PXP"), "{uri}");
}

#[test]
fn wrong_password_and_writes_are_one_line_and_exit_2() {
    let lab = Lab::new();
    let dbs = databases(&lab);
    let before = std::fs::read(lab.path(&dbs[1])).unwrap();
    let wrong = lab.passphrase_file("wrong", "not it");
    let output = lab
        .credview()
        .env("CREDVIEW_PASSPHRASE_FILE", wrong)
        .args(["--no-audit", "--vault", &dbs[1], "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("wrong master password"), "{stderr}");

    lab.write("more.txt", b"otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP\n");
    let output = run(&lab, &["--vault", &dbs[1], "import", "more.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("read-only") && stderr.contains("credview import"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(lab.path(&dbs[1])).unwrap(), before);
}

/// The screen of a tmux session of our own, polled until it shows every needle (10 s at most).
fn screen_with(socket: &str, needles: &[&str]) -> String {
    let mut screen = String::new();
    for _ in 0..100 {
        let output = Command::new("tmux")
            .args([
                "-u",
                "-f",
                "/dev/null",
                "-L",
                socket,
                "capture-pane",
                "-p",
                "-t",
                "kdbx",
            ])
            .output()
            .unwrap();
        screen = String::from_utf8_lossy(&output.stdout).into_owned();
        if needles.iter().all(|n| screen.contains(n)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    screen
}

#[test]
fn the_tui_lists_the_database_and_shows_a_token() {
    let lab = Lab::new();
    let dbs = databases(&lab);
    let pass = lab.passphrase_file("pass", PASSWORD);
    let socket = format!("credview-kdbx-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &socket])
            .args(args)
            .env("HOME", lab.path("."))
            .env("CREDVIEW_PASSPHRASE_FILE", &pass)
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .env_remove("TMUX")
            .status()
            .expect("tmux is installed")
    };
    let vault = lab.path(&dbs[1]).display().to_string();
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        "kdbx",
        "-x",
        "120",
        "-y",
        "40",
        "--",
        common::BIN,
        "--no-audit",
        "--vault",
        &vault,
    ]);
    assert!(started.success());
    let list = screen_with(
        &socket,
        &["Servers/Linux", "wiki.example.com", "db primary"],
    );
    let details = if list.contains("Servers/Linux") {
        tmux(&["send-keys", "-t", "kdbx", "Enter"]);
        screen_with(&socket, &["Token OTP"])
    } else {
        String::new()
    };
    tmux(&["send-keys", "-t", "kdbx", "Escape", "q"]);
    tmux(&["kill-server"]);
    assert!(
        list.contains("Servers/Linux") && list.contains("wiki.example.com"),
        "{list}"
    );
    assert!(details.contains("Token OTP"), "{details}");
}

#[test]
fn a_database_imports_into_a_json_vault() {
    let lab = Lab::new();
    let dbs = databases(&lab);
    lab.write("v.json", b"{\"version\": 1, \"credentials\": []}\n");
    let pass = lab.passphrase_file("pw", PASSWORD);
    let pass = pass.display().to_string();
    for db in &dbs {
        let output = run(
            &lab,
            &["--vault", "v.json", "import", db, "--password-file", &pass],
        );
        let table = stdout(&output);
        assert!(String::from_utf8_lossy(&output.stderr).contains("KeePassXC database"));
        assert!(
            table.contains("added as id") || table.contains("skipped"),
            "{table}"
        );
    }
    let vault: serde_json::Value =
        serde_json::from_slice(&std::fs::read(lab.path("v.json")).unwrap()).unwrap();
    let text = vault.to_string();
    assert_eq!(vault["credentials"].as_array().unwrap().len(), 2, "{text}");
    assert!(
        text.contains("\"Servers/Linux\"") && text.contains("jørn@wiki"),
        "{text}"
    );
    let path = lab.path(&dbs[0]).display().to_string();
    let same = (0..3).any(|_| {
        let ours = stdout(&run(&lab, &["--vault", "v.json", "code", "2"]));
        let theirs = keepassxc(
            &["show", "-q", "-t", &path, "Servers/Linux/db primary"],
            &format!("{PASSWORD}\n"),
        );
        ours.trim() == theirs.trim()
    });
    assert!(same);
}

/// A database locked by a key file alone and one locked by a password and a key file, both
/// made by `keepassxc-cli`, which generates the key file.
fn databases_with_key_file(lab: &Lab) -> (String, String) {
    lab.write("k.xml", XML.as_bytes());
    let folder = lab.path(".");
    let at = |name: &str| folder.join(name).display().to_string();
    let key = at("team.keyx");
    keepassxc(
        &[
            "import",
            "-q",
            "--set-key-file",
            &key,
            &at("k.xml"),
            &at("only.kdbx"),
        ],
        "",
    );
    keepassxc(
        &[
            "import",
            "-q",
            "-p",
            "--set-key-file",
            &key,
            &at("k.xml"),
            &at("both.kdbx"),
        ],
        &format!("{PASSWORD}\n{PASSWORD}\n"),
    );
    (at("only.kdbx"), at("both.kdbx"))
}

#[test]
fn a_database_locked_by_a_key_file_opens_and_imports_with_it() {
    let lab = Lab::new();
    let (only, both) = databases_with_key_file(&lab);
    let key = lab.path("team.keyx").display().to_string();
    let pass = lab.passphrase_file("pw", PASSWORD).display().to_string();
    let none = lab.passphrase_file("none", "").display().to_string();
    let entry = "Servers/Linux/db primary";

    // As a vault: the code keepassxc-cli shows for the same database and key file.
    let credview = |db: &str, passphrase: &str| {
        let output = lab
            .credview()
            .env("CREDVIEW_PASSPHRASE_FILE", passphrase)
            .args(["--no-audit", "--vault", db, "--key-file", &key, "code", "2"])
            .output()
            .unwrap();
        stdout(&output).trim().to_owned()
    };
    let same = (0..3).any(|_| {
        let ours = credview(&only, &none);
        let theirs = keepassxc(
            &[
                "show",
                "-q",
                "-t",
                "--no-password",
                "-k",
                &key,
                &only,
                entry,
            ],
            "",
        );
        ours == theirs.trim()
    });
    assert!(same, "key file alone: credview and keepassxc-cli disagree");
    let same = (0..3).any(|_| {
        let ours = credview(&both, &pass);
        let theirs = keepassxc(
            &["show", "-q", "-t", "-k", &key, &both, entry],
            &format!("{PASSWORD}\n"),
        );
        ours == theirs.trim()
    });
    assert!(
        same,
        "password and key file: credview and keepassxc-cli disagree"
    );

    // Imported: an empty password file means "no password" for the key-file-only database.
    for (db, password_file) in [(&only, &none), (&both, &pass)] {
        lab.write("v.json", b"{\"version\": 1, \"credentials\": []}\n");
        let args = [
            "--vault",
            "v.json",
            "--key-file",
            &key,
            "import",
            db,
            "--password-file",
        ];
        let output = run(&lab, &[&args[..], &[password_file.as_str()]].concat());
        let table = stdout(&output);
        assert_eq!(table.matches("added as id").count(), 2, "{db}: {table}");
    }

    // Without the key file: refused in one line, exit 2, the vault untouched.
    let before = std::fs::read(lab.path("v.json")).unwrap();
    let output = run(
        &lab,
        &[
            "--vault",
            "v.json",
            "import",
            &both,
            "--password-file",
            &pass,
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("wrong master password or key file"),
        "{message}"
    );
    assert_eq!(std::fs::read(lab.path("v.json")).unwrap(), before);
}
