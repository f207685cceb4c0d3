//! Measuring from the browser: the config beside the page, HTTPS requests with a time bound,
//! and their timing.

use js_sys::{Promise, Reflect};
use sitecheck_core::locale::Bilingual;
use sitecheck_core::network::FetchOutcome;
use sitecheck_core::network::run::TargetOrigin;
use sitecheck_core::series::{Clock, RoundTrip};
use sitecheck_core::targets::Targets;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}

/// Waits `ms` milliseconds. A promise around setTimeout rather than gloo-timers'
/// `TimeoutFuture`, whose oneshot channel grew the first load (about 0.2 kB gzip) for the same
/// wait.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// How a request may be read. An opaque (no-cors) request reaches any HTTPS server but hides
/// its timing; a CORS request is refused unless the server sends Access-Control-Allow-Origin,
/// and then its Resource Timing is readable if it also sends Timing-Allow-Origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchMode {
    Opaque,
    Cors,
}

/// One request with a time bound: how it ended, and its round trip when it answered. The
/// round trip comes from Resource Timing where the server allows it (Timing-Allow-Origin),
/// else from the wall clock around the request.
pub struct Timed {
    pub outcome: FetchOutcome,
    pub round_trip: Option<RoundTrip>,
}

/// The request goes through web-sys, not gloo-net: gloo-net's request builder rewrites the URL
/// (it appends '&' to an existing query, and every URL here has one), so the Resource Timing
/// entry looked up by this URL would be missed and the round trip fall back to the wall clock.
pub async fn timed_fetch(url: &str, timeout_ms: u64, mode: FetchMode) -> Timed {
    let lost = |outcome| Timed { outcome, round_trip: None };
    let Some(window) = web_sys::window() else {
        return lost(FetchOutcome::FailedAtOnce { elapsed_ms: 0 });
    };
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_mode(match mode {
        FetchMode::Opaque => web_sys::RequestMode::NoCors,
        FetchMode::Cors => web_sys::RequestMode::Cors,
    });
    init.set_cache(web_sys::RequestCache::NoStore);
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
    }
    let timed_out = Rc::new(Cell::new(false));
    let flag = timed_out.clone();
    let abort = controller.clone();
    // Held until the body is in: dropping it clears the timer.
    let timer = gloo_timers::callback::Timeout::new(timeout_ms.min(i32::MAX as u64) as u32, move || {
        flag.set(true);
        if let Some(controller) = abort {
            controller.abort();
        }
    });
    let started = now_ms();
    let mut result = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await;
    let elapsed = now_ms() - started;
    // The timing entry is written when the body has arrived, so a readable body is read
    // (under the same time bound) before the entry is looked up.
    if let Ok(response) = &result
        && mode == FetchMode::Cors
        && let Some(body) = response.dyn_ref::<web_sys::Response>().and_then(|response| response.text().ok())
    {
        result = JsFuture::from(body).await.map(|_| response.clone());
    }
    drop(timer);
    let elapsed_ms = elapsed.max(0.0) as u64;
    match result {
        Ok(_) => {
            // Chromium records no timing entry for an opaque request, and a server without
            // Timing-Allow-Origin shares none: then the wall clock is all there is.
            let round_trip = match resource_timing(url, if mode == FetchMode::Cors { 3 } else { 1 }).await {
                Some(shared) => shared,
                None => RoundTrip { micros: (elapsed * 1000.0).round() as u64, clock: Clock::Wall },
            };
            Timed { outcome: FetchOutcome::Answered { elapsed_ms }, round_trip: Some(round_trip) }
        }
        Err(_) if timed_out.get() => lost(FetchOutcome::NoAnswer { timeout_ms }),
        Err(_) => lost(FetchOutcome::FailedAtOnce { elapsed_ms }),
    }
}

/// requestStart to responseStart of the request's Resource Timing entry, when the server
/// shares it (cross-origin servers without Timing-Allow-Origin report zeros), and whether the
/// request opened a new connection. Entries are cleared once read, so that a long series never
/// fills the browser's buffer.
async fn resource_timing(url: &str, attempts: usize) -> Option<RoundTrip> {
    let performance = web_sys::window()?.performance()?;
    let method: js_sys::Function = Reflect::get(&performance, &"getEntriesByName".into()).ok()?.dyn_into().ok()?;
    let mut entries = js_sys::Array::new();
    // Some engines queue the entry a task after the body completes.
    for attempt in 0..attempts {
        if attempt > 0 {
            sleep(0).await;
        }
        entries = js_sys::Array::from(&method.call1(&performance, &JsValue::from_str(url)).ok()?);
        if entries.length() > 0 {
            break;
        }
    }
    let entry = entries.get(entries.length().checked_sub(1)?);
    performance.clear_resource_timings();
    let number = |name: &str| Reflect::get(&entry, &name.into()).ok().and_then(|value| value.as_f64()).unwrap_or(0.0);
    let (request, response) = (number("requestStart"), number("responseStart"));
    // A request on a kept-alive connection looks up no name and connects nowhere: its lookup
    // and connect times all equal its fetch start (Resource Timing, "reused connection").
    let fetch_start = number("fetchStart");
    let new_connection =
        ["domainLookupStart", "connectStart", "connectEnd"].iter().any(|name| number(name) > fetch_start);
    // Firefox rounds these times to the millisecond, so a fast answer may take "0 ms"; a
    // shared entry is told by its non-zero request start.
    (request > 0.0 && response >= request).then_some(RoundTrip {
        micros: ((response - request) * 1000.0).round() as u64,
        clock: Clock::ResourceTiming { new_connection },
    })
}

/// Reads `config.json` beside the page. None there: the production targets. A bad file is an
/// error, and then nothing is measured: an administrator's intent is not guessed.
///
/// Through web-sys rather than gloo-net, which could express this request but grew the first
/// load by about 2.3 kB gzip (its request builder, headers, query and error types).
pub async fn load_targets() -> Result<(Targets, TargetOrigin), Bilingual> {
    let Some(window) = web_sys::window() else { return Ok((Targets::default(), TargetOrigin::Production)) };
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let response = match JsFuture::from(window.fetch_with_str_and_init("./config.json", &init)).await {
        Ok(response) => response,
        // No server to ask (a page opened from disk): there is no config.
        Err(_) => return Ok((Targets::default(), TargetOrigin::Production)),
    };
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| Bilingual::new("config.json: not an HTTP response", "config.json: inget HTTP-svar"))?;
    if response.status() == 404 {
        return Ok((Targets::default(), TargetOrigin::Production));
    }
    if !response.ok() {
        let status = response.status();
        return Err(sitecheck_core::bilingual!(
            "config.json could not be read (HTTP {status})",
            "config.json gick inte att läsa (HTTP {status})"
        ));
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|text| text.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    Targets::parse(&text).map(|targets| (targets, TargetOrigin::Config)).map_err(|error| error.message())
}
