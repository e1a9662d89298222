//! File reads kept alive while they run and let go once they finish. A finished
//! `FileReader` still holds the whole file as its `result`: kept, it would hold a 50 MB
//! backup in the page's memory for as long as the panel lives.

use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// The file reads a panel has under way.
#[derive(Default)]
pub struct FileReads {
    next: Cell<u64>,
    live: RefCell<Vec<(u64, FileReader)>>,
}

/// Handed to a read's callback, which calls [`Ticket::finished`] once it has the result.
pub struct Ticket {
    reads: Weak<FileReads>,
    id: u64,
}

impl Ticket {
    /// Lets go of the read's `FileReader` (and the file contents it holds). The reader is
    /// dropped in a later task, not inside its own callback.
    pub fn finished(self) {
        Timeout::new(0, move || {
            if let Some(reads) = self.reads.upgrade() {
                reads.live.borrow_mut().retain(|(id, _)| *id != self.id);
            }
        })
        .forget();
    }
}

impl FileReads {
    /// Starts a read: `read` receives the read's ticket and returns the reader to keep
    /// alive until the ticket is used.
    pub fn start(self: &Rc<Self>, read: impl FnOnce(Ticket) -> FileReader) {
        let id = self.next.get();
        self.next.set(id + 1);
        let reader = read(Ticket {
            reads: Rc::downgrade(self),
            id,
        });
        self.live.borrow_mut().push((id, reader));
    }

    /// How many reads are kept alive.
    #[must_use]
    pub fn len(&self) -> usize {
        self.live.borrow().len()
    }

    /// True when no read is kept alive.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.live.borrow().is_empty()
    }
}
