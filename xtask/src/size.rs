//! `cargo xtask size`: what a first visit downloads, raw and gzip-compressed.

use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;
use std::path::Path;

/// The first-load budget, gzip, for everything in dist/.
const BUDGET_GZIP_BYTES: usize = 150 * 1024;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(0, |compressed| compressed.len())
}

/// Every file below `dir`, with its path relative to `root` (the build has `snippets/`).
pub fn files_below(root: &Path, dir: &Path, found: &mut Vec<(String, std::path::PathBuf)>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|error| format!("{}: {error}", dir.display()))?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_below(root, &path, found)?;
        } else {
            let name = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
            found.push((name, path));
        }
    }
    Ok(())
}

/// The files `index.html` names (scripts, stylesheets, preloads): what a browser fetches before
/// any of the app's code has run, which includes everything the first verdict needs.
pub fn named_by_page(html: &str) -> Vec<String> {
    let mut names = vec!["index.html".to_owned()];
    for attribute in ["src=\"", "href=\""] {
        for (at, _) in html.match_indices(attribute) {
            let value = &html[at + attribute.len()..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            let name = value.trim_start_matches("./");
            if !name.is_empty()
                && !name.contains("://")
                && !name.starts_with('#')
                && !names.iter().any(|known| known == name)
            {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// What the page fetches after its first verdict or only when it is used, by group.
fn later(name: &str) -> &'static str {
    if name.starts_with("sitecheck-worker") {
        "worker: coverage check and add-on validators (on demand)"
    } else if name.starts_with("sitecheck-addons") || name == "addons-start.js" {
        "add-on file forms (on demand)"
    } else if name == sitecheck_core::catalogue::CATALOGUE_FILE {
        "catalogue download (on demand)"
    } else if name.starts_with("sitecheck-page") || name == "page-start.js" || name.starts_with("snippets/") {
        "the whole page (fetched right after the first verdict)"
    } else {
        "other files (not fetched by the page)"
    }
}

pub fn report(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    files_below(dist, dist, &mut files)?;
    files.sort();
    let html = std::fs::read_to_string(dist.join("index.html")).map_err(|error| format!("index.html: {error}"))?;
    let first_load = named_by_page(&html);
    if let Some(missing) = first_load.iter().find(|name| !files.iter().any(|(known, _)| known == *name)) {
        return Err(format!("index.html names {missing}, which the build does not have"));
    }
    println!("{:<58} {:>10} {:>10}", "file", "bytes", "gzip");
    let (mut raw_total, mut gzip_total) = (0, 0);
    let mut groups: Vec<(&str, usize, usize)> = Vec::new();
    for (name, path) in files {
        let bytes = std::fs::read(&path).map_err(|error| error.to_string())?;
        let gzip = gzip_len(&bytes);
        let group = (!first_load.contains(&name)).then(|| later(&name));
        println!("{:<58} {:>10} {:>10}{}", name, bytes.len(), gzip, if group.is_some() { "  (later)" } else { "" });
        match group {
            Some(group) => match groups.iter_mut().find(|(known, _, _)| *known == group) {
                Some(entry) => {
                    entry.1 += bytes.len();
                    entry.2 += gzip;
                }
                None => groups.push((group, bytes.len(), gzip)),
            },
            None => {
                raw_total += bytes.len();
                gzip_total += gzip;
            }
        }
    }
    println!("{:<58} {:>10} {:>10}", "first load (what index.html names)", raw_total, gzip_total);
    for (group, raw, gzip) in groups {
        println!("{group:<58} {raw:>10} {gzip:>10}");
    }
    println!(
        "budget (first load): {BUDGET_GZIP_BYTES} bytes gzip; {} {}",
        if gzip_total <= BUDGET_GZIP_BYTES { "within by" } else { "OVER by" },
        BUDGET_GZIP_BYTES.abs_diff(gzip_total)
    );
    // The budget is a check, not a remark: over it, the command fails.
    if gzip_total <= BUDGET_GZIP_BYTES {
        Ok(())
    } else {
        Err(format!("the first load is {gzip_total} bytes gzip, over the budget of {BUDGET_GZIP_BYTES}"))
    }
}

#[cfg(test)]
mod tests {
    use super::named_by_page;

    #[test]
    fn the_first_load_is_what_the_page_names() {
        let html = r##"<link rel="stylesheet" href="./main.css" integrity="x"/><script src="./start.js" type="module"></script>
<link rel="modulepreload" href="./sitecheck-app.js"><link rel="preload" href="./sitecheck-app_bg.wasm" as="fetch">
<a href="https://example.com/">x</a><a href="#plan">y</a><script src="./start.js"></script>"##;
        assert_eq!(
            named_by_page(html),
            ["index.html", "start.js", "main.css", "sitecheck-app.js", "sitecheck-app_bg.wasm"]
        );
    }
}
