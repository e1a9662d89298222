//! A backup file read a slice at a time, so that a page restoring a 50 MB backup can paint
//! and answer the user between slices instead of freezing for the whole reading.
//!
//! A scanner that follows only strings and brackets splits the file into its top-level fields
//! and its article records; `serde_json` then reads each piece, and each record is read as
//! [`read_record`] reads it. Whenever the file is not what a backup looks like (anything
//! the scanner does not expect, a piece that is not JSON, a refused header), the whole file
//! goes to [`parse_backup`] in one step instead, so the answer, error included, is always the
//! one [`parse_backup`] gives.
//!
//! ```
//! use newslens::engine::backup::{parse_backup, write_backup, StoredArticle};
//! use newslens::engine::backup_reading::BackupReading;
//! use newslens::engine::corpus::ArticleMeta;
//! let meta: ArticleMeta = serde_json::from_str(
//!     r#"{"id":"user-1","file":"a.txt","title":"T","outlet":"","certainty":"user"}"#).unwrap();
//! let file = write_backup(&[StoredArticle::new(meta, "Text.", "t")], &[], &serde_json::Value::Null, "t");
//! let mut reading = BackupReading::new(&file);
//! let read = loop {
//!     // 64 bytes of work per step; a page yields to the browser between steps.
//!     if let Some(done) = reading.step(64) {
//!         break done;
//!     }
//! };
//! assert_eq!(read, parse_backup(&file));
//! ```

use super::backup::{
    check_header, parse_backup, read_record, Backup, BackupError, Collected, RecordRead,
};
use super::swar::{word_at, zero_bytes, ONES};
use serde_json::{Map, Value};
use std::ops::Range;

/// A backup file being read; [`BackupReading::step`] until it gives the result.
pub struct BackupReading<'a> {
    text: &'a str,
    phase: Phase,
    fell_back: bool,
}

/// Where a reading is.
enum Phase {
    /// Splitting the file.
    Scanning(Scanner),
    /// Reading article records, the next one at `next`.
    Records {
        records: Vec<Range<usize>>,
        next: usize,
        corrections: Vec<Value>,
        out: Collected,
    },
    /// Finished (the result was given).
    Done,
}

