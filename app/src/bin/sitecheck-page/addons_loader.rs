//! The add-on file checks live in a second wasm (`bin/sitecheck-addons.rs`), fetched the first time
//! someone opens them, so the first load carries none of their forms. The page keeps an empty
//! element for them, loads wasm-bindgen's glue for that binary and `addons-start.js` (which
//! calls its init: the glue's init is a global binding only a script can name), and hears back
//! through two document events.

use leptos::prelude::*;
use sitecheck_app::events::{detail_text, listen};
use sitecheck_app::language::{self, tr};
use sitecheck_core::interface::{addons as words, first};

/// The element the add-on binary mounts into.
pub const ROOT: &str = "addon-files-root";
const SCRIPTS: [&str; 2] = ["./sitecheck-addons.js", "./addons-start.js"];
const READY: &str = "sitecheck-addons-ready";
const FAILED: &str = "sitecheck-addons-failed";

/// Where the loading stands, said in the status line and the button. The section is drawn once
/// and then set through the DOM, not through signals: a reactive view of this costs the first
/// load several kilobytes.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Loading,
    Open,
    Failed(String),
}

const STATUS: &str = "addons-status";
static LISTENING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

thread_local! {
    /// The stage last shown, so that a language switch can say it again in the new language.
    static SHOWN: std::cell::RefCell<Option<Stage>> = const { std::cell::RefCell::new(None) };
}
const OPEN: &str = "open-addons";

fn show(stage: Stage) {
    SHOWN.with(|shown| *shown.borrow_mut() = Some(stage.clone()));
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let (status, button) = (document.get_element_by_id(STATUS), document.get_element_by_id(OPEN));
    let (Some(status), Some(button)) = (status, button) else { return };
    let locale = language::of_document();
    let text = match &stage {
        Stage::Loading => words::LOADING.get(locale).to_owned(),
        Stage::Open => String::new(),
        Stage::Failed(reason) => words::failed(locale, reason),
    };
    status.set_text_content(Some(&text));
    let _ = status.set_attribute("class", if matches!(stage, Stage::Failed(_)) { "error" } else { "hint" });
    let _ = match stage {
        Stage::Loading => button.set_attribute("disabled", ""),
        Stage::Open => button.set_attribute("hidden", ""),
        Stage::Failed(_) => button.remove_attribute("disabled"),
    };
}

/// Appends the script at `index` of `SCRIPTS`; each loads the next.
fn load_script(document: web_sys::Document, index: usize) {
    let Some(source) = SCRIPTS.get(index) else { return };
    let Some(script) = sitecheck_app::integrity::script(&document, source, false) else {
        return show(Stage::Failed(first::NO_SCRIPT.get(language::of_document()).into()));
    };
    let next = document.clone();
    listen(&script, "load", move |_| load_script(next.clone(), index + 1));
    listen(&script, "error", move |_| show(Stage::Failed(first::not_fetched(language::of_document(), source))));
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

fn open() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    show(Stage::Loading);
    // Once: a second try after a failure adds no second pair of listeners.
    if !LISTENING.swap(true, std::sync::atomic::Ordering::Relaxed) {
        listen(&document, language::CHANGED, |_| {
            if let Some(stage) = SHOWN.with(|shown| shown.borrow().clone()) {
                show(stage);
            }
        });
        listen(&document, READY, |_| show(Stage::Open));
        listen(&document, FAILED, |event| {
            let detail = detail_text(&event);
            show(Stage::Failed(detail.unwrap_or_else(|| words::NOT_STARTED.get(language::of_document()).into())));
        });
    }
    load_script(document, 0);
}

/// The button that fetches the checks, their status, and the place they appear.
#[component]
pub fn AddonFilesSection() -> impl IntoView {
    view! {
        <p>
            <button type="button" id=OPEN data-testid=OPEN on:click=|_| open()>{tr(words::OPEN)}</button>
            " "
            <span id=STATUS role="status" data-testid=STATUS class="hint"></span>
        </p>
        <div id=ROOT></div>
    }
}
