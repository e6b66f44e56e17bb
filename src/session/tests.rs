use super::*;
use crate::vault::Vault;

fn vault(json: &str) -> Vault {
    crate::vault::parse("test.json", json.as_bytes()).unwrap()
}

#[test]
fn the_plan_prefers_the_ip_and_the_command_line_port() {
    let v = vault(
        r#"{"version":1,"credentials":[
        {"id":1,"username":"root","device":{"hostname":"srv","ip":"10.0.0.1","port":2222}},
        {"id":2,"username":"admin","device":{"hostname":"sw-01"}},
        {"id":3,"username":"nobody"}]}"#,
    );
    let one = Plan::new(&v.credentials[0], None);
    assert_eq!(one.host.as_deref(), Some("10.0.0.1"));
    assert_eq!(one.port, Some(2222));
    assert_eq!(Plan::new(&v.credentials[0], Some(22)).port, Some(22));
    let two = Plan::new(&v.credentials[1], None);
    assert_eq!((two.host.as_deref(), two.port), (Some("sw-01"), None));
    assert_eq!(Plan::new(&v.credentials[2], None).host, None);
}

#[test]
fn ssh_arguments_end_options_before_the_host() {
    let plan = Plan {
        credential_id: 1,
        username: "root".into(),
        host: Some("10.0.0.1".into()),
        port: Some(2222),
        options: vec!["StrictHostKeyChecking=accept-new".into()],
        command: vec!["-v".into(), "echo".into()],
    };
    assert_eq!(
        plan.ssh_args("10.0.0.1"),
        [
            "-l",
            "root",
            "-p",
            "2222",
            "-o",
            "StrictHostKeyChecking=accept-new",
            "--",
            "10.0.0.1",
            "-v",
            "echo"
        ]
    );
    assert_eq!(plan.login("10.0.0.1"), "root@10.0.0.1");
}

#[test]
fn hosts_that_ssh_would_read_as_options_are_refused() {
    assert!(check_host("srv-01").is_ok());
    assert!(check_host("-oProxyCommand=x").is_err());
    assert!(check_host("a b").is_err());
    assert!(check_host("").is_err());
}

#[test]
fn the_summary_says_how_it_ended_and_what_was_not_supplied() {
    let all = Supplied {
        password: true,
        code: true,
        host: true,
    };
    let ended = Ended {
        host: "10.0.0.1".into(),
        result: Ok(0),
    };
    assert_eq!(summary(&ended, all), "session to 10.0.0.1 ended (exit 0)");
    let some = Supplied {
        password: true,
        code: false,
        host: false,
    };
    assert_eq!(
        summary(&ended, some),
        "session to 10.0.0.1 ended (exit 0); not supplied: TOTP code, host"
    );
    let failed = Ended {
        host: "h".into(),
        result: Err(NotStarted {
            message: "cannot run ssh".into(),
            status: NO_SSH,
        }),
    };
    assert_eq!(
        summary(&failed, all),
        "session to h did not start: cannot run ssh"
    );
    assert_eq!(some.secrets(), ["password"]);
}

#[test]
fn the_summary_speaks_portuguese_keeping_the_host() {
    let _pt = crate::i18n::speak(crate::i18n::Language::PortugueseBrazil);
    let some = Supplied {
        password: true,
        code: false,
        host: false,
    };
    let ended = Ended {
        host: "10.0.0.1".into(),
        result: Ok(255),
    };
    assert_eq!(
        summary(&ended, some),
        "sessão com 10.0.0.1 encerrada (saída 255); não fornecidos: código TOTP, host"
    );
    assert_eq!(
        check_host("-oProxyCommand=x"),
        Err("\"-oProxyCommand=x\" não é um nome de host nem um endereço".to_owned())
    );
}
