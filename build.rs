//! Embeds every article file under `www/corpus/` into the binary, so the app needs no request
//! for the bundled corpus. The manifest (`www/corpus/manifest.jsonl`) is embedded by the corpus
//! module itself; this script only lists the files, since `include_str!` needs literal paths.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("www/corpus exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            [".txt", ".md", ".html", ".htm"]
                .iter()
                .any(|x| n.ends_with(x))
        })
        .collect();
    names.sort();
    let mut out = String::from("/// Every article file under `www/corpus/`, by file name.\npub static FILES: &[(&str, &str)] = &[\n");
    for n in &names {
        println!("cargo:rerun-if-changed={}", dir.join(n).display());
        writeln!(
            out,
            "    ({n:?}, include_str!({:?})),",
            dir.join(n).display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("corpus_files.rs");
    std::fs::write(dest, out).expect("write corpus_files.rs");
}