impl<'a> BackupReading<'a> {
    /// Starts reading `text`, the whole backup file.
    #[must_use]
    pub fn new(text: &'a str) -> BackupReading<'a> {
        let text = text.trim_start_matches('\u{feff}');
        BackupReading {
            text,
            phase: Phase::Scanning(Scanner::default()),
            fell_back: false,
        }
    }

    /// True once the file went to [`parse_backup`] whole, as one that is not a backup as
    /// written (damaged, edited by hand or not a backup at all).
    #[must_use]
    pub fn fell_back(&self) -> bool {
        self.fell_back
    }

    /// Does about `budget` bytes' worth of reading; gives the result once there is one
    /// (and `None` before, and after it was given).
    pub fn step(&mut self, budget: usize) -> Option<Result<Backup, BackupError>> {
        match self.advance(budget.max(1)) {
            Ok(None) => None,
            Ok(Some(backup)) => {
                self.phase = Phase::Done;
                Some(Ok(backup))
            }
            // Not a backup as written: the one-pass reading decides what to say.
            Err(Fallback) => {
                self.phase = Phase::Done;
                self.fell_back = true;
                Some(parse_backup(self.text))
            }
        }
    }

    fn advance(&mut self, budget: usize) -> Result<Option<Backup>, Fallback> {
        match &mut self.phase {
            Phase::Done => Ok(None),
            Phase::Scanning(scanner) => {
                if scanner.scan(self.text, budget)? {
                    self.phase = header(self.text, std::mem::take(scanner))?;
                }
                Ok(None)
            }
            Phase::Records {
                records,
                next,
                corrections,
                out,
            } => {
                let mut spent = 0;
                while *next < records.len() && spent < budget {
                    let span = records[*next].clone();
                    spent += span.len();
                    *next += 1;
                    out.article(*next, record(&self.text[span])?);
                }
                if *next < records.len() {
                    return Ok(None);
                }
                let out = std::mem::replace(out, Collected::new(Value::Null));
                Ok(Some(out.finish(corrections)))
            }
        }
    }
}

/// The file is not a backup as [`crate::engine::backup::write_backup`] writes them.
struct Fallback;

/// Reads the top-level fields found by `scanner`: the header is checked and the records are
/// next.
fn header(text: &str, scanner: Scanner) -> Result<Phase, Fallback> {
    let mut obj = Map::new();
    for (key, span) in scanner.fields {
        if key == "articles" {
            continue;
        }
        let value: Value = serde_json::from_str(&text[span]).map_err(|_| Fallback)?;
        obj.insert(key, value);
    }
    // The articles were the last field of that name; the scanner kept their records.
    let records = scanner.articles.ok_or(Fallback)?;
    check_header(&obj, true).map_err(|_| Fallback)?;
    let Some(Value::Array(corrections)) = obj.remove("corrections") else {
        return Err(Fallback);
    };
    Ok(Phase::Records {
        records,
        next: 0,
        corrections,
        out: Collected::new(obj.remove("settings").unwrap_or(Value::Null)),
    })
}

/// Reads one article record through a `Value`, as [`read_record`] does, so that a record it
/// cannot read is named with the same reason (and the page's module needs no second reader).
fn record(json: &str) -> Result<RecordRead, Fallback> {
    serde_json::from_str::<Value>(json)
        .map(read_record)
        .map_err(|_| Fallback)
}

/// What the scanner expects next at the top level of the file.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
enum Expect {
    /// The top-level `{`.
    #[default]
    Open,
    /// A key or `}` (just after `{`).
    FirstKey,
    /// A key (after `,`).
    Key,
    /// The `:` after a key.
    Colon,
    /// The first byte of a value.
    Value,
    /// More of a value.
    InValue,
    /// Only white space (after the closing `}`).
    End,
}

/// Splits a backup file into top-level fields and the elements of its `articles` list,
/// following strings and brackets only; it can stop and go on at any byte.
#[derive(Default)]
struct Scanner {
    /// The next byte to look at.
    at: usize,
    expect: Expect,
    /// Inside a string; `escaped` after its backslash.
    in_string: bool,
    escaped: bool,
    /// The brackets open inside the current value, innermost last: each closing bracket
    /// must match the last one (`[` … `}` is not JSON, though the count would balance).
    open: Vec<u8>,
    /// Start of the current key (its opening quote) or value.
    start: usize,
    /// The current key, read.
    key: String,
    /// A key `serde_json` refuses was met.
    broken: bool,
    /// Whether the current value is the `articles` list; its elements' starts (each just
    /// after `[` or a `,`) so far.
    in_articles: bool,
    element_starts: Vec<usize>,
    /// The records of the current value, once it is a closed `articles` list, and where the
    /// list ends.
    list: Option<(Vec<Range<usize>>, usize)>,
    /// Each top-level field read: key, value span.
    fields: Vec<(String, Range<usize>)>,
    /// The records of the last `articles` field, when it was a list.
    articles: Option<Vec<Range<usize>>>,
}

impl Scanner {
    /// Scans up to `budget` bytes of `text`; true once the whole file is scanned.
    fn scan(&mut self, text: &str, budget: usize) -> Result<bool, Fallback> {
        let bytes = text.as_bytes();
        let stop = bytes.len().min(self.at.saturating_add(budget));
        while self.at < stop {
            let i = self.at;
            if self.in_string {
                self.at = self.string_byte(bytes, i, stop);
                if self.broken {
                    return Err(Fallback);
                }
                continue;
            }
            self.at += 1;
            let b = bytes[i];
            let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r');
            match self.expect {
                _ if space && self.expect != Expect::InValue => {}
                Expect::Open if b == b'{' => self.expect = Expect::FirstKey,
                Expect::FirstKey if b == b'}' => self.expect = Expect::End,
                Expect::FirstKey | Expect::Key if b == b'"' => {
                    self.start = i;
                    self.in_string = true;
                }
                Expect::Colon if b == b':' => self.expect = Expect::Value,
                Expect::Value => {
                    self.start = i;
                    self.expect = Expect::InValue;
                    self.in_articles = self.key == "articles" && b == b'[';
                    self.element_starts.clear();
                    self.list = None;
                    self.value_byte(text, i, b)?;
                }
                Expect::InValue => self.value_byte(text, i, b)?,
                _ => return Err(Fallback),
            }
        }
        if self.at < bytes.len() {
            return Ok(false);
        }
        if self.expect == Expect::End && !self.in_string {
            Ok(true)
        } else {
            Err(Fallback)
        }
    }

