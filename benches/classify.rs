//! Throughput of the crosswalk, in titles per second: exact hits, normalized hits, fuzzy hits,
//! misses, the cold first call, the worst titles, and batch classification of a realistic list.
//!
//! Run with `cargo bench --bench classify`; figures and the machine are in `benches/README.md`.
//! Speed is measured here, never asserted in tests.

use criterion::{
    black_box, criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput,
};
use peermap::{Crosswalk, Lexicon, Method, Verdict};

#[path = "../examples/support/typing.rs"]
mod typing;
use typing::{strip_accents, swap_letters, title_case};

/// Every variant exactly as the lexicon writes it.
fn exact_titles() -> Vec<String> {
    Lexicon::embedded()
        .roles()
        .iter()
        .flat_map(|r| r.variants().iter().map(|v| v.text().to_string()))
        .collect()
}

/// The variants as people type them: Title Case, capitals, accents dropped, hyphens, French
/// inclusive forms. Kept only where the crosswalk answers by normalization.
fn normalized_titles(crosswalk: &Crosswalk) -> Vec<String> {
    let mut out = Vec::new();
    for (i, text) in exact_titles().iter().enumerate() {
        let changed = match i % 4 {
            0 => title_case(text),
            1 => text.to_uppercase(),
            2 => text.replace(' ', "-"),
            _ => strip_accents(&title_case(text)),
        };
        if crosswalk.classify(&changed).method() == Some(Method::Normalized) {
            out.push(changed);
        }
    }
    out
}

/// The variants with one typo (two neighbouring letters swapped in a long word), kept only
/// where the crosswalk still finds the variant by spelling correction.
fn fuzzy_titles(crosswalk: &Crosswalk) -> Vec<String> {
    let mut out = Vec::new();
    for text in exact_titles() {
        let Some(at) = text.split(' ').position(|w| w.len() >= 8 && w.is_ascii()) else {
            continue;
        };
        let title = swap_letters(&text, at, 3);
        if crosswalk.classify(&title).method() == Some(Method::Fuzzy) {
            out.push(title);
        }
    }
    out
}

/// Real titles that are not peer roles and match nothing at all (most of an HR file).
fn miss_titles(crosswalk: &Crosswalk) -> Vec<String> {
    include_str!("../tests/golden/non_peer_titles.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .filter(|t| {
            let answer = crosswalk.classify(t);
            answer.verdict() == Verdict::Unknown && answer.candidates().is_empty()
        })
        .map(str::to_string)
        .collect()
}

/// The golden titles (tests/golden/titles.tsv), shared with the quality test.
fn golden_titles() -> Vec<String> {
    include_str!("../tests/golden/titles.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .map(str::to_string)
        .collect()
}

/// Titles built to be slow: the longest allowed, many words to correct, mixed scripts.
fn worst_titles() -> Vec<String> {
    let words = [
        "peer",
        "suport",
        "workker",
        "navigatorr",
        "médiatrice",
        "santé",
        "communautaire",
        "pair",
        "aidante",
        "travailleuse",
        "itinérance",
        "réduction",
        "méfaits",
        "coordonatrice",
    ];
    let long: Vec<String> = (0..200)
        .map(|i| words[i % words.len()].to_string())
        .collect();
    vec![
        long.join(" "),
        long.join("-"),
        "x".repeat(5_000),
        "é".repeat(3_000),
        "Pair·e aidant·e ".repeat(100),
        "(((((".repeat(400),
        "🙂 peer support worker ".repeat(60),
        "CHW/PSW/CPS/CRPS ".repeat(80),
    ]
}

/// A realistic list: the golden and non-peer titles repeated with a heavy-tailed frequency,
/// 100,000 rows, as `classify_batch` gets them from a file.
fn realistic_list() -> Vec<String> {
    let mut pool = golden_titles();
    pool.extend(
        include_str!("../tests/golden/non_peer_titles.tsv")
            .lines()
            .skip(1)
            .filter_map(|line| line.split('\t').next())
            .map(str::to_string),
    );
    let mut state: u64 = 42;
    (0..100_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            pool[((u * u * u) * pool.len() as f64) as usize % pool.len()].clone()
        })
        .collect()
}

