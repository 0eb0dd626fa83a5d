//! Profiel: the candidate's own profile, exactly the categories of the shared model's
//! `Profile`.
//! Validated by the shared model as the person saves (and again by the server); saved with
//! `If-Match`, so an edit made on another device is never overwritten unnoticed.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::input::{read_hours, read_month, read_whole, Read};
use zelfregie_model::profile::{limits, Education, EducationLevel, Employment, WorkExperience};
use zelfregie_model::{recruiter_view, Hours, Month, Partner, Profile, Visibility};

use crate::api;
use crate::components::candidate_card::CandidateCard;
use crate::components::conflict::ConflictPanel;
use crate::components::field::{focus_field, Binding, CheckboxField, MonthField, RequiredNote, SelectField, TextField};
use crate::components::loaded::Loaded;
use crate::components::page::Page;
use crate::components::save_bar::{SaveBar, SAVE_STATUS};
use crate::editing::{field_id, move_entry, Editor};
use crate::format::hours;
use crate::forms::{field_error, FormErrors, RawInputs};
use crate::i18n::{level_name, partner_options, T};
use crate::locale::Locale;
use crate::versioned_form::VersionedForm;

type Ed = RwSignal<Option<Editor<Profile>>>;

/// A text binding into the draft.
fn text(
    ed: Ed,
    get: impl Fn(&Profile) -> Option<&String> + Send + Sync + 'static,
    set: impl Fn(&mut Profile) -> Option<&mut String> + Send + Sync + 'static,
) -> Binding {
    Binding::new(
        move || ed.with(|e| e.as_ref().and_then(|e| get(&e.draft).cloned()).unwrap_or_default()),
        move |v| {
            ed.update(|e| {
                if let Some(slot) = e.as_mut().and_then(|e| set(&mut e.draft)) {
                    *slot = v;
                }
            })
        },
    )
}

type Raw = RwSignal<RawInputs<Profile>>;

/// A binding of an optional value typed as text (hours, kilometres, months) at `path`: the
/// draft gets what the shared model reads in the text (nothing if it cannot be read), the
/// field keeps the text as typed (see [`RawInputs`]); text that cannot be read is an error on
/// saving.
fn typed<V: Clone + PartialEq + Send + Sync + 'static>(
    ed: Ed,
    path: String,
    read: fn(&str) -> Read<V>,
    show: impl Fn(&V) -> String + Send + Sync + 'static,
    get: impl Fn(&Profile) -> Option<Option<V>> + Send + Sync + 'static,
    set: impl Fn(&mut Profile) -> Option<&mut Option<V>> + Send + Sync + 'static,
) -> Binding {
    let raw = expect_context::<Raw>();
    let get = Arc::new(get);
    let (path_shown, read_get) = (path.clone(), Arc::clone(&get));
    Binding::new(
        move || {
            let current = ed.with(|e| e.as_ref().and_then(|e| read_get(&e.draft)).flatten());
            raw.with(|r| r.shown(&path_shown, current.as_ref(), |s| read(s).ok().flatten()))
                .unwrap_or_else(|| current.as_ref().map(&show).unwrap_or_default())
        },
        move |text: String| {
            let value = read(&text);
            let get = Arc::clone(&get);
            raw.update(|r| r.typed(&path, text, value.clone().err(), Arc::new(move |p| matches!(get(p), Some(None)))));
            ed.update(|e| {
                if let Some(slot) = e.as_mut().and_then(|e| set(&mut e.draft)) {
                    *slot = value.ok().flatten();
                }
            })
        },
    )
}

/// How a month is shown: as people here write it and as the field's hint says (`09-2026`).
fn show_month(m: &Month) -> String {
    format!("{:02}-{}", m.month, m.year)
}

