// Starts the add-on file checks once wasm-bindgen's glue for them (sitecheck-addons.js, built
// for --target no-modules) has loaded: its init function is a global binding that only a
// script can name. The page hears how it went through two events (app/src/addons_loader.rs).
wasm_bindgen("./sitecheck-addons_bg.wasm").then(
  function () { document.dispatchEvent(new Event("sitecheck-addons-ready")); },
  function (error) { document.dispatchEvent(new CustomEvent("sitecheck-addons-failed", { detail: String(error) })); }
);
