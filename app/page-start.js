// Starts the whole page once the first load has drawn this browser's verdicts (app/src/main.rs
// adds this module script then). A file, not inline, for the strict Content-Security-Policy; the
// first load hears of a failure through an event.
import init from "./sitecheck-page.js";

init({ module_or_path: "./sitecheck-page_bg.wasm" }).catch(function (error) {
  document.dispatchEvent(new CustomEvent("sitecheck-page-failed", { detail: String(error) }));
});
