//! The intranet package as an administrator installs it, for the suite: the zip unpacked, and
//! each page served by Debian's nginx with the package's own `server/nginx.conf` included in a
//! server block, its two paths changed (a deep sub-path, the folder) and its policy replaced by
//! the one for the page's `config.json` (as the admin guide says), plus a `report-uri` to a
//! listener of the test's. Nothing else in the shipped file changes.
//!
//! `SITECHECK_SERVER=nginx` serves every end-to-end page this way, from the package
//! `SITECHECK_PACKAGE`; unset, pages come from the built-in server (`server.rs`) and
//! `SITECHECK_DIST`, a developer's quick run. `cargo xtask test` asks for nginx.

use crate::server::StaticServer;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::OnceLock;

/// Names the server the end-to-end pages are served by.
pub const SERVER_VARIABLE: &str = "SITECHECK_SERVER";

/// What serves the end-to-end pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    /// The harness's own static server with the app's headers (`server::Headers::secure`).
    BuiltIn,
    /// Debian's nginx with the package's shipped configuration, from the unpacked zip.
    Nginx,
}

impl Server {
    /// `$SITECHECK_SERVER`: "nginx", or unset (or "builtin") for the built-in server. Anything
    /// else fails the test rather than quietly running on the other server.
    pub fn from_env() -> Server {
        let value = std::env::var(SERVER_VARIABLE).ok();
        Server::parse(value.as_deref()).unwrap_or_else(|message| panic!("{message}"))
    }

    fn parse(value: Option<&str>) -> Result<Server, String> {
        match value.map(str::trim) {
            None | Some("" | "builtin") => Ok(Server::BuiltIn),
            Some("nginx") => Ok(Server::Nginx),
            Some(other) => Err(format!("{SERVER_VARIABLE} is {other:?}: it takes \"nginx\" or \"builtin\"")),
        }
    }
}

/// The zip: `$SITECHECK_PACKAGE`, or where `cargo xtask dist` puts it.
pub fn zip() -> PathBuf {
    let zip = std::env::var_os("SITECHECK_PACKAGE").map(PathBuf::from).unwrap_or_else(|| {
        crate::workspace_root().join(format!("target/package/sitecheck-{}.zip", env!("CARGO_PKG_VERSION")))
    });
    assert!(zip.is_file(), "{} is missing: `cargo xtask dist` makes it (or set SITECHECK_PACKAGE)", zip.display());
    zip
}

/// Unpacks `zip` into `into` as an administrator would (Python's zipfile, which every Debian
/// has) and returns the one folder it holds, `sitecheck-<version>`.
pub fn unpack(zip: &Path, into: &Path) -> PathBuf {
    std::fs::create_dir_all(into).unwrap();
    let unzip =
        Command::new("python3").args(["-m", "zipfile", "-e"]).arg(zip).arg(into).status().expect("python3 unzips");
    assert!(unzip.success(), "python3 could not unpack {}", zip.display());
    std::fs::read_dir(into)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("sitecheck-")))
        .expect("the zip holds one folder, sitecheck-<version>")
}

const UNPACKED_PREFIX: &str = "sitecheck-unpacked-";

