//! The domain model: regions, places, sectors, cross-pollinations and their sources.
//!
//! Plain data with serde; nothing here knows about egui. Loading validates everything, so the
//! rest of the app can rely on references resolving.

pub mod amount;
pub mod files;
pub mod layer;
pub mod load;
pub mod problem;
pub mod types;
pub mod validate;

pub use amount::Amount;
pub use files::SourceFile;
pub use load::{LoadedDataset, Origin, load_embedded, load_files, load_path};
pub use problem::{LoadError, Problem};
pub use types::*;

impl Dataset {
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The topics a survey's results and discussions hang on, in the order they are shown:
    /// product chains, action lines, then the survey's own general questions.
    pub fn survey_topics<'a>(&'a self, survey: &'a Survey) -> Vec<&'a str> {
        self.product_chains
            .iter()
            .map(|c| c.id.as_str())
            .chain(self.action_lines.iter().map(|a| a.id.as_str()))
            .chain(std::iter::once(survey.id.as_str()))
            .collect()
    }

    /// Name of a product chain or action line; `None` for a survey's general questions.
    pub fn survey_topic_name(&self, id: &str, lang: Lang) -> Option<&str> {
        self.product_chains
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.get(lang))
            .or_else(|| {
                self.action_lines
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.name.get(lang))
            })
    }

    /// Name of a place or region, for any id an endpoint may hold.
    pub fn label_of(&self, id: &str, lang: Lang) -> Option<String> {
        self.place(id)
            .map(|p| p.name.clone())
            .or_else(|| self.region(id).map(|r| r.name.get(lang).to_string()))
    }

    /// A citation as one line: "001_….txt, Bijlage 2, Tabel 1, lines 1483–1555".
    pub fn cite(&self, c: &Citation) -> String {
        self.cite_in(c, Lang::En)
    }

    /// A citation as one line in the given language ("regels" in Dutch).
    pub fn cite_in(&self, c: &Citation, lang: Lang) -> String {
        let mut out = self
            .source(&c.source)
            .map(|s| s.file.clone().unwrap_or_else(|| s.title.clone()))
            .unwrap_or_else(|| c.source.clone());
        if let Some(s) = &c.section {
            out.push_str(", ");
            out.push_str(s);
        }
        if let Some([a, b]) = c.lines {
            let word = match (lang, a == b) {
                (Lang::Nl, true) => "regel",
                (Lang::Nl, false) => "regels",
                (Lang::En, true) => "line",
                (Lang::En, false) => "lines",
            };
            if a == b {
                out.push_str(&format!(", {word} {a}"));
            } else {
                out.push_str(&format!(", {word} {a}–{b}"));
            }
        }
        out
    }

    /// A document as people name it: "ActieAgenda Technologische Industrie in Zuid-Holland
    /// (EBZ, Holland Instrumentation (HI) en InnovationQuarter, 2021)".
    pub fn document_title(&self, source: &str) -> String {
        let Some(s) = self.source(source) else {
            return source.to_string();
        };
        let year = s.date.as_deref().and_then(|d| d.get(..4));
        let by = match (s.publisher.as_deref(), year) {
            (Some(p), Some(y)) => format!("{p}, {y}"),
            (Some(p), None) => p.to_string(),
            (None, Some(y)) => y.to_string(),
            (None, None) => return s.title.clone(),
        };
        // A title that ends in its own parenthesis takes the publisher inside it, so the
        // audience does not read two brackets in a row: "… (Actieagenda; MRA, 2025)".
        match s.title.strip_suffix(')') {
            Some(open) if open.contains('(') => format!("{open}; {by})"),
            _ => format!("{} ({by})", s.title),
        }
    }

    /// A citation for an audience: the document's title, publisher and year with the
    /// section. The file and lines ([`Dataset::cite_in`]) are for checking.
    pub fn cite_readable(&self, c: &Citation) -> String {
        self.cite_all_readable(std::iter::once(c))
    }

    /// Citations for an audience, one entry per document with its sections:
    /// "Title (Publisher, 2021), Bijlage 2, Tabel 1; 2.1 Actielijn 1 · Other document".
    pub fn cite_all_readable<'a>(&self, cites: impl IntoIterator<Item = &'a Citation>) -> String {
        let mut docs: Vec<(&str, Vec<&str>)> = Vec::new();
        for c in cites {
            let i = match docs.iter().position(|(s, _)| *s == c.source.as_str()) {
                Some(i) => i,
                None => {
                    docs.push((c.source.as_str(), Vec::new()));
                    docs.len() - 1
                }
            };
            if let Some(section) = c.section.as_deref()
                && !docs[i].1.contains(&section)
            {
                docs[i].1.push(section);
            }
        }
        docs.iter()
            .map(|(source, sections)| {
                let title = self.document_title(source);
                if sections.is_empty() {
                    title
                } else {
                    format!("{title}, {}", sections.join("; "))
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}
