//! The add-on file checks as a second wasm, fetched only when someone opens them: their forms
//! and results are larger in code than the rest of the page's views together, and most visits
//! never use them. The page loads `sitecheck-addons.js` and `addons-start.js` (which calls this
//! binary's init) and this mounts the forms into the place the page keeps for them.

use sitecheck_app::addon_files::AddonFiles;
use wasm_bindgen::JsCast;

/// The element the page keeps for the forms (`addons_loader::ROOT` in the page's binary).
const ROOT: &str = "addon-files-root";

fn main() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(ROOT))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        // The forms live as long as the page.
        leptos::mount::mount_to(root, || {
            // This binary follows the page's language as the page's own views do.
            sitecheck_app::language::follow_document();
            AddonFiles()
        })
        .forget();
    }
}
