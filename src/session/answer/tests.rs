use super::*;
use crate::otp::{Algorithm, Params, Secret};

/// RFC 6238's SHA-1 key, "12345678901234567890"; its appendix B gives the codes.
fn rfc_totp() -> Totp {
    let secret = Secret::from_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap();
    Totp::new(&secret, Params::new(Algorithm::Sha1, 6, 30).unwrap())
}

fn answerer(password: Option<&str>, totp: Option<Totp>) -> Answerer {
    Answerer::new(
        Patterns::default(),
        "root@token-gw".into(),
        password.map(|p| Password::new(p.into())),
        totp,
    )
}

fn answer(decision: Decision) -> String {
    match decision {
        Decision::Answer(text) => text.to_string(),
        other => panic!("expected an answer, got {other:?}"),
    }
}

#[test]
fn prompts_are_classified_by_whole_words_in_any_case() {
    let p = Patterns::default();
    let login = "root@token-gw";
    for prompt in [
        "(root@token-gw) Password: ",
        "root@token-gw's password: ",
        "PASSWORD:",
        "Senha: ",
        "root@token-gw's senha:",
    ] {
        assert_eq!(p.classify(prompt, login), PromptKind::Password, "{prompt}");
    }
    for prompt in [
        "(root@token-gw) Verification code: ",
        "One-time password (OATH) for `root': ",
        "Enter OTP:",
        "Token: ",
        "PASSCODE:",
        "Código de verificação: ",
        "Senha única (OATH): ",
        "Informe a senha de uso único:",
    ] {
        assert_eq!(p.classify(prompt, login), PromptKind::Code, "{prompt}");
    }
    for prompt in [
        "Enter passphrase for key '/root/.ssh/id_ed25519': ",
        "Are you sure you want to continue connecting (yes/no/[fingerprint])? ",
        "Passwords are fun? no: this has no whole word",
        "hotpot:",
    ] {
        assert_eq!(p.classify(prompt, login), PromptKind::Other, "{prompt}");
    }
}

#[test]
fn the_pattern_list_can_be_extended() {
    let mut p = Patterns::default();
    assert_eq!(p.classify("Clave dinámica:", ""), PromptKind::Other);
    p.code.push("Clave dinámica".into());
    assert_eq!(p.classify("CLAVE DINÁMICA:", ""), PromptKind::Code);
    let p = Patterns::with_code_words(&[" Código de acesso ".into()]);
    assert_eq!(p.classify("Código de acesso: ", ""), PromptKind::Code);
    assert_eq!(p.classify("Verification code: ", ""), PromptKind::Code);
}

#[test]
fn password_then_code_each_answered_once() {
    let mut a = answerer(Some("s3cr3t!"), Some(rfc_totp()));
    let now = Timestamp::from_secs(1_111_111_111);
    assert_eq!(answer(a.decide("Password: ", now)), "s3cr3t!");
    // RFC 6238 appendix B: 14050471 at 1111111111 (8 digits), so 050471 with 6.
    assert_eq!(answer(a.decide("Verification code: ", now)), "050471");
    assert!(matches!(
        a.decide("Password: ", now),
        Decision::AskUser(why) if why.contains("not accepted")
    ));
    assert!(matches!(
        a.decide("Verification code: ", now),
        Decision::AskUser(why) if why.contains("not accepted")
    ));
}

#[test]
fn a_code_about_to_expire_waits_for_the_next_step() {
    let mut a = answerer(None, Some(rfc_totp()));
    // 1111111109 is 1 s before its step ends at 1111111110.
    let late = Timestamp::from_secs(1_111_111_109);
    assert_eq!(
        a.decide("Verification code: ", late),
        Decision::WaitUntil(Timestamp::from_secs(1_111_111_110))
    );
    assert_eq!(
        answer(a.decide("Verification code: ", Timestamp::from_secs(1_111_111_111))),
        "050471"
    );
}

#[test]
fn what_is_not_stored_or_not_known_goes_to_the_user() {
    let mut a = answerer(None, None);
    let now = Timestamp::from_secs(59);
    assert_eq!(
        a.decide("Password: ", now),
        Decision::AskUser("no password is stored for this credential".into())
    );
    assert_eq!(
        a.decide("Verification code: ", now),
        Decision::AskUser("no TOTP is configured for this credential".into())
    );
    let mut a = answerer(Some("pw"), Some(rfc_totp()));
    assert!(matches!(
        a.decide(
            "Are you sure you want to continue connecting (yes/no)? ",
            now
        ),
        Decision::AskUser(_)
    ));
    // The unknown prompt used up nothing.
    assert_eq!(answer(a.decide("Password: ", now)), "pw");
}

#[test]
fn a_decision_never_shows_the_secret_in_debug() {
    let text = format!("{:?}", Decision::Answer(Zeroizing::new("s3cr3t!".into())));
    assert!(!text.contains("s3cr3t"), "{text}");
}
