//! One training of the academy's catalogue: its facts and free seats. The academy page adds
//! the enrol button; the public catalogue page shows it as it is.

use leptos::prelude::*;
use zelfregie_model::academy::Training;

use crate::format::date_time;
use crate::i18n::T;
use crate::locale::Locale;

/// The training's title, description, facts and seats; `children` (a button, a state) after.
#[component]
pub fn TrainingCard(
    /// The training.
    training: Training,
    /// What follows the facts: the enrol button, or the person's state.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let seats = move || {
        if training.seats_left > 0 {
            format!("{}: {} / {}", t(T::SeatsLeft), training.seats_left, training.capacity)
        } else {
            t(T::Full).to_owned()
        }
    };
    let levels = training.function_levels.clone();
    view! {
        <li class="training">
            <h3>{training.title.clone()}</h3>
            <p>{training.description.clone()}</p>
            <dl class="facts">
                <dt>{move || t(T::Starts)}</dt><dd>{move || date_time(training.starts_at, locale.lang())}</dd>
                <dt>{move || t(T::Sessions)}</dt><dd>{training.sessions}</dd>
                <dt>{move || t(T::Location)}</dt><dd>{training.location.clone()}</dd>
                <dt>{move || t(T::ForWhom)}</dt><dd>{training.audience.clone()}</dd>
                <dt>{move || t(T::CatalogueLevelsLabel)}</dt><dd>{move || levels.iter().map(|l| t(crate::pages::academy_catalogue::level_text(*l))).collect::<Vec<_>>().join(", ")}</dd>
            </dl>
            <p class="seats">{seats}</p>
            {children.map(|c| c())}
        </li>
    }
}
