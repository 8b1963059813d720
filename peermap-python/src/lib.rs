//! The native part of the `peermap` Python package (`peermap._native`): a crosswalk built with
//! the command-line tool's options, one title coded to the JSON answer, and a whole Arrow
//! column coded to the `peermap_*` columns of the CSV output.
//!
//! An Arrow column crosses through the Arrow C data interface (no copy per title); the GIL is
//! released while the distinct titles are coded on every core (the library's `parallel`
//! feature). The Python side (`python/peermap/`) turns lists, pandas and polars into Arrow and
//! back.

#![deny(missing_docs)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_data::ArrayData;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::{DataType, Field as ArrowField, Schema};
use peermap::{Crosswalk, Lang, Lexicon};
use peermap_cli::cells;
use peermap_cli::fields::{self, Field};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// The reason of a row whose value is not a string.
const NOT_A_STRING: &str = "not-a-string";

/// A crosswalk with the options of `peermap classify`, and the fields to write.
#[pyclass(module = "peermap._native", frozen)]
struct NativeCrosswalk {
    crosswalk: Crosswalk,
    fields: Vec<Field>,
}

#[pymethods]
impl NativeCrosswalk {
    /// Builds the crosswalk; a bad lexicon, decisions file or option raises ValueError with
    /// the command-line tool's message.
    #[new]
    #[pyo3(signature = (lexicon_dirs=None, decisions=None, lang=None, region=None, threshold=None, closed_world=false, fields=None))]
    fn new(
        lexicon_dirs: Option<Vec<PathBuf>>,
        decisions: Option<Vec<PathBuf>>,
        lang: Option<&str>,
        region: Option<&str>,
        threshold: Option<f64>,
        closed_world: bool,
        fields: Option<Vec<String>>,
    ) -> PyResult<NativeCrosswalk> {
        let mut builder = Crosswalk::builder();
        builder.language(parse_lang(lang)?);
        if let Some(region) = region {
            builder.region(region);
        }
        if let Some(threshold) = threshold {
            builder.threshold(threshold);
        }
        builder.closed_world(closed_world);
        for dir in lexicon_dirs.unwrap_or_default() {
            let lexicon = Lexicon::extension_from_path(&dir).map_err(|errors| {
                let problems: Vec<String> =
                    errors.errors().iter().map(ToString::to_string).collect();
                PyValueError::new_err(format!(
                    "the lexicon at {} is invalid ({} problem{}):\n  {}",
                    dir.display(),
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" },
                    problems.join("\n  ")
                ))
            })?;
            builder.lexicon(lexicon);
        }
        let built = |builder: &mut peermap::CrosswalkBuilder| {
            builder
                .build()
                .map_err(|e| PyValueError::new_err(e.to_string()))
        };
        let mut crosswalk = built(&mut builder)?;
        let decisions = decisions.unwrap_or_default();
        if !decisions.is_empty() {
            let loaded = peermap_cli::decisions::load(&decisions, &crosswalk)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            builder.decisions(loaded.decisions);
            crosswalk = built(&mut builder)?;
        }
        Ok(NativeCrosswalk {
            crosswalk,
            fields: parse_fields(fields)?,
        })
    }

    /// The answer for one title, as the JSON the command-line tool writes.
    fn classify_json(&self, py: Python<'_>, title: &str) -> PyResult<String> {
        let answer = py.detach(|| self.crosswalk.classify(title));
        serde_json::to_string(&answer).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The `peermap_*` column names this crosswalk writes.
    fn column_names(&self) -> Vec<String> {
        self.fields.iter().map(|f| f.column()).collect()
    }

    /// Codes pyarrow string arrays (string, large_string or string_view: the chunks of one
    /// column) and returns one pyarrow RecordBatch of the `peermap_*` columns per chunk, one
    /// row per value in order: a null gives a row of nulls, and the rows listed in
    /// `not_a_string[i]` (positions in chunk `i` of values that were not strings) verdict
    /// `error` with reason `not-a-string`. Each distinct title of the whole column is coded
    /// once.
    fn classify_arrow<'py>(
        &self,
        py: Python<'py>,
        chunks: Vec<Bound<'py, PyAny>>,
        not_a_string: Vec<Vec<usize>>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let arrays: Vec<ArrayRef> = chunks
            .iter()
            .map(|c| ArrayData::from_pyarrow_bound(c).map(arrow_array::make_array))
            .collect::<PyResult<_>>()?;
        let titles: Vec<Vec<Option<&str>>> =
            arrays.iter().map(titles_of).collect::<PyResult<_>>()?;
        let batches = py.detach(|| self.code_columns(&titles, &not_a_string))?;
        batches.iter().map(|b| b.to_pyarrow(py)).collect()
    }
}

