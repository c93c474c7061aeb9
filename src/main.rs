use clap::Parser;
use innovation_atlas::cli::{self, Cli};

fn main() -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let args = Cli::parse();
    match args.command {
        Some(cmd) => {
            // Commands write through cli::output; this catches a `println!` left elsewhere.
            cli::output::install_panic_guard();
            std::process::exit(cli::run_command(cmd, args.dataset))
        }
        None => {
            // A log file and crash reports in the data folder (commands log nothing).
            innovation_atlas::diagnostics::init_for_app();
            innovation_atlas::app::run(args.dataset, args.timings, started)
        }
    }
}
