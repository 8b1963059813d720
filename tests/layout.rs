//! The layout stays honest: no import cycle between the modules of the library (`src/`) or of
//! the command-line tool (`peermap-cli/src/`).
//!
//! The check reads every `crate::…`, `super::…` and `self::…` path of each source file (in
//! `use` lines and in code, test modules at the end of a file left out) and resolves it to the
//! module file that defines the item: a path through a re-export (`pub use self::child::X;` in
//! a `mod.rs`, or the crate root's `pub use`) counts as an edge to the module that re-exports
//! from, so a facade hides nothing. A module declaring or re-exporting its own children is
//! structure, not a dependency. It then fails on any cycle, between module files and between
//! the top-level modules (stages) that hold them, naming the lines that make it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's source files: (path below its source root, text).
type Sources = Vec<(PathBuf, String)>;

/// A module path below the crate root: `["data", "lexicon"]`; the root is empty.
type ModulePath = Vec<String>;

/// One dependency of a module, with where it is written.
#[derive(Clone, Debug)]
struct Edge {
    to: ModulePath,
    file: String,
    line: usize,
}

/// A crate's modules: for each, its file's dependencies and what it re-exports.
#[derive(Debug, Default)]
struct Crate {
    files: BTreeMap<ModulePath, String>,
    /// The paths each module's code names: (absolute segments, line).
    paths: BTreeMap<ModulePath, Vec<(Vec<String>, usize)>>,
    /// `pub use` of each module: name → the absolute path it stands for.
    reexports: BTreeMap<ModulePath, BTreeMap<String, Vec<String>>>,
}

impl Crate {
    /// Reads `(path below the source root, text)` pairs.
    fn from_sources(sources: &[(PathBuf, String)]) -> Crate {
        let mut krate = Crate::default();
        let modules: BTreeSet<ModulePath> = sources.iter().map(|(p, _)| module_of(p)).collect();
        for (path, text) in sources {
            let module = module_of(path);
            krate
                .files
                .insert(module.clone(), path.display().to_string());
            let code = without_tests(text);
            let mut paths = Vec::new();
            let mut reexports = BTreeMap::new();
            for (statement, line) in use_statements(&code) {
                let public = statement.starts_with("pub");
                let tree = statement
                    .trim_start_matches("pub(crate) ")
                    .trim_start_matches("pub ")
                    .trim_start_matches("use ")
                    .trim_end_matches(';');
                for (segments, alias) in expand(tree) {
                    let Some(absolute) = absolute(&modules, &module, &segments) else {
                        continue; // a path of another crate
                    };
                    if public {
                        reexports.insert(alias, absolute.clone());
                    }
                    paths.push((absolute, line));
                }
            }
            for (at, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("use ") || line.trim_start().starts_with("pub") {
                    continue; // read above, whole
                }
                for segments in inline_paths(line) {
                    if let Some(absolute) = absolute(&modules, &module, &segments) {
                        paths.push((absolute, at + 1));
                    }
                }
            }
            krate.paths.insert(module.clone(), paths);
            krate.reexports.insert(module, reexports);
        }
        krate
    }

    /// The module file that defines what `path` names, following re-exports.
    fn resolve(&self, path: &[String]) -> Option<ModulePath> {
        let mut path = path.to_vec();
        for _ in 0..16 {
            let depth = (0..=path.len())
                .rev()
                .find(|&n| self.files.contains_key(&path[..n]))?;
            let module = path[..depth].to_vec();
            let next = path.get(depth);
            match next.and_then(|name| self.reexports.get(&module)?.get(name)) {
                Some(target) if *target != path[..=depth] => {
                    let mut followed = target.clone();
                    followed.extend_from_slice(&path[depth + 1..]);
                    path = followed;
                }
                _ => return Some(module),
            }
        }
        None
    }

