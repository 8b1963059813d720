//! Where a field of a lexicon entry file starts: the line of a path such as
//! `variants[3].regions[0]` in the JSON text, found by walking the text itself, so that a
//! problem can be shown at its line.

/// The 1-based line where the value at `field` (a path such as `variants[3].regions[0]`)
/// starts in a JSON text, or where its nearest existing parent starts.
pub fn locate(text: &str, field: &str) -> Option<usize> {
    let mut path: Vec<Step> = parse_path(field)?;
    loop {
        if let Some(offset) = find_value(text, &path) {
            return Some(text[..offset].matches('\n').count() + 1);
        }
        path.pop()?;
        if path.is_empty() {
            return Some(1);
        }
    }
}

#[derive(Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn parse_path(field: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in field.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            steps.push(Step::Index(stripped[..end].parse().ok()?));
            rest = &stripped[end + 1..];
        }
    }
    Some(steps)
}

/// The byte offset where the value at `path` starts, by walking the JSON text.
fn find_value(text: &str, path: &[Step]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    for step in path {
        at = match (step, bytes.get(at)?) {
            (Step::Key(key), b'{') => member(bytes, at, key)?,
            (Step::Index(index), b'[') => element(bytes, at, *index)?,
            _ => return None,
        };
    }
    Some(at)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

/// The end of the value starting at `at` (after skipping strings and nested brackets).
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let mut i = at;
            while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') {
                i += 1;
            }
            Some(i)
        }
    }
}

fn skip_string(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Where the value of `key` starts in the object at `at`.
fn member(bytes: &[u8], at: usize, key: &str) -> Option<usize> {
    let mut i = skip_space(bytes, at + 1);
    while bytes.get(i)? == &b'"' {
        let end = skip_string(bytes, i)?;
        let name: String = serde_json::from_slice(&bytes[i..end]).ok()?;
        i = skip_space(bytes, end);
        if bytes.get(i)? != &b':' {
            return None;
        }
        let value = skip_space(bytes, i + 1);
        if name == key {
            return Some(value);
        }
        i = skip_space(bytes, skip_value(bytes, value)?);
        match bytes.get(i)? {
            b',' => i = skip_space(bytes, i + 1),
            _ => return None,
        }
    }
    None
}

/// Where element `index` starts in the array at `at`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    let mut i = skip_space(bytes, at + 1);
    for _ in 0..index {
        if bytes.get(i)? == &b']' {
            return None;
        }
        i = skip_space(bytes, skip_value(bytes, i)?);
        match bytes.get(i)? {
            b',' => i = skip_space(bytes, i + 1),
            _ => return None,
        }
    }
    (bytes.get(i)? != &b']').then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"id\": \"x\",\n  \"label\": {\"en\": \"E\", \"fr\": \"F\"},\n  \"variants\": [\n    {\"text\": \"a\", \"lang\": \"en\"},\n    {\"text\": \"b [x]\", \"lang\": \"fr\", \"regions\": [\"QC\"]}\n  ]\n}\n";

    #[test]
    fn fields_are_located_by_line() {
        for (field, line) in [
            ("id", 2),
            ("label.fr", 3),
            ("variants", 4),
            ("variants[0]", 5),
            ("variants[1].regions[0]", 6),
            ("variants[1].sources", 6),
            ("notes", 1),
            ("variants[7].text", 4),
        ] {
            assert_eq!(locate(TEXT, field), Some(line), "{field}");
        }
    }
}