impl NativeCrosswalk {
    /// The output batches for the chunks of a column of titles (`None` for nulls).
    fn code_columns(
        &self,
        chunks: &[Vec<Option<&str>>],
        not_a_string: &[Vec<usize>],
    ) -> PyResult<Vec<RecordBatch>> {
        // Each distinct title is coded once; its cells serve every row that repeats it, in
        // every chunk.
        let mut slot_of: HashMap<&str, usize> = HashMap::new();
        let mut distinct: Vec<&str> = Vec::new();
        let slots: Vec<Vec<Option<usize>>> = chunks
            .iter()
            .map(|titles| {
                titles
                    .iter()
                    .map(|t| {
                        t.map(|t| {
                            *slot_of.entry(t).or_insert_with(|| {
                                distinct.push(t);
                                distinct.len() - 1
                            })
                        })
                    })
                    .collect()
            })
            .collect();
        let lexicon = self.crosswalk.lexicon();
        let coded: Vec<Vec<String>> = self.crosswalk.classify_each(&distinct, |answer| {
            cells::cells(&answer, lexicon, &self.fields)
        });
        let version = self.crosswalk.classify("").lexicon_version().to_string();
        let none = Vec::new();
        slots
            .iter()
            .enumerate()
            .map(|(i, slots)| {
                let bad = not_a_string.get(i).unwrap_or(&none);
                self.batch(slots, bad, &coded, &version)
            })
            .collect()
    }

    /// One chunk's batch: its rows' slots in `coded`, and its rows that were not strings.
    fn batch(
        &self,
        slots: &[Option<usize>],
        not_a_string: &[usize],
        coded: &[Vec<String>],
        version: &str,
    ) -> PyResult<RecordBatch> {
        let mut bad = vec![false; slots.len()];
        for &i in not_a_string {
            if let Some(b) = bad.get_mut(i) {
                *b = true;
            }
        }
        let mut columns: Vec<ArrayRef> = Vec::with_capacity(self.fields.len());
        for (c, field) in self.fields.iter().enumerate() {
            let cell = |row: usize| -> Option<String> {
                if bad[row] {
                    return error_cell(*field, version);
                }
                slots[row].map(|s| coded[s][c].clone())
            };
            columns.push(column(*field, slots.len(), cell));
        }
        let schema = Arc::new(Schema::new(
            self.fields
                .iter()
                .map(|f| ArrowField::new(f.column(), data_type(*f), true))
                .collect::<Vec<_>>(),
        ));
        RecordBatch::try_new(schema, columns).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

/// The cell of a row whose value was not a string: verdict `error` and its reason; the rest
/// null.
fn error_cell(field: Field, version: &str) -> Option<String> {
    match field {
        Field::Verdict => Some("error".to_string()),
        Field::Error => Some(NOT_A_STRING.to_string()),
        Field::Explanation => Some("the value is not a string".to_string()),
        Field::LexiconVersion => Some(version.to_string()),
        _ => None,
    }
}

/// `peermap_score` is a number; every other column is text, as in the CSV output.
fn data_type(field: Field) -> DataType {
    match field {
        Field::Score => DataType::Float64,
        _ => DataType::Utf8,
    }
}

/// One output column of `rows` rows.
fn column(field: Field, rows: usize, cell: impl Fn(usize) -> Option<String>) -> ArrayRef {
    if data_type(field) == DataType::Float64 {
        let mut builder = Float64Builder::with_capacity(rows);
        for row in 0..rows {
            builder.append_option(cell(row).and_then(|c| c.parse().ok()));
        }
        return Arc::new(builder.finish());
    }
    let mut builder = StringBuilder::with_capacity(rows, rows * 8);
    for row in 0..rows {
        builder.append_option(cell(row));
    }
    Arc::new(builder.finish())
}

/// The titles of a string array, borrowed (no copy per title).
fn titles_of(array: &ArrayRef) -> PyResult<Vec<Option<&str>>> {
    let titles = match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().collect(),
        DataType::Utf8View => array.as_string_view().iter().collect(),
        DataType::Null => vec![None; array.len()],
        other => {
            return Err(PyTypeError::new_err(format!(
                "expected a string array, got {other} (the Python side marks other values not-a-string)"
            )))
        }
    };
    Ok(titles)
}

fn parse_lang(lang: Option<&str>) -> PyResult<Lang> {
    match lang.map(str::to_ascii_lowercase).as_deref() {
        None | Some("en") => Ok(Lang::En),
        Some("fr") => Ok(Lang::Fr),
        Some(other) => Err(PyValueError::new_err(format!(
            "lang \"{other}\" is not one of en, fr"
        ))),
    }
}

/// The fields asked for (every field by default); `error` is always kept, as in `classify`.
fn parse_fields(names: Option<Vec<String>>) -> PyResult<Vec<Field>> {
    let Some(names) = names else {
        return Ok(Field::ALL.to_vec());
    };
    let mut chosen = Vec::new();
    for name in names {
        let field = fields::parse_field(&name).map_err(PyValueError::new_err)?;
        if !chosen.contains(&field) {
            chosen.push(field);
        }
    }
    if !chosen.contains(&Field::Error) {
        chosen.push(Field::Error);
    }
    Ok(chosen)
}

/// The native module.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeCrosswalk>()?;
    m.add("LEXICON_VERSION", peermap::LEXICON_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
