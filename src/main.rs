//! Entry point of the web app: mounts the Yew root component into `<body>`.

#[cfg(target_arch = "wasm32")]
fn main() {
    newslens::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("newslens-web is the browser entry point; build it with `trunk build`.");
    std::process::exit(2);
}
