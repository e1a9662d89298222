//! The `newslens` command line: the same engine the browser runs, over files.
//!
//! ```text
//! newslens tag [--published YYYY-MM-DD] FILE...     JSON lines, one per mention (see CONTRACT.md)
//! newslens places [--published YYYY-MM-DD] FILE...  one line per canonical place
//! newslens eval [GOLD_DIR [CORPUS_DIR]]             score against ../shared/gold
//! newslens bundle                                   the bundled articles' analyses, for the web app
//! ```
//!
//! Native only: built for wasm32 (as `cargo test --target wasm32-unknown-unknown` does) it is
//! an empty program, since the full gazetteer is compiled into native builds only.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use newslens::engine::eval::{parse_gold, triples, Tally};
use newslens::engine::export::{entities_jsonl, Annotated};
use newslens::engine::html;
use newslens::engine::mention::Mention;
use newslens::engine::tag::{tag, TagOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

/// Usage text for `--help` and usage errors.
const USAGE: &str = "usage: newslens tag [--published YYYY-MM-DD] FILE...
       newslens places [--published YYYY-MM-DD] FILE...
       newslens eval [GOLD_DIR [CORPUS_DIR]]
       newslens bundle > www/corpus/analysis.jsonl";

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    // Natively the full gazetteer (towns included) is compiled in: tag with it.
    newslens::engine::toponyms::install(newslens::engine::gazetteer::Gazetteer::full());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match cmd.as_str() {
        "tag" => run_tag(rest),
        "places" => {
            // One line per canonical place over all files (engine::places); the messages for
            // unreadable files come after the results, as for `tag`.
            let fa = match file_args(rest) {
                Ok(fa) => fa,
                Err(e) => {
                    eprintln!("newslens: {e}\n{USAGE}");
                    return ExitCode::from(2);
                }
            };
            let (mut texts, mut errors) = (Vec::new(), Vec::new());
            for file in &fa.files {
                match read_text(file) {
                    Ok(t) => texts.push(t),
                    Err(e) => errors.push(e),
                }
            }
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let gazetteer = newslens::engine::gazetteer::Gazetteer::full();
            let lines = newslens::engine::places::contract_lines(gazetteer, &texts, &fa.options);
            let mut out = io::stdout().lock();
            let written = out.write_all(lines.as_bytes()).and_then(|()| out.flush());
            if written.is_err() {
                return ExitCode::SUCCESS; // a closed pipe: stop quietly
            }
            for e in &errors {
                eprintln!("newslens: {e}");
            }
            if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        "eval" => run_eval(rest),
        "bundle" => run_bundle(),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("newslens: unknown command '{other}'\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Parsed `[--published DATE] FILE...`.
struct FileArgs {
    options: TagOptions,
    files: Vec<String>,
}

/// Parses the arguments shared by `tag` and `places`.
///
/// # Errors
/// A one-line message for a bad option or no file.
fn file_args(args: &[String]) -> Result<FileArgs, String> {
    let mut options = TagOptions::default();
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--published" {
            let d = it.next().ok_or("--published needs a date YYYY-MM-DD")?;
            options.published = Some(check_date(d)?);
        } else if let Some(d) = a.strip_prefix("--published=") {
            options.published = Some(check_date(d)?);
        } else if a == "--" {
            files.extend(it.by_ref().cloned());
        } else if a.starts_with("--") {
            return Err(format!("unknown option '{a}'"));
        } else {
            files.push(a.clone());
        }
    }
    if files.is_empty() {
        return Err("no FILE given".into());
    }
    Ok(FileArgs { options, files })
}

/// Accepts a valid `YYYY-MM-DD`.
fn check_date(d: &str) -> Result<String, String> {
    newslens::engine::calendar::Ymd::parse(d)
        .map(|_| d.to_string())
        .ok_or_else(|| format!("--published: '{d}' is not a date YYYY-MM-DD"))
}

/// Reads a file as text: UTF-8 without NUL bytes; `.html`/`.htm` reduced to article text.
///
/// # Errors
/// A one-line message for an unreadable or non-text file.
fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    if bytes.contains(&0) {
        return Err(format!("{path}: not a text file"));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{path}: not a text file (invalid UTF-8)"))?;
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => html::to_text(&text),
        _ => text,
    })
}