/// Hours as written in the page's language (`32,5` in Dutch).
fn show_hours(locale: Locale) -> impl Fn(&Hours) -> String + Send + Sync + 'static {
    move |h| hours(*h, locale.lang())
}

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = Locale::get();
    let raw: Raw = RwSignal::new(RawInputs::default());
    provide_context(raw);
    // What the server stored replaces what was typed.
    let form = VersionedForm::<Profile>::load_then(api::PROFILE, field_id, Some(SAVE_STATUS), move |_| {
        raw.update(|r| r.forget(""))
    });
    let (ed, errors) = (form.editor, form.errors);
    // Text that cannot be read leaves the draft as it was: it is an unsaved change all the same.
    Effect::new(move |_| {
        let unreadable = raw.with(|r| ed.with(|e| e.as_ref().is_some_and(|e| r.holds_unreadable(&e.draft))));
        form.unreadable_text.set(unreadable);
    });
    let dirty = move || form.dirty();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.submit(move |p| raw.with_untracked(|r| r.merge_into(p, p.clone().normalized().validate())));
    };
    let pending = form.pending();

    view! {
        <Page title=T::ProfileTitle>
            <p>{locale.text(T::ProfileIntro)}</p>
            <p class="notice notice-warning">{locale.text(T::SpecialDataWarning)}</p>
            <Loaded resource=form.loaded let:_loaded>
                <ConflictPanel editor=ed newer=newer_profile/>
                {form.message()}
                {move || (!errors.with(|e| e.fields.is_empty())).then(|| view! { <p class="notice notice-error" role="alert">{locale.text(T::FormHasErrors)}</p> })}
                <form class="form profile-form" on:submit=submit novalidate>
                    <RequiredNote/>
                    <PersonalSection ed=ed errors=errors/>
                    <ContactSection ed=ed errors=errors/>
                    <EducationSection ed=ed errors=errors/>
                    <WorkSection ed=ed errors=errors/>
                    <PhraseSection ed=ed errors=errors path="competences" title=T::SectionCompetences item=T::Competence add=T::CompetenceAdd
                        list=|p: &Profile| &p.competences list_mut=|p: &mut Profile| &mut p.competences instruction=T::CompetenceInstruction/>
                    <AvailabilitySection ed=ed errors=errors/>
                    <PhraseSection ed=ed errors=errors path="desired_occupations" title=T::SectionOccupations item=T::Occupation add=T::OccupationAdd
                        list=|p: &Profile| &p.desired_occupations list_mut=|p: &mut Profile| &mut p.desired_occupations instruction=T::OccupationInstruction/>
                    <SaveBar pending=pending saved=form.saved dirty=Signal::derive(dirty)/>
                </form>
            </Loaded>
        </Page>
    }
}

/// The newer profile, shown in full (as a recruiter admitted to everything would see it).
fn newer_profile(newer: &Profile) -> AnyView {
    let everything = Visibility { listed: true, ..Visibility::default() };
    recruiter_view(newer, &everything, "", "", "").map(|v| view! { <CandidateCard view=v/> }).into_any()
}

