//! The module graph has no circles: every module of `src/` uses only modules declared before
//! it in `src/lib.rs` (the layers, lowest first), so data flows one way.

use std::collections::BTreeMap;
use std::path::Path;

/// Top-level modules in the order `lib.rs` declares them.
fn layers() -> Vec<String> {
    let lib = std::fs::read_to_string("src/lib.rs").unwrap_or_default();
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its `#[cfg(test)]` module (tests may reach anywhere).
fn without_tests(src: &str) -> &str {
    src.find("#[cfg(test)]\nmod tests")
        .map_or(src, |i| &src[..i])
}

fn ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The first path segment after `crate::`, or each one of a `crate::{a::x, b}` group.
fn first_segments(rest: &str) -> Vec<String> {
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident(rest)];
    };
    let mut names = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(ident(&group[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(ident(&group[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

/// For each top-level module, the other top-level modules its code names as `crate::x`.
fn uses() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for f in files {
        let rel = f
            .strip_prefix("src")
            .unwrap_or(&f)
            .to_string_lossy()
            .to_string();
        let top = rel
            .trim_start_matches('/')
            .split(['/', '.'])
            .next()
            .unwrap_or_default()
            .to_string();
        if top == "lib" || top == "main" {
            continue;
        }
        let src = std::fs::read_to_string(&f).unwrap_or_default();
        let code = without_tests(&src);
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + 7..];
            for name in first_segments(rest) {
                if name != top {
                    out.entry(top.clone())
                        .or_default()
                        .entry(name)
                        .or_insert_with(|| rel.clone());
                }
            }
        }
    }
    out
}

#[test]
fn modules_only_use_the_layers_below_them() {
    let order = layers();
    assert!(order.len() > 10, "lib.rs lists the modules: {order:?}");
    let rank = |m: &str| order.iter().position(|x| x == m);
    let mut wrong = Vec::new();
    for (module, used) in uses() {
        let Some(r) = rank(&module) else {
            wrong.push(format!("{module} is not declared in lib.rs"));
            continue;
        };
        for (other, file) in used {
            match rank(&other) {
                Some(o) if o < r => {}
                Some(_) => wrong.push(format!(
                    "{file}: `{module}` uses `{other}`, which lib.rs lists after it (an upward import makes a circle)"
                )),
                None => wrong.push(format!("{file}: `crate::{other}` is no module of lib.rs")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Files of one module that use each other in a circle (`a.rs` → `b.rs` → `a.rs`), found
/// through `super::x` and `crate::module::x` paths between sibling files.
#[test]
fn sibling_files_do_not_import_each_other_in_a_circle() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    // Node: "module/child" for a file or folder directly under a module folder.
    let node_of = |rel: &str| -> Option<(String, String)> {
        let parts: Vec<&str> = rel.split('/').collect();
        if parts.len() < 2 {
            return None;
        }
        let child = parts[1].trim_end_matches(".rs");
        (child != "mod").then(|| (parts[0].to_string(), child.to_string()))
    };
    let mut edges: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    let mut children: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    let rels: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix("src")
                .unwrap_or(f)
                .to_string_lossy()
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    for rel in &rels {
        if let Some((m, c)) = node_of(rel) {
            children.entry(m).or_default().insert(c);
        }
    }
    for (f, rel) in files.iter().zip(&rels) {
        let Some((module, child)) = node_of(rel) else {
            continue;
        };
        // Only a file directly in the module folder has the module as `super`.
        let direct = rel.split('/').count() == 2;
        let src = std::fs::read_to_string(f).unwrap_or_default();
        let code = without_tests(&src);
        let siblings = children.get(&module).cloned().unwrap_or_default();
        let mut targets = Vec::new();
        let prefix = format!("crate::{module}::");
        for (pat, ok) in [("super::", direct), (prefix.as_str(), true)] {
            let mut rest = code;
            while let Some(i) = rest.find(pat) {
                rest = &rest[i + pat.len()..];
                if ok {
                    targets.extend(first_segments(rest));
                }
            }
        }
        for t in targets {
            if t != child && siblings.contains(&t) {
                edges
                    .entry(format!("{module}/{child}"))
                    .or_default()
                    .insert(format!("{module}/{t}"));
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        n: &str,
        edges: &BTreeMap<String, std::collections::BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let from = path.iter().position(|p| p == n).unwrap_or(0);
                let mut cycle = path[from..].to_vec();
                cycle.push(n.to_string());
                return Some(cycle);
            }
            Some(_) => return None,
            None => {}
        }
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(n, &edges, &mut state, &mut path) {
            panic!("files import each other in a circle: {}", cycle.join(" → "));
        }
    }
}
