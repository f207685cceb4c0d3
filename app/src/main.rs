//! The in-browser site-readiness checker. Components are thin: what they show comes from
//! `sitecheck-core`; this crate only reads the browser and renders.

mod app;
mod browser_card;
mod catalogue_view;
mod download;
mod finding_card;

fn main() {
    // The static page shows a "loading" notice for browsers where the module never runs;
    // once we are here it has done its job.
    if let Some(notice) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("loading"))
    {
        notice.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
