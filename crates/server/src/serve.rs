//! Accepting connections: HTTP/1.1 and HTTP/2 through hyper, with a deadline for a request's
//! headers and a deadline from accept for a connection's first request, so slow, silent or
//! half-open connections are closed instead of piling up until the process runs out of file
//! descriptors (docs/security.md "Timeouts"). The request timeout
//! and the size check of `Content-Length` are middleware in [`crate::http::app`].

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long a connection may take to send a request's headers.
#[derive(Clone, Copy, Debug)]
pub struct ServeSettings {
    /// Deadline for the headers of each request (HTTP/1.1), and for a connection's first
    /// request from accept (any protocol: a connection that sends nothing, or only the
    /// HTTP/2 preface, is closed then; issue 24: 1,100 such connections used up the file
    /// descriptors and `/api/health` timed out for 75 s).
    pub header_timeout: Duration,
    /// Time open requests get to finish at shutdown.
    pub shutdown_grace: Duration,
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets open requests finish
/// (up to the grace period). Each request carries its peer address as `ConnectInfo`.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    settings: ServeSettings,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of descriptors, say: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let first_request = std::sync::Arc::new(tokio::sync::Notify::new());
        let arrived = first_request.clone();
        let service = app.clone().map_request(move |mut request: Request<Incoming>| {
            arrived.notify_one();
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            request
        });
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder.http1().timer(TokioTimer::new()).header_read_timeout(settings.header_timeout);
        builder.http2().timer(TokioTimer::new());
        let connection =
            builder.serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection.into_owned());
        let deadline = settings.header_timeout;
        tokio::spawn(async move {
            // Without a first request before the deadline the connection is dropped, which
            // closes it; once a request came, the connection runs its course. A client that
            // hangs up or times out is no error of ours.
            let silent = async {
                if tokio::time::timeout(deadline, first_request.notified()).await.is_ok() {
                    std::future::pending::<()>().await;
                }
            };
            tokio::select! {
                _ = connection => {}
                () = silent => {}
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(settings.shutdown_grace, graceful.shutdown()).await.is_err() {
        tracing::warn!("open connections did not finish in time at shutdown");
    }
    Ok(())
}
