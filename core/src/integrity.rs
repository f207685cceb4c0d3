//! Subresource Integrity for the files the page fetches after `index.html` names its own.
//!
//! trunk writes an `integrity` attribute on what `index.html` loads (the first load's module,
//! its glue, the stylesheet, the fallback script), but the whole page, the add-on forms and
//! their wasm are added later by the first load's code, under names only known at run time.
//! `cargo xtask build` therefore hashes every script and wasm file of the build into one
//! `<meta name="sitecheck-integrity">` in `index.html` ([`manifest`]); each loader looks its
//! file up there ([`lookup`]) and sets the `integrity` attribute (its scripts and modules) or
//! the `integrity` option of `fetch` (wasm). The format is a list of words, a file then its
//! hash, so that the three small starter scripts read it with `split` alone.
//!
//! A Web Worker cannot be given a hash (`new Worker` has no integrity option, nor has
//! `importScripts`): the worker's files are listed too, but nothing checks them; the page's
//! policy (`script-src 'self'`, `worker-src 'self'`) still limits them to the page's folder.

/// The `name` of the `<meta>` element that carries the hashes.
pub const META_NAME: &str = "sitecheck-integrity";

/// Whether a built file (its path inside the build, with `/` separators) gets a hash: every
/// script and every wasm module.
pub fn is_hashed(path: &str) -> bool {
    path.ends_with(".js") || path.ends_with(".wasm")
}

/// The meta element's `content`: each file as the page names it (`./` and its path) followed
/// by its hash (`sha384-` and the base64 of the digest), in the order given.
pub fn manifest(entries: &[(String, String)]) -> String {
    entries
        .iter()
        .map(|(path, hash)| format!("./{} {hash}", path.trim_start_matches("./")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The hash the manifest gives `file` (named as the page names it, e.g. `./page-start.js`).
pub fn lookup<'a>(content: &'a str, file: &str) -> Option<&'a str> {
    let mut words = content.split_ascii_whitespace();
    while let Some(word) = words.next() {
        let hash = words.next()?;
        if word == file {
            return Some(hash);
        }
    }
    None
}

/// The modules an ES-module binary's glue brings in, with their hashes: the glue itself
/// (`./<binary>.js`) and every wasm-bindgen snippet of the build (`./snippets/<crate>-<id>/…`,
/// named after the crate, not the binary, so the binaries of one crate share them).
///
/// A module imported by another module cannot carry a hash (`import` has no place for one), so
/// the loader first runs each of these as a module script with its hash and starts the binary
/// only once every one has run: the import then takes the checked module. Waiting matters:
/// Chromium does not keep a module that failed its check, and an import made after that
/// fetches the file again, unchecked.
pub fn modules_of<'a>(content: &'a str, binary: &str) -> Vec<(&'a str, &'a str)> {
    let glue = format!("./{binary}.js");
    let words: Vec<&str> = content.split_ascii_whitespace().collect();
    words
        .chunks_exact(2)
        .filter(|pair| pair[0] == glue || (pair[0].starts_with("./snippets/") && pair[0].ends_with(".js")))
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTENT: &str = "./page-start.js sha384-AAA ./sitecheck-page.js sha384-BBB \
        ./snippets/sitecheck-page-1f2e/inline0.js sha384-CCC ./snippets/sitecheck-app-9a8b/inline0.js sha384-DDD \
        ./sitecheck-page_bg.wasm sha384-EEE ./sitecheck-pages.js sha384-FFF";

    fn check_lookup(file: &str, expected: Option<&str>) {
        assert_eq!(lookup(CONTENT, file), expected, "{file}");
    }

    #[test]
    fn each_file_finds_its_own_hash() {
        check_lookup("./page-start.js", Some("sha384-AAA"));
        check_lookup("./sitecheck-page_bg.wasm", Some("sha384-EEE"));
        check_lookup("./snippets/sitecheck-app-9a8b/inline0.js", Some("sha384-DDD"));
        // A hash is never taken for a file name, nor a name without "./" for the file.
        check_lookup("sha384-AAA", None);
        check_lookup("page-start.js", None);
        check_lookup("./missing.js", None);
        assert_eq!(lookup("", "./page-start.js"), None);
        assert_eq!(lookup("./page-start.js", "./page-start.js"), None, "a name without its hash");
    }

    #[test]
    fn a_binary_preloads_its_glue_and_the_snippets() {
        let snippets = [
            ("./snippets/sitecheck-page-1f2e/inline0.js", "sha384-CCC"),
            ("./snippets/sitecheck-app-9a8b/inline0.js", "sha384-DDD"),
        ];
        let mut page = vec![("./sitecheck-page.js", "sha384-BBB")];
        page.extend(snippets);
        assert_eq!(modules_of(CONTENT, "sitecheck-page"), page);
        // Not another binary's glue whose name starts the same ("./sitecheck-pages.js").
        assert_eq!(modules_of(CONTENT, "sitecheck-addons"), snippets.to_vec());
    }

    #[test]
    fn the_manifest_reads_back() {
        let entries = vec![
            ("page-start.js".to_owned(), "sha384-AAA".to_owned()),
            ("snippets/sitecheck-page-1f2e/inline0.js".to_owned(), "sha384-CCC".to_owned()),
        ];
        let content = manifest(&entries);
        assert_eq!(content, "./page-start.js sha384-AAA ./snippets/sitecheck-page-1f2e/inline0.js sha384-CCC");
        assert_eq!(lookup(&content, "./snippets/sitecheck-page-1f2e/inline0.js"), Some("sha384-CCC"));
    }

    #[test]
    fn scripts_and_wasm_are_hashed() {
        for (path, hashed) in [
            ("page-start.js", true),
            ("snippets/sitecheck-page-1f2e/inline0.js", true),
            ("sitecheck-addons_bg.wasm", true),
            ("index.html", false),
            ("main.css", false),
            ("catalogue.json", false),
            ("sitecheck-app_bg.wasm.gz", false),
        ] {
            assert_eq!(is_hashed(path), hashed, "{path}");
        }
    }
}