    /// Every dependency between distinct module files, as `from → edges`.
    fn edges(&self) -> BTreeMap<ModulePath, Vec<Edge>> {
        let mut graph: BTreeMap<ModulePath, Vec<Edge>> = BTreeMap::new();
        for (module, paths) in &self.paths {
            let file = &self.files[module];
            let out = graph.entry(module.clone()).or_default();
            for (path, line) in paths {
                let Some(to) = self.resolve(path) else {
                    continue;
                };
                // A module's own children are its structure, not what it depends on.
                if to.starts_with(module) {
                    continue;
                }
                out.push(Edge {
                    to,
                    file: file.clone(),
                    line: *line,
                });
            }
        }
        graph
    }
}

/// `data/lexicon.rs` → `["data", "lexicon"]`; `data/mod.rs` → `["data"]`; `lib.rs` → `[]`.
fn module_of(path: &Path) -> ModulePath {
    let mut parts: Vec<String> = path
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text before the test module that ends a file (`#[cfg(test)]` then `mod tests`).
fn without_tests(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = (0..lines.len())
        .find(|&i| {
            lines[i].trim() == "#[cfg(test)]"
                && lines
                    .get(i + 1)
                    .is_some_and(|l| l.trim_start().starts_with("mod tests"))
        })
        .unwrap_or(lines.len());
    lines[..end]
        .iter()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each `use` statement (possibly over several lines), with the line it starts on.
fn use_statements(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(String, usize)> = None;
    for (at, line) in code.lines().enumerate() {
        let trimmed = line.trim();
        if current.is_none() {
            let starts = ["use ", "pub use ", "pub(crate) use "]
                .iter()
                .any(|p| trimmed.starts_with(p));
            if !starts {
                continue;
            }
            current = Some((String::new(), at + 1));
        }
        if let Some((text, _)) = current.as_mut() {
            text.push_str(trimmed);
            text.push(' ');
        }
        if trimmed.ends_with(';') {
            let (text, line) = current.take().expect("a statement is open");
            out.push((text.split_whitespace().collect::<Vec<_>>().join(" "), line));
        }
    }
    out
}

/// The paths of a use tree with the name each binds: `a::{b, c::{d as e}}` → `a::b` (b),
/// `a::c::d` (e). `self` in a group stands for the group's own path.
fn expand(tree: &str) -> Vec<(Vec<String>, String)> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p.trim(), Some(a.trim().to_string())),
            None => (tree, None),
        };
        let segments: Vec<String> = path
            .split("::")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let name = alias.unwrap_or_else(|| segments.last().cloned().unwrap_or_default());
        return vec![(segments, name)];
    };
    let prefix: Vec<String> = tree[..open]
        .split("::")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut out = Vec::new();
    for part in split_top_level(inner) {
        for (mut segments, name) in expand(&part) {
            if segments == ["self"] {
                let own = prefix.last().cloned().unwrap_or_default();
                out.push((prefix.clone(), if name == "self" { own } else { name }));
                continue;
            }
            let mut full = prefix.clone();
            full.append(&mut segments);
            out.push((full, name));
        }
    }
    out
}

/// `b, c::{d, e}` → `["b", "c::{d, e}"]`.
fn split_top_level(group: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut depth, mut current) = (0, String::new());
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The `crate::…`, `super::…` and `self::…` paths written in a line of code.
fn inline_paths(line: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(found) = line[from..].find(start) {
            let at = from + found;
            from = at + start.len();
            let glued = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
            let in_path = at > 1 && &line[at - 2..at] == "::";
            if glued || in_path {
                continue;
            }
            let path: String = line[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(
                path.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            );
        }
    }
    out
}