#[component]
fn PersonalSection(ed: Ed, errors: RwSignal<FormErrors>) -> impl IntoView {
    let locale = Locale::get();
    macro_rules! personal {
        ($f:ident) => {
            text(ed, |p| Some(&p.personal.$f), |p| Some(&mut p.personal.$f))
        };
    }
    let err = move |path: &str| field_error(errors, path);
    let mut options =
        vec![("external".to_owned(), Signal::derive(move || locale.text(T::EmploymentExternal)().to_owned()))];
    options.extend(partner_options(Partner::by_lookup_name(), locale));
    let employment = Binding::new(
        move || {
            ed.with(|e| match e.as_ref().map(|e| &e.draft.personal.employment) {
                Some(Employment::Internal { partner }) => partner.clone(),
                _ => "external".to_owned(),
            })
        },
        move |v| {
            ed.update(|e| {
                if let Some(e) = e {
                    e.draft.personal.employment =
                        if v == "external" { Employment::External } else { Employment::Internal { partner: v } };
                }
            })
        },
    );
    view! {
        <section aria-labelledby="h-personal">
            <h2 id="h-personal">{locale.text(T::SectionPersonal)}</h2>
            <TextField id="personal-first_name" label=T::FirstName value=personal!(first_name) autocomplete="given-name" error=err("personal.first_name")
                required=true instruction=T::FirstNameInstruction/>
            <TextField id="personal-tussenvoegsel" label=T::Tussenvoegsel value=personal!(tussenvoegsel) autocomplete="additional-name" error=err("personal.tussenvoegsel")/>
            <TextField id="personal-last_name" label=T::LastName value=personal!(last_name) autocomplete="family-name" error=err("personal.last_name")
                required=true instruction=T::LastNameInstruction/>
            <TextField id="personal-street" label=T::Street value=personal!(street) autocomplete="address-line1" hint=T::StreetHint error=err("personal.street")/>
            <div class="field-row">
                <TextField id="personal-house_number" label=T::HouseNumber value=personal!(house_number) inputmode="numeric" error=err("personal.house_number")
                    instruction=T::HouseNumberInstruction/>
                <TextField id="personal-house_number_addition" label=T::HouseNumberAddition value=personal!(house_number_addition) error=err("personal.house_number_addition")/>
            </div>
            <TextField id="personal-postcode" label=T::Postcode value=personal!(postcode) autocomplete="postal-code" hint=T::PostcodeHint error=err("personal.postcode")/>
            <TextField id="personal-city" label=T::City value=personal!(city) autocomplete="address-level2" error=err("personal.city")/>
            <SelectField id="personal-employment" label=T::Employment options=options value=employment error=err("personal.employment")/>
        </section>
    }
}

#[component]
fn ContactSection(ed: Ed, errors: RwSignal<FormErrors>) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section aria-labelledby="h-contact">
            <h2 id="h-contact">{locale.text(T::SectionContact)}</h2>
            <TextField id="contact-email" label=T::ContactEmail input_type="email" autocomplete="email"
                value=text(ed, |p| Some(&p.contact.email), |p| Some(&mut p.contact.email)) error=field_error(errors, "contact.email")/>
            <TextField id="contact-phone" label=T::Phone input_type="tel" autocomplete="tel"
                value=text(ed, |p| Some(&p.contact.phone), |p| Some(&mut p.contact.phone)) error=field_error(errors, "contact.phone")/>
        </section>
    }
}

/// Up, down and remove for entry `index` of a list; names say which entry (WCAG 2.4.6).
#[component]
fn EntryControls(
    #[prop(into)] name: Signal<String>,
    index: usize,
    len: Memo<usize>,
    on_move: Callback<(usize, bool)>,
    on_remove: Callback<usize>,
) -> impl IntoView {
    let locale = Locale::get();
    let label = move |t: T| format!("{}: {}", t.get(locale.lang()), name.get());
    view! {
        <div class="entry-controls">
            <button type="button" class="button-small" aria-label=move || label(T::MoveUp) disabled=move || index == 0
                on:click=move |_| on_move.run((index, true))>{locale.text(T::MoveUp)}</button>
            <button type="button" class="button-small" aria-label=move || label(T::MoveDown) disabled={move || index + 1 >= len.get()}
                on:click=move |_| on_move.run((index, false))>{locale.text(T::MoveDown)}</button>
            <button type="button" class="button-small button-danger" aria-label=move || label(T::Remove)
                on:click=move |_| on_remove.run(index)>{locale.text(T::Remove)}</button>
        </div>
    }
}

