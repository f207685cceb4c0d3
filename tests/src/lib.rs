//! The end-to-end harness: a static file server for the release build, nginx with the intranet
//! package's shipped configuration, a small WebDriver client, and launchers for the three
//! engines the app is tested in.

pub mod browsers;
pub mod kernel;
pub mod network;
pub mod package;
pub mod page;
pub mod print;
pub mod rulegen;
pub mod server;
pub mod webdriver;

use std::path::{Path, PathBuf};

/// The workspace's top folder.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// The build the tests run against. With `SITECHECK_SERVER=nginx`, the intranet package
/// (`SITECHECK_PACKAGE`) unpacked once for this process; otherwise the release build,
/// `$SITECHECK_DIST` or `dist/` at the top.
pub fn dist_dir() -> PathBuf {
    if package::Server::from_env() == package::Server::Nginx {
        return package::unpacked();
    }
    let dir = std::env::var_os("SITECHECK_DIST").map_or_else(|| workspace_root().join("dist"), PathBuf::from);
    assert!(
        dir.join("index.html").is_file(),
        "no release build in {}: run `cargo xtask test` (it builds the app first) or `cargo xtask build`",
        dir.display()
    );
    dir
}

/// The endings of the precompressed copies the package ships beside a file (`x.js.gz`), which
/// nginx's `gzip_static` sends in the file's place.
pub const PRECOMPRESSED: [&str; 1] = [".gz"];

/// Removes `relative` from a copy of a build, with its precompressed copies: nginx would go on
/// sending `x.gz` for a removed `x`. Panics when the build has no such file.
pub fn remove_from_build(build: &Path, relative: &str) {
    let file = build.join(relative);
    std::fs::remove_file(&file).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
    for ending in PRECOMPRESSED {
        let copy = build.join(format!("{relative}{ending}"));
        if copy.exists() {
            std::fs::remove_file(&copy).unwrap_or_else(|error| panic!("{}: {error}", copy.display()));
        }
    }
}

/// A copy of the release build without the whole page's starter (`page-start.js`): what the
/// first load alone draws, and what it says when the rest of the page cannot come.
pub fn first_load_alone() -> PathBuf {
    let copy = std::env::temp_dir().join(format!("sitecheck-first-{}-{}", std::process::id(), webdriver::free_port()));
    page::copy_tree(&dist_dir(), &copy);
    remove_from_build(&copy, "page-start.js");
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_leaves_a_build_with_its_precompressed_copy() {
        let build = std::env::temp_dir().join(format!("sitecheck-remove-test-{}", std::process::id()));
        std::fs::create_dir_all(build.join("snippets")).unwrap();
        for file in ["a.js", "a.js.gz", "b.js", "b.js.gz", "snippets/c.js", "snippets/c.js.gz", "plain.txt"] {
            std::fs::write(build.join(file), file).unwrap();
        }
        remove_from_build(&build, "a.js");
        remove_from_build(&build, "snippets/c.js");
        // A file the package does not precompress goes alone.
        remove_from_build(&build, "plain.txt");
        let mut left: Vec<String> = Vec::new();
        for folder in [build.clone(), build.join("snippets")] {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                if entry.path().is_file() {
                    left.push(entry.path().strip_prefix(&build).unwrap().display().to_string());
                }
            }
        }
        left.sort();
        assert_eq!(left, ["b.js", "b.js.gz"]);
        let missing = std::panic::catch_unwind(|| remove_from_build(&build, "a.js"));
        assert!(missing.is_err(), "a file the build lacks is a broken test, not a no-op");
        std::fs::remove_dir_all(&build).unwrap();
    }
}
