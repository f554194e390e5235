//! The screen size of a screenshot, as `--size COLSxROWS` gives it.
//!
//! Rule: both numbers at least 1 and at most [`MAX_COLS`]×[`MAX_ROWS`], so a typo cannot ask
//! for a picture too large to hold in memory.

use std::fmt;
use std::str::FromStr;

/// Widest screenshot, in cells.
pub const MAX_COLS: u16 = 500;
/// Tallest screenshot, in cells.
pub const MAX_ROWS: u16 = 300;

/// A terminal size in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub cols: u16,
    pub rows: u16,
}

impl Default for Size {
    /// 100×30, the size `sahifa shot` uses unless told otherwise.
    fn default() -> Self {
        Self {
            cols: 100,
            rows: 30,
        }
    }
}

impl FromStr for Size {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not a size like 100x30 (COLSxROWS)");
        let (cols, rows) = s.trim().split_once(['x', 'X']).ok_or_else(bad)?;
        let cols: u16 = cols.parse().map_err(|_| bad())?;
        let rows: u16 = rows.parse().map_err(|_| bad())?;
        if cols == 0 || rows == 0 {
            return Err(format!(
                "{s:?}: a screenshot needs at least one column and one row"
            ));
        }
        if cols > MAX_COLS || rows > MAX_ROWS {
            return Err(format!(
                "{s:?}: a screenshot is at most {MAX_COLS}x{MAX_ROWS} cells"
            ));
        }
        Ok(Self { cols, rows })
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.cols, self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::Size;

    #[test]
    fn sizes_parse_as_cols_by_rows() {
        assert_eq!(
            "100x30".parse(),
            Ok(Size {
                cols: 100,
                rows: 30
            })
        );
        assert_eq!("50X20".parse(), Ok(Size { cols: 50, rows: 20 }));
        assert_eq!(Size::default().to_string(), "100x30");
    }

    #[test]
    fn bad_sizes_are_refused_with_the_text_given() {
        for bad in [
            "100", "x30", "100x", "ax30", "-1x30", "100x30x2", "0x30", "100x0", "501x30",
        ] {
            let err = bad.parse::<Size>().expect_err(bad);
            assert!(err.contains(bad), "{err}");
        }
    }
}
