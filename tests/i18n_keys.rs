//! Every UI string key the code uses exists in both languages.

use std::path::Path;

use innovation_atlas::i18n;
use innovation_atlas::model::Lang;

const NAMESPACES: &[&str] = &[
    "app", "menu", "lang", "regions", "places", "details", "link", "problems", "kind", "nav",
    "map", "search", "layers", "legend", "about", "compare", "chart", "suggest",
];

fn collect(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("src dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
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
                    && NAMESPACES.contains(&ns);
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
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
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