/// The package unpacked once for this test process (the tests serve copies of it).
pub fn unpacked() -> PathBuf {
    static UNPACKED: OnceLock<PathBuf> = OnceLock::new();
    UNPACKED
        .get_or_init(|| {
            let temp = std::env::temp_dir();
            // A process cannot clear its folder when it ends: the next one clears those whose
            // process is gone.
            for entry in std::fs::read_dir(&temp).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if let Some(pid) = name.strip_prefix(UNPACKED_PREFIX)
                    && pid.parse::<u32>().is_ok()
                    && !Path::new("/proc").join(pid).exists()
                {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
            let dir = temp.join(format!("{UNPACKED_PREFIX}{}", std::process::id()));
            // A folder left by an earlier process with this id would mix two packages.
            let _ = std::fs::remove_dir_all(&dir);
            unpack(&zip(), &dir)
        })
        .clone()
}

/// The package's `server/nginx.conf`, as shipped.
pub fn shipped_nginx_conf() -> String {
    let path = unpacked().join("server/nginx.conf");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// What an administrator makes of the shipped `nginx.conf`: the location moved to `sub_path`,
/// the alias to `folder`, and the shipped policy (core's, for the default targets) replaced by
/// `policy`. Each must be in the shipped file exactly once: a file that changed shape would
/// otherwise be served half-edited.
pub fn site_config(shipped: &str, sub_path: &str, folder: &Path, policy: &str) -> Result<String, String> {
    let default_policy = sitecheck_core::targets::Targets::default().content_security_policy();
    let edits = [
        ("location /sitecheck/ ", format!("location {sub_path} ")),
        ("alias /srv/www/sitecheck/;", format!("alias {}/;", folder.display())),
        (default_policy.as_str(), policy.to_owned()),
    ];
    let mut site = shipped.to_owned();
    for (shipped_text, edited) in &edits {
        match shipped.matches(shipped_text).count() {
            1 => site = site.replace(shipped_text, edited),
            count => return Err(format!("the shipped nginx.conf has {shipped_text:?} {count} times, not once")),
        }
    }
    Ok(site)
}

/// nginx serving a build with the shipped configuration; it stops when dropped.
#[derive(Debug)]
pub struct Nginx {
    child: Child,
    port: u16,
    dir: PathBuf,
    sub_path: String,
}

impl Nginx {
    /// Serves `build` (a copy of the unpacked package) at `sub_path` with the shipped
    /// configuration and `policy`, its violations reported to `reporter`. Panics unless the
    /// answer comes from this nginx with that policy, so that no test passes on another server.
    pub fn serve(build: &Path, sub_path: &str, policy: &str, reporter: &StaticServer) -> Nginx {
        let port = crate::webdriver::free_port();
        let dir = std::env::temp_dir().join(format!("sitecheck-nginx-site-{}-{port}", std::process::id()));
        std::fs::create_dir_all(dir.join("temp")).unwrap();
        let policy = format!("{policy}; report-uri {}{}", reporter.origin(), crate::server::REPORTS);
        let site =
            site_config(&shipped_nginx_conf(), sub_path, build, &policy).unwrap_or_else(|message| panic!("{message}"));
        std::fs::write(dir.join("sitecheck.conf"), site).unwrap();
        let server = format!("server {{ listen 127.0.0.1:{port}; include {}/sitecheck.conf; }}", dir.display());
        let child = crate::network::run_nginx(&dir, port, &server);
        let nginx = Nginx { child, port, dir, sub_path: sub_path.to_owned() };
        let response = ureq::get(&nginx.url()).call().unwrap_or_else(|error| panic!("{}: {error}", nginx.url()));
        assert!(
            response.header("Server").is_some_and(|server| server.starts_with("nginx")),
            "{} is not answered by nginx: Server {:?}",
            nginx.url(),
            response.header("Server")
        );
        assert_eq!(response.header("Content-Security-Policy"), Some(policy.as_str()), "{}", nginx.url());
        nginx
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The app's URL, ending in '/'.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.sub_path)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_is_named_or_refused() {
        assert_eq!(Server::parse(None), Ok(Server::BuiltIn));
        assert_eq!(Server::parse(Some("")), Ok(Server::BuiltIn));
        assert_eq!(Server::parse(Some("builtin")), Ok(Server::BuiltIn));
        assert_eq!(Server::parse(Some("nginx")), Ok(Server::Nginx));
        assert!(Server::parse(Some("apache")).is_err());
    }

    #[test]
    fn the_shipped_configuration_is_edited_in_its_two_paths_and_its_policy() {
        let targets = sitecheck_core::targets::Targets::default();
        let policy = targets.content_security_policy();
        let shipped = format!(
            "location /sitecheck/ {{\n    alias /srv/www/sitecheck/;\n    gzip_static on;\n    \
             add_header Content-Security-Policy \"{policy}\" always;\n}}\n"
        );
        let site = site_config(&shipped, "/a/b/", Path::new("/tmp/x"), "default-src 'none'").unwrap();
        assert_eq!(
            site,
            "location /a/b/ {\n    alias /tmp/x/;\n    gzip_static on;\n    \
             add_header Content-Security-Policy \"default-src 'none'\" always;\n}\n"
        );
        // A shipped file whose policy is not core's, or whose paths moved, is not served.
        assert!(site_config(&shipped.replace(&policy, "default-src *"), "/a/", Path::new("/x"), "p").is_err());
        assert!(site_config(&shipped.replace("/srv/www/", "/var/www/"), "/a/", Path::new("/x"), "p").is_err());
    }
}
