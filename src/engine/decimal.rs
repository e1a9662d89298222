//! Decimal numbers as written in text and data files ("61000", "-33.3152", "1.5e3"), read
//! without the standard library's float parser: its table of powers of five alone is 20 KB
//! of the page's module, which must load within its budget (issue 8).
//!
//! The value is exact (the nearest `f64`, as `str::parse::<f64>` gives) whenever the digits,
//! leading and trailing zeros aside, number at most 15 and the power of ten is within ±22:
//! every coordinate, distance and count NewsLens reads. Beyond that it is within a few units
//! in the last place.
//!
//! ```
//! use newslens::engine::decimal::parse;
//! assert_eq!(parse("-33.3152"), Some(-33.3152));
//! assert_eq!(parse("1.5e3"), Some(1500.0));
//! assert_eq!(parse("61000"), Some(61000.0));
//! assert_eq!(parse("12,000"), None);
//! assert_eq!(parse("inf"), None);
//! ```

/// The value of `s`: an optional sign, digits with at most one decimal point (at least one
/// digit in all), and an optional exponent (`e` or `E`, optional sign, digits). `None` for
/// anything else, "inf" and "NaN" included.
#[must_use]
pub fn parse(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    // The significant digits as an integer (up to 19 of them), and the power of ten to scale
    // it by: digits past the 19th only raise the power (before the point) or are dropped.
    let mut mantissa: u64 = 0;
    let mut kept = 0;
    let mut scale: i64 = 0;
    let mut digits = 0;
    let mut point = false;
    while i < bytes.len() {
        match bytes[i] {
            b @ b'0'..=b'9' => {
                digits += 1;
                if kept < 19 {
                    if mantissa > 0 || b != b'0' {
                        kept += 1;
                    }
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if point {
                        scale -= 1;
                    }
                } else if !point {
                    scale += 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < bytes.len() {
        if !matches!(bytes[i], b'e' | b'E') {
            return None;
        }
        let exponent = bytes.get(i + 1..)?;
        let (sign, exponent) = match exponent.first() {
            Some(b'-') => (-1, &exponent[1..]),
            Some(b'+') => (1, &exponent[1..]),
            _ => (1, exponent),
        };
        if exponent.is_empty() || !exponent.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let start = exponent
            .iter()
            .position(|&b| b != b'0')
            .unwrap_or(exponent.len());
        let exponent = &exponent[start..];
        let e = exponent
            .iter()
            .take(6)
            .fold(0i64, |e, &b| e * 10 + i64::from(b - b'0'));
        scale += sign * if exponent.len() > 6 { 999_999 } else { e };
    }
    // Trailing zeros go to the power of ten: the mantissa is then the significant digits.
    while mantissa != 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale += 1;
    }
    let value = scaled(mantissa, scale);
    Some(if negative { -value } else { value })
}

/// `mantissa × 10^scale`, exact when both the mantissa and the power of ten are exact
/// `f64`s (one rounding, in the final operation).
fn scaled(mantissa: u64, scale: i64) -> f64 {
    /// The powers of ten that are exact in an `f64`.
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    #[allow(clippy::cast_precision_loss)] // exact below 2^53, where it matters
    let m = mantissa as f64;
    if mantissa == 0 {
        return 0.0;
    }
    match usize::try_from(scale.unsigned_abs()) {
        Ok(k) if k < EXACT.len() && scale >= 0 => m * EXACT[k],
        Ok(k) if k < EXACT.len() => m / EXACT[k],
        _ if scale > 0 => m * 10f64.powi(i32::try_from(scale).unwrap_or(i32::MAX)),
        // Two steps, so that 10^-scale does not underflow before the mantissa is applied.
        _ => m / 1e22 / 10f64.powi(i32::try_from(-scale - 22).unwrap_or(i32::MAX)),
    }
}
