//! A Web Worker that runs the coverage check of pasted firewall rules (core's `coverage`).
//! The page creates it the first time someone checks rules, so its code is not part of the
//! first load; a long ruleset is read off the page's thread. It takes a `CoverageRequest` as
//! JSON and answers a `CoverageReport` as JSON, or `{"error": …}` for a request it cannot read.
//! It says "ready" first: the page holds its request until then.

use sitecheck_core::coverage::{CoverageRequest, report};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

fn answer(request: &str) -> String {
    match serde_json::from_str::<CoverageRequest>(request) {
        Ok(request) => serde_json::to_string(&report(&request.plan, &request.text, &request.interfaces))
            .unwrap_or_else(|error| serde_json::json!({ "error": error.to_string() }).to_string()),
        Err(error) => {
            serde_json::json!({ "error": format!("the check got a request it cannot read: {error}") }).to_string()
        }
    }
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        let _ = replies.post_message(&answer(&request).into());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler must too.
    on_message.forget();
    // Messages posted before this handler existed were lost: the page waits for this word.
    let _ = scope.post_message(&"ready".into());
}
