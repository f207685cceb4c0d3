//! The add-on file checks live in a second wasm (`bin/sitecheck-addons.rs`), fetched the first time
//! someone opens them, so the first load carries none of their forms. The page keeps an empty
//! element for them, loads wasm-bindgen's glue for that binary and `addons-start.js` (which
//! calls its init: the glue's init is a global binding only a script can name), and hears back
//! through two document events.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The element the add-on binary mounts into.
pub const ROOT: &str = "addon-files-root";
const SCRIPTS: [&str; 2] = ["./sitecheck-addons.js", "./addons-start.js"];
const READY: &str = "sitecheck-addons-ready";
const FAILED: &str = "sitecheck-addons-failed";

#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Closed,
    Loading,
    Open,
    Failed(String),
}

/// Adds a listener that lives as long as the page.
fn listen(target: &web_sys::EventTarget, event: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Appends the script at `index` of `SCRIPTS`; each loads the next.
fn load_script(document: web_sys::Document, index: usize, stage: RwSignal<Stage>) {
    let Some(source) = SCRIPTS.get(index) else { return };
    let script = match document.create_element("script") {
        Ok(script) => script,
        Err(_) => return stage.set(Stage::Failed("the page could not add a script".into())),
    };
    let _ = script.set_attribute("src", source);
    let next = document.clone();
    listen(&script, "load", move |_| load_script(next.clone(), index + 1, stage));
    listen(&script, "error", move |_| stage.set(Stage::Failed(format!("{source} could not be fetched"))));
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

fn open(stage: RwSignal<Stage>) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    stage.set(Stage::Loading);
    listen(&document, READY, move |_| stage.set(Stage::Open));
    listen(&document, FAILED, move |event| {
        let detail = js_sys::Reflect::get(&event, &"detail".into()).ok().and_then(|detail| detail.as_string());
        stage.set(Stage::Failed(detail.unwrap_or_else(|| "the checks did not start".into())));
    });
    load_script(document, 0, stage);
}

/// The button that fetches the checks, what became of it, and the place they appear. One
/// static view with reactive attributes and text: branches of views cost the first load more.
#[component]
pub fn AddonFilesSection() -> impl IntoView {
    let stage = RwSignal::new(Stage::Closed);
    let status = move || match stage.get() {
        Stage::Loading => "Loading the add-on checks…".to_owned(),
        Stage::Failed(reason) => format!("The add-on checks could not be loaded: {reason}"),
        Stage::Closed | Stage::Open => String::new(),
    };
    view! {
        <p hidden=move || stage.get() == Stage::Open>
            <button type="button" data-testid="open-addons" disabled=move || stage.get() == Stage::Loading
                on:click=move |_| open(stage)>"Open the add-on file checks"</button>
            " "
            <span role="status" data-testid="addons-status" class:error=move || matches!(stage.get(), Stage::Failed(_))>
                {status}
            </span>
        </p>
        <div id=ROOT></div>
    }
}
