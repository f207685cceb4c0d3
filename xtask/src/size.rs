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
fn files_below(root: &Path, dir: &Path, found: &mut Vec<(String, std::path::PathBuf)>) -> Result<(), String> {
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
    // The coverage worker is fetched only when someone checks pasted rules: not first load.
    let on_demand = |name: &str| name.starts_with("sitecheck-worker");
    let (mut raw_total, mut gzip_total, mut worker_raw, mut worker_gzip) = (0, 0, 0, 0);
    for (name, path) in files {
        let bytes = std::fs::read(&path).map_err(|error| error.to_string())?;
        let gzip = gzip_len(&bytes);
        println!(
            "{:<48} {:>10} {:>10}{}",
            name,
            bytes.len(),
            gzip,
            if on_demand(&name) { "  (on demand)" } else { "" }
        );
        if on_demand(&name) {
            worker_raw += bytes.len();
            worker_gzip += gzip;
        } else {
            raw_total += bytes.len();
            gzip_total += gzip;
        }
    }
    println!("{:<48} {:>10} {:>10}", "first load", raw_total, gzip_total);
    println!("{:<48} {:>10} {:>10}", "coverage worker (on demand)", worker_raw, worker_gzip);
    println!(
        "budget (first load): {BUDGET_GZIP_BYTES} bytes gzip; {} {}",
        if gzip_total <= BUDGET_GZIP_BYTES { "within by" } else { "OVER by" },
        BUDGET_GZIP_BYTES.abs_diff(gzip_total)
    );
    Ok(())
}
