//! The network edge: one UDP request per server, one reply awaited for at most the timeout.

use std::io;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs, UdpSocket};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::Sample;
use super::packet::{self, Exchange, NtpTime, PACKET_LEN, Rejected};

/// A server slower than this is reported as not answering rather than waited on.
pub const TIMEOUT: Duration = Duration::from_secs(1);
pub const DEFAULT_PORT: u16 = 123;

/// Why a server gave no offset.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("{}", crate::t!("err-ntp-cannot-find", server = .0, why = .1))]
    Address(String, String),
    #[error("{}", crate::t!("err-ntp-network", error = .0.to_string()))]
    Network(#[from] io::Error),
    #[error("{}", crate::t!("err-ntp-no-answer", secs = .0.as_secs_f32().to_string()))]
    NoAnswer(Duration),
    #[error("{0}")]
    Rejected(#[from] Rejected),
}

/// One server's answer, or why there is none.
#[derive(Debug)]
pub struct Measurement {
    pub server: String,
    pub result: Result<Sample, QueryError>,
}

/// Asks each server in turn; each has `timeout` to answer.
pub fn measure_all(servers: &[String], timeout: Duration) -> Vec<Measurement> {
    servers
        .iter()
        .map(|server| Measurement {
            server: server.clone(),
            result: query(server, timeout),
        })
        .collect()
}

/// `HOST`, `HOST:PORT`, `[V6]:PORT` or a bare IPv6 address; the port defaults to 123.
pub fn resolve(spec: &str) -> Result<SocketAddr, QueryError> {
    let spec = spec.trim();
    let fail = |why: String| QueryError::Address(spec.to_owned(), why);
    if let Ok(addr) = spec.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if let Ok(ip) = spec.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, DEFAULT_PORT));
    }
    let (host, port) = match spec.rsplit_once(':') {
        Some((host, port)) => {
            let port = port
                .parse::<u16>()
                .map_err(|_| fail(crate::t!("err-ntp-bad-port", port = port)))?;
            (host, port)
        }
        None => (spec, DEFAULT_PORT),
    };
    if host.is_empty() {
        return Err(fail(crate::t!("err-ntp-no-host")));
    }
    (host, port)
        .to_socket_addrs()
        .map_err(|e| fail(e.to_string()))?
        .next()
        .ok_or_else(|| fail(crate::t!("err-ntp-no-address")))
}

/// One SNTP exchange with `server`.
pub fn query(server: &str, timeout: Duration) -> Result<Sample, QueryError> {
    let addr = resolve(server)?;
    let local: SocketAddr = if addr.is_ipv4() {
        "0.0.0.0:0".parse().map_err(io::Error::other)?
    } else {
        "[::]:0".parse().map_err(io::Error::other)?
    };
    let socket = UdpSocket::bind(local)?;
    // Connected: replies from any other address are dropped by the kernel.
    socket.connect(addr)?;
    socket.set_read_timeout(Some(timeout))?;
    let t1 = now();
    socket.send(&packet::request(t1))?;
    let mut buffer = [0u8; PACKET_LEN * 2];
    let received = match socket.recv(&mut buffer) {
        Ok(n) => n,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) =>
        {
            return Err(QueryError::NoAnswer(timeout));
        }
        Err(e) => return Err(QueryError::Network(e)),
    };
    let t4 = now();
    let times = packet::parse_reply(&buffer[..received], t1)?;
    Ok(Exchange {
        t1,
        t2: times.received,
        t3: times.transmitted,
        t4,
    }
    .sample())
}

/// The local clock as an NTP timestamp (the one clock read this module makes).
fn now() -> NtpTime {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    NtpTime::from_unix_nanos(nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_specs_take_a_default_port() {
        assert_eq!(
            resolve("127.0.0.1").unwrap(),
            "127.0.0.1:123".parse().unwrap()
        );
        assert_eq!(
            resolve("127.0.0.1:1234").unwrap(),
            "127.0.0.1:1234".parse().unwrap()
        );
        assert_eq!(resolve("::1").unwrap(), "[::1]:123".parse().unwrap());
        assert_eq!(resolve("[::1]:99").unwrap(), "[::1]:99".parse().unwrap());
        assert_eq!(resolve("localhost:99").unwrap().port(), 99);
        let bad = resolve("localhost:ntp").unwrap_err().to_string();
        assert!(bad.contains("\"ntp\" is not a port number"), "{bad}");
        assert!(resolve(":5").is_err());
    }
}
