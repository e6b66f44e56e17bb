//! Import messages in Portuguese: the file's names and places stay, the words are translated.

use super::*;
use crate::i18n::{Language, speak};

const LIST: &str = "otpauth://totp/Ops:root?secret=JBSWY3DPEHPK3PXP\n\
                    otpauth://totp/Ops:web?secret=JBSW1\n\
                    otpauth://totp/Ops:root?secret=JBSWY3DPEHPK3PXP\n";

fn read_list() -> Parsed {
    let input = Input {
        name: "lista.txt",
        bytes: LIST.as_bytes(),
        key_file: None,
    };
    let mut no_password = |_: &str| -> Result<Zeroizing<String>, String> { Err(String::new()) };
    read(&input, None, &mut no_password).unwrap().1
}

#[test]
fn a_format_error_is_in_portuguese() {
    let _pt = speak(Language::PortugueseBrazil);
    let error = by_id("yandex").map(|_| ()).unwrap_err().to_string();
    assert!(
        error.starts_with("formato desconhecido \"yandex\" (conhecidos: "),
        "{error}"
    );
    let input = Input {
        name: "x.bin",
        bytes: b"hello",
        key_file: None,
    };
    let error = detect(&input).map(|_| ()).unwrap_err().to_string();
    assert!(
        error.starts_with("formato desconhecido: não é lista de URIs da chave")
            && error.ends_with("; informe o formato com --format"),
        "{error}"
    );
    let input = Input {
        name: "aegis.json",
        bytes: b"{\"header\": {}, \"db\": {\"entries\": [",
        key_file: None,
    };
    let error = detect(&input).map(|_| ()).unwrap_err().to_string();
    assert!(
        error.starts_with("não é JSON válido: linha 1, coluna "),
        "{error}"
    );
}

#[test]
fn an_entry_error_and_a_skip_reason_are_in_portuguese() {
    let _pt = speak(Language::PortugueseBrazil);
    let parsed = read_list();
    let failed = parsed.entries[1].as_ref().unwrap_err().to_string();
    assert_eq!(
        failed,
        "linha 2: a chave secreta tem um caractere fora do base32 (A-Z, 2-7) na posição 5"
    );
    let named = parsed
        .entries
        .into_iter()
        .map(|e| ("lista.txt".to_owned(), e));
    let plan = apply::plan(&crate::vault::Vault::default(), named.collect());
    assert_eq!(
        plan.rows[2].outcome,
        apply::Outcome::Skipped("mesma conta e chave secreta do novo id 1".into())
    );
}

#[test]
fn a_missing_export_part_is_counted_in_both_languages() {
    let batches = [
        Batch {
            id: 9,
            index: 0,
            size: 3,
        },
        Batch {
            id: 9,
            index: 2,
            size: 3,
        },
    ];
    let error = check_batches(&batches).unwrap_err().to_string();
    assert_eq!(
        error,
        "the Google Authenticator export has 3 parts and part 2 is missing; import every QR \
         code of the export together"
    );
    let _pt = speak(Language::PortugueseBrazil);
    let error = check_batches(&batches[..1]).unwrap_err().to_string();
    assert_eq!(
        error,
        "a exportação do Google Authenticator tem 3 partes e faltam as partes 2, 3; importe \
         todos os códigos QR da exportação juntos"
    );
}
