//! DOM events the binaries hear from one another's starters (`page-start.js`,
//! `addons-start.js`) and from the scripts they add.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Adds a listener that lives as long as the page.
pub fn listen(target: &web_sys::EventTarget, event: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// The text a `CustomEvent` carries as its `detail`, if it carries text.
pub fn detail_text(event: &web_sys::Event) -> Option<String> {
    js_sys::Reflect::get(event, &"detail".into()).ok().and_then(|detail| detail.as_string())
}