#[component]
fn EducationSection(ed: Ed, errors: RwSignal<FormErrors>) -> impl IntoView {
    let locale = Locale::get();
    let len = Memo::new(move |_| ed.with(|e| e.as_ref().map_or(0, |e| e.draft.education.len())));
    let raw = expect_context::<Raw>();
    let on_move = Callback::new(move |(i, up)| {
        raw.update(|r| r.forget("education["));
        ed.update(|e| e.iter_mut().for_each(|e| move_entry(&mut e.draft.education, i, up)))
    });
    let on_remove = Callback::new(move |i: usize| {
        raw.update(|r| r.forget("education["));
        ed.update(|e| {
            e.iter_mut().for_each(|e| {
                e.draft.education.remove(i);
            })
        })
    });
    let add = move |_| {
        ed.update(|e| e.iter_mut().for_each(|e| e.draft.education.push(Education::default())));
        focus_field(&format!("education-{}-institution", len.get_untracked() - 1));
    };
    let entry = move |i: usize| {
        let name = Signal::derive(move || format!("{} {}", T::EducationItem.get(locale.lang()), i + 1));
        let levels = EducationLevel::ALL
            .iter()
            .map(|l| {
                let value = serde_plain(l);
                (value, Signal::derive(move || level_name(*l).get(locale.lang()).to_owned()))
            })
            .collect::<Vec<_>>();
        let level = Binding::new(
            move || {
                ed.with(|e| {
                    e.as_ref().and_then(|e| e.draft.education.get(i)).map(|x| serde_plain(&x.level)).unwrap_or_default()
                })
            },
            move |v| {
                ed.update(|e| {
                    if let (Some(x), Some(l)) = (
                        e.as_mut().and_then(|e| e.draft.education.get_mut(i)),
                        EducationLevel::ALL.iter().find(|l| serde_plain(l) == v),
                    ) {
                        x.level = *l;
                    }
                })
            },
        );
        let diploma = Signal::derive(move || {
            ed.with(|e| e.as_ref().and_then(|e| e.draft.education.get(i)).is_some_and(|x| x.diploma))
        });
        let set_diploma = Callback::new(move |v: bool| {
            ed.update(|e| {
                if let Some(x) = e.as_mut().and_then(|e| e.draft.education.get_mut(i)) {
                    x.diploma = v;
                }
            })
        });
        let err = move |f: &str| field_error(errors, format!("education[{i}].{f}"));
        view! {
            <li><fieldset class="entry">
                <legend>{name}</legend>
                <SelectField id=format!("education-{i}-level") label=T::Level options=levels value=level/>
                <TextField id=format!("education-{i}-institution") label=T::Institution error=err("institution") required=true instruction=T::InstitutionInstruction
                    value=text(ed, move |p| p.education.get(i).map(|x| &x.institution), move |p| p.education.get_mut(i).map(|x| &mut x.institution))/>
                <TextField id=format!("education-{i}-field") label=T::Field error=err("field")
                    value=text(ed, move |p| p.education.get(i).map(|x| &x.field), move |p| p.education.get_mut(i).map(|x| &mut x.field))/>
                <div class="field-row">
                    <MonthField id=format!("education-{i}-from") label=T::From error=err("from")
                        value=typed(ed, format!("education[{i}].from"), read_month, show_month, move |p| p.education.get(i).map(|x| x.from), move |p| p.education.get_mut(i).map(|x| &mut x.from))/>
                    <MonthField id=format!("education-{i}-to") label=T::To ongoing=true error=err("to")
                        value=typed(ed, format!("education[{i}].to"), read_month, show_month, move |p| p.education.get(i).map(|x| x.to), move |p| p.education.get_mut(i).map(|x| &mut x.to))/>
                </div>
                <CheckboxField id=format!("education-{i}-diploma") label=T::Diploma checked=diploma set=set_diploma/>
                <EntryControls name=name index=i len=len on_move=on_move on_remove=on_remove/>
            </fieldset></li>
        }
    };
    view! {
        <section aria-labelledby="h-education">
            <h2 id="h-education">{locale.text(T::SectionEducation)}</h2>
            <ol class="entries">{move || (0..len.get()).map(entry).collect_view()}</ol>
            <button type="button" class="button-secondary" on:click=add disabled={move || len.get() >= limits::LIST}>{locale.text(T::EducationAdd)}</button>
        </section>
    }
}

