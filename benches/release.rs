//! The release benchmark: `cargo bench --bench release`.
//!
//! Generates synthetic courses of 10, 100 and 1,000 modules in three languages (realistic
//! pages, images and quizzes), builds every package, language and format with the release
//! binary, and prints wall time, peak memory and output size beside the targets. The same
//! output bytes are then zipped with `zip -r` as a floor to compare against. The bundled
//! Connectoo course is timed too. Timings are printed, never asserted: a benchmark on a
//! shared machine informs, it does not gate.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const WORDS: &[&str] = &[
    "burger",
    "citoyen",
    "Bürger",
    "aanmelden",
    "connexion",
    "Anmeldung",
    "kaartlezer",
    "lecteur",
    "Kartenleser",
    "pensioen",
    "pension",
    "Pension",
    "gemeente",
    "commune",
    "Gemeinde",
    "helpen",
    "aider",
    "helfen",
    "digitale",
    "numérique",
    "sleutel",
    "clé",
    "Schlüssel",
    "eBox",
    "itsme",
    "MyMinfin",
    "stap",
    "étape",
    "Schritt",
    "vraag",
];

fn sentence(seed: usize, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[(seed * 7 + i * 13) % WORDS.len()]);
    }
    s.push('.');
    s
}

fn localized(seed: usize, words: usize) -> String {
    format!(
        "{{ nl: \"{}\", fr: \"{}\", de: \"{}\" }}",
        sentence(seed, words),
        sentence(seed + 1, words),
        sentence(seed + 2, words)
    )
}

/// A module of 10 pages (about 2,000 words), two images, an inline check and a 14-question
/// pool of four types.
fn write_module(dir: &Path, n: usize) {
    let media = dir.join("media");
    std::fs::create_dir_all(&media).unwrap();
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\" role=\"img\"><title>m{n}</title>{}</svg>",
        (0..60).map(|i| format!("<rect x=\"{}\" y=\"{}\" width=\"30\" height=\"20\" fill=\"#0a5\"/>", i * 6 % 400, i * 3 % 200)).collect::<String>()
    );
    std::fs::write(media.join("diagram.svg"), svg).unwrap();
    let png: Vec<u8> = (0..40_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(media.join("photo.png"), png).unwrap();
    let module = format!(
        "title: {}\ndescription: {}\nlearning_time: 2h\nreviewed: 2026-11\nobjectives:\n  - {}\n  - {}\n",
        localized(n, 4),
        localized(n + 3, 12),
        localized(n + 5, 8),
        localized(n + 6, 8)
    );
    std::fs::write(dir.join("module.yaml"), module).unwrap();
    for lang in ["nl", "fr", "de"] {
        let mut md = String::new();
        for page in 0..10 {
            let _ = write!(md, "# {} {page}\n\n", sentence(n + page, 3));
            for para in 0..5 {
                let _ = write!(md, "{}\n\n", sentence(n + page * 5 + para, 40));
            }
            if page == 2 {
                md.push_str("![Diagram](media/diagram.svg)\n\n![Photo](media/photo.png)\n\n```question\ncheck-1\n```\n\n> [!TIP]\n> Tip.\n\n");
            }
        }
        std::fs::write(dir.join(format!("{lang}.md")), md).unwrap();
    }
    let mut quiz = String::from(
        "pass_mark: 80\nshuffle_questions: true\nshuffle_options: true\ndraw: 10\nquestions:\n",
    );
    let _ = write!(quiz, "  - id: check-1\n    role: check\n    type: true-false\n    prompt: {}\n    answer: true\n", localized(n, 8));
    for q in 0..14 {
        let _ = write!(
            quiz,
            "  - id: q{q}\n    role: test\n    prompt: {}\n",
            localized(n + q, 14)
        );
        match q % 4 {
            0 | 1 => {
                quiz.push_str("    type: single\n    options:\n");
                for o in 0..4 {
                    let correct = if o == 0 {
                        "\n        correct: true"
                    } else {
                        ""
                    };
                    let _ = write!(
                        quiz,
                        "      - id: o{o}\n        text: {}{correct}\n        feedback: {}\n",
                        localized(q + o, 6),
                        localized(q + o + 1, 10)
                    );
                }
            }
            2 => quiz.push_str("    type: true-false\n    answer: false\n"),
            _ => {
                quiz.push_str("    type: sequencing\n    items:\n");
                for i in 0..4 {
                    let _ = writeln!(
                        quiz,
                        "      - {{ id: s{i}, text: {} }}",
                        localized(q + i, 3)
                    );
                }
            }
        }
    }
    std::fs::write(dir.join("quiz.yaml"), quiz).unwrap();
}

