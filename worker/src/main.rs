//! A Web Worker that runs the checks too heavy, or too large in code, for the first load:
//! the coverage check of pasted firewall rules and the add-on file validators. The page
//! creates it the first time one is used, so its code is not part of the first load, and a
//! long file is read off the page's thread. Jobs and answers are JSON (`sitecheck_core::job`).
//! It says "ready" first: the page holds its jobs until then.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        // A job alone is its JSON text; a job with files is an array of the text and each
        // file's bytes (`Uint8Array`), so that a large file crosses without a JSON copy.
        let data = event.data();
        let (request, files) = match data.dyn_ref::<js_sys::Array>() {
            Some(parts) => (
                parts.get(0).as_string().unwrap_or_default(),
                parts.iter().skip(1).map(|part| js_sys::Uint8Array::new(&part).to_vec()).collect(),
            ),
            None => (data.as_string().unwrap_or_default(), Vec::new()),
        };
        let _ = replies.post_message(&sitecheck_core::job::answer(&request, &files).into());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler must too.
    on_message.forget();
    // Messages posted before this handler existed were lost: the page waits for this word.
    let _ = scope.post_message(&"ready".into());
}
