//! What the tagging web worker does to each article, timed natively on a folder of texts
//! (e.g. `node scripts/scale/generate.mjs --count 1000 --out DIR`), with the full gazetteer:
//! the analysis (`Document::analyse`), the place digest (`DocPlaces::resolve`) and the wire
//! form (`Analysis::of`). See BENCHMARKS.md ("Sixth pass").
//!
//! - `worker_time DIR` prints the time of each step over all texts, three rounds.
//! - `worker_time DIR list` times the place list (`place_list`) over every text's digest.
//! - `worker_time DIR rows` prints the place list's rows as JSON lines, to compare versions.
//! - `worker_time DIR index` times the corpus index (`CorpusIndex::build`) of all texts.
//! - `worker_time DIR builder` times the page's incremental index (`IndexBuilder::update`)
//!   as the texts arrive 1,000 at a time (`STEP=500` for another number).
//! - `worker_time DIR dump` prints each text's digest and full resolutions as JSON lines, to
//!   check with `diff` that a change to the resolver leaves its output as it was.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use newslens::engine::corpus::{Article, ArticleMeta};
    use newslens::engine::corpus_index::CorpusIndex;
    use newslens::engine::document::Document;
    use newslens::engine::gazetteer::Gazetteer;
    use newslens::engine::index_builder::IndexBuilder;
    use newslens::engine::places::digest::DocPlaces;
    use newslens::engine::places::{place_list, resolve_mentions};
    use newslens::engine::toponyms;
    use newslens::worker_protocol::Analysis;
    use std::hint::black_box;
    use std::rc::Rc;
    use std::time::Instant;

    /// Every file of `dir`, read as text, in name order.
    fn texts(dir: &str) -> Vec<String> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("a readable folder of texts")
            .map(|e| e.expect("a folder entry").path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("a UTF-8 text"))
            .collect()
    }

    /// An article of `text`, published on the bundled articles' date.
    fn article(text: &str) -> Article {
        let meta: ArticleMeta = serde_json::from_str(
            r#"{"id":"t","file":"t.txt","title":"t","outlet":"o","published":"2017-10-17"}"#,
        )
        .expect("valid metadata");
        Article {
            meta,
            text: text.into(),
        }
    }

    /// Every text analysed as the worker analyses an article.
    fn analysed(texts: &[String]) -> Vec<Document> {
        texts
            .iter()
            .map(|t| Document::analyse(article(t)))
            .collect()
    }

    /// Each document's text and place digest, as the place list takes them.
    fn digests<'d>(g: &Gazetteer, docs: &'d [Document]) -> Vec<(&'d str, DocPlaces)> {
        docs.iter()
            .map(|d| (&*d.text, DocPlaces::resolve(g, &d.text, &d.mentions)))
            .collect()
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Some(dir) = args.first() else {
            eprintln!("usage: worker_time DIR [list|rows|index|builder|dump]");
            std::process::exit(2);
        };
        let texts = texts(dir);
        toponyms::install(Gazetteer::full());
        let g = toponyms::gazetteer();
        match args.get(1).map(String::as_str) {
            Some("dump") => {
                for t in &texts {
                    let doc = Document::analyse(article(t));
                    let digest = DocPlaces::resolve(g, &doc.text, &doc.mentions);
                    let full = resolve_mentions(g, &doc.text, &doc.mentions);
                    println!("{}", serde_json::to_string(&digest).expect("serialisable"));
                    println!("{}", serde_json::to_string(&full).expect("serialisable"));
                }
            }
            Some("rows") => {
                let docs = analysed(&texts);
                let digests = digests(g, &docs);
                for row in place_list(g, &digests) {
                    println!("{}", serde_json::to_string(&row).expect("serialisable"));
                }
            }
            Some("index") => {
                let docs: Vec<Rc<Document>> = analysed(&texts).into_iter().map(Rc::new).collect();
                for _ in 0..5 {
                    let started = Instant::now();
                    let index = black_box(CorpusIndex::build(&docs));
                    println!(
                        "CorpusIndex::build: {} entities from {} texts in {:.1} ms",
                        index.entities.len(),
                        docs.len(),
                        started.elapsed().as_secs_f64() * 1e3
                    );
                }
            }
            Some("builder") => {
                // The page's incremental index as analyses arrive: STEP more at a time.
                let step: usize = std::env::var("STEP")
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1000);
                let docs: Vec<Rc<Document>> = analysed(&texts).into_iter().map(Rc::new).collect();
                for _ in 0..3 {
                    let mut builder = IndexBuilder::default();
                    let (mut total, mut longest) = (0.0_f64, 0.0_f64);
                    for end in (step..docs.len() + step).step_by(step) {
                        let started = Instant::now();
                        black_box(builder.update(&docs[..end.min(docs.len())]));
                        let ms = started.elapsed().as_secs_f64() * 1e3;
                        total += ms;
                        longest = longest.max(ms);
                    }
                    println!(
                        "IndexBuilder::update, {step} texts at a time up to {}: {total:.1} ms in all, longest {longest:.1} ms",
                        docs.len()
                    );
                }
            }
            Some("list") => {
                let docs = analysed(&texts);
                let digests = digests(g, &docs);
                for _ in 0..5 {
                    let started = Instant::now();
                    let rows = black_box(place_list(g, &digests));
                    println!(
                        "place_list: {} rows from {} texts in {:.1} ms",
                        rows.len(),
                        digests.len(),
                        started.elapsed().as_secs_f64() * 1e3
                    );
                }
            }
            _ => {
                let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
                for round in 1..=3 {
                    let (mut analyse, mut places, mut wire) = (0.0, 0.0, 0.0);
                    for t in &texts {
                        let started = Instant::now();
                        let doc = Document::analyse(article(t));
                        let analysed = Instant::now();
                        black_box(DocPlaces::resolve(g, &doc.text, &doc.mentions));
                        let resolved = Instant::now();
                        black_box(Analysis::of(&doc, true));
                        analyse += (analysed - started).as_secs_f64();
                        places += (resolved - analysed).as_secs_f64();
                        wire += resolved.elapsed().as_secs_f64();
                    }
                    println!(
                        "round {round}: {mb:.1} MB; analyse {:.0} ms ({:.1} MB/s), place digest {:.0} ms, \
                         wire form {:.0} ms; all {:.1} MB/s",
                        analyse * 1e3,
                        mb / analyse,
                        places * 1e3,
                        wire * 1e3,
                        mb / (analyse + places + wire)
                    );
                }
            }
        }
    }
}
