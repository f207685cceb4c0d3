// Starts the checker: what trunk would otherwise write inline into index.html, as a file, so
// that the page runs under a Content-Security-Policy with no 'unsafe-inline' (script-src 'self'
// 'wasm-unsafe-eval'). A static import, not top-level await or import(): every browser with
// modules and WebAssembly runs it. The names are stable (Trunk.toml: filehash = false).
import init from "./sitecheck-app.js";

init({ module_or_path: "./sitecheck-app_bg.wasm" });
