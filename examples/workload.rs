//! Writes a realistic HR extract of N rows, seeded and deterministic, for benchmarks and the
//! rapidfuzz comparison: titles built from the embedded lexicon (exact variants, noisy ones with
//! case, accents, typos, seniority, codes, places and French inclusive forms), look-alikes, and
//! unrelated titles, with controlled repetition. As in real extracts, title frequencies are
//! heavy-tailed: a head of common titles drawn with Zipf's law (exponent 1: the k-th most
//! common title comes about 1/k as often as the first) and a tail of one-off titles (a typo, a
//! requisition number, a site name) each seen once. By default distinct titles are about 15 %
//! of the rows, 60 % of them one-offs; `--skew sqrt` instead draws every row from one pool with
//! a milder skew (the square of a uniform draw), a harder case for a bounded cache.
//!
//! ```sh
//! cargo run --release --example workload -- 1000000 > workload.csv          # seed 42
//! cargo run --release --example workload -- 10000 --seed 7 --distinct 0.3 > w.csv
//! cargo run --release --example workload -- 1000000 --skew sqrt > mild.csv
//! ```
//!
//! Columns: `id`, `job_title`, `department`, `expected`. `expected` is what a correct coder
//! says: a peer role id, `not_peer:<id>` for a look-alike, `ambiguous` for a shared head, or
//! `none` for a title that is not a peer role.

use std::io::{self, BufWriter};

use peermap::{Kind, Lexicon};

#[path = "support/typing.rs"]
mod typing;
use typing::{strip_accents, swap_letters, title_case};

/// A small, fast, seeded generator (xorshift64*): no dependency, same stream on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Real titles of every occupation (O*NET, ESCO, NOC/CNP, ROME), the open-world test's sample.
/// The shipped background holds them as written, so each is written with a posting's noise
/// (case, accents, a typo, seniority, levels, codes): rows it must read, not look up.
const UNRELATED: &str = include_str!("../tests/open_world/sample.tsv");
/// The sample's titles that name a peer role, or may: left out of the unrelated rows.
const PEER_TITLES: &str = include_str!("../tests/open_world/peer_titles.tsv");
const DOUBTFUL_TITLES: &str = include_str!("../tests/open_world/doubtful_titles.tsv");

/// The sample's titles that are not peer titles (nor doubtful ones).
fn unrelated_titles() -> Vec<&'static str> {
    let peer: std::collections::HashSet<String> = [PEER_TITLES, DOUBTFUL_TITLES]
        .iter()
        .flat_map(|text| text.lines().filter(|l| !l.starts_with('#')).skip(1))
        .filter_map(|l| l.split('\t').nth(2))
        .map(str::to_lowercase)
        .collect();
    UNRELATED
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(2))
        .filter(|t| !peer.contains(&t.to_lowercase()))
        .collect()
}

const SENIORITY: &[&str] = &[
    "Senior",
    "Sr.",
    "Lead",
    "Junior",
    "Principal",
    "Coordonnateur",
    "Chef d'équipe",
];
const AFTER: &[&str] = &[
    " II",
    " III",
    " 2",
    " – Level 3",
    " (part-time)",
    " – temps partiel",
    " (casual)",
    " – CDD",
    " (0.6 FTE)",
    " – Mental Health",
    " – santé mentale",
    " – Addictions",
    " – itinérance",
    " – HIV",
    " – Youth",
    " – Emergency Department",
    ", Hôpital Notre-Dame",
    ", Toronto",
    ", Montréal",
    " – Lyon",
    " (bénévole)",
    " – Permanent Full Time",
];
const DEPARTMENTS: &[&str] = &[
    "Mental Health",
    "Santé mentale",
    "Community Health",
    "Emergency",
    "Finance",
    "Human Resources",
    "Oncology",
    "Public Health",
    "Direction des soins",
    "Housing",
];

struct Options {
    rows: usize,
    seed: u64,
    distinct: f64,
    sqrt_skew: bool,
}

/// The share of distinct titles that are one-offs, with the Zipf skew.
const ONE_OFF_SHARE: f64 = 0.6;

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        rows: 10_000,
        seed: 42,
        distinct: 0.15,
        sqrt_skew: false,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seed" => {
                options.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--distinct" => {
                options.distinct = value("--distinct")?
                    .parse()
                    .map_err(|e| format!("--distinct: {e}"))?
            }
            "--skew" => match value("--skew")?.as_str() {
                "zipf" => options.sqrt_skew = false,
                "sqrt" => options.sqrt_skew = true,
                other => return Err(format!("--skew: \"{other}\" is not zipf or sqrt")),
            },
            n => options.rows = n.parse().map_err(|e| format!("rows: {e}"))?,
        }
    }
    Ok(options)
}

