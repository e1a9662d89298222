//! The bundled corpus: article files and their metadata manifest, embedded at build time.
//!
//! Adding an article is: drop its file into `www/corpus/`, add a line to
//! `www/corpus/manifest.jsonl`, rebuild.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

mod files {
    include!(concat!(env!("OUT_DIR"), "/corpus_files.rs"));
}

/// The embedded manifest, one JSON object per line.
pub const MANIFEST: &str = include_str!("../../www/corpus/manifest.jsonl");

/// What is known about an article: one manifest line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Stable id: the file's stem.
    pub id: String,
    /// The article's file name under `www/corpus/`.
    pub file: String,
    /// Headline.
    pub title: String,
    /// The outlet that published it.
    pub outlet: String,
    /// The outlet's section, when known.
    #[serde(default)]
    pub section: Option<String>,
    /// The standfirst (subheading), when known.
    #[serde(default)]
    pub standfirst: Option<String>,
    /// Publication date, `YYYY-MM-DD`, when known.
    #[serde(default)]
    pub published: Option<String>,
    /// Where it was published, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// How sure the metadata is: `confirmed`, `likely` or `inferred`.
    #[serde(default = "unknown")]
    pub certainty: String,
    /// What the metadata rests on.
    #[serde(default)]
    pub evidence: String,
}

fn unknown() -> String {
    "unknown".to_string()
}

/// An article: its metadata and its full text as captured (boilerplate included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Metadata.
    pub meta: ArticleMeta,
    /// The text exactly as stored.
    pub text: Arc<str>,
}

/// Why the bundled corpus could not be read. Only a broken build produces one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusError {
    /// A manifest line is not valid JSON of the expected shape.
    BadManifestLine {
        /// 1-based line number.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// A manifest line names a file that is not embedded.
    MissingFile(String),
    /// An embedded article file has no manifest line.
    Unlisted(String),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::BadManifestLine { line, message } => {
                write!(f, "corpus manifest line {line} cannot be read: {message}")
            }
            CorpusError::MissingFile(name) => {
                write!(
                    f,
                    "corpus manifest names {name}, which is not in www/corpus/"
                )
            }
            CorpusError::Unlisted(name) => {
                write!(f, "www/corpus/{name} has no line in the manifest")
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// Parses a manifest and pairs each line with its file from `files` (name, text).
///
/// # Errors
/// A bad manifest line, a listed file that is missing, or a file that is not listed.
pub fn assemble(manifest: &str, files: &[(&str, &str)]) -> Result<Vec<Article>, CorpusError> {
    let mut out = Vec::new();
    for (i, line) in manifest.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let meta: ArticleMeta =
            serde_json::from_str(line).map_err(|e| CorpusError::BadManifestLine {
                line: i + 1,
                message: e.to_string(),
            })?;
        let text = files
            .iter()
            .find(|(name, _)| *name == meta.file)
            .map(|(_, text)| (*text).to_string())
            .ok_or_else(|| CorpusError::MissingFile(meta.file.clone()))?;
        out.push(Article {
            meta,
            text: text.into(),
        });
    }
    if let Some((name, _)) = files
        .iter()
        .find(|(name, _)| !out.iter().any(|a| a.meta.file == *name))
    {
        return Err(CorpusError::Unlisted((*name).to_string()));
    }
    Ok(out)
}

/// The bundled articles, in manifest order.
///
/// # Errors
/// Only when the build embedded an inconsistent corpus; a test guards against it.
pub fn bundled() -> Result<Vec<Article>, CorpusError> {
    assemble(MANIFEST, files::FILES)
}

/// The benchmark text: the bundled articles, each followed by a newline, repeated until the
/// text is at least 1 MiB (`benches/engine.rs` and `examples/engine_time.rs` time it).
///
/// # Errors
/// As [`bundled`].
pub fn bench_text() -> Result<String, CorpusError> {
    let mut one = String::new();
    for a in bundled()? {
        one.push_str(&a.text);
        one.push('\n');
    }
    let mut s = String::with_capacity(1 << 20);
    while !one.is_empty() && s.len() < 1 << 20 {
        s.push_str(&one);
    }
    Ok(s)
}
