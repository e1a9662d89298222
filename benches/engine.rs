//! Throughput of the entity engine, in bytes of article text per second (criterion).
//!
//! `cargo bench --bench engine` — the MB/s figures go into BENCHMARKS.md ("## Entity engine").

// Criterion is a native dev-dependency: for wasm32 (which `cargo clippy --target wasm32
// --all-targets` and wasm-pack build) this bench is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use newslens::engine::boilerplate;
    use newslens::engine::compare::compare;
    use newslens::engine::corpus;
    use newslens::engine::document::Document;
    use newslens::engine::span::Span;
    use newslens::engine::tag::{tag, TagOptions};
    use newslens::engine::text::{tokens, TokenView};
    use newslens::engine::{dates, names, numbers};
    use std::hint::black_box;

    /// The bench text ([`corpus::bench_text`]).
    fn sample() -> String {
        corpus::bench_text().expect("the bundled corpus is valid")
    }

    fn bench(c: &mut Criterion) {
        let text = sample();
        let opts = TagOptions {
            published: Some("2017-10-17".into()),
        };
        let mut g = c.benchmark_group("engine");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        g.bench_function("tag", |b| b.iter(|| tag(black_box(&text), &opts)));
        g.bench_function("boilerplate", |b| {
            b.iter(|| boilerplate::detect(black_box(&text)))
        });
        g.bench_function("tokens", |b| {
            b.iter(|| tokens(black_box(&text), Span::new(0, text.len())))
        });
        let paras: Vec<_> = newslens::engine::text::paragraphs(&text)
            .into_iter()
            .map(|p| tokens(&text, p))
            .collect();
        g.bench_function("dates+numbers", |b| {
            b.iter(|| {
                let mut n = 0;
                for toks in &paras {
                    let v = TokenView { text: &text, toks };
                    n += dates::find(v, None).len() + numbers::find(v).len();
                }
                n
            })
        });
        g.bench_function("names", |b| {
            b.iter(|| names::find(black_box(&text), &paras))
        });
        g.finish();

        // The source comparison of the two bundled articles (opening the comparison view
        // first makes it): time per comparison.
        let docs: Vec<Document> = corpus::bundled()
            .expect("the bundled corpus is valid")
            .into_iter()
            .map(Document::analyse)
            .collect();
        c.bench_function("compare (bundled pair)", |b| {
            b.iter(|| compare(black_box(&docs[0]), black_box(&docs[1])))
        });
    }

    criterion_group!(benches, bench);
}
