//! Command-line interface: open the app (default), `check`, `export`, `render`, `bench` and
//! `soak`.

pub mod bench;
pub mod check;
pub mod generate;
pub mod output;
pub mod render;
pub mod soak;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::{self, Format, Subset, TableKind};
use crate::model::{self, LoadError, LoadedDataset};

#[derive(Debug, Parser)]
#[command(
    name = "innovation-atlas",
    version,
    about = "Offline atlas of the innovation ecosystems of Zuid-Holland, the MRA and Noord-Nederland",
    long_about = "Without a command, opens the atlas window."
)]
pub struct Cli {
    /// Open this dataset (a .toml/.json file or a folder of .toml files) instead of the embedded atlas
    #[arg(long, global = true, value_name = "PATH")]
    pub dataset: Option<PathBuf>,
    /// Log start-up timings (time to the first frame) to stderr
    #[arg(long)]
    pub timings: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset and print a summary, or every problem with its fix
    Check {
        /// Dataset file or folder; the embedded atlas when left out
        path: Option<PathBuf>,
    },
    /// Write the data as XLSX (a sheet per table), CSV (one table; csv-nl for Dutch Excel),
    /// GeoJSON (places, sub-region areas, cross-pollinations and routes) or JSON (the dataset)
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file (atomically) instead of standard output (XLSX needs a file)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Only what these sectors show (ids, comma-separated), as the map's filter does
        #[arg(long, value_name = "IDS")]
        sectors: Option<String>,
        /// Only these regions (ids, comma-separated): zuid-holland, mra, noord-nederland, …
        #[arg(long, value_name = "IDS")]
        regions: Option<String>,
        /// Language of column headers, sheet names and names (Dutch by default)
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// The table a CSV holds
        #[arg(long, value_enum, default_value_t = TableArg::Places)]
        table: TableArg,
        /// Add the user's own organisations from this CSV or XLSX file, as the window does
        #[arg(long, value_name = "FILE")]
        layer: Option<PathBuf>,
    },
    /// List the cross-pollinations the data suggests (computed, not named by a source)
    Suggestions {
        /// Language of the explanations
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
    },
    /// Measure start-up (load, atlas build, peak memory) and per-frame CPU time of the map
    /// headless (1920x1080): real atlas, 10,000 and 100,000 places; with --dataset, that one
    Bench {
        /// Frames measured per scenario
        #[arg(long, default_value_t = 120)]
        frames: usize,
        /// Exit with code 1 when a median exceeds its budget
        #[arg(long)]
        check: bool,
        /// Sizes (total places, comma-separated) of the generated datasets: start-up and search
        /// use 175,1000,10000,30000,100000 when left out, the frame scenarios 10000,100000
        #[arg(long, value_delimiter = ',')]
        places: Option<Vec<usize>>,
        /// Runs per start-up and frame scenario (min, median and max are printed), rounds of
        /// search queries
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Run only these parts (repeat or comma-separate): startup, frames, search; all when
        /// left out
        #[arg(long, value_enum, value_delimiter = ',')]
        only: Vec<BenchPart>,
    },
    /// Write a synthetic dataset folder shaped like seeds/ (the seeds plus generated places)
    Generate {
        /// Places in the dataset, the atlas's own 175 included
        #[arg(long)]
        places: usize,
        /// Folder to create (must not exist or be empty)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Seed of the generator: the same seed gives the same dataset
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Render every slide of a deck as an image, headless (no window, no GPU)
    Render {
        /// A deck file (.toml), or a built-in deck: zuid-holland, mra, noord-nederland
        #[arg(long, value_name = "FILE|NAME")]
        deck: String,
        /// Folder for slide-01.png, slide-02.png, …
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Pixels per window pixel: 1, 2 or 4 (a poster)
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=4))]
        scale: u32,
        /// Window size the slides are laid out for, in pixels
        #[arg(long, default_value = "1920x1080")]
        size: String,
        /// Write SVG instead of PNG
        #[arg(long, conflicts_with = "pdf")]
        svg: bool,
        /// Write the whole deck as one PDF handout (one page per slide) to the file --out
        #[arg(long)]
        pdf: bool,
        /// With --pdf: the speaker's notes under each slide
        #[arg(long, requires = "pdf")]
        notes: bool,
        /// Lay slides out on a sheet of paper instead of a window (PNG at 300 dpi)
        #[arg(long, value_enum, conflicts_with = "pdf")]
        paper: Option<PaperArg>,
        /// Language of built-in decks and labels
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
    },
    /// Present a built-in deck in a loop, headless, and report whether memory stays flat
    Soak {
        /// How long to run, in seconds of wall time
        #[arg(long, default_value_t = 600)]
        seconds: u64,
        /// Built-in deck: zuid-holland, mra or noord-nederland
        #[arg(long, default_value = "zuid-holland")]
        deck: String,
        /// Exit with code 1 when memory grows more than this after the first loop (MB)
        #[arg(long, default_value_t = 16.0)]
        limit_mb: f64,
    },
}

