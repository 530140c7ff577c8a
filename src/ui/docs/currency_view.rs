//! Per-share amounts in another currency (`crate::convert`): a lazy part
//! under the headline, in the `docs` chunk. Clearly a conversion: the
//! valuation stays in the listing currency.

use crate::convert::{can_convert, convert, parse_rate, Shown};
use crate::display::{editable, per_share};
use crate::text::{ExplainKey, Key, Say};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn CurrencyView(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let shown = RwSignal::new(None::<Shown>);
    // What the reader typed as the rate of each currency.
    let typed = RwSignal::new(Shown::ALL.map(|c| editable(lang, c.default_hkd_per_unit())));
    let rate_text =
        move || shown.get().map(|c| typed.with(|t| t.get(c as usize).cloned().unwrap_or_default()));
    let rate = Memo::new(move |_| rate_text().map(|t| parse_rate(lang.number_style(), &t)));
    let listing = Memo::new(move |_| state.scenario.with(|s| s.listing_currency.clone()));
    let converted = Memo::new(move |_| {
        let (currency, Some(Ok(rate))) = (shown.get()?, rate.get()) else {
            return None;
        };
        state.shown.with(|s| {
            let s = s.as_ref()?;
            let value = convert(s.valuation.per_share_listing, rate)?;
            let price = convert(s.scenario.price, rate)?;
            Some((currency, rate, value, price))
        })
    });
    let choose = move |ev| shown.set(Shown::from_code(&event_target_value(&ev)));
    let type_rate = move |ev| {
        let text = event_target_value(&ev);
        if let Some(c) = shown.get_untracked() {
            typed.update(|t| {
                if let Some(slot) = t.get_mut(c as usize) {
                    *slot = text;
                }
            });
        }
    };
    let rate_label = move || {
        shown
            .get()
            .map(|c| lang.f(ExplainKey::ConvertRate, &[("currency", c.code()), ("listing", &listing.get())]))
    };
    let rate_error =
        move || match rate.get() {
            Some(Err(p)) => Some(lang.f(
                Key::IssueLine,
                &[("subject", &rate_label().unwrap_or_default()), ("problem", &p.say(lang))],
            )),
            _ => None,
        };
    let line = move || {
        converted.get().map(|(currency, rate, value, price)| {
            let code = currency.code();
            let args = [
                ("value", per_share(lang, value, code)),
                ("price", per_share(lang, price, code)),
                ("rate", editable(lang, rate)),
                ("currency", code.to_string()),
                ("listing", listing.get()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            (value.normalize().to_string(), lang.f(ExplainKey::Converted, &args))
        })
    };
    // Always an element, hidden for a currency it cannot convert: an empty
    // slot would keep its room (a gap under the headline).
    let cannot = move || !can_convert(&listing.get());
    let picker = move || {
        can_convert(&listing.get()).then(|| {
            view! {
                <div class="convert card">
                    <label for="display-currency">{lang.t(ExplainKey::ConvertLabel)}</label>
                    <select id="display-currency" data-testid="display-currency" on:change=choose>
                        <option value="" selected>{lang.f(ExplainKey::ConvertListing, &[("currency", &listing.get())])}</option>
                        {Shown::ALL.map(|c| view! { <option value=c.code()>{c.code()}</option> }).collect_view()}
                    </select>
                    {move || rate_label().map(|label| view! {
                        <label for="display-rate">{label}</label>
                        <input id="display-rate" data-testid="display-rate" type="text" inputmode="decimal"
                            prop:value=move || rate_text().unwrap_or_default() on:input=type_rate />
                    })}
                    {move || rate_error().map(|e| view! { <p role="alert" class="field-error">{e}</p> })}
                    {move || line().map(|(value, text)| view! {
                        <p class="converted" data-testid="converted" data-value=value>{text}</p>
                    })}
                </div>
            }
        })
    };
    view! { <div class="convert-host" hidden=cannot>{picker}</div> }
}
