//! The client's address, for rate limits: the connection's peer, or — when the peer is a
//! trusted proxy — the nearest address in `X-Forwarded-For` that is not a trusted proxy
//! (docs/security.md "Behind a proxy"). Only ever stored as a keyed hash.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;

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

/// Where a request's attempts count for rate limits: the client's address as
/// [`client_address`] decides it, in its [`limit_bucket`].
pub struct ClientIp(pub String);

/// The rate-limit bucket of a client address: an IPv4 address itself (an IPv4-mapped IPv6
/// address counts as IPv4); an IPv6 address's /64, written `2001:db8:1:2::/64`. One
/// subscriber gets a whole /64 and can use any of its 2^64 addresses, so counting per
/// address would give one attacker unlimited guesses (issue 24).
pub fn limit_bucket(ip: IpAddr) -> String {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let network = std::net::Ipv6Addr::from(u128::from(v6) & (u128::MAX << 64));
                format!("{network}/64")
            }
        },
        v4 => v4.to_string(),
    }
}

/// One `X-Forwarded-For` entry as proxies write it: `192.0.2.4`, `192.0.2.4:5678`,
/// `2001:db8::1`, `[2001:db8::1]` or `[2001:db8::1]:443`. A port is not part of the client
/// (read as garbage, it made every client count as the proxy: issue 24).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| hop.strip_prefix('[')?.strip_suffix(']')?.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6))
}

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
        match parse_hop(hop) {
            Some(ip) => client = ip,
            // Garbage from the far side of our proxies: the last trusted hop is all we know.
            None => break,
        }
    }
    client
}

/// The proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Arc<Vec<IpRange>>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp
where
    TrustedProxies: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let TrustedProxies(trusted) = TrustedProxies::from_ref(state);
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip()).or_else(|| {
            parts.extensions.get::<axum::extract::connect_info::MockConnectInfo<SocketAddr>>().map(|m| m.0.ip())
        });
        let Some(peer) = peer else { return Ok(ClientIp("unknown".to_owned())) };
        let headers: Vec<&str> =
            parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        Ok(ClientIp(limit_bucket(client_address(peer, &headers, &trusted))))
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
        // Entries with a port, and IPv6 in brackets, as proxies write them.
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.4:51234"], &lb), ip("198.51.100.4"));
        assert_eq!(client_address(ip("10.0.0.2"), &["[2001:db8::7]:443"], &lb), ip("2001:db8::7"));
        assert_eq!(client_address(ip("10.0.0.2"), &["[2001:db8::7]"], &lb), ip("2001:db8::7"));
        assert_eq!(client_address(ip("10.0.0.2"), &["2001:db8::7"], &lb), ip("2001:db8::7"));
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.4:51234, 10.0.0.3:80"], &lb), ip("198.51.100.4"));
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.4:port"], &lb), ip("10.0.0.2"), "still garbage");
    }

    #[test]
    fn ipv6_clients_count_per_64_and_ipv4_per_address() {
        assert_eq!(limit_bucket(ip("198.51.100.4")), "198.51.100.4");
        assert_eq!(limit_bucket(ip("::ffff:198.51.100.4")), "198.51.100.4", "IPv4-mapped");
        assert_eq!(limit_bucket(ip("2001:db8:1:2::1")), "2001:db8:1:2::/64");
        assert_eq!(limit_bucket(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")), "2001:db8:1:2::/64");
        assert_ne!(limit_bucket(ip("2001:db8:1:3::1")), limit_bucket(ip("2001:db8:1:2::1")));
    }
}