/// Paper sizes for `render --paper`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    A3,
    A0,
}

impl From<PaperArg> for crate::render::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => crate::render::Paper::A4,
            PaperArg::A3 => crate::render::Paper::A3,
            PaperArg::A0 => crate::render::Paper::A0,
        }
    }
}

/// The languages the command line accepts; anything else is refused with the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Nederlands
    Nl,
    /// English
    En,
}

impl From<LangArg> for crate::model::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Nl => crate::model::Lang::Nl,
            LangArg::En => crate::model::Lang::En,
        }
    }
}

/// The parts of `bench`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchPart {
    /// Load, validate and build the atlas per dataset size; peak memory
    Startup,
    /// Per-frame CPU time of the whole app
    Frames,
    /// Per-keystroke search time per dataset size
    Search,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// The whole dataset (it loads back with --dataset)
    Json,
    /// One table, comma-separated, UTF-8 with a byte-order mark
    Csv,
    /// One table for Dutch Excel: ';'-separated, decimal commas, byte-order mark
    CsvNl,
    /// Points, sub-region (multi)polygons, cross-pollinations and routes as lines
    Geojson,
    /// An Excel workbook, one sheet per table
    Xlsx,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Json => Format::Json,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::CsvNl => Format::CsvNl,
            ExportFormat::Geojson => Format::GeoJson,
            ExportFormat::Xlsx => Format::Xlsx,
        }
    }
}

/// The tables a CSV export can hold.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableArg {
    Places,
    SubRegions,
    CrossPollinations,
    ProjectSheets,
    Figures,
    Sources,
}

impl From<TableArg> for TableKind {
    fn from(t: TableArg) -> Self {
        match t {
            TableArg::Places => TableKind::Places,
            TableArg::SubRegions => TableKind::SubRegions,
            TableArg::CrossPollinations => TableKind::CrossPollinations,
            TableArg::ProjectSheets => TableKind::ProjectSheets,
            TableArg::Figures => TableKind::Figures,
            TableArg::Sources => TableKind::Sources,
        }
    }
}

/// Loads the embedded atlas or the dataset at `path`.
pub fn load(path: Option<&std::path::Path>) -> Result<LoadedDataset, LoadError> {
    match path {
        Some(p) => model::load_path(p),
        None => model::load_embedded(),
    }
}

/// The atlas for a command, or every problem of the dataset as one message.
/// The atlas of the dataset at `path` (or the embedded one); a dataset with problems has
/// them printed, and `None` comes back.
fn atlas_for(path: Option<&std::path::Path>) -> Option<std::sync::Arc<crate::atlas::Atlas>> {
    match load(path) {
        Ok(l) => Some(std::sync::Arc::new(crate::atlas::Atlas::new(l))),
        Err(e) => {
            print_problems(&e);
            None
        }
    }
}

