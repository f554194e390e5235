//! An article over HTTP(S): a URL in, its bytes and what the server said about them out.
//!
//! Contract of [`fetch`]:
//! - `http://` and `https://` only (rustls with the Mozilla roots: no OpenSSL); up to
//!   [`MAX_REDIRECTS`] redirects followed; `gzip`, `br` and `deflate` bodies decoded; proxies
//!   from `HTTP_PROXY`/`HTTPS_PROXY`/`ALL_PROXY` (and `NO_PROXY`); the user agent names sahifa.
//! - The whole exchange, body included, ends within [`FetchOptions::timeout`]; connecting
//!   within [`FetchOptions::connect_timeout`].
//! - A body is read up to [`FetchOptions::max_bytes`] after decoding, then refused: an
//!   endless or huge response costs that much memory at most.
//! - A status other than 2xx, a content type that is neither an article (HTML, XHTML, plain
//!   text, Markdown) nor possibly a feed ([`FEED_TYPES`]: RSS, Atom, JSON, XML; none at all is
//!   let through to be sniffed) and every network failure is a
//!   [`FetchError`] whose message is one line naming the URL and the problem.
//! - `on_progress` hears the number of bytes received so far, after each chunk.
//!
//! [`fetch_picture`] fetches a web article's figure with the same client and limits, taking
//! `image/*` (or no type, or `application/octet-stream`) instead of articles, and says what
//! went wrong as a [`Failure`] kind for the figure's label.
//!
//! Nothing here decodes text or parses markup: [`Fetched`] carries the bytes with the final
//! URL, the content type and the charset the headers gave, for the loader to use.

use std::io::Read;
use std::time::Duration;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 10;

/// Limits of one fetch; the defaults are the command line's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchOptions {
    /// The whole exchange, from resolving the name to the last byte.
    pub timeout: Duration,
    /// Resolving the name and connecting (capped by `timeout`).
    pub connect_timeout: Duration,
    /// The most bytes of body read (after decompression).
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 50 * 1024 * 1024,
        }
    }
}

/// A fetched body and what is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL the body came from, after redirects.
    pub url: String,
    /// The media type of `Content-Type`, lower case, without parameters (`text/html`).
    pub content_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, as written.
    pub charset: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why a URL could not be fetched; the message is one line starting with the URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {reason}")]
pub struct FetchError {
    pub url: String,
    pub reason: String,
}

/// Whether `source` names something to fetch rather than a file.
pub fn is_url(source: &str) -> bool {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Media types read as articles.
const ARTICLE_TYPES: &[&str] = &[
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
];

/// Media types a feed may be served as: fetched too, then told from an article by
/// [`crate::feed::detect`] (`print`, `json` and the reader); an article loader refuses them.
pub const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/x-rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
];

/// Fetches `url` (see the module doc for the rules).
pub fn fetch(
    url: &str,
    options: &FetchOptions,
    on_progress: &mut dyn FnMut(u64),
) -> Result<Fetched, FetchError> {
    let article = |kind: &str| ARTICLE_TYPES.contains(&kind) || FEED_TYPES.contains(&kind);
    request(url, options, &article, on_progress).map_err(|failed| FetchError {
        url: url.to_owned(),
        reason: failed.reason,
    })
}

/// Why a fetch failed, for callers that act on the kind (a picture's label) rather than show
/// the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with this status (not 2xx).
    Status(u16),
    TimedOut,
    /// The body is bigger than the limit.
    TooBig,
    /// The content type is not one the caller takes.
    WrongType,
    /// Anything else: the name, the connection, TLS, a broken body.
    Network,
}

/// A failed fetch: its kind and the sentence about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub kind: Failure,
    pub reason: String,
}

/// Fetches a picture: the same client and rules as [`fetch`], but any `image/*` type (or
/// none, or `application/octet-stream`: the bytes tell) is taken and every other refused
/// ([`Failure::WrongType`]: a page where a picture should be).
pub fn fetch_picture(url: &str, options: &FetchOptions) -> Result<Fetched, Failed> {
    let picture = |kind: &str| kind.starts_with("image/") || kind == "application/octet-stream";
    request(url, options, &picture, &mut |_| {})
}

/// One GET of `url`, its content type checked with `accepts`.
fn request(
    url: &str,
    options: &FetchOptions,
    accepts: &dyn Fn(&str) -> bool,
    on_progress: &mut dyn FnMut(u64),
) -> Result<Fetched, Failed> {
    let failed = |kind: Failure, reason: String| Failed { kind, reason };
    let network = |reason: String| failed(Failure::Network, reason);
    let parsed = url::Url::parse(url).map_err(|e| network(format!("not a valid URL ({e})")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(network("only http and https URLs can be opened".to_owned()));
    }
    let agent = agent(options);
    let mut response = agent
        .get(parsed.as_str())
        .call()
        .map_err(|e| classify(&e, describe(&e, options)))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("error");
        return Err(failed(
            Failure::Status(status.as_u16()),
            format!("the server answered {} {reason}", status.as_u16()),
        ));
    }
    let final_url = {
        use ureq::ResponseExt;
        response.get_uri().to_string()
    };
    let content_type = response.body().mime_type().map(str::to_ascii_lowercase);
    let charset = response.body().charset().map(str::to_owned);
    if let Some(kind) = &content_type
        && !accepts(kind)
    {
        return Err(failed(
            Failure::WrongType,
            format!("not an article but {kind} (sahifa reads HTML, plain text and Markdown)"),
        ));
    }
    let deflated = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("deflate"));
    let reader = response.body_mut().with_config().limit(u64::MAX).reader();
    let read_failed = |e: &std::io::Error| {
        let kind = match e.kind() {
            std::io::ErrorKind::FileTooLarge => Failure::TooBig,
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Failure::TimedOut,
            _ => match e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
                Some(inner) => classify(inner, String::new()).kind,
                None => Failure::Network,
            },
        };
        failed(kind, describe_read(e, options))
    };
    let bytes = if deflated {
        let compressed = read_limited(reader, options, on_progress).map_err(|e| read_failed(&e))?;
        read_limited(inflate(&compressed), options, &mut |_| {})
    } else {
        read_limited(reader, options, on_progress)
    }
    .map_err(|e| read_failed(&e))?;
    Ok(Fetched {
        url: final_url,
        content_type,
        charset,
        bytes,
    })
}

