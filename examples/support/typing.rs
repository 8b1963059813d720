//! How people retype a lexicon variant: Title Case, accents dropped, two letters swapped.
//! Shared by the workload generator (`examples/workload.rs`), the benches and the property
//! tests, so that all three vary titles the same way.

/// Every word with its first letter in capitals ("pair aidante" → "Pair Aidante").
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The French accents of the lexicon's titles dropped, as on a keyboard without them.
pub fn strip_accents(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' => 'E',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            _ => c,
        })
        .collect()
}

/// `text` with the letters at `letter` and `letter + 1` of its word `word` swapped (words are
/// split on spaces).
pub fn swap_letters(text: &str, word: usize, letter: usize) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut letters: Vec<char> = words[word].chars().collect();
    letters.swap(letter, letter + 1);
    let changed: String = letters.into_iter().collect();
    words
        .iter()
        .enumerate()
        .map(|(k, w)| if k == word { changed.as_str() } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}