/// `segments` as a path below the crate root, seen from `module`; `None` for another crate's.
/// A path may also start with a child module's name (`pub use data::Lexicon;` in the root).
fn absolute(
    modules: &BTreeSet<ModulePath>,
    module: &ModulePath,
    segments: &[String],
) -> Option<Vec<String>> {
    let first = segments.first()?;
    let (mut base, mut rest) = match first.as_str() {
        "crate" => (Vec::new(), &segments[1..]),
        "self" => (module.clone(), &segments[1..]),
        "super" => (
            module[..module.len().saturating_sub(1)].to_vec(),
            &segments[1..],
        ),
        _ => {
            let mut child = module.clone();
            child.push(first.clone());
            if !modules.contains(&child) {
                return None;
            }
            (module.clone(), segments)
        }
    };
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The cycles of a graph: each strongly connected set of two or more nodes (Tarjan).
fn cycles<N: Ord + Clone>(graph: &BTreeMap<N, BTreeSet<N>>) -> Vec<Vec<N>> {
    struct State<N> {
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        stack: Vec<N>,
        on_stack: BTreeSet<N>,
        out: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone>(n: &N, graph: &BTreeMap<N, BTreeSet<N>>, s: &mut State<N>) {
        let i = s.index.len();
        s.index.insert(n.clone(), i);
        s.low.insert(n.clone(), i);
        s.stack.push(n.clone());
        s.on_stack.insert(n.clone());
        for m in graph.get(n).into_iter().flatten() {
            if !s.index.contains_key(m) {
                visit(m, graph, s);
                let low = s.low[n].min(s.low[m]);
                s.low.insert(n.clone(), low);
            } else if s.on_stack.contains(m) {
                let low = s.low[n].min(s.index[m]);
                s.low.insert(n.clone(), low);
            }
        }
        if s.low[n] == s.index[n] {
            let mut component = Vec::new();
            while let Some(m) = s.stack.pop() {
                s.on_stack.remove(&m);
                let done = m == *n;
                component.push(m);
                if done {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for n in graph.keys() {
        if !state.index.contains_key(n) {
            visit(n, graph, &mut state);
        }
    }
    state.out
}

/// How a module is seen: as itself, or as the top-level module that holds it.
type View = fn(&ModulePath) -> ModulePath;

/// Every import cycle of a crate, between module files and between top-level modules, each
/// described with the lines that make it; empty when there is none.
fn import_cycles(sources: &[(PathBuf, String)]) -> Vec<String> {
    let krate = Crate::from_sources(sources);
    let edges = krate.edges();
    let name = |m: &ModulePath| {
        if m.is_empty() {
            "crate".to_string()
        } else {
            m.join("::")
        }
    };
    let mut problems = Vec::new();
    let views: [(&str, View); 2] = [
        ("modules", |m| m.clone()),
        ("top-level modules", |m| m.iter().take(1).cloned().collect()),
    ];
    for (what, view) in views {
        let mut graph: BTreeMap<ModulePath, BTreeSet<ModulePath>> = BTreeMap::new();
        let mut why: BTreeMap<(ModulePath, ModulePath), &Edge> = BTreeMap::new();
        for (from, out) in &edges {
            for edge in out {
                let (a, b) = (view(from), view(&edge.to));
                // The root declares every module: what it uses is the crate's API, not a layer.
                if a == b || a.is_empty() || b.is_empty() {
                    continue;
                }
                graph.entry(a.clone()).or_default().insert(b.clone());
                why.entry((a, b)).or_insert(edge);
            }
        }
        for cycle in cycles(&graph) {
            let mut lines = Vec::new();
            for a in &cycle {
                for b in graph.get(a).into_iter().flatten() {
                    if cycle.contains(b) {
                        let edge = why[&(a.clone(), b.clone())];
                        lines.push(format!(
                            "  {} → {} ({}:{})",
                            name(a),
                            name(b),
                            edge.file,
                            edge.line
                        ));
                    }
                }
            }
            let members: Vec<String> = cycle.iter().map(name).collect();
            problems.push(format!(
                "a cycle between {what} {}:\n{}",
                members.join(", "),
                lines.join("\n")
            ));
        }
    }
    problems
}

/// Every `.rs` file below `root`, as (path below it, text).
fn read_tree(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{folder:?}: {e}"));
        for entry in entries {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                let below = path
                    .strip_prefix(root)
                    .expect("below the root")
                    .to_path_buf();
                out.push((below, text));
            }
        }
    }
    out.sort();
    assert!(out.len() > 5, "{root:?} holds the crate's sources");
    out
}

fn sources(files: &[(&str, &str)]) -> Vec<(PathBuf, String)> {
    files
        .iter()
        .map(|(p, t)| (PathBuf::from(p), t.to_string()))
        .collect()
}

#[test]
fn the_library_has_no_import_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = import_cycles(&read_tree(&root));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_command_line_tool_has_no_import_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("peermap-cli/src");
    let (lib, bin) = lib_and_bin(read_tree(&root));
    assert!(
        lib.len() >= 4 && bin.len() >= 20,
        "{} and {} files",
        lib.len(),
        bin.len()
    );
    for krate in [lib, bin] {
        let problems = import_cycles(&krate);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

/// A folder holding a library (`lib.rs` and the modules it declares) and a binary (`main.rs`
/// and the rest), as two crates: the binary names the library by its crate name, which is no
/// edge inside either.
fn lib_and_bin(sources: Sources) -> (Sources, Sources) {
    let declared: Vec<String> = sources
        .iter()
        .find(|(p, _)| p == Path::new("lib.rs"))
        .map(|(_, text)| {
            text.lines()
                .filter_map(|l| {
                    l.trim()
                        .strip_prefix("pub mod ")
                        .or_else(|| l.trim().strip_prefix("mod "))
                })
                .map(|m| m.trim_end_matches(';').to_string())
                .collect()
        })
        .unwrap_or_default();
    sources.into_iter().partition(|(path, _)| {
        path == Path::new("lib.rs")
            || module_of(path)
                .first()
                .is_some_and(|m| declared.contains(m) && path != Path::new("main.rs"))
    })
}

#[test]
fn a_cycle_is_found_and_named_by_its_lines() {
    let tree = sources(&[
        ("lib.rs", "mod a;\nmod b;\n"),
        ("a.rs", "use crate::b::Thing;\n"),
        ("b.rs", "fn f() {\n    crate::a::g();\n}\n"),
    ]);
    let problems = import_cycles(&tree);
    assert_eq!(problems.len(), 2, "{problems:?}"); // as modules and as top-level modules
    assert!(problems[0].contains("a → b (a.rs:1)"), "{}", problems[0]);
    assert!(problems[0].contains("b → a (b.rs:2)"), "{}", problems[0]);
}

#[test]
fn a_cycle_through_a_facade_or_super_is_found() {
    let tree = sources(&[
        ("lib.rs", "mod stage;\nmod other;\n"),
        (
            "stage/mod.rs",
            "mod inner;\npub(crate) use self::inner::{Thing, Other as Renamed};\n",
        ),
        ("stage/inner.rs", "use super::super::other::helper;\n"),
        ("other.rs", "use crate::stage::Renamed;\n"),
    ]);
    let problems = import_cycles(&tree);
    let modules = &problems[0];
    assert!(
        modules.contains("other → stage::inner (other.rs:1)"),
        "{modules}"
    );
    assert!(
        modules.contains("stage::inner → other (stage/inner.rs:1)"),
        "{modules}"
    );
}

#[test]
fn children_tests_and_other_crates_make_no_edge() {
    let tree = sources(&[
        ("lib.rs", "mod a;\nmod b;\npub use a::Thing;\n"),
        ("a/mod.rs", "mod child;\npub use self::child::Thing;\n"),
        ("a/child.rs", "use crate::b::helper;\nuse serde::Serialize;\n"),
        (
            "b.rs",
            "// crate::a::Thing is named in a comment only\n#[cfg(test)]\nmod tests {\n    use crate::a::Thing;\n}\n",
        ),
    ]);
    assert!(import_cycles(&tree).is_empty());
    // …while a top-level cycle through a child is one.
    let tree = sources(&[
        ("lib.rs", "mod a;\nmod b;\n"),
        ("a/mod.rs", "mod child;\nmod other;\n"),
        ("a/child.rs", "use crate::b::helper;\n"),
        ("a/other.rs", "pub fn g() {}\n"),
        ("b.rs", "use crate::a::other::g;\n"),
    ]);
    let problems = import_cycles(&tree);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("a cycle between top-level modules a, b"),
        "{}",
        problems[0]
    );
}