/// The wire name of a unit enum (`"hbo"`), used as an `<option>` value.
fn serde_plain<S: serde::Serialize>(value: &S) -> String {
    serde_json::to_string(value).unwrap_or_default().trim_matches('"').to_owned()
}

#[component]
fn WorkSection(ed: Ed, errors: RwSignal<FormErrors>) -> impl IntoView {
    let locale = Locale::get();
    let len = Memo::new(move |_| ed.with(|e| e.as_ref().map_or(0, |e| e.draft.work_experience.len())));
    let raw = expect_context::<Raw>();
    let on_move = Callback::new(move |(i, up)| {
        raw.update(|r| r.forget("work_experience["));
        ed.update(|e| e.iter_mut().for_each(|e| move_entry(&mut e.draft.work_experience, i, up)))
    });
    let on_remove = Callback::new(move |i: usize| {
        raw.update(|r| r.forget("work_experience["));
        ed.update(|e| {
            e.iter_mut().for_each(|e| {
                e.draft.work_experience.remove(i);
            })
        })
    });
    let add = move |_| {
        ed.update(|e| e.iter_mut().for_each(|e| e.draft.work_experience.push(WorkExperience::default())));
        focus_field(&format!("work_experience-{}-job_title", len.get_untracked() - 1));
    };
    let entry = move |i: usize| {
        let name = Signal::derive(move || format!("{} {}", T::WorkItem.get(locale.lang()), i + 1));
        let err = move |f: &str| field_error(errors, format!("work_experience[{i}].{f}"));
        macro_rules! w {
            ($f:ident) => {
                text(
                    ed,
                    move |p| p.work_experience.get(i).map(|x| &x.$f),
                    move |p| p.work_experience.get_mut(i).map(|x| &mut x.$f),
                )
            };
        }
        view! {
            <li><fieldset class="entry">
                <legend>{name}</legend>
                <TextField id=format!("work_experience-{i}-job_title") label=T::JobTitle value=w!(job_title) error=err("job_title")
                    required=true instruction=T::JobTitleInstruction/>
                <TextField id=format!("work_experience-{i}-employer") label=T::Employer value=w!(employer) error=err("employer")
                    required=true instruction=T::EmployerInstruction/>
                <div class="field-row">
                    <MonthField id=format!("work_experience-{i}-from") label=T::From error=err("from") required=true instruction=T::StartMonthInstruction
                        value=typed(ed, format!("work_experience[{i}].from"), read_month, show_month, move |p| p.work_experience.get(i).map(|x| x.from), move |p| p.work_experience.get_mut(i).map(|x| &mut x.from))/>
                    <MonthField id=format!("work_experience-{i}-to") label=T::To ongoing=true error=err("to")
                        value=typed(ed, format!("work_experience[{i}].to"), read_month, show_month, move |p| p.work_experience.get(i).map(|x| x.to), move |p| p.work_experience.get_mut(i).map(|x| &mut x.to))/>
                </div>
                <TextField id=format!("work_experience-{i}-hours_per_week") label=T::HoursPerWeek inputmode="decimal" error=err("hours_per_week") instruction=T::HoursInstruction
                    value=typed(ed, format!("work_experience[{i}].hours_per_week"), read_hours, show_hours(locale), move |p| p.work_experience.get(i).map(|x| x.hours_per_week), move |p| p.work_experience.get_mut(i).map(|x| &mut x.hours_per_week))/>
                <TextField id=format!("work_experience-{i}-tasks") label=T::Tasks multiline=true hint=T::FreeTextHint value=w!(tasks) error=err("tasks")/>
                <EntryControls name=name index=i len=len on_move=on_move on_remove=on_remove/>
            </fieldset></li>
        }
    };
    view! {
        <section aria-labelledby="h-work">
            <h2 id="h-work">{locale.text(T::SectionWork)}</h2>
            <ol class="entries">{move || (0..len.get()).map(entry).collect_view()}</ol>
            <button type="button" class="button-secondary" on:click=add disabled={move || len.get() >= limits::LIST}>{locale.text(T::WorkAdd)}</button>
        </section>
    }
}

