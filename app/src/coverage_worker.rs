//! The page's side of the coverage worker (`worker/`): it is created the first time rules
//! are checked, so its wasm is not part of the first load, and answers arrive as JSON. The
//! worker says "ready" once its wasm runs; a request made before then waits for it (a
//! message posted earlier would find no handler and be lost).

use sitecheck_core::coverage::{CoverageReport, CoverageRequest};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The loader trunk writes for the worker, relative to the page (any sub-path works).
const LOADER: &str = "./sitecheck-worker_loader.js";
/// What the worker posts when it can take requests.
const READY: &str = "ready";

type Answer = Rc<dyn Fn(Result<CoverageReport, String>)>;

struct Connection {
    worker: web_sys::Worker,
    ready: bool,
    /// The newest request not yet sent, while the worker starts.
    waiting: Option<String>,
    /// Who gets the next answer: only the newest request is answered.
    answer: Option<Answer>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::ErrorEvent)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

fn deliver(result: Result<CoverageReport, String>) {
    let answer = CONNECTION.with(|slot| slot.borrow().as_ref().and_then(|connection| connection.answer.clone()));
    if let Some(answer) = answer {
        answer(result);
    }
}

fn on_message(event: web_sys::MessageEvent) {
    let text = event.data().as_string().unwrap_or_default();
    if text == READY {
        let waiting = CONNECTION.with(|slot| {
            let mut slot = slot.borrow_mut();
            let connection = slot.as_mut()?;
            connection.ready = true;
            connection.waiting.take().map(|request| (connection.worker.clone(), request))
        });
        if let Some((worker, request)) = waiting
            && let Err(error) = worker.post_message(&request.into())
        {
            deliver(Err(format!("the check could not be sent: {}", describe(&error))));
        }
        return;
    }
    let parsed = serde_json::from_str::<CoverageReport>(&text).map_err(|_| {
        serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|value| value["error"].as_str().map(str::to_owned))
            .unwrap_or_else(|| "the checker's answer could not be read".to_owned())
    });
    deliver(parsed);
}

fn start() -> Result<Connection, String> {
    let worker =
        web_sys::Worker::new(LOADER).map_err(|error| format!("the checker could not start: {}", describe(&error)))?;
    let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    let error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        deliver(Err(format!("the checker stopped: {}", event.message())));
    });
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    Ok(Connection { worker, ready: false, waiting: None, answer: None, _on_message: message, _on_error: error })
}

/// Sends the plan and the pasted text to the worker; `answer` gets the report, or why there
/// is none. A newer request's answer replaces an older one's.
pub fn check(request: &CoverageRequest, answer: impl Fn(Result<CoverageReport, String>) + 'static) {
    let answer: Answer = Rc::new(answer);
    let json = match serde_json::to_string(request) {
        Ok(json) => json,
        Err(error) => return answer(Err(format!("the check could not be sent: {error}"))),
    };
    let sent = CONNECTION.with(|slot| -> Result<(), String> {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let connection = slot.as_mut().ok_or("the checker could not start")?;
        connection.answer = Some(Rc::clone(&answer));
        if connection.ready {
            connection
                .worker
                .post_message(&json.into())
                .map_err(|error| format!("the check could not be sent: {}", describe(&error)))
        } else {
            connection.waiting = Some(json);
            Ok(())
        }
    });
    if let Err(message) = sent {
        answer(Err(message));
    }
}
