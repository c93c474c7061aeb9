// No console window behind the app on Windows. The commands (check, export, render, …) attach
// to the console they were started from, so what they print is still seen there.
#![cfg_attr(windows, windows_subsystem = "windows")]

use clap::Parser;
use innovation_atlas::cli::{self, Cli};

fn main() -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    #[cfg(windows)]
    attach_parent_console();
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

/// Makes the program print into the console it was started from (cmd, PowerShell): help,
/// a command's output, the app's log lines. Started from the Start menu there is none.
#[cfg(windows)]
fn attach_parent_console() {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn AttachConsole(process_id: u32) -> i32;
    }
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
    // SAFETY: AttachConsole only takes a process id; when there is no parent console it
    // fails and changes nothing, and output then goes where it was redirected, if anywhere.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
