//! A candidate as a recruiter sees it: the server's `CandidateView`, rendered as is.

use leptos::prelude::*;
use zelfregie_model::profile::{Employment, Month};
use zelfregie_model::{CandidateView, Partner};

use crate::format::{hours, month_words};
use crate::i18n::{level_name, Lang, T};
use crate::locale::Locale;

fn partner_name(slug: &str) -> String {
    Partner::all().into_iter().find(|p| p.slug == slug).map_or_else(|| slug.to_owned(), |p| p.name)
}

/// A period in words: "september 2009 – juli 2013", "maart 2020 – heden".
fn period(from: Option<Month>, to: Option<Month>, current: &'static str, lang: Lang) -> String {
    let from = from.map(|m| month_words(m, lang)).unwrap_or_default();
    let to = to.map_or_else(|| current.to_owned(), |m| month_words(m, lang));
    format!("{from} – {to}")
}

/// Renders every section the view contains, and nothing else.
#[component]
pub fn CandidateCard(
    /// What the server sent.
    view: CandidateView,
    /// The card is the page's subject (the recruiter's candidate page): the name is an `h2`
    /// and the sections `h3`, not `h3`/`h4` as under a preview's own `h2`.
    #[prop(optional)]
    top: bool,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let lang_view = move || {
        let v = view.clone();
        let personal = v.personal.map(|p| {
            let employment = match p.employment {
                Employment::External => t(T::External).to_owned(),
                Employment::Internal { partner } => format!("{} {}", t(T::Internal), partner_name(&partner)),
            };
            view! {
                <section class="card-section">{heading(top, 4, t(T::SectionPersonal))}
                    <dl class="facts">
                        {p.name.map(|n| view! { <dt>{t(T::Name)}</dt><dd>{n}</dd> })}
                        {p.address.map(|a| view! { <dt>{t(T::Address)}</dt><dd>{a}</dd> })}
                        {(!p.city.is_empty()).then(|| view! { <dt>{t(T::City)}</dt><dd>{p.city.clone()}</dd> })}
                        <dt>{t(T::CardEmployment)}</dt><dd>{employment}</dd>
                    </dl>
                </section>
            }
        });
        let contact = v.contact.map(|c| view! {
            <section class="card-section">{heading(top, 4, t(T::SectionContact))}
                <dl class="facts"><dt>{t(T::ContactEmail)}</dt><dd>{c.email}</dd><dt>{t(T::Phone)}</dt><dd>{c.phone}</dd></dl>
            </section>
        });
        let education = v.education.map(|list| view! {
            <section class="card-section">{heading(top, 4, t(T::SectionEducation))}<ul>
                {list.into_iter().map(|e| view! {
                    <li>{format!("{} – {}, {} ({})", t(level_name(e.level)), e.institution, e.field, period(e.from, e.to, t(T::Current), locale.lang()))}
                        {e.diploma.then(|| format!(" · {}", t(T::Diploma)))}</li>
                }).collect_view()}
            </ul></section>
        });
        let work = v.work_experience.map(|list| view! {
            <section class="card-section">{heading(top, 4, t(T::SectionWork))}<ul>
                {list.into_iter().map(|w| view! {
                    <li><strong>{w.job_title}</strong>{format!(", {} ({})", w.employer, period(w.from, w.to, t(T::Current), locale.lang()))}
                        {w.hours_per_week.map(|h| format!(" · {} {}", hours(h, locale.lang()), t(T::HoursPerWeek).to_lowercase()))}
                        {(!w.tasks.is_empty()).then(|| view! { <br/>{w.tasks.clone()} })}</li>
                }).collect_view()}
            </ul></section>
        });
        let phrases = |title: T, list: Option<Vec<String>>| {
            list.map(|l| view! {
            <section class="card-section">{heading(top, 4, t(title))}<ul>{l.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul></section>
        })
        };
        let availability = v.availability.map(|a| {
            view! {
                <section class="card-section">{heading(top, 4, t(T::SectionAvailability))}<dl class="facts">
                    {a.max_travel_km.map(|n| view! { <dt>{t(T::CardTravelDistance)}</dt><dd>{format!("{n} km")}</dd> })}
                    {a.max_travel_minutes.map(|n| view! { <dt>{t(T::CardTravelTime)}</dt><dd>{format!("{n} {}", t(T::Minutes))}</dd> })}
                    {a.hours_per_week.map(|n| view! { <dt>{t(T::HoursPerWeek)}</dt><dd>{hours(n, locale.lang())}</dd> })}
                    {a.available_from.map(|m| view! { <dt>{t(T::CardAvailableFrom)}</dt><dd>{month_words(m, locale.lang())}</dd> })}
                </dl></section>
            }
        });
        view! {
            {heading(top, 3, v.display_name)}
            {personal}{contact}{education}{work}
            {phrases(T::SectionCompetences, v.competences)}
            {availability}
            {phrases(T::SectionOccupations, v.desired_occupations)}
        }
    };
    view! { <article class="candidate-card">{lang_view}</article> }
}

/// A heading of `level` under a preview, one level up when the card is the page's subject.
fn heading(top: bool, level: u8, text: impl IntoView + 'static) -> AnyView {
    match level - u8::from(top) {
        2 => view! { <h2>{text}</h2> }.into_any(),
        3 => view! { <h3>{text}</h3> }.into_any(),
        _ => view! { <h4>{text}</h4> }.into_any(),
    }
}
