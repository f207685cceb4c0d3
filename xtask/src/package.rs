//! `cargo xtask dist`: the intranet package, `target/package/sitecheck-<version>.zip`. The built
//! app (relative URLs: any sub-path of any static server), each text and wasm file also
//! precompressed (`.gz`), a sample `config.json`, server configurations for nginx, Apache
//! (`.htaccess`) and IIS (`web.config`) that send the app's security headers, and a one-page
//! admin guide. The headers are written from core's `Targets::content_security_policy`, the
//! policy the end-to-end suite runs under.

use flate2::Compression;
use flate2::write::GzEncoder;
use sitecheck_core::targets::Targets;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The headers every response of the app carries, as (name, value).
pub fn security_headers(targets: &Targets) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", targets.content_security_policy()),
        ("Referrer-Policy", "no-referrer".into()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("X-UA-Compatible", "IE=edge".into()),
        ("Strict-Transport-Security", "max-age=31536000".into()),
        // File names are stable (no hashes): caches revalidate.
        ("Cache-Control", "no-cache".into()),
    ]
}

/// Files worth sending compressed.
fn compressible(name: &str) -> bool {
    [".html", ".js", ".css", ".wasm", ".json"].iter().any(|extension| name.ends_with(extension))
}

pub fn nginx(targets: &Targets) -> String {
    let headers: String = security_headers(targets)
        .iter()
        .map(|(name, value)| format!("    add_header {name} \"{value}\" always;\n"))
        .collect();
    format!(
        "# sitecheck under /sitecheck/ of a server: include this file inside its `server {{ }}` block\n\
         # and change the two paths (the location and the folder the zip was unpacked to).\n\
         location /sitecheck/ {{\n    \
             alias /srv/www/sitecheck/;\n    \
             types {{ text/html html; text/css css; text/javascript js; application/wasm wasm; application/json json; }}\n    \
             # Sends foo.wasm.gz for foo.wasm to browsers that take gzip (the package has both).\n    \
             gzip_static on;\n{headers}}}\n"
    )
}

pub fn htaccess(targets: &Targets) -> String {
    let headers: String = security_headers(targets)
        .iter()
        .map(|(name, value)| format!("  Header always set {name} \"{value}\"\n"))
        .collect();
    format!(
        "# sitecheck for Apache 2.4: this file stays in the folder the zip was unpacked to.\n\
         # It needs AllowOverride FileInfo Indexes (or the same lines in the server's config),\n\
         # mod_headers, and for the precompressed files mod_rewrite.\n\
         AddType application/wasm .wasm\n\
         AddType text/javascript .js\n\
         AddType application/json .json\n\
         <IfModule mod_headers.c>\n{headers}  Header append Vary Accept-Encoding\n</IfModule>\n\
         <IfModule mod_rewrite.c>\n  \
           RewriteEngine On\n  \
           RewriteCond %{{HTTP:Accept-Encoding}} gzip\n  \
           RewriteCond %{{REQUEST_FILENAME}}.gz -f\n  \
           RewriteRule ^(.+)$ $1.gz [L]\n\
         </IfModule>\n\
         <FilesMatch \"\\.gz$\">\n  \
           <IfModule mod_headers.c>\n    Header set Content-Encoding gzip\n  </IfModule>\n\
         </FilesMatch>\n\
         <FilesMatch \"\\.html\\.gz$\">\n  ForceType \"text/html; charset=utf-8\"\n</FilesMatch>\n\
         <FilesMatch \"\\.js\\.gz$\">\n  ForceType text/javascript\n</FilesMatch>\n\
         <FilesMatch \"\\.css\\.gz$\">\n  ForceType text/css\n</FilesMatch>\n\
         <FilesMatch \"\\.wasm\\.gz$\">\n  ForceType application/wasm\n</FilesMatch>\n\
         <FilesMatch \"\\.json\\.gz$\">\n  ForceType application/json\n</FilesMatch>\n"
    )
}

