//! Dumps every mention the tagger finds in some files, for comparing the engine's output
//! before and after a change (`scripts/engine_compare.sh`), native only.
//!
//! `engine_dump core|full FILE...` tags each file (published 2017-10-17) with the core or the
//! full gazetteer and prints its name, then one `Debug` line per mention; `-` stands for the
//! bench text ([`newslens::engine::corpus::bench_text`]).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use newslens::engine::gazetteer::Gazetteer;
    use newslens::engine::tag::{tag, TagOptions};
    use std::io::Write;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((which, files)) = args.split_first() else {
        eprintln!("usage: engine_dump core|full FILE...");
        std::process::exit(2);
    };
    if which == "full" {
        newslens::engine::toponyms::install(Gazetteer::full());
    }
    let opts = TagOptions {
        published: Some("2017-10-17".into()),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for f in files {
        let text = if f == "-" {
            newslens::engine::corpus::bench_text().expect("the bundled corpus is valid")
        } else {
            std::fs::read_to_string(f).expect("a readable UTF-8 file")
        };
        writeln!(out, "== {f}").expect("stdout");
        for m in tag(&text, &opts) {
            writeln!(out, "{m:?}").expect("stdout");
        }
    }
}
