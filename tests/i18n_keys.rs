//! Every UI string key the code uses exists in both languages.

use std::path::Path;

use innovation_atlas::i18n;
use innovation_atlas::model::Lang;

/// File names in the code ("deck.toml") are not keys.
const FILE_EXTENSIONS: &[&str] = &[
    ".toml", ".json", ".png", ".svg", ".pdf", ".csv", ".xlsx", ".geojson", ".txt", ".ron",
];

/// Every namespace the two language files use ("menu" of "menu.file"), so no part of the
/// UI goes unchecked.
fn namespaces() -> Vec<String> {
    let mut ns: Vec<String> = i18n::keys(Lang::Nl)
        .into_iter()
        .chain(i18n::keys(Lang::En))
        .filter_map(|k| k.split('.').next().map(str::to_string))
        .collect();
    ns.sort();
    ns.dedup();
    ns
}

fn collect(dir: &Path, namespaces: &[String], out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("src dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, namespaces, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source");
            for literal in text.split('"').skip(1).step_by(2) {
                let ns = literal.split('.').next().unwrap_or_default();
                let looks_like_key = literal.contains('.')
                    && !literal.ends_with('.')
                    && !literal.contains(' ')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
                    && namespaces.iter().any(|n| n == ns)
                    && !FILE_EXTENSIONS.iter().any(|x| literal.ends_with(x));
                if looks_like_key {
                    out.push((literal.to_string(), path.display().to_string()));
                }
            }
        }
    }
}

#[test]
fn every_key_used_in_the_code_has_a_dutch_and_an_english_text() {
    let mut used = Vec::new();
    let namespaces = namespaces();
    for ns in ["present", "deck", "mode", "action", "menu"] {
        assert!(namespaces.iter().any(|n| n == ns), "no {ns}.* keys found");
    }
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &namespaces,
        &mut used,
    );
    assert!(used.len() > 40, "found only {} keys", used.len());
    let nl = i18n::keys(Lang::Nl);
    let en = i18n::keys(Lang::En);
    for (key, file) in &used {
        assert!(
            nl.contains(&key.as_str()),
            "{key} (used in {file}) is missing from nl.toml"
        );
        assert!(
            en.contains(&key.as_str()),
            "{key} (used in {file}) is missing from en.toml"
        );
    }
}

#[test]
fn both_languages_have_the_same_keys() {
    let nl: std::collections::BTreeSet<&str> = i18n::keys(Lang::Nl).into_iter().collect();
    let en: std::collections::BTreeSet<&str> = i18n::keys(Lang::En).into_iter().collect();
    let only_nl: Vec<_> = nl.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&nl).collect();
    assert!(only_nl.is_empty(), "only in nl.toml: {only_nl:?}");
    assert!(only_en.is_empty(), "only in en.toml: {only_en:?}");
}

#[test]
fn every_action_and_menu_has_a_label_in_both_languages() {
    use innovation_atlas::command::{Action, Menu};
    for lang in [Lang::Nl, Lang::En] {
        let keys = i18n::keys(lang);
        for a in Action::ALL {
            assert!(keys.contains(&a.key()), "{} missing ({lang:?})", a.key());
        }
        for m in Menu::ALL {
            assert!(keys.contains(&m.key()), "{} missing ({lang:?})", m.key());
        }
    }
}
