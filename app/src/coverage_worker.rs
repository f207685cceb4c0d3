//! The page's side of the coverage worker (`worker/`): it is created the first time rules
//! are checked, so its wasm is not part of the first load, and answers arrive as JSON.

use sitecheck_core::coverage::{CoverageReport, CoverageRequest};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The loader trunk writes for the worker, relative to the page (any sub-path works).
const LOADER: &str = "./sitecheck-worker_loader.js";

type Handler = Closure<dyn Fn(web_sys::MessageEvent)>;
type ErrorHandler = Closure<dyn Fn(web_sys::ErrorEvent)>;

thread_local! {
    static WORKER: RefCell<Option<(web_sys::Worker, Option<Handler>, Option<ErrorHandler>)>> = const { RefCell::new(None) };
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Sends the plan and the pasted text to the worker; `answer` gets the report, or why there
/// is none. A newer request's answer replaces an older one's.
pub fn check(request: &CoverageRequest, answer: impl Fn(Result<CoverageReport, String>) + 'static) {
    let json = match serde_json::to_string(request) {
        Ok(json) => json,
        Err(error) => return answer(Err(format!("the check could not be sent: {error}"))),
    };
    let answer = std::rc::Rc::new(answer);
    let result = WORKER.with(|slot| -> Result<(), String> {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            let worker = web_sys::Worker::new(LOADER).map_err(|error| format!("the checker could not start: {}", describe(&error)))?;
            *slot = Some((worker, None, None));
        }
        let Some((worker, handler, error_handler)) = slot.as_mut() else { return Err("the checker could not start".into()) };
        let on_answer = std::rc::Rc::clone(&answer);
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let parsed = serde_json::from_str::<CoverageReport>(&text).map_err(|_| {
                serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|value| value["error"].as_str().map(str::to_owned))
                    .unwrap_or_else(|| "the checker's answer could not be read".to_owned())
            });
            on_answer(parsed);
        });
        let on_failure = std::rc::Rc::clone(&answer);
        let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
            on_failure(Err(format!("the checker stopped: {}", event.message())));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The previous handlers are dropped here: only the newest request is answered.
        *handler = Some(on_message);
        *error_handler = Some(on_error);
        worker.post_message(&json.into()).map_err(|error| format!("the check could not be sent: {}", describe(&error)))
    });
    if let Err(message) = result {
        answer(Err(message));
    }
}
