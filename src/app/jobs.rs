//! Work that must not block a frame (file dialogs, exports, slide pictures) runs on a thread
//! through one small runner: start a job with a label, poll for what finished. The window
//! shows what is running and asks for frames while anything is.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// One job under way.
struct Job<T> {
    label: String,
    rx: Receiver<T>,
}

/// Jobs producing `T`, polled once per frame.
pub struct Jobs<T> {
    running: Vec<Job<T>>,
}

impl<T> Default for Jobs<T> {
    fn default() -> Self {
        Jobs {
            running: Vec::new(),
        }
    }
}

impl<T: Send + 'static> Jobs<T> {
    /// Runs `work` on its own thread. A job whose thread panics ends without a result (the
    /// panic is logged by the crash reporter) and is dropped from the list.
    pub fn spawn(&mut self, label: impl Into<String>, work: impl FnOnce() -> T + Send + 'static) {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            tx.send(work()).ok();
        });
        self.running.push(Job {
            label: label.into(),
            rx,
        });
    }

    /// The results that arrived since the last poll.
    pub fn poll(&mut self) -> Vec<T> {
        let mut done = Vec::new();
        self.running.retain(|job| match job.rx.try_recv() {
            Ok(result) => {
                done.push(result);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                log::warn!("job \"{}\" ended without a result", job.label);
                false
            }
        });
        done
    }

    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Labels of the jobs under way, for the status line.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.running.iter().map(|j| j.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_and_finished_jobs_leave() {
        let mut jobs = Jobs::default();
        jobs.spawn("a", || 1);
        jobs.spawn("b", || 2);
        let mut got = Vec::new();
        for _ in 0..200 {
            got.extend(jobs.poll());
            if got.len() == 2 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        got.sort_unstable();
        assert_eq!(got, vec![1, 2]);
        assert!(!jobs.is_busy());
    }

    #[test]
    fn a_panicking_job_is_dropped() {
        let mut jobs: Jobs<u8> = Jobs::default();
        jobs.spawn("boom", || panic!("on purpose"));
        for _ in 0..200 {
            jobs.poll();
            if !jobs.is_busy() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(!jobs.is_busy());
    }
}
