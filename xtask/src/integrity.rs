//! After trunk: every script and wasm file of the build hashed into `index.html`
//! (`sitecheck_core::integrity`), where the page's loaders find the hashes of the files they add
//! at run time. trunk's own `integrity` attributes cover only what `index.html` names.

use base64::Engine as _;
use sha2::{Digest, Sha384};
use sitecheck_core::integrity::{META_NAME, is_hashed, manifest};
use std::path::Path;

/// `sha384-` and the base64 of the file's SHA-384 digest, as the `integrity` attribute takes it.
pub fn hash(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// Writes the manifest into `dist/index.html`, just before `</head>`; a manifest written by an
/// earlier run is replaced. Returns how many files it lists.
pub fn stamp(dist: &Path) -> Result<usize, String> {
    let mut found = Vec::new();
    crate::size::files_below(dist, dist, &mut found)?;
    found.sort();
    let mut entries = Vec::new();
    for (relative, path) in found.into_iter().filter(|(relative, _)| is_hashed(relative)) {
        let bytes = std::fs::read(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        entries.push((relative, hash(&bytes)));
    }
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|error| format!("cannot read {}: {error}", index.display()))?;
    let stamped = with_manifest(&html, &manifest(&entries))?;
    std::fs::write(&index, stamped).map_err(|error| format!("cannot write {}: {error}", index.display()))?;
    Ok(entries.len())
}

/// `html` with the one manifest element for `content` before `</head>`.
fn with_manifest(html: &str, content: &str) -> Result<String, String> {
    let opening = format!("<meta name=\"{META_NAME}\"");
    let mut html = html.to_owned();
    if let Some(start) = html.find(&opening) {
        let end =
            html[start..].find('>').map(|end| start + end + 1).ok_or("an unclosed integrity <meta> in index.html")?;
        html.replace_range(start..end, "");
    }
    let head = html.find("</head>").ok_or("index.html has no </head>")?;
    html.insert_str(head, &format!("{opening} content=\"{content}\">\n"));
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_the_one_browsers_compute() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(hash(b"alert(1)"), "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW");
    }

    #[test]
    fn the_manifest_goes_into_the_head_once() {
        let html = "<html><head><title>t</title></head><body></body></html>";
        let once = with_manifest(html, "./a.js sha384-A").unwrap();
        assert_eq!(
            once,
            "<html><head><title>t</title><meta name=\"sitecheck-integrity\" content=\"./a.js sha384-A\">\n</head><body></body></html>"
        );
        let twice = with_manifest(&once, "./a.js sha384-B").unwrap();
        assert_eq!(twice.matches("sitecheck-integrity").count(), 1, "{twice}");
        assert!(twice.contains("sha384-B") && !twice.contains("sha384-A"), "{twice}");
        assert!(with_manifest("<html><body></body></html>", "").is_err());
    }

    #[test]
    fn every_script_and_wasm_of_a_build_is_listed() {
        let dist = std::env::temp_dir().join(format!("xtask-integrity-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("snippets/sitecheck-page-1a/")).unwrap();
        std::fs::write(dist.join("index.html"), "<head></head>").unwrap();
        std::fs::write(dist.join("page-start.js"), "alert(1)").unwrap();
        std::fs::write(dist.join("snippets/sitecheck-page-1a/inline0.js"), "x").unwrap();
        std::fs::write(dist.join("sitecheck-page_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(dist.join("main.css"), "p{}").unwrap();
        assert_eq!(stamp(&dist).unwrap(), 3);
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        let content = html.split("content=\"").nth(1).unwrap().split('"').next().unwrap();
        use sitecheck_core::integrity::lookup;
        assert_eq!(lookup(content, "./page-start.js"), Some(hash(b"alert(1)").as_str()));
        assert_eq!(lookup(content, "./snippets/sitecheck-page-1a/inline0.js"), Some(hash(b"x").as_str()));
        assert!(lookup(content, "./sitecheck-page_bg.wasm").is_some());
        assert_eq!(lookup(content, "./main.css"), None);
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
