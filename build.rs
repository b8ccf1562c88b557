//! Rebuilds the binary when the embedded default theme changes: `include_dir!` alone does
//! not tell cargo to watch the folder.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