    /// Moves through a string from byte `i` (not past `stop`) and gives where to go on. At
    /// its closing quote, a key is read.
    fn string_byte(&mut self, bytes: &[u8], mut i: usize, stop: usize) -> usize {
        if self.escaped {
            self.escaped = false;
            return i + 1;
        }
        // Eight bytes at a time up to the next quote or backslash (most of a file is text).
        while i + 8 <= stop {
            let w = word_at(bytes, i);
            let hits = zero_bytes(w ^ (ONES * u64::from(b'"')))
                | zero_bytes(w ^ (ONES * u64::from(b'\\')));
            if hits != 0 {
                i += hits.trailing_zeros() as usize / 8;
                break;
            }
            i += 8;
        }
        while i < stop {
            match bytes[i] {
                b'\\' => {
                    self.escaped = true;
                    return i + 1;
                }
                b'"' => {
                    self.in_string = false;
                    if matches!(self.expect, Expect::FirstKey | Expect::Key) {
                        self.expect = Expect::Colon;
                        self.key_end(bytes, i + 1);
                    }
                    return i + 1;
                }
                _ => i += 1,
            }
        }
        stop
    }

    /// A key's closing quote is at `end - 1`: reads the key. Keys with escapes or control
    /// characters are not written by NewsLens: the file goes to the one-pass reading.
    fn key_end(&mut self, bytes: &[u8], end: usize) {
        let inner = &bytes[self.start + 1..end - 1];
        match std::str::from_utf8(inner) {
            Ok(key) if !inner.iter().any(|&b| b == b'\\' || b < 0x20) => {
                key.clone_into(&mut self.key)
            }
            _ => self.broken = true,
        }
    }

    /// One byte of a value, outside strings.
    fn value_byte(&mut self, text: &str, i: usize, b: u8) -> Result<(), Fallback> {
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => {
                self.open.push(b);
                if self.in_articles && self.open.len() == 1 {
                    self.element_starts.push(i + 1);
                }
            }
            b'}' | b']' if !self.open.is_empty() => {
                let opened = self.open.pop();
                if opened != Some(if b == b'}' { b'{' } else { b'[' }) {
                    return Err(Fallback);
                }
                if self.in_articles && self.open.is_empty() {
                    self.articles_end(text, i)?;
                }
            }
            b',' if self.in_articles && self.open.len() == 1 => self.element_starts.push(i + 1),
            b',' | b'}' if self.open.is_empty() => {
                let value = trimmed(text, self.start..i);
                if value.is_empty() {
                    return Err(Fallback);
                }
                let key = std::mem::take(&mut self.key);
                if key == "articles" {
                    // Kept only when the value is the list and nothing after it.
                    self.articles = match self.list.take() {
                        Some((records, end)) if end == value.end => Some(records),
                        Some(_) => return Err(Fallback),
                        None => None,
                    };
                }
                self.fields.push((key, value));
                self.in_articles = false;
                self.expect = if b == b',' { Expect::Key } else { Expect::End };
            }
            _ => {}
        }
        Ok(())
    }

    /// The `]` closing the articles list is at `i`: its elements are known.
    fn articles_end(&mut self, text: &str, i: usize) -> Result<(), Fallback> {
        let ends = self.element_starts[1..].iter().map(|&s| s - 1).chain([i]);
        let spans: Vec<Range<usize>> = self
            .element_starts
            .iter()
            .zip(ends)
            .map(|(&s, e)| trimmed(text, s..e))
            .collect();
        let records = match spans.as_slice() {
            [only] if only.is_empty() => Vec::new(),
            _ if spans.iter().any(Range::is_empty) => return Err(Fallback),
            _ => spans,
        };
        // The field itself is pushed at the `,` or `}` after the list, like any other.
        self.list = Some((records, i + 1));
        self.in_articles = false;
        Ok(())
    }
}

/// `span` of `text` without the white space at either end.
fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let space = |i: usize| matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r');
    let (mut start, mut end) = (span.start, span.end);
    while start < end && space(start) {
        start += 1;
    }
    while end > start && space(end - 1) {
        end -= 1;
    }
    start..end
}
