//! The datasets (files or folders) and deck files opened last, newest first, for the File
//! menu's "Recent geopend". Kept with the settings; a path that is gone stays listed (greyed
//! out, the disk may come back) until the user clears the list or drops the missing ones.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many datasets and how many decks are remembered.
pub const MAX_RECENT: usize = 8;

/// What a recent entry opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecentKind {
    Dataset,
    Deck,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RecentFiles {
    /// Dataset files and folders, newest first.
    pub datasets: Vec<PathBuf>,
    /// Deck files, newest first.
    pub decks: Vec<PathBuf>,
}

impl RecentFiles {
    pub fn list(&self, kind: RecentKind) -> &[PathBuf] {
        match kind {
            RecentKind::Dataset => &self.datasets,
            RecentKind::Deck => &self.decks,
        }
    }

    fn list_mut(&mut self, kind: RecentKind) -> &mut Vec<PathBuf> {
        match kind {
            RecentKind::Dataset => &mut self.datasets,
            RecentKind::Deck => &mut self.decks,
        }
    }

    /// Puts `path` first (once), made absolute so it does not depend on the folder the app
    /// was started from; the oldest entry falls off past [`MAX_RECENT`].
    pub fn remember(&mut self, kind: RecentKind, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let list = self.list_mut(kind);
        list.retain(|p| p != &path);
        list.insert(0, path);
        list.truncate(MAX_RECENT);
    }

    /// Drops the entries whose file or folder no longer exists; returns how many.
    pub fn drop_missing(&mut self) -> usize {
        let before = self.datasets.len() + self.decks.len();
        self.datasets.retain(|p| p.exists());
        self.decks.retain(|p| p.exists());
        before - self.datasets.len() - self.decks.len()
    }

    pub fn clear(&mut self) {
        self.datasets.clear();
        self.decks.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.datasets.is_empty() && self.decks.is_empty()
    }

    /// Keeps what a settings file may hold: absolute paths, each once, at most
    /// [`MAX_RECENT`] per list. Returns true when something was dropped.
    pub fn sanitize(&mut self) -> bool {
        let before = self.clone();
        for list in [&mut self.datasets, &mut self.decks] {
            let mut seen = std::collections::BTreeSet::new();
            list.retain(|p| p.is_absolute() && seen.insert(p.clone()));
            list.truncate(MAX_RECENT);
        }
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_each_once_and_at_most_eight() {
        let mut r = RecentFiles::default();
        for i in 0..12 {
            r.remember(RecentKind::Dataset, Path::new(&format!("/data/{i}.toml")));
        }
        r.remember(RecentKind::Dataset, Path::new("/data/9.toml"));
        assert_eq!(r.datasets.len(), MAX_RECENT);
        assert_eq!(r.datasets[0], Path::new("/data/9.toml"));
        assert_eq!(r.datasets[1], Path::new("/data/11.toml"));
        assert_eq!(
            r.datasets.iter().filter(|p| p.ends_with("9.toml")).count(),
            1
        );
        assert!(r.decks.is_empty());
        // A relative path is kept as an absolute one.
        r.remember(RecentKind::Deck, Path::new("deck.toml"));
        assert!(r.decks[0].is_absolute());
    }

    #[test]
    fn sanitize_keeps_absolute_paths_once() {
        let mut r = RecentFiles {
            datasets: ["/a", "rel", "/a", "/b"].map(PathBuf::from).to_vec(),
            decks: (0..20).map(|i| PathBuf::from(format!("/d{i}"))).collect(),
        };
        assert!(r.sanitize());
        assert_eq!(r.datasets, ["/a", "/b"].map(PathBuf::from));
        assert_eq!(r.decks.len(), MAX_RECENT);
        assert!(!r.sanitize());
    }
}
