//! The page's side of the worker (`worker/`): it is created the first time a check that runs
//! there is used, so its wasm is not part of the first load; jobs and answers cross as JSON
//! (`sitecheck_core::job`). The worker says "ready" once its wasm runs; jobs sent before then
//! wait for it (a message posted earlier would find no handler and be lost). Only the newest
//! job of each kind is answered: an older answer arriving late is dropped.

use sitecheck_core::interface::worker as words;
use sitecheck_core::job::{JobKind, Outcome, Reply, Sendable};
use sitecheck_core::locale::Bilingual;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The loader trunk writes for the worker, relative to the page (any sub-path works).
const LOADER: &str = "./sitecheck-worker_loader.js";
/// What the worker posts when it can take requests.
const READY: &str = "ready";

type Answer = Rc<dyn Fn(Result<Outcome, Bilingual>)>;

struct Connection {
    worker: web_sys::Worker,
    ready: bool,
    /// Jobs written while the worker starts, in order.
    waiting: Vec<wasm_bindgen::JsValue>,
    next_id: u64,
    /// The newest job of each kind, by id, and who gets its answer. A few entries at most: a
    /// `Vec`, because a map's removal code costs the first load about 2 KB.
    pending: Vec<(JobKind, u64, Answer)>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::ErrorEvent)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Hands `result` to whoever waits for job `id`, if it is still the newest of its kind.
fn deliver(id: u64, result: Result<Outcome, Bilingual>) {
    let answer = CONNECTION.with(|slot| {
        let mut slot = slot.borrow_mut();
        let pending = &mut slot.as_mut()?.pending;
        let index = pending.iter().position(|(_, waiting, _)| *waiting == id)?;
        Some(pending.swap_remove(index).2)
    });
    if let Some(answer) = answer {
        answer(result);
    }
}

/// Every waiting job learns that the worker failed.
fn fail_all(message: &Bilingual) {
    let answers: Vec<Answer> = CONNECTION.with(|slot| {
        slot.borrow_mut()
            .as_mut()
            .map(|connection| {
                std::mem::take(&mut connection.pending).into_iter().map(|(_, _, answer)| answer).collect()
            })
            .unwrap_or_default()
    });
    for answer in answers {
        answer(Err(message.clone()));
    }
}

fn on_message(event: web_sys::MessageEvent) {
    let text = event.data().as_string().unwrap_or_default();
    if text == READY {
        let waiting = CONNECTION.with(|slot| {
            let mut slot = slot.borrow_mut();
            let connection = slot.as_mut()?;
            connection.ready = true;
            Some((connection.worker.clone(), std::mem::take(&mut connection.waiting)))
        });
        if let Some((worker, messages)) = waiting {
            for message in messages {
                if let Err(error) = worker.post_message(&message) {
                    fail_all(&words::not_sent(&describe(&error)));
                }
            }
        }
        return;
    }
    match serde_json::from_str::<Reply>(&text) {
        Ok(Reply { id, outcome: Some(outcome), .. }) => deliver(id, Ok(outcome)),
        Ok(Reply { id, error, .. }) => deliver(id, Err(error.unwrap_or_else(words::no_answer))),
        Err(_) => fail_all(&words::unreadable_answer()),
    }
}

fn start() -> Result<Connection, Bilingual> {
    let worker = web_sys::Worker::new(LOADER).map_err(|error| words::not_started(&describe(&error)))?;
    let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    let error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        fail_all(&words::stopped(&event.message()));
    });
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    Ok(Connection {
        worker,
        ready: false,
        waiting: Vec::new(),
        next_id: 1,
        pending: Vec::new(),
        _on_message: message,
        _on_error: error,
    })
}

/// Sends `job` to the worker; `answer` gets its outcome, or why there is none. A newer job of
/// the same kind replaces an older one's answer.
pub fn ask(job: &impl Sendable, answer: impl Fn(Result<Outcome, Bilingual>) + 'static) {
    ask_with_files(job, Vec::new(), answer);
}

/// As `ask`, with files' bytes beside the job (in the order the job names them).
pub fn ask_with_files(
    job: &impl Sendable,
    files: Vec<js_sys::Uint8Array>,
    answer: impl Fn(Result<Outcome, Bilingual>) + 'static,
) {
    let answer: Answer = Rc::new(answer);
    let sent = CONNECTION.with(|slot| -> Result<(), Bilingual> {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let connection = slot.as_mut().ok_or_else(|| words::not_started(""))?;
        let id = connection.next_id;
        connection.next_id += 1;
        let kind = job.kind();
        let text = job.message(id).map_err(|error| words::not_sent(&error.to_string()))?;
        // With files, an array of the text and each file's bytes (the worker reads either).
        let message: wasm_bindgen::JsValue = if files.is_empty() {
            text.into()
        } else {
            let parts = js_sys::Array::of1(&text.into());
            for file in &files {
                parts.push(file);
            }
            parts.into()
        };
        connection.pending.retain(|(waiting, _, _)| *waiting != kind);
        connection.pending.push((kind, id, Rc::clone(&answer)));
        if connection.ready {
            connection.worker.post_message(&message).map_err(|error| words::not_sent(&describe(&error)))
        } else {
            connection.waiting.push(message);
            Ok(())
        }
    });
    if let Err(message) = sent {
        answer(Err(message));
    }
}
