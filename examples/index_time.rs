//! Time of the corpus index over a restored backup, native only: analyses every article of
//! a backup file (`scripts/scale/generate.mjs` writes them; `bench.mjs --scale N` leaves one in
//! `target/scale/`), then counts them all with `IndexBuilder::update`, R times, and prints the
//! best time. See BENCHMARKS.md ("Fifteenth pass").
//!
//! `cargo build --profile bench --example index_time && target/release/examples/index_time
//! target/scale/backup-10000.json 5`

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use newslens::engine::backup::parse_backup;
    use newslens::engine::corpus::Article;
    use newslens::engine::document::Document;
    use newslens::engine::index_builder::IndexBuilder;
    use std::rc::Rc;
    use std::time::Instant;

    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a backup file");
    let rounds: usize = args.next().map_or(5, |r| r.parse().expect("rounds"));
    let json = std::fs::read_to_string(&path).expect("readable");
    let backup = parse_backup(&json).expect("a backup");
    let docs: Vec<Rc<Document>> = backup
        .articles
        .into_iter()
        .map(|a| {
            Rc::new(Document::analyse(Article {
                meta: a.meta,
                text: a.text,
            }))
        })
        .collect();
    let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
    let mut best = f64::INFINITY;
    let mut entities = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        let index = IndexBuilder::default().update(&docs);
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        entities = index.entities.len();
    }
    println!(
        "{} documents, {mentions} mentions, {entities} entities: best of {rounds} {best:.1} ms ({:.0} ns per mention)",
        docs.len(),
        best * 1e6 / mentions as f64
    );
}
