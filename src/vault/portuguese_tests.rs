//! The vault's messages in Portuguese: the `PATH:LINE:COLUMN:` prefix and the names from the
//! file stay as they are, the words after them are translated.

use super::*;
use crate::i18n::{Language, speak};

fn error_of(text: &str) -> String {
    parse("cofre.json", text.as_bytes())
        .map(|_| ())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_json_syntax_error_keeps_its_place_and_says_the_rest_in_portuguese() {
    let text = "{\"version\": 1, \"credentials\": [\n  {\"id\": 101 \"username\": \"root\"}\n]}\n";
    assert_eq!(
        error_of(text),
        "cofre.json:2:14: credential 101: invalid JSON: expected `,` or `}`"
    );
    let _pt = speak(Language::PortugueseBrazil);
    assert_eq!(
        error_of(text),
        "cofre.json:2:14: credencial 101: JSON inválido: esperado `,` ou `}`"
    );
    assert_eq!(
        error_of("{\"version\": 1, \"credentials\": [\n"),
        "cofre.json:2:1: uma lista ficou aberta: o arquivo termina cedo demais"
    );
}

#[test]
fn a_schema_error_names_the_credential_and_the_field_in_portuguese() {
    let _pt = speak(Language::PortugueseBrazil);
    let text = "{\"version\": 1, \"credentials\": [\n  \
                {\"id\": 101, \"username\": \"root\", \"totp\": {\"secret\": \"JBSW1Y3DP\"}}\n]}";
    assert_eq!(
        error_of(text),
        "cofre.json:2:64: credencial 101, totp.secret: a chave secreta tem um caractere fora \
         do base32 (A-Z, 2-7) na posição 5"
    );
    let text = "{\"version\": 1, \"credentials\": [\n  \
                {\"id\": 101, \"username\": \"root\", \"totp\": {\"secret\": \"JBSWY3DP\", \"digts\": 6}}\n]}";
    let error = error_of(text);
    assert!(
        error.starts_with("cofre.json:2:")
            && error.contains(
                ": credencial 101: campo desconhecido `digts`; os campos aceitos são `secret`, "
            ),
        "{error}"
    );
    let text = "{\"version\": 1, \"credentials\": [{\"id\": 7, \"username\": \"a\"}, {\"id\": 7, \"username\": \"b\"}]}";
    assert!(
        error_of(text)
            .ends_with(": credencial nº 2, id: id 7 repetido (a credencial nº 1 já o usa)"),
        "{}",
        error_of(text)
    );
}

#[test]
fn a_missing_vault_and_a_lookup_say_what_to_do_in_portuguese() {
    let _pt = speak(Language::PortugueseBrazil);
    let error = load_file(std::path::Path::new("/nonexistent/cofre.json")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "/nonexistent/cofre.json: arquivo não encontrado; confira o caminho, ou deixe --vault e \
         $CREDVIEW_VAULT sem valor para usar o cofre de demonstração"
    );
    let vault = Vault::default();
    assert_eq!(
        vault.find("42").unwrap_err().to_string(),
        "nenhuma credencial tem o id 42"
    );
}
