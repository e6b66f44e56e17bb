//! The enrolment entry points: a screenshot's bytes, and the text a user types or pastes as a
//! secret or a Key URI (the command line's `intake` and the TUI's form).

use credview::app::form::{Change, Form, FormKind};
use credview::intake;
use credview::otp::Params;
use credview::vault::write::blank_credential;
use credview::vault::{Vault, parse, to_json};

/// Any bytes as an image: the texts of the codes found, or one short error; never a panic.
pub fn qr_image(data: &[u8]) {
    match credview::qr_image::decode_image(data) {
        Ok(texts) => {
            assert!(!texts.is_empty(), "Ok with no code");
            if let Ok(totp) = intake::from_qr_texts(&texts) {
                written_and_read_back(totp);
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.chars().count() < 300, "{message}");
        }
    }
}

/// Any text as a typed secret, a Key URI, and a paste into both forms: what is accepted
/// survives the vault's writer and reader unchanged; what is refused says so in one line
/// that never repeats the text.
pub fn enrol_input(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let accepted = if intake::is_key_uri(&text) {
        intake::from_uri(&text)
    } else {
        intake::from_secret(&text, Params::default())
    };
    match accepted {
        Ok(totp) => written_and_read_back(totp),
        Err(message) => {
            assert!(!message.contains('\n'), "{message}");
            assert!(message.chars().count() < 300, "{message}");
        }
    }
    for kind in [
        FormKind::Add,
        FormKind::SetTotp {
            id: 1,
            name: "x".into(),
        },
    ] {
        let mut form = Form::new(kind);
        form.paste(&text);
        let check = form.check();
        assert!(
            check.problem.is_some() != check.change.is_some(),
            "{check:?}"
        );
        if let Some(
            Change::SetTotp { totp, .. }
            | Change::Add {
                totp: Some(totp), ..
            },
        ) = check.change
        {
            written_and_read_back(totp);
        }
    }
}

fn written_and_read_back(totp: credview::vault::TotpConfig) {
    let mut credential = blank_credential("fuzz");
    credential.id = 1;
    credential.totp = Some(Box::new(totp.clone()));
    let vault = Vault {
        credentials: vec![credential],
    };
    let json = to_json(&vault).expect("any vault serializes");
    let again = parse("written", &json).expect("what is written reads back");
    let read = again.credentials[0]
        .totp
        .as_deref()
        .expect("the totp is kept");
    assert_eq!(read.secret, totp.secret);
    assert_eq!(read.params, totp.params);
}
