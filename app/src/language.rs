//! The page's language. It is chosen once as the page opens (a share link's language, else the
//! reader's earlier choice on this browser, else the browser's preferences), kept in `<html
//! lang>`, and switched on the page. Each binary (the first load, the whole page, the add-on
//! forms) follows `<html lang>`: whoever switches sets it and dispatches [`CHANGED`], and every
//! binary's signal follows, so that they cannot disagree.

use crate::events::listen;
use leptos::prelude::*;
use sitecheck_core::locale::{Locale, Text};

/// Dispatched on the document after `<html lang>` changed.
pub const CHANGED: &str = "sitecheck-language";
/// Where the reader's own choice is kept on this browser.
const SAVED: &str = "sitecheck-language";

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|window| window.document())
}

/// The language the page opens in: a share link's, else the one chosen here before, else the
/// first of the browser's languages sitecheck speaks, else English.
pub fn at_start() -> Locale {
    let window = web_sys::window();
    let hash = window.as_ref().and_then(|window| window.location().hash().ok()).unwrap_or_default();
    if let Some(locale) = sitecheck_core::link::link_language(&hash) {
        return locale;
    }
    let saved = window
        .as_ref()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(SAVED).ok().flatten());
    if let Some(locale) = saved.and_then(|tag| Locale::parse(&tag).ok()) {
        return locale;
    }
    let navigator = window.map(|window| window.navigator());
    let mut tags: Vec<String> = navigator
        .as_ref()
        .map(|navigator| navigator.languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default();
    if tags.is_empty() {
        tags.extend(navigator.and_then(|navigator| navigator.language()));
    }
    Locale::preferred(tags.iter().map(String::as_str))
}

/// The language `<html lang>` names; English when it names none sitecheck speaks.
pub fn of_document() -> Locale {
    document()
        .and_then(|document| document.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Locale::parse(&tag).ok())
        .unwrap_or_default()
}

/// Sets `<html lang>` and tells every binary. `remember` keeps it as the reader's choice on
/// this browser (a switch on the page does; the language a page opened in does not).
pub fn announce(locale: Locale, remember: bool) {
    let Some(document) = document() else { return };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", locale.code());
    }
    document.set_title(sitecheck_core::interface::page::TITLE.get(locale));
    if remember {
        let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
        if let Some(storage) = storage {
            // A browser that keeps nothing still switches; only the next visit forgets.
            let _ = storage.set_item(SAVED, locale.code());
        }
    }
    if let Ok(event) = web_sys::Event::new(CHANGED) {
        let _ = document.dispatch_event(&event);
    }
}

/// The language as a signal that follows `<html lang>`, provided as context for this binary's
/// views ([`current`]).
pub fn follow_document() -> ReadSignal<Locale> {
    let (locale, set_locale) = signal(of_document());
    if let Some(document) = document() {
        listen(&document, CHANGED, move |_| set_locale.set(of_document()));
    }
    provide_context(locale);
    locale
}

/// This binary's language signal; English outside a view that follows the document.
pub fn current() -> Signal<Locale> {
    use_context::<ReadSignal<Locale>>().map_or_else(|| Signal::stored(Locale::En), Signal::from)
}

/// A text of core's tables in this binary's language, for a view: it follows a switch.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = current();
    move || text.get(locale.get())
}
