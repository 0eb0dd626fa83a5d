//! The partner organisations of the network and their stable slugs.

use serde::{Deserialize, Serialize};

/// The 35 organisations of the IGOM network, in the network's own order.
pub const PARTNER_NAMES: [&str; 35] = [
    "Gemeente Beek",
    "Gemeente Brunssum",
    "Gemeente Echt-Susteren",
    "Gemeente Eijsden-Margraten",
    "Gemeente Gulpen-Wittem",
    "Gemeente Kerkrade",
    "Gemeente Landgraaf",
    "Gemeente Leudal",
    "Gemeente Maasgouw",
    "Gemeente Meerssen",
    "Gemeente Nuth",
    "Gemeente Onderbanken",
    "Gemeente Roerdalen",
    "Gemeente Roermond",
    "Gemeente Schinnen",
    "Gemeente Simpelveld",
    "Gemeente Stein",
    "Gemeente Vaals",
    "Gemeente Valkenburg a/d Geul",
    "Gemeente Voerendaal",
    "Veiligheidsregio ZL – Brandweer Zuid-Limburg",
    "Het Gegevenshuis",
    "GGD-ZL",
    "ISD-Bol",
    "ISD-Kompas",
    "Kredietbank Limburg",
    "Omnibuzz",
    "RD-4",
    "Stadsregio Parkstad Limburg",
    "Servicecentrum MER",
    "Westrom",
    "WSP Parkstad",
    "Sportstichting Sittard-Geleen",
    "Waterschap Limburg",
    "BSGW",
];

/// A partner organisation as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Partner {
    /// Stable identifier used in URLs and e-mail domains (e.g. `valkenburg-a-d-geul`).
    pub slug: String,
    /// Official name (e.g. `Gemeente Valkenburg a/d Geul`).
    pub name: String,
}

impl Partner {
    /// The partner with this official name, its slug derived by [`slug`].
    pub fn from_name(name: &str) -> Self {
        Self { slug: slug(name), name: name.to_owned() }
    }

    /// All 35 partners, in the order of [`PARTNER_NAMES`].
    pub fn all() -> Vec<Partner> {
        PARTNER_NAMES.iter().map(|n| Partner::from_name(n)).collect()
    }

    /// The municipality's place ("Brunssum" for "Gemeente Brunssum"), if the partner is one.
    pub fn municipality(&self) -> Option<&str> {
        self.name.strip_prefix("Gemeente ")
    }

    /// The word people look the partner up by: the place of a municipality ("Brunssum"),
    /// else the name ("GGD-ZL").
    pub fn lookup_name(&self) -> &str {
        self.municipality().unwrap_or(&self.name)
    }

    /// All 35 partners, in alphabetical order of [`Partner::lookup_name`] (ignoring case), as
    /// lists show them: typing "Br" in a list finds Brunssum.
    pub fn by_lookup_name() -> Vec<Partner> {
        sorted_by_lookup_name(Partner::all())
    }

    /// Whether the partner is what a person typed to find it: every word of `query` is in
    /// the name, ignoring case, accents and punctuation ("kerk", "gemeente kerk", "ggd zl",
    /// "valkenburg a/d"). An empty query finds every partner.
    pub fn matches(&self, query: &str) -> bool {
        let name = folded(&self.name);
        folded(query).split(' ').filter(|w| !w.is_empty()).all(|word| name.contains(word))
    }
}

/// `text` in lower case, accents dropped, every run of other characters than letters and
/// digits one space: what [`Partner::matches`] compares.
fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// `partners` in alphabetical order of [`Partner::lookup_name`], ignoring case.
pub fn sorted_by_lookup_name(mut partners: Vec<Partner>) -> Vec<Partner> {
    partners.sort_by_cached_key(|p| p.lookup_name().to_lowercase());
    partners
}

/// Whether `slug` names one of the 35 partners.
pub fn is_partner_slug(slug: &str) -> bool {
    PARTNER_NAMES.iter().any(|n| self::slug(n) == slug)
}

/// The stable slug of a partner: its name without "Gemeente", lower-case, every run of
/// characters other than ASCII letters and digits turned into one hyphen (so "Echt-Susteren"
/// is `echt-susteren` and "Valkenburg a/d Geul" is `valkenburg-a-d-geul`).
pub fn slug(name: &str) -> String {
    let name = name.trim();
    let name = name.strip_prefix("Gemeente ").unwrap_or(name);
    let mut out = String::with_capacity(name.len());
    let mut pending_hyphen = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partner_is_found_by_any_part_of_its_name() {
        let find = |q: &str| {
            Partner::by_lookup_name().into_iter().filter(|p| p.matches(q)).map(|p| p.slug).collect::<Vec<_>>()
        };
        assert_eq!(find("kerk"), ["kerkrade"]);
        assert_eq!(find("  KERK  "), ["kerkrade"]);
        assert_eq!(find("gemeente kerk"), ["kerkrade"]);
        assert_eq!(find("valkenburg a/d"), ["valkenburg-a-d-geul"]);
        assert_eq!(find("Écht"), ["echt-susteren"]);
        assert_eq!(find("").len(), 35);
        assert!(find("zzz").is_empty());
        assert_eq!(find("gemeente").len(), 20, "every municipality");
    }

    #[test]
    fn slugs_follow_the_published_examples() {
        assert_eq!(slug("Gemeente Brunssum"), "brunssum");
        assert_eq!(slug("Gemeente Echt-Susteren"), "echt-susteren");
        assert_eq!(slug("Gemeente Valkenburg a/d Geul"), "valkenburg-a-d-geul");
        assert_eq!(slug("Gemeente Kerkrade"), "kerkrade");
        assert_eq!(slug("Veiligheidsregio ZL – Brandweer Zuid-Limburg"), "veiligheidsregio-zl-brandweer-zuid-limburg");
        assert_eq!(slug("GGD-ZL"), "ggd-zl");
        assert_eq!(slug("Het Gegevenshuis"), "het-gegevenshuis");
    }

    #[test]
    fn there_are_35_partners_with_unique_slugs() {
        let all = Partner::all();
        assert_eq!(all.len(), 35);
        let mut slugs: Vec<_> = all.iter().map(|p| p.slug.clone()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 35);
        assert!(slugs.iter().all(|s| !s.is_empty() && !s.starts_with('-') && !s.ends_with('-')));
    }

    #[test]
    fn lists_sort_by_place_not_by_the_word_gemeente() {
        let sorted = Partner::by_lookup_name();
        let names: Vec<&str> = sorted.iter().map(Partner::lookup_name).collect();
        assert_eq!(sorted.len(), 35);
        assert_eq!(&names[..4], ["Beek", "Brunssum", "BSGW", "Echt-Susteren"]);
        let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        assert!(lower.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        assert_eq!(sorted.iter().find(|p| p.slug == "brunssum").and_then(Partner::municipality), Some("Brunssum"));
        assert_eq!(Partner::from_name("GGD-ZL").municipality(), None);
        assert!(names.contains(&"GGD-ZL") && names.contains(&"Valkenburg a/d Geul"));
    }
}