/// The dataset with the user's organisations from `path` merged in; on a problem, the
/// problems are printed and the exit code returned.
fn with_layer(loaded: &LoadedDataset, path: &std::path::Path) -> Result<LoadedDataset, i32> {
    let name = path.display().to_string();
    let date = crate::model::layer::today();
    let layer =
        crate::model::layer::read_path(path, &name, &loaded.dataset, &date).map_err(|e| {
            eprintln!("{e}");
            1
        })?;
    if let Some(e) = layer.load_error() {
        print_problems(&e);
        return Err(1);
    }
    crate::model::layer::merge(loaded, &layer).map_err(|e| {
        print_problems(&e);
        1
    })
}

/// Prints every problem of a failed load to stderr.
pub fn print_problems(err: &LoadError) {
    eprintln!("{err}:");
    for p in &err.problems {
        eprintln!("{p}");
    }
}

/// Runs a command; returns the process exit code.
pub fn run_command(cmd: Command, dataset: Option<PathBuf>) -> i32 {
    match cmd {
        Command::Check { path } => {
            if let Some(p) = path.as_deref()
                && crate::model::layer::table::FileKind::of(p).is_some()
            {
                return check::check_layer(p, dataset.as_deref());
            }
            let path = path.or(dataset);
            match load(path.as_deref()) {
                Ok(loaded) => output::print_then(&check::summary(&loaded), 0),
                Err(e) => {
                    print_problems(&e);
                    1
                }
            }
        }
        Command::Suggestions { lang } => {
            let loaded = match load(dataset.as_deref()) {
                Ok(l) => l,
                Err(e) => {
                    print_problems(&e);
                    return 1;
                }
            };
            let lang = crate::model::Lang::from(lang);
            let atlas = crate::atlas::Atlas::new(loaded);
            let d = atlas.data();
            let mut text = String::new();
            for (n, s) in atlas.suggestions.iter().enumerate() {
                let (a, b) = (&d.places[s.a], &d.places[s.b]);
                text.push_str(&format!(
                    "{:>2}. {} — {}: {}\n",
                    n + 1,
                    a.name,
                    b.name,
                    s.explain(d, lang)
                ));
            }
            output::print_then(&text, 0)
        }
        Command::Bench {
            frames,
            check,
            places,
            runs,
            only,
        } => {
            let part = |p: BenchPart| only.is_empty() || only.contains(&p);
            let options = bench::Options {
                frames: frames.max(1),
                dataset,
                places: places
                    .clone()
                    .unwrap_or_else(|| vec![175, 1_000, 10_000, 30_000, 100_000]),
                frame_places: places,
                runs: runs.max(1),
                startup: part(BenchPart::Startup),
                frame_scenarios: part(BenchPart::Frames),
                search: part(BenchPart::Search),
            };
            match bench::run_all(&options) {
                Ok(code) if check => code,
                Ok(_) => 0,
                Err(e) => {
                    eprintln!("bench failed: {e}");
                    1
                }
            }
        }
        Command::Generate { places, out, seed } => match generate::run(places, seed, &out) {
            Ok(files) => {
                eprintln!(
                    "wrote {} files with {places} places to {}",
                    files.len(),
                    out.display()
                );
                0
            }
            Err(e) => {
                eprintln!("generate failed: {e}");
                1
            }
        },
        Command::Render {
            deck,
            out,
            scale,
            size,
            svg,
            pdf,
            notes,
            paper,
            lang,
        } => {
            let lang = crate::model::Lang::from(lang);
            let format = if pdf {
                crate::command::ImageFormat::Pdf
            } else if svg {
                crate::command::ImageFormat::Svg
            } else {
                crate::command::ImageFormat::Png { scale }
            };
            let Some(atlas) = atlas_for(dataset.as_deref()) else {
                return 1;
            };
            let result = render::parse_size(&size).and_then(|size| {
                let deck = render::deck_from_arg(&deck, &atlas, lang)?;
                let opts = render::RenderOptions {
                    size,
                    format,
                    paper: paper.map(Into::into),
                    lang,
                    notes,
                };
                render::run(atlas, deck, &out, opts)
            });
            match result {
                Ok(files) => {
                    let list: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
                    output::print_then(&list, 0)
                }
                Err(e) => {
                    eprintln!("render failed: {e}");
                    1
                }
            }
        }
        Command::Soak {
            seconds,
            deck,
            limit_mb,
        } => {
            let Some(atlas) = atlas_for(dataset.as_deref()) else {
                return 1;
            };
            let result = render::deck_from_arg(&deck, &atlas, crate::model::Lang::Nl)
                .map(|deck| soak::run(atlas, deck, std::time::Duration::from_secs(seconds), 90));
            match result {
                Ok(s) => soak::report(&s, limit_mb),
                Err(e) => {
                    eprintln!("soak failed: {e}");
                    1
                }
            }
        }
        Command::Export {
            format,
            out,
            sectors,
            regions,
            lang,
            table,
            layer,
        } => {
            let loaded = match load(dataset.as_deref()) {
                Ok(l) => l,
                Err(e) => {
                    print_problems(&e);
                    return 1;
                }
            };
            let loaded = match layer {
                Some(path) => match with_layer(&loaded, &path) {
                    Ok(l) => l,
                    Err(code) => return code,
                },
                None => loaded,
            };
            let d = &loaded.dataset;
            let sectors = sectors.as_deref().map(export::scope::parse_list);
            let regions = regions.as_deref().map(export::scope::parse_list);
            let known_sectors: Vec<&str> = d.sectors.iter().map(|s| s.id.as_str()).collect();
            let known_regions: Vec<&str> = d.regions.iter().map(|r| r.id.as_str()).collect();
            for (asked, known, what) in [
                (&sectors, &known_sectors, "sector"),
                (&regions, &known_regions, "region"),
            ] {
                if let Some((unknown, list)) = asked
                    .as_ref()
                    .and_then(|a| export::scope::unknown_ids(a, known))
                {
                    eprintln!(
                        "export failed: unknown {what} {}. Fix: use ids of the dataset: {list}.",
                        unknown.join(", ")
                    );
                    return 1;
                }
            }
            let subset = if sectors.is_none() && regions.is_none() {
                Subset::all(d)
            } else {
                Subset::filtered(
                    d,
                    &sectors.unwrap_or_default(),
                    &regions.unwrap_or_default(),
                )
            };
            let format = Format::from(format);
            let request = export::Request {
                format,
                lang: lang.into(),
                table: table.into(),
            };
            match out {
                Some(path) => match export::write_to(&path, d, &subset, &request) {
                    Ok(()) => {
                        eprintln!("wrote {}", path.display());
                        0
                    }
                    Err(e) => {
                        eprintln!("export failed: {e}");
                        1
                    }
                },
                None if format == Format::Xlsx => {
                    eprintln!(
                        "export failed: an XLSX workbook is not text for the terminal. Fix: add --out FILE.xlsx."
                    );
                    1
                }
                // Streamed as it is made: 100,000 places never sit in memory as text.
                None => match export::write_stream(
                    std::io::stdout(),
                    "standard output",
                    d,
                    &subset,
                    &request,
                ) {
                    // JSON ends without a line break, CSV with one; a terminal wants one.
                    Ok(()) if matches!(format, Format::Json | Format::GeoJson) => {
                        output::print_then("\n", 0)
                    }
                    Ok(()) => 0,
                    Err(export::ExportError::Io { source, .. }) => {
                        output::OutputError::from(source).report()
                    }
                    Err(e) => {
                        eprintln!("export failed: {e}");
                        1
                    }
                },
            }
        }
    }
}
