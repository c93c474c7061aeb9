//! `innovation-atlas generate`: write a synthetic dataset folder shaped like `seeds/`.

use std::path::{Path, PathBuf};

use crate::atlas::synthetic;

/// Writes the seed files and `total_places - 175` generated places under `out`, which must
/// not exist yet or be empty. Returns the files written.
pub fn run(total_places: usize, seed: u64, out: &Path) -> Result<Vec<PathBuf>, String> {
    if let Ok(mut entries) = std::fs::read_dir(out)
        && entries.next().is_some()
    {
        return Err(format!(
            "{} is not empty; name a new folder so no old files mix in",
            out.display()
        ));
    }
    let files = synthetic::files(total_places, seed)?;
    let mut written = Vec::with_capacity(files.len());
    for f in files {
        let path = out.join(&f.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        crate::fsio::write_atomic(&path, f.text.as_bytes()).map_err(|e| e.to_string())?;
        written.push(path);
    }
    Ok(written)
}
