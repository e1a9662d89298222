//! Per-phase timing of the tagger on the bench text (the bundled articles concatenated until
//! it is at least 1 MiB), native only.
//!
//! `engine_time N` prints the best wall time of N runs of each phase, MiB/s and mentions/s;
//! `engine_time N PHASE` (`tag`, `boilerplate`, `tokens`, `dates`, `numbers`, `names`) runs
//! one phase N times and prints nothing, for `perf stat -e task-clock` (CPU time is the
//! per-core figure on a shared machine). See BENCHMARKS.md ("Entity engine").
//!
//! Phase `articles` tags the same bytes the way the app does, one article at a time: each
//! bundled article on its own, round after round, until as many bytes as the bench text
//! have been tagged (the bench text is one 1 MiB document, whose tokens do not fit in the
//! CPU caches the way one article's do).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use newslens::engine::corpus::Article;
    use newslens::engine::tag::{resolve, tag, TagOptions};
    use newslens::engine::text::{paragraphs, tokens, Token, TokenView};
    use newslens::engine::{boilerplate, corpus, dates, names, numbers};
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    /// The bench text ([`corpus::bench_text`]).
    fn sample() -> String {
        corpus::bench_text().expect("the bundled corpus is valid")
    }

    /// Tags the bundled articles one by one, round after round, until `bytes` have been
    /// tagged; returns the number of mentions.
    fn articles(articles: &[Article], bytes: usize, opts: &TagOptions) -> usize {
        let (mut done, mut mentions) = (0, 0);
        while done < bytes && articles.iter().any(|a| !a.text.is_empty()) {
            for a in articles {
                mentions += tag(&a.text, opts).len();
                done += a.text.len() + 1;
            }
        }
        mentions
    }

    /// Runs one phase once; returns a count so that the work is not optimised away.
    fn run(
        phase: &str,
        text: &str,
        paras: &[Vec<Token>],
        opts: &TagOptions,
        bundled: &[Article],
    ) -> usize {
        let views = || paras.iter().map(|toks| TokenView { text, toks });
        match phase {
            "tag" => tag(text, opts).len(),
            "articles" => articles(bundled, text.len(), opts),
            "boilerplate" => boilerplate::detect(text).len(),
            "tokens" => paragraphs(text)
                .into_iter()
                .map(|p| tokens(text, p).len())
                .sum(),
            "dates" => views().map(|v| dates::find(v, None).len()).sum(),
            "numbers" => views().map(|v| numbers::find(v).len()).sum(),
            "names" => names::find(text, paras).len(),
            "resolve" => {
                let mut c = Vec::new();
                for v in views() {
                    c.extend(dates::find(v, None));
                    c.extend(numbers::find(v));
                }
                c.extend(names::find(text, paras));
                resolve(c).len()
            }
            _ => 0,
        }
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(10);
        let text = sample();
        let opts = TagOptions {
            published: Some("2017-10-17".into()),
        };
        let bundled = corpus::bundled().expect("the bundled corpus is valid");
        let paras: Vec<Vec<Token>> = paragraphs(&text)
            .into_iter()
            .map(|p| tokens(&text, p))
            .collect();
        if let Some(phase) = args.get(1) {
            for _ in 0..n {
                black_box(run(phase, &text, &paras, &opts, &bundled));
            }
            return;
        }
        let mib = text.len() as f64 / f64::from(1 << 20);
        let mentions = tag(&text, &opts).len();
        println!("{} bytes, {mentions} mentions", text.len());
        for phase in [
            "tag",
            "articles",
            "boilerplate",
            "tokens",
            "dates",
            "numbers",
            "names",
            "resolve",
        ] {
            let mut best = Duration::MAX;
            for _ in 0..n {
                let t = Instant::now();
                black_box(run(phase, &text, &paras, &opts, &bundled));
                best = best.min(t.elapsed());
            }
            let s = best.as_secs_f64();
            print!("{phase:12} {:8.2} ms {:8.1} MiB/s", s * 1e3, mib / s);
            if phase == "tag" {
                print!(" {:8.0} mentions/s", mentions as f64 / s);
            }
            println!();
        }
    }
}
