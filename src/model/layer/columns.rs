//! Which column holds what: headers matched in Dutch or English, case- and
//! accent-insensitive (`Naam`, `name`, `Sector(en)`, `Breedtegraad`).

use super::text::fold;

/// What a column of a user's file can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Town,
    Municipality,
    Lat,
    Lon,
    Sectors,
    Kind,
    Companies,
    Source,
    Website,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Name,
        Field::Town,
        Field::Municipality,
        Field::Lat,
        Field::Lon,
        Field::Sectors,
        Field::Kind,
        Field::Companies,
        Field::Source,
        Field::Website,
    ];

    /// The headers that name this field, folded (see [`fold`]).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "naam",
                "name",
                "organisatie",
                "organisation",
                "organization",
                "organisatienaam",
                "bedrijfsnaam",
                "companyname",
            ],
            Field::Town => &[
                "plaats",
                "town",
                "city",
                "stad",
                "woonplaats",
                "vestigingsplaats",
                "plaatsnaam",
                "place",
            ],
            Field::Municipality => &["gemeente", "municipality", "gemeentenaam"],
            Field::Lat => &["lat", "latitude", "breedtegraad", "breedte"],
            Field::Lon => &["lon", "lng", "long", "longitude", "lengtegraad", "lengte"],
            Field::Sectors => &["sector", "sectoren", "sectors"],
            Field::Kind => &["soort", "kind", "type", "categorie", "category"],
            Field::Companies => &[
                "bedrijven",
                "companies",
                "aantalbedrijven",
                "numberofcompanies",
            ],
            Field::Source => &["bron", "source", "bronnen", "sources"],
            Field::Website => &["website", "url", "web", "site", "homepage"],
        }
    }

    /// The header to write for this field (Dutch first, as the atlas is).
    pub fn header(self) -> &'static str {
        self.headers().first().copied().unwrap_or("")
    }

    /// The field a header names, if any.
    pub fn of_header(header: &str) -> Option<Field> {
        let f = fold(header);
        Field::ALL
            .into_iter()
            .find(|x| x.headers().contains(&f.as_str()))
    }
}

/// The columns found in a header row.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    /// 0-based column index per field.
    found: Vec<(Field, usize)>,
    /// Headers that name no field (ignored, listed in the summary).
    pub unused: Vec<String>,
    /// A field named by a second column: (field, the column used, the one ignored).
    pub repeated: Vec<(Field, usize, usize)>,
}

impl Columns {
    pub fn new(header: &[String]) -> Columns {
        let mut c = Columns::default();
        for (i, h) in header.iter().enumerate() {
            match Field::of_header(h) {
                Some(f) => match c.get(f) {
                    Some(first) => c.repeated.push((f, first, i)),
                    None => c.found.push((f, i)),
                },
                None if h.trim().is_empty() => {}
                None => c.unused.push(h.clone()),
            }
        }
        c
    }

    /// The 0-based column of a field.
    pub fn get(&self, f: Field) -> Option<usize> {
        self.found.iter().find(|(x, _)| *x == f).map(|(_, i)| *i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_either_language_whatever_the_case_and_accents() {
        let header: Vec<String> = [
            "Naam",
            "PLAATS",
            "Breedtegraad",
            "lng",
            "Sector(en)",
            "Soort",
            "Bédrijven",
            "Opmerking",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        let c = Columns::new(&header);
        assert_eq!(c.get(Field::Name), Some(0));
        assert_eq!(c.get(Field::Town), Some(1));
        assert_eq!(c.get(Field::Lat), Some(2));
        assert_eq!(c.get(Field::Lon), Some(3));
        assert_eq!(c.get(Field::Sectors), Some(4));
        assert_eq!(c.get(Field::Kind), Some(5));
        assert_eq!(c.get(Field::Companies), Some(6));
        assert_eq!(c.get(Field::Website), None);
        assert_eq!(c.unused, ["Opmerking"]);
    }

    #[test]
    fn a_second_column_for_one_field_is_noted() {
        let header: Vec<String> = ["name", "naam"].iter().map(ToString::to_string).collect();
        let c = Columns::new(&header);
        assert_eq!(c.get(Field::Name), Some(0));
        assert_eq!(c.repeated, [(Field::Name, 0, 1)]);
    }
}