/// The kind of a request's failure, with the sentence already made.
fn classify(e: &ureq::Error, reason: String) -> Failed {
    use ureq::Error as E;
    let kind = match e {
        E::Timeout(_) => Failure::TimedOut,
        E::BodyExceedsLimit(_) => Failure::TooBig,
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Failure::TimedOut,
            _ => match io.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
                Some(inner) => classify(inner, String::new()).kind,
                None => Failure::Network,
            },
        },
        _ => Failure::Network,
    };
    Failed { kind, reason }
}

fn agent(options: &FetchOptions) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .timeout_connect(Some(options.connect_timeout.min(options.timeout)))
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(concat!(
            "sahifa/",
            env!("CARGO_PKG_VERSION"),
            " (terminal article reader)"
        ))
        .accept("text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,*/*;q=0.1")
        .accept_encoding("gzip, br, deflate")
        .build()
        .new_agent()
}

/// A `deflate` body: zlib-wrapped as the standard says, or raw as some servers send it.
fn inflate(compressed: &[u8]) -> Box<dyn Read + '_> {
    let zlib = matches!(compressed, [cmf, flg, ..]
        if cmf & 0x0F == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0);
    if zlib {
        Box::new(flate2::read::ZlibDecoder::new(compressed))
    } else {
        Box::new(flate2::read::DeflateDecoder::new(compressed))
    }
}

/// The whole of `reader`, refused past `options.max_bytes`.
fn read_limited(
    mut reader: impl Read,
    options: &FetchOptions,
    on_progress: &mut dyn FnMut(u64),
) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
        if bytes.len() as u64 > options.max_bytes {
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "too big",
            ));
        }
        on_progress(bytes.len() as u64);
    }
}

fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{bytes} bytes")
    }
}

fn describe_read(e: &std::io::Error, options: &FetchOptions) -> String {
    if e.kind() == std::io::ErrorKind::FileTooLarge {
        return format!(
            "the page is bigger than {}; not read",
            megabytes(options.max_bytes)
        );
    }
    // ureq reports its own errors through the reader as io errors wrapping a ureq::Error.
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
    {
        Some(inner) => describe(inner, options),
        None if e.kind() == std::io::ErrorKind::TimedOut => timed_out(options),
        None => format!("reading the page failed ({e})"),
    }
}

fn timed_out(options: &FetchOptions) -> String {
    format!(
        "timed out after {} s (see --timeout)",
        options.timeout.as_secs_f64()
    )
}

/// One line for the user about a failed request.
fn describe(e: &ureq::Error, options: &FetchOptions) -> String {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => timed_out(options),
        E::HostNotFound => "host not found (DNS lookup failed)".to_owned(),
        E::ConnectionFailed => "could not connect to the server".to_owned(),
        E::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        E::RedirectFailed => "a redirect could not be followed".to_owned(),
        E::BadUri(why) => format!("not a valid URL ({why})"),
        E::BodyExceedsLimit(_) => format!(
            "the page is bigger than {}; not read",
            megabytes(options.max_bytes)
        ),
        E::Tls(why) => format!("TLS failed: {why}"),
        E::Rustls(why) => format!("TLS failed: {why}"),
        E::InvalidProxyUrl => "the proxy in the environment is not a valid URL".to_owned(),
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => timed_out(options),
            std::io::ErrorKind::ConnectionReset => "the server closed the connection".to_owned(),
            _ => match io.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
                Some(inner) => describe(inner, options),
                // The system resolver's failure comes as a plain io error.
                None if io.to_string().contains("lookup") => {
                    format!("host not found (DNS lookup failed: {io})")
                }
                None => io.to_string(),
            },
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_urls() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("article.html"));
        assert!(!is_url("ftp://example.org"));
        assert!(!is_url("http"));
    }

    #[test]
    fn a_url_that_is_not_one_is_refused_before_any_network() {
        let e = fetch("http://", &FetchOptions::default(), &mut |_| {}).expect_err("refused");
        assert!(e.to_string().starts_with("http://: not a valid URL"), "{e}");
    }

    #[test]
    fn deflate_bodies_decode_with_or_without_the_zlib_wrapper() {
        use flate2::Compression;
        use std::io::Write;
        let text = b"<p>deflated</p>";
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
        zlib.write_all(text).unwrap_or_default();
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
        raw.write_all(text).unwrap_or_default();
        for compressed in [zlib.finish(), raw.finish()] {
            let compressed = compressed.unwrap_or_default();
            let mut out = Vec::new();
            inflate(&compressed)
                .read_to_end(&mut out)
                .unwrap_or_default();
            assert_eq!(out, text);
        }
    }

    #[test]
    fn the_size_limit_stops_reading() {
        let options = FetchOptions {
            max_bytes: 10,
            ..FetchOptions::default()
        };
        let endless = std::io::repeat(b'x');
        let e = read_limited(endless, &options, &mut |_| {}).expect_err("stopped");
        assert_eq!(
            describe_read(&e, &options),
            "the page is bigger than 10 bytes; not read"
        );
    }
}
