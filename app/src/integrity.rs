//! The build's Subresource Integrity hashes (`sitecheck_core::integrity`), read from the
//! `<meta>` that `cargo xtask build` writes into `index.html`, for the scripts the binaries add
//! at run time. A build without it (trunk alone) loads them unchecked, as before.

use crate::events::listen;
use sitecheck_core::integrity::{META_NAME, lookup, modules_of};
use std::cell::Cell;
use std::rc::Rc;

fn manifest(document: &web_sys::Document) -> Option<String> {
    document.query_selector(&format!("meta[name='{META_NAME}']")).ok().flatten()?.get_attribute("content")
}

/// A `<script src>` for `source` carrying its hash when the build lists one (a module script
/// when `module`); the caller adds the listeners and appends it.
pub fn script(document: &web_sys::Document, source: &str, module: bool) -> Option<web_sys::Element> {
    let script = document.create_element("script").ok()?;
    if module {
        let _ = script.set_attribute("type", "module");
    }
    if let Some(hash) = manifest(document).as_deref().and_then(|content| lookup(content, source)) {
        let _ = script.set_attribute("integrity", hash);
    }
    let _ = script.set_attribute("src", source);
    Some(script)
}

/// Loads the modules an ES-module binary's glue brings in, each as a module script of its own
/// with its hash, and calls `then` once all have run, or `failed` with the first file refused
/// (and never `then`): see [`modules_of`] for why the binary must wait. A module script, not a
/// `<link rel=modulepreload>`: WebKit does not check a preload's hash. The import that follows
/// takes the module already run (one instance per address). Without hashes, `then` runs at once.
pub fn load_modules(
    document: &web_sys::Document,
    binary: &str,
    then: impl FnOnce() + 'static,
    failed: impl Fn(&str) + 'static,
) {
    let content = manifest(document).unwrap_or_default();
    let modules = modules_of(&content, binary);
    let Some(head) = document.head().filter(|_| !modules.is_empty()) else { return then() };
    let pending = Rc::new(Cell::new(modules.len()));
    let then = Rc::new(Cell::new(Some(then)));
    let failed = Rc::new(failed);
    for (file, _) in modules {
        let Some(module) = script(document, file, true) else { return failed(file) };
        let (pending, ready) = (pending.clone(), then.clone());
        listen(&module, "load", move |_| {
            pending.set(pending.get().saturating_sub(1));
            if pending.get() == 0
                && let Some(then) = ready.take()
            {
                then();
            }
        });
        let (refused, file, stop) = (failed.clone(), file.to_owned(), then.clone());
        listen(&module, "error", move |_| {
            // Only the first refusal is said, and the binary never starts.
            if stop.take().is_some() {
                refused(&file);
            }
        });
        let _ = head.append_child(&module);
    }
}
