//! UI strings in Dutch (default) and English, one file per language under assets/i18n.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{Lang, PlaceKind};

pub const NL_TOML: &str = include_str!("../assets/i18n/nl.toml");
pub const EN_TOML: &str = include_str!("../assets/i18n/en.toml");

fn tables() -> &'static [HashMap<String, String>; 2] {
    static TABLES: OnceLock<[HashMap<String, String>; 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        // The tables are compiled in and checked by tests; a broken one falls back to keys.
        let parse = |s: &str| toml::from_str::<HashMap<String, String>>(s).unwrap_or_default();
        [parse(NL_TOML), parse(EN_TOML)]
    })
}

/// The UI text for `key`; the key itself when it is missing, so a gap is visible, not fatal.
pub fn tr(lang: Lang, key: &'static str) -> &'static str {
    let table = match lang {
        Lang::Nl => &tables()[0],
        Lang::En => &tables()[1],
    };
    table.get(key).map_or(key, String::as_str)
}

/// The accessible name of a cluster bubble: "Cluster van 1.234 plaatsen".
pub fn cluster_name(lang: Lang, n: usize) -> String {
    tr(lang, "map.cluster").replace("{n}", &group_digits(n, lang))
}

/// Why a file could not be written, in the UI's language (the error's own text is English,
/// for the command line and the log).
pub fn write_error(lang: Lang, e: &crate::fsio::WriteError) -> String {
    use crate::fsio::{WriteError, WriteProblem};
    let fill = |key: &'static str, path: &str| tr(lang, key).replace("{path}", path);
    match e {
        WriteError::NotAFile { path, kind } => {
            let kind = match *kind {
                "a folder" => tr(lang, "write.kind.folder"),
                "a named pipe (FIFO)" => tr(lang, "write.kind.fifo"),
                "a device" => tr(lang, "write.kind.device"),
                "a socket" => tr(lang, "write.kind.socket"),
                _ => tr(lang, "write.kind.other"),
            };
            fill("write.not_a_file", path).replace("{kind}", kind)
        }
        WriteError::ReadOnly { path } => fill("write.read_only", path),
        WriteError::Io { path, existed, .. } => {
            let fix = match e.problem().unwrap_or(WriteProblem::Other) {
                WriteProblem::NoFolder => "write.fix.no_folder",
                WriteProblem::NoPermission => "write.fix.no_permission",
                WriteProblem::DiskFull => "write.fix.disk_full",
                WriteProblem::TooLarge => "write.fix.too_large",
                WriteProblem::ReadOnlyDisk => "write.fix.read_only_disk",
                WriteProblem::BadName => "write.fix.bad_name",
                WriteProblem::Other => "write.fix.other",
            };
            let mut text = fill("write.failed", path);
            if *existed {
                text = format!("{text} {}", tr(lang, "write.old_kept"));
            }
            format!("{text} {} {}", tr(lang, "write.fix"), tr(lang, fix))
        }
    }
}

/// "A, B en C" / "A, B and C".
pub fn and_list(lang: Lang, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), tr(lang, "list.and")),
    }
}

/// A count with its noun, singular or plural as the language wants: "1 plaats",
/// "3 plaatsen", "1,200 places". The plural is `key`; the singular `key.one` when the
/// language files have one (else the plural is used for every count).
pub fn count(lang: Lang, n: usize, key: &'static str) -> String {
    let table = match lang {
        Lang::Nl => &tables()[0],
        Lang::En => &tables()[1],
    };
    let singular = format!("{key}.one");
    let noun = match table.get(&singular) {
        Some(one) if n == 1 => one.as_str(),
        _ => tr(lang, key),
    };
    format!("{} {noun}", group_digits(n, lang))
}

/// 31000 → "31.000" (nl) or "31,000" (en).
pub fn group_digits(n: usize, lang: Lang) -> String {
    let sep = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Name of a kind of place in the UI language.
pub fn kind(lang: Lang, k: PlaceKind) -> &'static str {
    let key: &'static str = match k {
        PlaceKind::Hotspot => "kind.hotspot",
        PlaceKind::SubRegion => "kind.sub_region",
        PlaceKind::Cluster => "kind.cluster",
        PlaceKind::InnovationDistrict => "kind.innovation_district",
        PlaceKind::Campus => "kind.campus",
        PlaceKind::Fieldlab => "kind.fieldlab",
        PlaceKind::Project => "kind.project",
        PlaceKind::Network => "kind.network",
        PlaceKind::KnowledgeInstitution => "kind.knowledge_institution",
        PlaceKind::Company => "kind.company",
        PlaceKind::Site => "kind.site",
        PlaceKind::Infrastructure => "kind.infrastructure",
        PlaceKind::Area => "kind.area",
    };
    tr(lang, key)
}

/// All keys of one language, for the completeness test.
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let table = match lang {
        Lang::Nl => &tables()[0],
        Lang::En => &tables()[1],
    };
    let mut k: Vec<&'static str> = table.keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(count(Lang::Nl, 1, "places.count"), "1 plaats");
        assert_eq!(count(Lang::Nl, 3, "places.count"), "3 plaatsen");
        assert_eq!(count(Lang::En, 1, "places.count"), "1 place");
        assert_eq!(count(Lang::En, 1200, "places.count"), "1,200 places");
        assert_eq!(count(Lang::Nl, 31000, "map.companies"), "31.000 bedrijven");
        assert_eq!(count(Lang::En, 1, "map.companies"), "1 company");
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let nl = keys(Lang::Nl);
        let en = keys(Lang::En);
        assert!(!nl.is_empty());
        let only_nl: Vec<_> = nl.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !nl.contains(k)).collect();
        assert!(only_nl.is_empty(), "keys only in nl.toml: {only_nl:?}");
        assert!(only_en.is_empty(), "keys only in en.toml: {only_en:?}");
    }

    #[test]
    fn every_kind_has_a_name_in_both_languages() {
        for k in PlaceKind::ALL {
            assert!(!kind(Lang::Nl, k).starts_with("kind."));
            assert!(!kind(Lang::En, k).starts_with("kind."));
        }
    }
}
