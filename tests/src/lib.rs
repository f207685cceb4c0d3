//! The end-to-end harness: a static file server for the release build, a small WebDriver
//! client, and launchers for the three engines the app is tested in.

pub mod browsers;
pub mod kernel;
pub mod network;
pub mod page;
pub mod print;
pub mod rulegen;
pub mod server;
pub mod webdriver;

use std::path::PathBuf;

/// The workspace's top folder.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// The release build the tests run against: `$SITECHECK_DIST` or `dist/` at the top.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("SITECHECK_DIST").map_or_else(|| workspace_root().join("dist"), PathBuf::from);
    assert!(
        dir.join("index.html").is_file(),
        "no release build in {}: run `cargo xtask test` (it builds the app first) or `cargo xtask build`",
        dir.display()
    );
    dir
}

/// A copy of the release build without the whole page's starter (`page-start.js`): what the
/// first load alone draws, and what it says when the rest of the page cannot come.
pub fn first_load_alone() -> PathBuf {
    let copy = std::env::temp_dir().join(format!("sitecheck-first-{}-{}", std::process::id(), webdriver::free_port()));
    page::copy_tree(&dist_dir(), &copy);
    std::fs::remove_file(copy.join("page-start.js")).expect("the build has page-start.js");
    copy
}