pub fn web_config(targets: &Targets) -> String {
    let headers: String = security_headers(targets)
        .iter()
        .filter(|(name, _)| *name != "Cache-Control")
        .map(|(name, value)| format!("        <add name=\"{name}\" value=\"{value}\" />\n"))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <!-- sitecheck for IIS 10: this file stays in the folder the zip was unpacked to. IIS\n     \
         compresses the files itself (static compression), so the .gz copies are not used. -->\n\
         <configuration>\n  <system.webServer>\n    <staticContent>\n      \
         <remove fileExtension=\".wasm\" />\n      <mimeMap fileExtension=\".wasm\" mimeType=\"application/wasm\" />\n      \
         <remove fileExtension=\".json\" />\n      <mimeMap fileExtension=\".json\" mimeType=\"application/json\" />\n      \
         <remove fileExtension=\".js\" />\n      <mimeMap fileExtension=\".js\" mimeType=\"text/javascript\" />\n      \
         <clientCache cacheControlMode=\"DisableCache\" />\n    </staticContent>\n    \
         <urlCompression doStaticCompression=\"true\" />\n    \
         <httpProtocol>\n      <customHeaders>\n{headers}      </customHeaders>\n    </httpProtocol>\n  \
         </system.webServer>\n</configuration>\n"
    )
}

const GUIDE: &str = include_str!("admin-guide.md");

/// Builds the package from `dist` into `target/package/`; returns the zip's path.
pub fn build(root: &Path, dist: &Path) -> Result<PathBuf, String> {
    let version = env!("CARGO_PKG_VERSION");
    let name = format!("sitecheck-{version}");
    let out = root.join("target/package");
    let folder = out.join(&name);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(|error| format!("cannot clear {}: {error}", folder.display()))?;
    }
    std::fs::create_dir_all(&folder).map_err(|error| error.to_string())?;
    let targets = Targets::default();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut found = Vec::new();
    crate::size::files_below(dist, dist, &mut found)?;
    found.sort();
    for (relative, path) in found {
        let bytes = std::fs::read(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        if compressible(&relative) {
            let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
            encoder.write_all(&bytes).map_err(|error| error.to_string())?;
            files.push((format!("{relative}.gz"), encoder.finish().map_err(|error| error.to_string())?));
        }
        files.push((relative, bytes));
    }
    let config = serde_json::to_string_pretty(&targets).map_err(|error| error.to_string())?;
    files.push(("config.json".into(), format!("{config}\n").into_bytes()));
    files.push((".htaccess".into(), htaccess(&targets).into_bytes()));
    files.push(("web.config".into(), web_config(&targets).into_bytes()));
    files.push(("server/nginx.conf".into(), nginx(&targets).into_bytes()));
    files.push(("ADMIN-GUIDE.md".into(), GUIDE.replace("{version}", version).into_bytes()));
    let zip_path = out.join(format!("{name}.zip"));
    let file =
        std::fs::File::create(&zip_path).map_err(|error| format!("cannot create {}: {error}", zip_path.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (relative, bytes) in &files {
        let target = folder.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|error| error.to_string())?;
        }
        std::fs::write(&target, bytes).map_err(|error| format!("cannot write {}: {error}", target.display()))?;
        zip.start_file(format!("{name}/{relative}"), options).map_err(|error| error.to_string())?;
        zip.write_all(bytes).map_err(|error| error.to_string())?;
    }
    zip.finish().map_err(|error| error.to_string())?;
    println!("xtask: {} ({} files)", zip_path.display(), files.len());
    Ok(zip_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_server_sample_sends_every_header() {
        let targets = Targets::default();
        let policy = targets.content_security_policy();
        for (server, text) in
            [("nginx", nginx(&targets)), ("apache", htaccess(&targets)), ("iis", web_config(&targets))]
        {
            for (name, value) in security_headers(&targets) {
                if server == "iis" && name == "Cache-Control" {
                    assert!(text.contains("DisableCache"), "{server}");
                    continue;
                }
                assert!(text.contains(name) && text.contains(&value), "{server} lacks {name}: {text}");
            }
            assert!(text.contains(&policy), "{server}");
            assert!(text.contains("application/wasm"), "{server}");
        }
    }

    /// The end-to-end suite serves the package with this file, its two paths and its policy
    /// edited as the admin guide says: each must be there to edit.
    #[test]
    fn the_nginx_sample_takes_the_edits_the_suite_makes() {
        let edited = sitecheck_e2e::package::site_config(
            &nginx(&Targets::default()),
            "/intranet/sitecheck/",
            Path::new("/var/www/sitecheck"),
            "default-src 'none'",
        )
        .unwrap();
        assert!(edited.contains("location /intranet/sitecheck/ {"), "{edited}");
        assert!(edited.contains("alias /var/www/sitecheck/;"), "{edited}");
        assert!(edited.contains("add_header Content-Security-Policy \"default-src 'none'\" always;"), "{edited}");
    }
}
