//! Throughput of the crosswalk, in titles per second, on the golden titles and on misses.
//!
//! Run with `cargo bench`. Speed is measured here, never asserted in tests.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use peermap::{Crosswalk, Lexicon};

/// The golden titles (tests/golden/titles.tsv), shared with the quality test.
fn golden_titles() -> Vec<String> {
    include_str!("../tests/golden/titles.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .map(str::to_string)
        .collect()
}

/// Real titles that are not peer roles: what most of an HR file looks like.
fn non_peer_titles() -> Vec<String> {
    include_str!("../tests/golden/non_peer_titles.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .map(str::to_string)
        .collect()
}

/// Every variant exactly as the lexicon writes it: exact hits.
fn exact_titles() -> Vec<String> {
    Lexicon::embedded()
        .roles()
        .iter()
        .flat_map(|r| r.variants().iter().map(|v| v.text().to_string()))
        .collect()
}

fn bench_sets(c: &mut Criterion) {
    let crosswalk = Crosswalk::new();
    let sets = [
        ("exact", exact_titles()),
        ("golden", golden_titles()),
        ("non-peer", non_peer_titles()),
    ];
    let mut group = c.benchmark_group("classify");
    for (name, titles) in &sets {
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

    let mut batch = c.benchmark_group("classify_batch");
    let repeated: Vec<String> = sets[1].1.iter().cycle().take(10_000).cloned().collect();
    batch.throughput(Throughput::Elements(repeated.len() as u64));
    batch.bench_function("golden-x10000", |b| {
        b.iter(|| black_box(crosswalk.classify_batch(black_box(&repeated))))
    });
    batch.finish();
}

criterion_group!(benches, bench_sets);
criterion_main!(benches);
