//! Reading the fields of one data entry, collecting every problem instead of stopping at the
//! first; shared by the lexicon, the qualifier vocabulary and the composition families.

use serde_json::{Map, Value};

use crate::data::entry::Bilingual;
use crate::model::UnknownCode;
use crate::support::error::{ErrorKind, LexiconError};
use crate::support::files::without_bom;

/// Reads one entry, collecting every field error instead of stopping at the first.
pub(crate) struct EntryReader<'a> {
    file: &'a str,
    pub(crate) entry: Option<String>,
    pub(crate) errors: Vec<LexiconError>,
}

impl<'a> EntryReader<'a> {
    pub(crate) fn new(file: &'a str) -> Self {
        EntryReader {
            file,
            entry: None,
            errors: Vec::new(),
        }
    }

    pub(crate) fn error(&mut self, field: &str, kind: ErrorKind) {
        let entry = self.entry.clone();
        self.errors.push(LexiconError::new(
            self.file,
            entry.as_deref(),
            Some(field),
            kind,
        ));
    }

    pub(crate) fn string(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
    ) -> Option<String> {
        match obj.get(field) {
            None => {
                self.error(path, ErrorKind::Missing);
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.error(path, ErrorKind::Empty);
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.error(path, ErrorKind::WrongType("a string"));
                None
            }
        }
    }

    pub(crate) fn optional_bool(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
    ) -> bool {
        match obj.get(field) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.error(path, ErrorKind::WrongType("true or false"));
                false
            }
        }
    }

    pub(crate) fn strings(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
        required: bool,
    ) -> Vec<String> {
        match obj.get(field) {
            None if required => {
                self.error(path, ErrorKind::Missing);
                Vec::new()
            }
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
                        _ => self.error(
                            &format!("{path}[{i}]"),
                            ErrorKind::WrongType("a non-empty string"),
                        ),
                    }
                }
                if required && out.is_empty() && items.is_empty() {
                    self.error(path, ErrorKind::Empty);
                }
                out
            }
            Some(_) => {
                self.error(path, ErrorKind::WrongType("a list of strings"));
                Vec::new()
            }
        }
    }

    pub(crate) fn codes<T: std::str::FromStr<Err = UnknownCode>>(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
        required: bool,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for (i, code) in self.strings(obj, field, path, required).iter().enumerate() {
            match code.parse::<T>() {
                Ok(value) => out.push(value),
                Err(e) => self.error(
                    &format!("{path}[{i}]"),
                    ErrorKind::UnknownValue(e.to_string()),
                ),
            }
        }
        out
    }

    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(obj) = value else {
            self.error(path, ErrorKind::WrongType("an object"));
            return None;
        };
        for key in obj.keys() {
            if !allowed.contains(&key.as_str()) {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                self.error(&field, ErrorKind::UnknownField);
            }
        }
        Some(obj)
    }

    /// The object of a data file (as `json_object` returns it), named in messages by its
    /// `id_field`, with unknown fields reported.
    pub(crate) fn entry_object<'v>(
        &mut self,
        value: &'v Value,
        id_field: &str,
        allowed: &[&str],
    ) -> &'v Map<String, Value> {
        self.entry = value
            .get(id_field)
            .and_then(Value::as_str)
            .map(str::to_string);
        self.object(value, "", allowed)
            .expect("json_object returns objects")
    }

    /// The non-empty list `field` of objects with `allowed` fields, each read by `read` at its
    /// path (`variants[3]`); `what` says what the list holds, for the error of a non-list.
    pub(crate) fn list_of<T>(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        allowed: &[&str],
        what: &'static str,
        read: fn(&mut EntryReader<'a>, &Map<String, Value>, &str) -> Option<T>,
    ) -> Vec<T> {
        let items = match obj.get(field) {
            Some(Value::Array(items)) if !items.is_empty() => items,
            Some(Value::Array(_)) => {
                self.error(field, ErrorKind::Empty);
                return Vec::new();
            }
            Some(_) => {
                self.error(field, ErrorKind::WrongType(what));
                return Vec::new();
            }
            None => {
                self.error(field, ErrorKind::Missing);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{field}[{i}]");
            if let Some(item) = self.object(item, &path, allowed) {
                out.extend(read(self, item, &path));
            }
        }
        out
    }

    /// The string `field`, which names the entry and must equal its file's name (`youth` in
    /// `youth.json`).
    pub(crate) fn name_of_file(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        file: &str,
    ) -> Option<String> {
        let name = self.string(obj, field, field);
        let stem = std::path::Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str());
        if let (Some(name), Some(stem)) = (&name, stem) {
            if name != stem {
                self.error(field, ErrorKind::IdNotFileName(stem.to_string()));
            }
        }
        name
    }

    pub(crate) fn bilingual(&mut self, obj: &Map<String, Value>, field: &str) -> Option<Bilingual> {
        self.bilingual_at(obj, field, field)
    }

    /// The text in both languages under `key`, reported at `path` (e.g. `evidence[0].reason`).
    pub(crate) fn bilingual_at(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<Bilingual> {
        let Some(value) = obj.get(key) else {
            self.error(path, ErrorKind::Missing);
            return None;
        };
        let inner = self.object(value, path, &["en", "fr"])?;
        let en = self.string(inner, "en", &format!("{path}.en"));
        let fr = self.string(inner, "fr", &format!("{path}.fr"));
        Some(Bilingual { en: en?, fr: fr? })
    }
}

/// The JSON object a data file holds, or the error naming the file.
pub(crate) fn json_object(file: &str, text: &str) -> Result<Value, Vec<LexiconError>> {
    let value: Value = serde_json::from_str(without_bom(text))
        .map_err(|e| vec![LexiconError::not_json(file, &e)])?;
    if !value.is_object() {
        return Err(vec![LexiconError::new(
            file,
            None,
            None,
            ErrorKind::NotAnObject,
        )]);
    }
    Ok(value)
}
