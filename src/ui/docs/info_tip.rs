//! The info mark beside a field: where its default comes from (a lazy
//! part, in the `docs` chunk with the Sources list).

use leptos::prelude::*;

/// An info mark whose source text shows on a click or tap (and as a
/// tooltip on hover). It closes with Escape, or when focus leaves it (a
/// click elsewhere moves focus). `about` names the field it is the source of.
#[component]
pub fn InfoTip(text: &'static str, about: Memo<String>, lang: crate::text::Lang) -> impl IntoView {
    use crate::text::Key;
    let open = RwSignal::new(false);
    let close = move || open.set(false);
    view! {
        <span
            class="info"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    close();
                }
            }
            on:focusout=move |_| close()
        >
            <button
                type="button"
                class="info-button"
                aria-label=move || lang.f(Key::SourceOf, &[("field", &about.get())])
                aria-expanded=move || open.get().to_string()
                title=text
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "i"
            </button>
            {move || open.get().then(|| view! { <span class="info-text" role="note">{text}</span> })}
        </span>
    }
}