/// A list of short phrases (competences, desired occupations).
#[component]
fn PhraseSection(
    ed: Ed,
    errors: RwSignal<FormErrors>,
    path: &'static str,
    title: T,
    item: T,
    add: T,
    list: fn(&Profile) -> &Vec<String>,
    list_mut: fn(&mut Profile) -> &mut Vec<String>,
    instruction: T,
) -> impl IntoView {
    let locale = Locale::get();
    let len = Memo::new(move |_| ed.with(|e| e.as_ref().map_or(0, |e| list(&e.draft).len())));
    let on_move = Callback::new(move |(i, up)| {
        ed.update(|e| e.iter_mut().for_each(|e| move_entry(list_mut(&mut e.draft), i, up)))
    });
    let on_remove = Callback::new(move |i: usize| {
        ed.update(|e| {
            e.iter_mut().for_each(|e| {
                list_mut(&mut e.draft).remove(i);
            })
        })
    });
    let on_add = move |_| {
        ed.update(|e| e.iter_mut().for_each(|e| list_mut(&mut e.draft).push(String::new())));
        focus_field(&format!("{path}-{}", len.get_untracked() - 1));
    };
    let entry = move |i: usize| {
        let name = Signal::derive(move || format!("{} {}", item.get(locale.lang()), i + 1));
        view! {
            <li class="phrase">
                <TextField id=format!("{path}-{i}") label=item error=field_error(errors, format!("{path}[{i}]")) instruction=instruction
                    value=text(ed, move |p| list(p).get(i), move |p| list_mut(p).get_mut(i))/>
                <EntryControls name=name index=i len=len on_move=on_move on_remove=on_remove/>
            </li>
        }
    };
    let heading = format!("h-{path}");
    let labelled_by = heading.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading>{locale.text(title)}</h2>
            <ol class="entries">{move || (0..len.get()).map(entry).collect_view()}</ol>
            <button type="button" class="button-secondary" on:click=on_add disabled={move || len.get() >= limits::LIST}>{locale.text(add)}</button>
        </section>
    }
}

#[component]
fn AvailabilitySection(ed: Ed, errors: RwSignal<FormErrors>) -> impl IntoView {
    let locale = Locale::get();
    let err = move |f: &str| field_error(errors, format!("availability.{f}"));
    view! {
        <section aria-labelledby="h-availability">
            <h2 id="h-availability">{locale.text(T::SectionAvailability)}</h2>
            <div class="field-row">
                <TextField id="availability-max_travel_km" label=T::MaxTravelKm inputmode="numeric" error=err("max_travel_km") instruction=T::KmInstruction
                    value=typed(ed, "availability.max_travel_km".into(), read_whole, u16::to_string, |p| Some(p.availability.max_travel_km), |p| Some(&mut p.availability.max_travel_km))/>
                <TextField id="availability-max_travel_minutes" label=T::MaxTravelMinutes inputmode="numeric" error=err("max_travel_minutes") instruction=T::MinutesInstruction
                    value=typed(ed, "availability.max_travel_minutes".into(), read_whole, u16::to_string, |p| Some(p.availability.max_travel_minutes), |p| Some(&mut p.availability.max_travel_minutes))/>
            </div>
            <TextField id="availability-hours_per_week" label=T::HoursPerWeek inputmode="decimal" error=err("hours_per_week") instruction=T::HoursInstruction
                value=typed(ed, "availability.hours_per_week".into(), read_hours, show_hours(locale), |p| Some(p.availability.hours_per_week), |p| Some(&mut p.availability.hours_per_week))/>
            <MonthField id="availability-available_from" label=T::AvailableFrom error=err("available_from")
                value=typed(ed, "availability.available_from".into(), read_month, show_month, |p| Some(p.availability.available_from), |p| Some(&mut p.availability.available_from))/>
        </section>
    }
}