fn write_course(root: &Path, modules: usize) {
    let ids: Vec<String> = (0..modules).map(|i| format!("m{i:04}")).collect();
    for (i, id) in ids.iter().enumerate() {
        write_module(&root.join("modules").join(id), i);
    }
    let half = modules.div_ceil(2);
    let course = format!(
        "id: bench\nversion: 1.0.0\nlanguages: [nl, fr, de]\ntitle: {}\ndescription: {}\npublisher: bench\nlicence: CC0-1.0\n\
         activity_iri_base: https://example.org/bench\npackages:\n  - id: first\n    title: {}\n    modules: [{}]\n  - id: second\n    title: {}\n    modules: [{}]\n",
        localized(1, 3),
        localized(2, 10),
        localized(3, 2),
        ids[..half].join(", "),
        localized(4, 2),
        if half < modules { ids[half..].join(", ") } else { ids[0].clone() }
    );
    std::fs::write(root.join("course.yaml"), course).unwrap();
}

struct Measure {
    wall: Duration,
    peak_kib: i64,
    bytes: u64,
    artifacts: usize,
}

fn peak_children_kib() -> i64 {
    nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .map_or(0, |u| u.max_rss())
}

/// Runs a release build of `course` into `out`. Peak memory is the largest resident set of
/// any child so far; sizes are measured in increasing order, so it is this build's.
fn build(course: &Path, out: &Path) -> Measure {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_coursepack"))
        .args([
            "build",
            course.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--json",
        ])
        .stdout(std::process::Stdio::piped())
        .output()
        .unwrap();
    let wall = start.elapsed();
    assert!(
        status.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let artifacts = report["artifacts"].as_array().unwrap();
    Measure {
        wall,
        peak_kib: peak_children_kib(),
        bytes: artifacts.iter().map(|a| a["size"].as_u64().unwrap()).sum(),
        artifacts: artifacts.len(),
    }
}

/// Zips the same bytes with `zip -r`: each zip artifact unpacked, then packed again, and
/// each web folder packed, timed together. `None` when `zip`/`unzip` are not installed.
fn zip_floor(out: &Path, scratch: &Path) -> Option<Duration> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(out).ok()? {
        let path = entry.ok()?.path();
        if path.extension().is_some_and(|e| e == "zip") {
            let dest = scratch.join(path.file_stem()?);
            Command::new("unzip")
                .args(["-qo", path.to_str()?, "-d", dest.to_str()?])
                .status()
                .ok()?;
            folders.push(dest);
        } else if path.is_dir() {
            folders.push(path);
        }
    }
    let start = Instant::now();
    for (i, folder) in folders.iter().enumerate() {
        let target = scratch.join(format!("floor-{i}.zip"));
        let ok = Command::new("zip")
            .args(["-qr", "-6", target.to_str()?, "."])
            .current_dir(folder)
            .status()
            .ok()?
            .success();
        if !ok {
            return None;
        }
    }
    Some(start.elapsed())
}

