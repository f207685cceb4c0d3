// Starts the checker: what trunk would otherwise write inline into index.html, as a file, so
// that the page runs under a Content-Security-Policy with no 'unsafe-inline' (script-src 'self'
// 'wasm-unsafe-eval'). A static import, not top-level await or import(): every browser with
// modules and WebAssembly runs it. The names are stable (Trunk.toml: filehash = false).
// `cargo xtask build` joins this file to the glue it imports (xtask/src/first_load.rs), so that
// the first load is one module that index.html names with its hash; the import below is then
// replaced by a name for the glue's init.
import init from "./sitecheck-app.js";

// The wasm is fetched with its Subresource Integrity hash, from the list `cargo xtask build`
// writes into index.html ("file hash file hash …", core/src/integrity.rs); without the list it
// is fetched unchecked. The same fetch takes trunk's preload of it (same hash, same mode).
function integrity(file) {
  const meta = document.querySelector('meta[name="sitecheck-integrity"]');
  const words = meta ? meta.content.split(" ") : [];
  for (let at = 0; at + 1 < words.length; at += 2) {
    if (words[at] === file) return words[at + 1];
  }
  return "";
}

const wasm = "./sitecheck-app_bg.wasm";
init({ module_or_path: fetch(wasm, { integrity: integrity(wasm) }) });
