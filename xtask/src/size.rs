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

pub fn report(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    files_below(dist, dist, &mut files)?;
    files.sort();
    println!("{:<48} {:>10} {:>10}", "file", "bytes", "gzip");
    // What the page fetches only when it is used, by group: not first load.
    let on_demand = |name: &str| {
        if name.starts_with("sitecheck-worker") {
            Some("worker: coverage check and add-on validators (on demand)")
        } else if name.starts_with("sitecheck-addons") || name == "addons-start.js" {
            Some("add-on file forms (on demand)")
        } else if name == sitecheck_core::catalogue::CATALOGUE_FILE {
            Some("catalogue download (on demand)")
        } else {
            None
        }
    };
    let (mut raw_total, mut gzip_total) = (0, 0);
    let mut groups: Vec<(&str, usize, usize)> = Vec::new();
    for (name, path) in files {
        let bytes = std::fs::read(&path).map_err(|error| error.to_string())?;
        let gzip = gzip_len(&bytes);
        let group = on_demand(&name);
        println!("{:<48} {:>10} {:>10}{}", name, bytes.len(), gzip, if group.is_some() { "  (on demand)" } else { "" });
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
    println!("{:<48} {:>10} {:>10}", "first load", raw_total, gzip_total);
    for (group, raw, gzip) in groups {
        println!("{group:<48} {raw:>10} {gzip:>10}");
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
