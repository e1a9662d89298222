//! The `newslens` command line: the same engine the browser runs, over files.

fn main() {
    eprintln!("newslens: not implemented yet");
    std::process::exit(2);
}
