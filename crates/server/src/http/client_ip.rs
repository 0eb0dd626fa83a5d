//! The client's address, for rate limits: the connection's peer, or — when the peer is a
//! trusted proxy — the nearest address in `X-Forwarded-For` that is not a trusted proxy
//! (docs/security.md "Behind a proxy"). Only ever stored as a keyed hash.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::state::AppState;

/// An IP address or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpRange {
    network: IpAddr,
    prefix: u8,
}

impl IpRange {
    /// Whether `ip` lies in the range (an IPv4-mapped IPv6 address counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.network, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for IpRange {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (addr, prefix) = s.split_once('/').map_or((s, None), |(a, p)| (a, Some(p)));
        let network: IpAddr = addr.parse().map_err(|_| format!("not an IP address: {addr}"))?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(|| format!("bad prefix length: {p}"))?,
            None => max,
        };
        Ok(IpRange { network, prefix })
    }
}

/// The client address of a request, as [`client_address`] decides it.
pub struct ClientIp(pub String);

/// The client's address: the peer, unless the peer is a trusted proxy; then, walking
/// `X-Forwarded-For` from the right, the first address that is not a trusted proxy. A
/// header from an untrusted peer is ignored (anyone can write one).
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpRange]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|r| r.contains(ip));
    let mut client = peer;
    for hop in forwarded_for.iter().rev().flat_map(|h| h.split(',').rev()) {
        if !is_trusted(client) {
            break;
        }
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) => client = ip,
            // Garbage from the far side of our proxies: the last trusted hop is all we know.
            Err(_) => break,
        }
    }
    client
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip()).or_else(|| {
            parts.extensions.get::<axum::extract::connect_info::MockConnectInfo<SocketAddr>>().map(|m| m.0.ip())
        });
        let Some(peer) = peer else { return Ok(ClientIp("unknown".to_owned())) };
        let headers: Vec<&str> =
            parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        Ok(ClientIp(client_address(peer, &headers, &state.trusted_proxies).to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ranges() {
        let r: IpRange = "10.0.0.0/8".parse().unwrap();
        assert!(r.contains(ip("10.1.2.3")) && !r.contains(ip("11.0.0.1")));
        assert!(r.contains(ip("::ffff:10.9.9.9")), "IPv4-mapped");
        let one: IpRange = "192.0.2.7".parse().unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: IpRange = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8::1")) && !v6.contains(ip("2001:db9::1")));
        let all: IpRange = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("8.8.8.8")));
        assert!("10.0.0.0/33".parse::<IpRange>().is_err() && "nope".parse::<IpRange>().is_err());
    }

    #[test]
    fn forwarded_for_counts_only_behind_a_trusted_proxy() {
        let lb: Vec<IpRange> = vec!["10.0.0.0/8".parse().unwrap()];
        // Behind the load balancer: the client it saw.
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.4"], &lb), ip("198.51.100.4"));
        // A client that writes its own header in front: the proxy appends the real one.
        assert_eq!(client_address(ip("10.0.0.2"), &["1.2.3.4, 198.51.100.4"], &lb), ip("198.51.100.4"));
        // Two proxies of ours in a row.
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.4, 10.0.0.3"], &lb), ip("198.51.100.4"));
        // A direct client's header is ignored.
        assert_eq!(client_address(ip("203.0.113.9"), &["1.2.3.4"], &lb), ip("203.0.113.9"));
        // Nothing trusted: the peer.
        assert_eq!(client_address(ip("10.0.0.2"), &["1.2.3.4"], &[]), ip("10.0.0.2"));
        // Garbage after a trusted hop: the trusted hop.
        assert_eq!(client_address(ip("10.0.0.2"), &["nonsense"], &lb), ip("10.0.0.2"));
    }
}
