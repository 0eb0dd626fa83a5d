//! Recruiter search as the app keeps it: the words and filters of one search, written to
//! and read from the page's address (`/kandidaten?q=…&place=…`) and the API's query string
//! with the same names, and the pages of results loaded so far. Plain logic, tested natively.

use zelfregie_model::links::api::CANDIDATES;
use zelfregie_model::{CandidateList, CandidateView, FilterInput};

/// One search: the words and the filters, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// The words.
    pub q: String,
    /// The filters.
    pub filter: FilterInput,
}

/// Encodes `s` for a query string: letters, digits and `-_.~` stay, everything else is
/// `%XX` of its UTF-8 bytes (a space too).
pub use zelfregie_model::links::encode;

impl Search {
    /// The parameters that are set (trimmed), in a fixed order: `q`, `place`, `hours_min`,
    /// `hours_max`, `level`. Empty for an empty search.
    pub fn query(&self) -> String {
        let f = &self.filter;
        [
            ("q", &self.q),
            ("place", &f.place),
            ("hours_min", &f.hours_min),
            ("hours_max", &f.hours_max),
            ("level", &f.level),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }

    /// The search from a query's parameters (`get` gives a decoded value).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Search {
        let get = |k: &str| get(k).unwrap_or_default();
        Search {
            q: get("q"),
            filter: FilterInput {
                place: get("place"),
                hours_min: get("hours_min"),
                hours_max: get("hours_max"),
                level: get("level"),
            },
        }
    }

    /// The API path for one page of this search, after the reference `after` (none: the
    /// first page).
    pub fn api_path(&self, after: Option<&str>) -> String {
        let mut query = self.query();
        if let Some(after) = after {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&format!("after={}", encode(after)));
        }
        if query.is_empty() {
            CANDIDATES.path().to_owned()
        } else {
            format!("{}?{query}", CANDIDATES.path())
        }
    }
}

/// The results loaded so far: the first page, then each "more" appends the next.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// The candidates, in the order of the pages.
    pub candidates: Vec<CandidateView>,
    /// How many match (up to the server's count).
    pub total: usize,
    /// Whether more match than `total` says.
    pub more_than_total: bool,
    /// The `after` of the next page, if there is one.
    pub next: Option<String>,
}

impl Results {
    /// The first page of a search.
    pub fn first(list: CandidateList) -> Results {
        Results::default().with_next(list)
    }

    /// With the next page appended.
    pub fn with_next(mut self, list: CandidateList) -> Results {
        self.candidates.extend(list.candidates);
        self.total = list.total;
        self.more_than_total = list.more;
        self.next = list.next;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(q: &str, place: &str, min: &str, max: &str, level: &str) -> Search {
        Search {
            q: q.into(),
            filter: FilterInput {
                place: place.into(),
                hours_min: min.into(),
                hours_max: max.into(),
                level: level.into(),
            },
        }
    }

    #[test]
    fn the_query_string_has_only_what_is_set_encoded() {
        assert_eq!(Search::default().query(), "");
        assert_eq!(Search::default().api_path(None), CANDIDATES.path());
        let s = search(" beleid & data ", "'s-Gravenhage", "32,5", "", "hbo");
        assert_eq!(s.query(), "q=beleid%20%26%20data&place=%27s-Gravenhage&hours_min=32%2C5&level=hbo");
        assert_eq!(
            s.api_path(Some("ab12")),
            format!(
                "{}?q=beleid%20%26%20data&place=%27s-Gravenhage&hours_min=32%2C5&level=hbo&after=ab12",
                CANDIDATES.path()
            )
        );
        assert_eq!(Search::default().api_path(Some("x y")), format!("{}?after=x%20y", CANDIDATES.path()));
        assert_eq!(encode("Sûr"), "S%C3%BBr");
        assert_eq!(encode("a=b?c#d/e+f"), "a%3Db%3Fc%23d%2Fe%2Bf");
    }

    #[test]
    fn a_search_survives_its_own_address() {
        let s = search("projectleider", "Kerkrade", "24", "36", "wo");
        let query = s.query();
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_owned(), v.to_owned())
            })
            .collect();
        let back = Search::from_params(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
        assert_eq!(back, s);
    }

    #[test]
    fn more_appends_the_next_page() {
        let view = |r: &str| CandidateView {
            reference: r.into(),
            display_name: r.into(),
            anonymous: false,
            personal: None,
            contact: None,
            education: None,
            work_experience: None,
            competences: None,
            availability: None,
            desired_occupations: None,
        };
        let page = |refs: &[&str], next: Option<&str>| CandidateList {
            total: 3,
            more: false,
            candidates: refs.iter().map(|r| view(r)).collect(),
            next: next.map(str::to_owned),
        };
        let r = Results::first(page(&["a", "b"], Some("b")));
        assert_eq!(r.next.as_deref(), Some("b"));
        let r = r.with_next(page(&["c"], None));
        let refs: Vec<&str> = r.candidates.iter().map(|c| c.reference.as_str()).collect();
        assert_eq!((refs, r.total, r.next), (vec!["a", "b", "c"], 3, None));
    }
}