/// A crosswalk over its own copy of the embedded lexicon: its own index, its own memo.
fn fresh_crosswalk() -> Crosswalk {
    let fresh = Crosswalk::builder()
        .no_default_lexicon()
        .lexicon(Lexicon::embedded().clone())
        .build()
        .expect("a crosswalk");
    // The crosswalk builds its spelling-correction index on the first word that needs it:
    // one misspelt word of no bench title builds it here, untimed, as building the rest of
    // the crosswalk is.
    black_box(fresh.classify("Navigatorr"));
    fresh
}

fn bench_titles(c: &mut Criterion) {
    let crosswalk = Crosswalk::new();
    let sets = [
        ("exact", exact_titles()),
        ("normalized", normalized_titles(&crosswalk)),
        ("fuzzy", fuzzy_titles(&crosswalk)),
        ("misses", miss_titles(&crosswalk)),
        ("golden", golden_titles()),
    ];
    let mut group = c.benchmark_group("classify");
    for (name, titles) in &sets {
        assert!(!titles.is_empty(), "{name}: no titles");
        group.throughput(Throughput::Elements(titles.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), titles, |b, titles| {
            b.iter(|| {
                for title in titles {
                    black_box(crosswalk.classify(black_box(title)));
                }
            })
        });
    }
    group.finish();

    // The same fuzzy hits and misses, seen for the first time: each iteration codes them with
    // a fresh crosswalk, whose memo of spelling corrections is empty (building it is not
    // timed). The figures above are for a crosswalk that has seen these words before.
    let mut first = c.benchmark_group("first_sight");
    first.sample_size(20);
    for (name, titles) in sets
        .iter()
        .filter(|(n, _)| matches!(*n, "fuzzy" | "misses"))
    {
        first.throughput(Throughput::Elements(titles.len() as u64));
        first.bench_with_input(BenchmarkId::from_parameter(name), titles, |b, titles| {
            b.iter_batched(
                fresh_crosswalk,
                |fresh| {
                    for title in titles {
                        black_box(fresh.classify(black_box(title)));
                    }
                    fresh // dropped after the timing
                },
                BatchSize::PerIteration,
            )
        });
    }
    first.finish();

    // One title at a time, so that the slowest shows: each must stay under a millisecond.
    let mut worst = c.benchmark_group("worst");
    worst.throughput(Throughput::Elements(1));
    for (i, title) in worst_titles().iter().enumerate() {
        worst.bench_with_input(BenchmarkId::from_parameter(i), title, |b, title| {
            b.iter(|| black_box(crosswalk.classify(black_box(title))))
        });
    }
    worst.finish();

    let mut batch = c.benchmark_group("classify_batch");
    let list = realistic_list();
    batch.throughput(Throughput::Elements(list.len() as u64));
    batch.bench_function("realistic-100000", |b| {
        b.iter(|| black_box(crosswalk.classify_batch(black_box(&list))))
    });
    batch.finish();
}

/// The first answer of a fresh crosswalk: the lexicon parsed from the embedded files, the index
/// built, one title coded. (The process itself, from `exec` to the first answer, is timed
/// with hyperfine in `benches/README.md`.)
fn bench_cold(c: &mut Criterion) {
    let mut cold = c.benchmark_group("cold");
    cold.throughput(Throughput::Elements(1));
    cold.sample_size(20);
    cold.bench_function("parse-index-first-answer", |b| {
        b.iter(|| {
            let lexicon = Lexicon::parse_embedded().expect("the embedded lexicon is valid");
            let crosswalk = Crosswalk::builder()
                .no_default_lexicon()
                .lexicon(lexicon)
                .build()
                .expect("a crosswalk");
            black_box(crosswalk.classify(black_box("Paire aidante – santé mentale")))
        })
    });
    cold.finish();
}

criterion_group!(benches, bench_titles, bench_cold);
criterion_main!(benches);
