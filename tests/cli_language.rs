//! The command line in Portuguese (Brazil) and English: the language from `--lang`, the
//! settings file and the locale variables, `--help` and usage errors, and one message of each
//! command family. `error: ` and a `PATH:LINE:COLUMN:` stay as they are in both languages.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/e2e-vault.json");

/// The binary with nothing of the machine's environment but `vars`: the demo vault, no audit.
fn credview(vars: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_credview"));
    cmd.env_clear().envs(vars.iter().copied());
    cmd
}

const PT: &[(&str, &str)] = &[("LANG", "pt_BR.UTF-8")];

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_follows_lang() {
    let text = stdout(credview(PT).arg("--help"));
    assert!(
        text.starts_with("Credenciais privilegiadas e seus códigos TOTP"),
        "{text}"
    );
    for words in [
        "Uso: credview [OPTIONS] [COMMAND]",
        "Comandos:",
        "  list         Mostra a tabela Credenciais > Todas",
        "Opções:",
        "Mostra a ajuda",
        "Sem comando, abre a tela Credenciais > Todas.",
        "[padrão: auto]",
    ] {
        assert!(text.contains(words), "{words:?} not in:\n{text}");
    }
    for english in ["Usage:", "Options:", "Commands:", "Print help", "default:"] {
        assert!(!text.contains(english), "{english:?} in:\n{text}");
    }
    // The first of LC_ALL, LC_MESSAGES, LANG that is set decides.
    let text = stdout(credview(&[("LC_ALL", "C"), ("LANG", "pt_BR.UTF-8")]).arg("-h"));
    assert!(text.contains("Usage: credview"), "{text}");
    let text = stdout(credview(&[("LC_MESSAGES", "pt_BR"), ("LANG", "en_US.UTF-8")]).arg("-h"));
    assert!(text.contains("Uso: credview"), "{text}");
    let text = stdout(credview(&[("LANG", "pt")]).arg("-h"));
    assert!(text.contains("Uso: credview"), "{text}");
}

#[test]
fn a_command_s_help_in_portuguese() {
    let text = stdout(credview(PT).args(["add", "--help"]));
    for words in [
        "Adiciona uma credencial (e sua chave secreta TOTP); mostra o novo id",
        "Uso: credview add [OPTIONS] --username <USERNAME>",
        "--username <USERNAME>",
        "O usuário (obrigatório)",
        "Lê o código QR desta captura de tela",
        "O arquivo do cofre a ler",
    ] {
        assert!(text.contains(words), "{words:?} not in:\n{text}");
    }
    let text = stdout(credview(PT).args(["help", "code"]));
    assert!(text.contains("Argumentos:\n  <CREDENTIAL>"), "{text}");
    assert!(
        text.contains("A credencial: seu id ou usuário@hostname"),
        "{text}"
    );
}

#[test]
fn the_lang_flag_beats_the_locale_and_the_file() {
    let text = stdout(credview(PT).args(["--lang", "en", "--help"]));
    assert!(
        text.contains("Usage: credview [OPTIONS] [COMMAND]"),
        "{text}"
    );
    assert!(text.contains("Print the Credentials > All table"), "{text}");
    assert!(!text.contains("Opções"), "{text}");
    let text = stdout(credview(PT).args(["add", "--lang=en", "-h"]));
    assert!(text.contains("The username (required)"), "{text}");

    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join(".config/credview");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), "language = \"pt-BR\"\n").unwrap();
    let home_env = |lang: &'static str| {
        let mut cmd = credview(&[("LANG", lang)]);
        cmd.env("HOME", home.path());
        cmd
    };
    // The file beats the locale, as `credview config` says; the flag beats the file.
    let text = stdout(home_env("C.UTF-8").arg("--help"));
    assert!(text.contains("Uso: credview"), "{text}");
    let text = stdout(home_env("C.UTF-8").args(["config"]));
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["language", "pt-BR", "arquivo"]),
        "{text}"
    );
    let text = stdout(home_env("pt_BR.UTF-8").args(["--lang", "en", "-h"]));
    assert!(text.contains("Usage: credview"), "{text}");
}

