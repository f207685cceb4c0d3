// Starts the whole page once the first load has drawn this browser's verdicts (app/src/main.rs
// adds this module script then, with its hash, after preloading the glue's modules with
// theirs). A file, not inline, for the strict Content-Security-Policy; the first load hears of
// a failure through an event.
import init from "./sitecheck-page.js";

// The wasm's Subresource Integrity hash, as start.js reads it (core/src/integrity.rs).
function integrity(file) {
  const meta = document.querySelector('meta[name="sitecheck-integrity"]');
  const words = meta ? meta.content.split(" ") : [];
  for (let at = 0; at + 1 < words.length; at += 2) {
    if (words[at] === file) return words[at + 1];
  }
  return "";
}

const wasm = "./sitecheck-page_bg.wasm";
init({ module_or_path: fetch(wasm, { integrity: integrity(wasm) }) }).catch(function (error) {
  document.dispatchEvent(new CustomEvent("sitecheck-page-failed", { detail: wasm + " (" + String(error) + ")" }));
});