/// One distinct title and what a correct coder says of it.
struct Title {
    text: String,
    expected: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = options()?;
    let mut rng = Rng::new(options.seed);
    let distinct = ((options.rows as f64 * options.distinct) as usize).max(1);
    let one_offs = if options.sqrt_skew {
        0
    } else {
        ((distinct as f64 * ONE_OFF_SHARE) as usize).min(options.rows / 2)
    };
    let pool = pool(&mut rng, distinct - one_offs, one_offs);
    if pool.len() < distinct {
        eprintln!(
            "workload: only {} distinct titles could be made of the {distinct} asked for; the \
             rows repeat them",
            pool.len()
        );
    }
    // The head is made first: a short pool is short of one-offs.
    let one_offs = pool.len().saturating_sub(distinct - one_offs);
    let mut sampler = Sampler::new(&options, pool.len(), one_offs);
    let mut out = csv::Writer::from_writer(BufWriter::new(io::stdout().lock()));
    out.write_record(["id", "job_title", "department", "expected"])?;
    for id in 1..=options.rows {
        let title = &pool[sampler.next(&mut rng, options.rows - id + 1)];
        let department = rng.pick(DEPARTMENTS);
        out.write_record([
            id.to_string().as_str(),
            &title.text,
            department,
            &title.expected,
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// Which pool title each row gets.
struct Sampler {
    sqrt_skew: bool,
    pool: usize,
    /// One-offs are the last titles of the pool, each used once, from `next_one_off` on.
    next_one_off: usize,
    /// Cumulative Zipf weights over the head of the pool.
    cumulative: Vec<f64>,
}

impl Sampler {
    fn new(options: &Options, pool: usize, one_offs: usize) -> Sampler {
        let one_offs = one_offs.min(pool.saturating_sub(1));
        let head = (pool - one_offs).max(1);
        let mut total = 0.0;
        let cumulative = (1..=head)
            .map(|k| {
                total += 1.0 / k as f64;
                total
            })
            .collect();
        Sampler {
            sqrt_skew: options.sqrt_skew,
            pool,
            next_one_off: head.min(pool),
            cumulative,
        }
    }

    /// The pool index for the next row, `left` rows (this one included) remaining.
    fn next(&mut self, rng: &mut Rng, left: usize) -> usize {
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        if self.sqrt_skew {
            return ((u * u) * self.pool as f64) as usize % self.pool;
        }
        // The one-offs are spread evenly over the file.
        let one_offs_left = self.pool - self.next_one_off;
        if one_offs_left > 0 && rng.below(left) < one_offs_left {
            self.next_one_off += 1;
            return self.next_one_off - 1;
        }
        let target = u * self.cumulative.last().copied().unwrap_or(1.0);
        self.cumulative
            .partition_point(|&c| c < target)
            .min(self.cumulative.len() - 1)
    }
}

/// `head` distinct common titles then `one_offs` distinct one-off titles: 60 % from the
/// lexicon's variants, 40 % unrelated. Common titles are variants as written or lightly varied
/// (case, accents, seniority, a domain or a place); one-offs also carry a requisition number or
/// a typo, which is what makes a title unique in an extract.
fn pool(rng: &mut Rng, head: usize, one_offs: usize) -> Vec<Title> {
    let size = head + one_offs;
    let lexicon = Lexicon::embedded();
    let variants: Vec<(String, String)> = lexicon
        .roles()
        .iter()
        .flat_map(|role| {
            role.variants().iter().map(move |v| {
                let expected = if v.is_ambiguous() {
                    "ambiguous".to_string()
                } else if role.kind() == Kind::NotPeer {
                    format!("not_peer:{}", role.id())
                } else {
                    role.id().to_string()
                };
                (v.text().to_string(), expected)
            })
        })
        .collect();
    let unrelated = unrelated_titles();
    let mut seen = std::collections::HashSet::new();
    let mut pool = Vec::with_capacity(size);
    let mut attempts = 0;
    while pool.len() < size && attempts < size * 20 {
        attempts += 1;
        let one_off = pool.len() >= head;
        let title = if rng.chance(0.6) {
            let (text, expected) = rng.pick(&variants);
            let text = if !one_off && rng.chance(0.5) {
                text.clone()
            } else {
                noisy(rng, text, one_off)
            };
            Title {
                text,
                expected: expected.clone(),
            }
        } else {
            let picked: &str = rng.pick::<&str>(&unrelated);
            let text = noisy(rng, picked, one_off);
            Title {
                text,
                expected: "none".to_string(),
            }
        };
        if seen.insert(title.text.clone()) {
            pool.push(title);
        }
    }
    pool
}

/// A variant as people type it: case, accents, seniority, level, domain, place; for a one-off
/// also a requisition number and sometimes a typo.
fn noisy(rng: &mut Rng, text: &str, one_off: bool) -> String {
    let mut out = text.to_string();
    match rng.below(4) {
        0 => out = title_case(&out),
        1 => out = out.to_uppercase(),
        2 => out = strip_accents(&out),
        _ => {}
    }
    if one_off && rng.chance(0.3) {
        out = typo(rng, &out);
    }
    if rng.chance(0.3) {
        out = format!("{} {out}", rng.pick(SENIORITY));
    }
    for _ in 0..rng.below(3) {
        out.push_str(rng.pick::<&str>(AFTER));
    }
    if one_off {
        out.push_str(&format!(" REQ-{}", 100 + rng.below(99_900)));
    }
    out
}

fn typo(rng: &mut Rng, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().count() >= 6 && words[i].is_ascii())
        .collect();
    if long.is_empty() {
        return text.to_string();
    }
    let at = *rng.pick(&long);
    let i = 1 + rng.below(words[at].chars().count() - 2);
    swap_letters(text, at, i)
}