#[test]
fn a_usage_error_keeps_error_and_its_exit_status() {
    credview(PT)
        .arg("lsit")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: subcomando desconhecido 'lsit'",
        ))
        .stderr(predicate::str::contains("dica: existe um parecido: 'list'"))
        .stderr(predicate::str::contains(
            "Uso: credview [OPTIONS] [COMMAND]",
        ))
        .stderr(predicate::str::contains(
            "Para mais informações, experimente '--help'.",
        ));
    credview(PT)
        .args(["code", "101", "--peek", "--next"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: o argumento '--peek' não pode ser usado com '--next'",
        ));
    credview(PT)
        .args(["--color", "sometimes", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: valor inválido 'sometimes' para '--color <WHEN>'",
        ))
        .stderr(predicate::str::contains(
            "[valores possíveis: auto, always, never]",
        ));
    credview(&[])
        .arg("lsit")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: unrecognized subcommand 'lsit'",
        ))
        .stderr(predicate::str::contains("Usage: credview"));
}

#[test]
fn list_and_code_in_portuguese() {
    let table = stdout(credview(PT).args(["--no-audit", "list"]));
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "ID",
            "HOSTNAME",
            "TIPO",
            "USUÁRIO",
            "ADICIONAL",
            "DOMÍNIO",
            "TAGS",
            "ÚLTIMA",
            "VISUALIZAÇÃO",
            "TOTP"
        ]
    );
    assert!(table.lines().nth(1).unwrap().ends_with("sim"), "{table}");
    // The code itself is the same in every language; what is said about it is not.
    let at = ["--no-audit", "code", "101", "--at", "1767225600"];
    let english = stdout(credview(&[]).args(at));
    assert_eq!(stdout(credview(PT).args(at)), english);
    credview(PT)
        .args(["--no-audit", "code", "101", "--peek"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: --peek é para chaves HOTP; a credencial 101 (root@srv-db-01) tem uma TOTP",
        ));
}

#[test]
fn doctor_in_portuguese() {
    let out = credview(PT)
        .args(["--no-audit", "doctor"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "⚠ cofre: nenhum encontrado, então é mostrado o cofre de demonstração embutido → ",
        "⚠ registro de auditoria: desligado (--no-audit) → retire --no-audit",
        "⚠ relógio: não verificado (nenhum servidor NTP configurado) → acrescente --ntp",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(line)),
            "{line:?} not in:\n{text}"
        );
    }
}

#[test]
fn config_in_portuguese_keeps_its_keys() {
    let text = stdout(credview(PT).args(["--color", "never", "config"]));
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0][..3], ["arquivo", "de", "configurações"], "{text}");
    assert!(
        rows.contains(&vec!["language", "pt-BR", "ambiente", "$LANG"]),
        "{text}"
    );
    assert!(
        rows.contains(&vec!["qr_display_seconds", "45", "padrão"]),
        "{text}"
    );
    assert!(
        rows.contains(&vec!["color", "desligado", "opção", "--color"]),
        "{text}"
    );
    assert!(
        rows.contains(&vec!["ntp_servers", "(nenhum)", "padrão"]),
        "{text}"
    );
}

#[test]
fn a_settings_error_keeps_its_place_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"blue\"\n").unwrap();
    let expected = format!(
        "error: {}:1:9: o tema \"blue\" não é um de",
        config.display()
    );
    credview(PT)
        .args(["--config", config.to_str().unwrap(), "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(expected));
}

fn private_copy(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let vault = dir.join("vault.json");
    std::fs::copy(VAULT, &vault).unwrap();
    std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600)).unwrap();
    vault
}

#[test]
fn import_in_portuguese() {
    let dir = tempfile::tempdir().unwrap();
    let vault = private_copy(dir.path());
    let list = dir.path().join("uris.txt");
    std::fs::write(
        &list,
        "otpauth://totp/ACME:alice@acme?secret=JBSWY3DPEHPK3PXP&issuer=ACME\n",
    )
    .unwrap();
    let args = |extra: &[&str]| {
        let mut all = vec!["--no-audit", "--vault", vault.to_str().unwrap(), "import"];
        all.extend_from_slice(extra);
        all.push(list.to_str().unwrap());
        all.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let out = credview(PT).args(args(&["--dry-run"])).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let table = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["ORIGEM", "TIPO", "CONTA", "RESULTADO"], "{table}");
    assert!(table.contains("seria adicionada com o id"), "{table}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("(1 entrada)"), "{said}");
    assert!(
        said.contains("simulação: 1 a adicionar, 0 ignoradas, 0 com falha; nada foi gravado"),
        "{said}"
    );
    let out = credview(PT).args(args(&[])).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("1 credencial importada para"), "{said}");
}
