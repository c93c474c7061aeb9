//! The municipality register of the basemap (CBS code, name, province).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::MUNICIPALITIES as GEMEENTEN_GEOJSON;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityInfo {
    pub name: String,
    pub province: String,
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
}

#[derive(Deserialize)]
struct Properties {
    cbs_code: String,
    name: String,
    province: String,
}

/// CBS code → name and province, read once from the embedded basemap.
pub fn register() -> &'static BTreeMap<String, MunicipalityInfo> {
    static REGISTER: OnceLock<BTreeMap<String, MunicipalityInfo>> = OnceLock::new();
    REGISTER.get_or_init(|| {
        // The asset is compiled in and checked by tests; an unreadable one yields an empty
        // register, which validation then reports as unknown codes rather than crashing.
        serde_json::from_str::<Collection>(GEMEENTEN_GEOJSON)
            .map(|c| {
                c.features
                    .into_iter()
                    .map(|f| {
                        (
                            f.properties.cbs_code,
                            MunicipalityInfo {
                                name: f.properties.name,
                                province: f.properties.province,
                            },
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_has_every_2024_municipality() {
        let r = register();
        assert_eq!(r.len(), 342);
        assert_eq!(r.get("GM0363").map(|m| m.name.as_str()), Some("Amsterdam"));
        assert_eq!(r.get("GM0518").map(|m| m.name.as_str()), Some("Den Haag"));
    }
}
