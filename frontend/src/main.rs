//! The wasm entry point: replaces the static HTML shell with the live app.

fn main() {
    console_error_panic_hook::set_once();
    // The shell in index.html painted the header before the wasm loaded; the app's own
    // header takes its place now.
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
