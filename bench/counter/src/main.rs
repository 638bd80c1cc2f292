use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <main>
            <h1>"Counter"</h1>
            <button on:click=move |_| set_count.update(|n| *n += 1)>{count}</button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("taiwa-interactive");
    }
}
