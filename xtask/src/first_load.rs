//! After trunk: the first load as one module, `start.js`, holding wasm-bindgen's glue and the
//! starter. trunk leaves two (`start.js` imports `sitecheck-app.js`), and an imported module can
//! be checked only through trunk's `<link rel=modulepreload integrity>`, which WebKit does not
//! check: joined, every script of the first load is one that `index.html` names with its hash.
//! The preloads trunk writes go too: the glue's is no longer fetched, and the snippet's is the
//! whole page's (`sitecheck-page.js` imports it; the first load never did), loaded with its
//! hash when the page starts.

use std::path::Path;

/// The import the starter (`app/start.js`) begins with, which the join replaces.
const STARTER_IMPORT: &str = "import init from \"./sitecheck-app.js\";";
/// How wasm-bindgen's `--target web` glue exports its init function.
const GLUE_EXPORT: &str = "__wbg_init as default";
const GLUE: &str = "sitecheck-app.js";
const STARTER: &str = "start.js";

/// Joins the glue and the starter into `start.js`, removes the glue, and rewrites `index.html`:
/// `start.js`'s new hash, no module preloads.
pub fn join(dist: &Path) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read_to_string(dist.join(name))
            .map_err(|error| format!("cannot read {}: {error}", dist.join(name).display()))
    };
    let joined = joined(&read(GLUE)?, &read(STARTER)?)?;
    let html = html_for(&read("index.html")?, &crate::integrity::hash(joined.as_bytes()))?;
    let write = |name: &str, text: &str| {
        std::fs::write(dist.join(name), text)
            .map_err(|error| format!("cannot write {}: {error}", dist.join(name).display()))
    };
    write(STARTER, &joined)?;
    write("index.html", &html)?;
    std::fs::remove_file(dist.join(GLUE)).map_err(|error| format!("cannot remove {GLUE}: {error}"))
}

/// The glue, then the starter in a block of its own (its names, such as `wasm`, would otherwise
/// clash with the glue's), its import of the glue turned into a name for the glue's init.
fn joined(glue: &str, starter: &str) -> Result<String, String> {
    if !glue.contains(GLUE_EXPORT) {
        return Err(format!(
            "{GLUE} does not export `{GLUE_EXPORT}`: wasm-bindgen's glue changed, see xtask/src/first_load.rs"
        ));
    }
    if starter.matches(STARTER_IMPORT).count() != 1 {
        return Err(format!("{STARTER} must import the glue once, as `{STARTER_IMPORT}`"));
    }
    let starter = starter.replace(STARTER_IMPORT, "const init = __wbg_init;");
    Ok(format!(
        "{glue}\n// app/start.js, joined to the glue by cargo xtask build (xtask/src/first_load.rs).\n{{\n{starter}}}\n"
    ))
}

/// `index.html` with `start.js`'s integrity set to `hash` and every module preload removed.
fn html_for(html: &str, hash: &str) -> Result<String, String> {
    let mut html = html.to_owned();
    while let Some(start) = html.find("<link rel=\"modulepreload\"") {
        let end = start + html[start..].find('>').ok_or("an unclosed <link> in index.html")? + 1;
        html.replace_range(start..end, "");
    }
    let script = format!("<script src=\"./{STARTER}\" integrity=\"");
    let start =
        html.find(&script).ok_or_else(|| format!("index.html names no {STARTER} with its hash"))? + script.len();
    let end = start + html[start..].find('"').ok_or("an unclosed integrity attribute in index.html")?;
    html.replace_range(start..end, hash);
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE_TEXT: &str = "async function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };\n";
    const STARTER_TEXT: &str = "// starts\nimport init from \"./sitecheck-app.js\";\ninit({});\n";

    #[test]
    fn the_starter_follows_the_glue_and_calls_its_init() {
        let joined = joined(GLUE_TEXT, STARTER_TEXT).unwrap();
        assert!(joined.starts_with(GLUE_TEXT), "{joined}");
        assert!(joined.ends_with("{\n// starts\nconst init = __wbg_init;\ninit({});\n}\n"), "{joined}");
        assert!(!joined.contains("import "), "{joined}");
    }

    #[test]
    fn a_glue_or_starter_of_another_shape_is_refused() {
        assert!(joined("export default function init() {}", STARTER_TEXT).is_err());
        assert!(joined(GLUE_TEXT, "init({});").is_err());
        assert!(joined(GLUE_TEXT, &format!("{STARTER_TEXT}{STARTER_TEXT}")).is_err());
    }

    #[test]
    fn index_html_names_the_joined_file_and_preloads_no_module() {
        let html = r#"<head><script src="./start.js" integrity="sha384-OLD" type="module"></script>
<link rel="modulepreload" href="./sitecheck-app.js" crossorigin="anonymous" integrity="sha384-A">
<link rel="modulepreload" href="./snippets/sitecheck-app-1/inline0.js" crossorigin="anonymous" integrity="sha384-B">
<link rel="preload" href="./sitecheck-app_bg.wasm" crossorigin="anonymous" integrity="sha384-C" as="fetch" type="application/wasm"></head>"#;
        let rewritten = html_for(html, "sha384-NEW").unwrap();
        assert!(rewritten.contains(r#"<script src="./start.js" integrity="sha384-NEW" type="module">"#), "{rewritten}");
        assert!(!rewritten.contains("modulepreload") && !rewritten.contains("sha384-OLD"), "{rewritten}");
        assert!(rewritten.contains(r#"href="./sitecheck-app_bg.wasm""#), "the wasm's preload stays: {rewritten}");
        assert!(html_for("<head></head>", "sha384-NEW").is_err());
    }
}
