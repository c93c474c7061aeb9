//! `innovation-atlas generate`: write a synthetic dataset folder shaped like `seeds/`.

use std::path::{Path, PathBuf};

use crate::atlas::synthetic;

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{}: is not empty. Fix: name a new folder, so no old files mix in.", .0.display())]
    NotEmpty(PathBuf),
    #[error("{}: cannot create the folder: {source}. Fix: check that you can write there.", dir.display())]
    Folder {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Synthetic(#[from] synthetic::SyntheticError),
    #[error(transparent)]
    Write(#[from] crate::fsio::WriteError),
}

/// Writes the seed files and `total_places - 175` generated places under `out`, which must
/// not exist yet or be empty. Returns the files written.
pub fn run(total_places: usize, seed: u64, out: &Path) -> Result<Vec<PathBuf>, GenerateError> {
    if let Ok(mut entries) = std::fs::read_dir(out)
        && entries.next().is_some()
    {
        return Err(GenerateError::NotEmpty(out.to_path_buf()));
    }
    let files = synthetic::files(total_places, seed)?;
    let mut written = Vec::with_capacity(files.len());
    for f in files {
        let path = out.join(&f.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| GenerateError::Folder {
                dir: dir.to_path_buf(),
                source,
            })?;
        }
        crate::fsio::write_atomic(&path, f.text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
