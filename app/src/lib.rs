//! What the page's two binaries share: the first load (`main.rs`) and the add-on file checks
//! (`bin/sitecheck-addons.rs`), a second wasm the page fetches only when someone opens them. Nothing here
//! may use `inline_js`: the add-on binary is built for `--target no-modules`, which has no
//! snippets.

pub mod addon_files;
pub mod events;
pub mod files;
pub mod finding_card;
pub mod integrity;
pub mod language;
pub mod reading;
pub mod worker;