/// `newslens tag`.
fn run_tag(args: &[String]) -> ExitCode {
    let fa = match file_args(args) {
        Ok(fa) => fa,
        Err(e) => {
            eprintln!("newslens: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for file in &fa.files {
        let text = match read_text(file) {
            Ok(t) => t,
            Err(e) => {
                let _ = out.flush();
                eprintln!("newslens: {e}");
                failed = true;
                continue;
            }
        };
        let mentions = tag(&text, &fa.options);
        if write_mentions(&mut out, file, &text, &mentions).is_err() {
            // A closed pipe: stop quietly.
            return ExitCode::SUCCESS;
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes one JSON line per mention, offsets in code points: the export's JSON lines, which
/// are the contract's schema.
fn write_mentions(
    out: &mut impl Write,
    file: &str,
    text: &str,
    mentions: &[Mention],
) -> io::Result<()> {
    let lines = entities_jsonl(&[Annotated {
        name: file,
        text,
        mentions,
    }]);
    out.write_all(lines.as_bytes())
}

/// Writes the analysis of every bundled article (full gazetteer) as JSON lines: the web app
/// embeds `www/corpus/analysis.jsonl` so that its first page needs no tagging, and a test
/// checks that the file equals this output.
fn run_bundle() -> ExitCode {
    use newslens::engine::{corpus, document::Document};
    use newslens::worker_protocol::Analysis;
    let articles = match corpus::bundled() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("newslens: bundle: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = io::stdout().lock();
    for a in articles {
        let analysis = Analysis::of(&Document::analyse(a), true);
        let line = serde_json::to_string(&analysis).expect("an analysis serialises");
        if writeln!(out, "{line}").is_err() {
            return ExitCode::SUCCESS;
        }
    }
    ExitCode::SUCCESS
}

/// `newslens eval [GOLD_DIR [CORPUS_DIR]]`: tags each gold file's text and scores it.
fn run_eval(args: &[String]) -> ExitCode {
    let gold_dir = args.first().map_or("../shared/gold", String::as_str);
    let corpus_dir = args.get(1).map_or("../shared/corpus", String::as_str);
    let published = published_dates(corpus_dir);
    let Ok(entries) = std::fs::read_dir(gold_dir) else {
        eprintln!("newslens: eval: cannot read {gold_dir}");
        return ExitCode::from(1);
    };
    let mut names: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("boilerplate.json"))
        .collect();
    names.sort();
    let mut tally = Tally::default();
    for path in names {
        let Ok(json) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok((file, gold)) = parse_gold(&json) else {
            continue;
        };
        let text_path = Path::new(corpus_dir).join(&file);
        let text = match read_text(&text_path.to_string_lossy()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("newslens: eval: {e}");
                return ExitCode::from(1);
            }
        };
        let options = TagOptions {
            published: published
                .iter()
                .find(|(f, _)| *f == file)
                .map(|(_, d)| d.clone()),
        };
        let pred = triples(&text, &tag(&text, &options));
        tally.add(&gold, &pred);
    }
    println!("{tally}");
    ExitCode::SUCCESS
}

/// `(file, published)` pairs from the corpus's `sources.json`, if present.
fn published_dates(corpus_dir: &str) -> Vec<(String, String)> {
    let path = Path::new(corpus_dir).join("sources.json");
    let Ok(json) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&json) else {
        return Vec::new();
    };
    v["articles"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| {
                    Some((
                        x["file"].as_str()?.to_string(),
                        x["published"].as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}
