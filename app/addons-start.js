// Starts the add-on file checks once wasm-bindgen's glue for them (sitecheck-addons.js, built
// for --target no-modules) has loaded: its init function is a global binding that only a
// script can name. The page hears how it went through two events (app/src/addons_loader.rs).

// The wasm's Subresource Integrity hash, as start.js reads it (core/src/integrity.rs).
function integrity(file) {
  var meta = document.querySelector('meta[name="sitecheck-integrity"]');
  var words = meta ? meta.content.split(" ") : [];
  for (var at = 0; at + 1 < words.length; at += 2) {
    if (words[at] === file) return words[at + 1];
  }
  return "";
}

var wasm = "./sitecheck-addons_bg.wasm";
wasm_bindgen({ module_or_path: fetch(wasm, { integrity: integrity(wasm) }) }).then(
  function () { document.dispatchEvent(new Event("sitecheck-addons-ready")); },
  function (error) { document.dispatchEvent(new CustomEvent("sitecheck-addons-failed", { detail: wasm + " (" + String(error) + ")" })); }
);
