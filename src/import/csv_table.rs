//! CSV exports with a header row: columns found by name, rows placed by their line.

use super::{ImportError, Input, Place};

/// One row, its cells looked up by column name.
pub(super) struct Row<'a> {
    header: &'a csv::StringRecord,
    record: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    pub fn get(&self, column: &str) -> Option<&'a str> {
        let index = self
            .header
            .iter()
            .position(|name| name.trim().eq_ignore_ascii_case(column))?;
        self.record.get(index)
    }
}

fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new().flexible(true).from_reader(bytes)
}

/// Whether the first line is a CSV header naming every one of `columns`.
pub(super) fn header_has(input: &Input, columns: &[&str]) -> bool {
    let first_line = input
        .bytes
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    let mut reader = reader(first_line);
    reader.headers().is_ok_and(|header| {
        columns.iter().all(|c| {
            header
                .iter()
                .any(|name| name.trim().eq_ignore_ascii_case(c))
        })
    })
}

/// Calls `each` for every row; a header without the `required` columns is an error.
pub(super) fn each_row(
    input: &Input,
    required: &[&str],
    mut each: impl FnMut(Row, Place),
) -> Result<(), ImportError> {
    super::text(input)?;
    let mut reader = reader(input.bytes);
    let header = reader
        .headers()
        .map_err(|e| ImportError::new(crate::t!("err-import-csv-header", why = e.to_string())))?
        .clone();
    for column in required {
        if !header
            .iter()
            .any(|name| name.trim().eq_ignore_ascii_case(column))
        {
            return Err(ImportError::new(crate::t!(
                "err-import-csv-no-column",
                column = *column
            )));
        }
    }
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line() as usize);
                each(
                    Row {
                        header: &header,
                        record: &record,
                    },
                    Place::Line(line),
                );
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                return Err(ImportError::new(crate::t!(
                    "err-import-csv-broken",
                    line = line.to_string()
                )));
            }
        }
    }
}