/// The largest runtime (JS and CSS under `assets/`) any package of `out` ships, by format.
fn runtime_sizes(out: &Path) -> Vec<(String, u64)> {
    let mut sizes: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(out).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(format) = name
            .trim_end_matches(".zip")
            .rsplit('-')
            .next()
            .map(str::to_string)
        else {
            continue;
        };
        let size: u64 = if path.is_dir() {
            walkdir::WalkDir::new(path.join("assets"))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.metadata().map_or(0, |m| m.len()))
                .sum()
        } else if name.ends_with(".zip") {
            let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
            let mut total = 0;
            for i in 0..zip.len() {
                let file = zip.by_index(i).unwrap();
                if file.name().starts_with("assets/") {
                    total += file.size();
                }
            }
            total
        } else {
            continue;
        };
        let slot = sizes.entry(format).or_default();
        *slot = (*slot).max(size);
    }
    sizes.into_iter().collect()
}

fn main() {
    let work = tempfile::tempdir().unwrap();
    println!(
        "coursepack release benchmark ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!();
    let connectoo = Path::new(env!("CARGO_MANIFEST_DIR")).join("course");
    let m = build(&connectoo, &work.path().join("connectoo-dist"));
    println!("| course | artifacts | wall time | target | peak memory | output |");
    println!("|---|---|---|---|---|---|");
    println!(
        "| bundled Connectoo | {} | {:.2} s | < 1 s {} | {} MiB | {:.1} MiB |",
        m.artifacts,
        m.wall.as_secs_f64(),
        verdict(m.wall.as_secs_f64() < 1.0),
        m.peak_kib / 1024,
        m.bytes as f64 / 1_048_576.0
    );
    let mut times = Vec::new();
    let mut floors = Vec::new();
    for modules in [10, 100, 1000] {
        let course = work.path().join(format!("course-{modules}"));
        write_course(&course, modules);
        let out = work.path().join(format!("dist-{modules}"));
        let m = build(&course, &out);
        let target = if modules == 1000 {
            format!(
                "< 60 s {}, < 500 MiB {}",
                verdict(m.wall.as_secs_f64() < 60.0),
                verdict(m.peak_kib < 500 * 1024)
            )
        } else {
            String::from("-")
        };
        println!(
            "| {modules} modules x 3 languages | {} | {:.2} s | {target} | {} MiB | {:.1} MiB |",
            m.artifacts,
            m.wall.as_secs_f64(),
            m.peak_kib / 1024,
            m.bytes as f64 / 1_048_576.0
        );
        let scratch = work.path().join(format!("floor-{modules}"));
        std::fs::create_dir_all(&scratch).unwrap();
        floors.push(zip_floor(&out, &scratch));
        times.push(m.wall.as_secs_f64());
        std::fs::remove_dir_all(&course).ok();
    }
    println!();
    println!("| measure | value | target |");
    println!("|---|---|---|");
    for (i, pair) in times.windows(2).enumerate() {
        let growth = pair[1] / pair[0];
        let label = ["10 → 100", "100 → 1,000"][i];
        println!(
            "| time growth {label} modules (10x content) | {growth:.1}x | ≤ 11x {} |",
            verdict(growth <= 11.0)
        );
    }
    for (modules, (time, floor)) in [10, 100, 1000].iter().zip(times.iter().zip(&floors)) {
        match floor {
            Some(f) => {
                let ratio = time / f.as_secs_f64();
                println!("| {modules} modules: time / `zip -r` of the same bytes ({:.2} s) | {ratio:.1}x | ≤ 3x {} |", f.as_secs_f64(), verdict(ratio <= 3.0));
            }
            None => println!("| {modules} modules: `zip -r` floor | not measured (zip/unzip not installed) | ≤ 3x |"),
        }
    }
    for (format, size) in runtime_sizes(&work.path().join("dist-10")) {
        println!(
            "| runtime shipped in a {format} package (JS + CSS, readable source) | {:.1} KB | < 40 KB {} |",
            size as f64 / 1000.0,
            verdict(size < 40_000)
        );
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "(met)"
    } else {
        "(MISSED)"
    }
}
