//! Mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    // The static frame index.html shows while the wasm loads.
    if let Some(frame) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("laden")) {
        frame.remove();
    }
    leptos::mount::mount_to_body(zelfregie::App);
}
