//! Standard output of the commands. `println!` panics when stdout is a closed pipe
//! (`export … | head -1`) or a full disk (`> /dev/full`); everything a command prints goes
//! through [`print`] instead, which reports the failure.
//!
//! Exit codes: a reader that stopped reading (a broken pipe) ends the command quietly with
//! [`EXIT_BROKEN_PIPE`] (141, what a shell reports for a program stopped by SIGPIPE, as
//! `cat` or `grep` would be); any other write error prints what went wrong and the fix on
//! stderr and exits with [`EXIT_WRITE_FAILED`] (1, as every other failure of a command).

use std::io::Write;

/// Exit code when the reader of the output went away: 128 + SIGPIPE.
pub const EXIT_BROKEN_PIPE: i32 = 141;
/// Exit code when the output could not be written for another reason.
pub const EXIT_WRITE_FAILED: i32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The reader closed the pipe (`| head`): nothing to say, nobody is listening.
    #[error("the program reading the output stopped reading")]
    Closed,
    #[error(
        "innovation-atlas: cannot write to standard output: {0}. Fix: send the output to a disk with free space, or use --out FILE where the command has it."
    )]
    Failed(std::io::Error),
}

impl From<std::io::Error> for OutputError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            OutputError::Closed
        } else {
            OutputError::Failed(e)
        }
    }
}

impl OutputError {
    pub fn exit_code(&self) -> i32 {
        match self {
            OutputError::Closed => EXIT_BROKEN_PIPE,
            OutputError::Failed(_) => EXIT_WRITE_FAILED,
        }
    }

    /// Says what went wrong on stderr (nothing for a closed pipe); returns the exit code.
    pub fn report(&self) -> i32 {
        if let OutputError::Failed(_) = self {
            eprintln!("{self}");
        }
        self.exit_code()
    }
}

/// Writes `text` to stdout and flushes it, so an error shows here and not at exit.
pub fn print(text: &str) -> Result<(), OutputError> {
    write_to(&mut std::io::stdout().lock(), text)
}

/// Writes and flushes `text` on any writer (stdout, or a test's).
pub fn write_to(out: &mut dyn Write, text: &str) -> Result<(), OutputError> {
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Prints `text`; returns `code`, or the exit code of a failed write (reported on stderr).
pub fn print_then(text: &str, code: i32) -> i32 {
    match print(text) {
        Ok(()) => code,
        Err(e) => e.report(),
    }
}

/// A safety net for output that does not yet go through [`print`] (a `println!` left in a
/// command): its panic on a broken pipe or a full disk ends the program like [`print`]
/// would, instead of with a panic message and exit code 101. Other panics are reported as
/// before.
pub fn install_panic_guard() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if let Some(cause) = message.strip_prefix("failed printing to stdout: ") {
            #[cfg(unix)]
            let broken = cause.contains(&format!("(os error {})", libc::EPIPE));
            #[cfg(not(unix))]
            let broken = cause.contains("pipe");
            if broken {
                std::process::exit(EXIT_BROKEN_PIPE);
            }
            eprintln!(
                "innovation-atlas: cannot write to standard output: {cause}. Fix: send the output to a disk with free space."
            );
            std::process::exit(EXIT_WRITE_FAILED);
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing(std::io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_broken_pipe_is_quiet_and_other_errors_are_explained() {
        let e = write_to(&mut Failing(std::io::ErrorKind::BrokenPipe), "x").expect_err("pipe");
        assert!(matches!(e, OutputError::Closed));
        assert_eq!(e.exit_code(), 141);
        let e = write_to(&mut Failing(std::io::ErrorKind::StorageFull), "x").expect_err("full");
        assert_eq!(e.exit_code(), 1);
        assert!(e.to_string().contains("Fix:"), "{e}");
        let mut ok = Vec::new();
        assert!(write_to(&mut ok, "fine").is_ok());
        assert_eq!(ok, b"fine");
    }
}
