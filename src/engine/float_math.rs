//! The few elementary functions of `f64` the engine uses (sine, cosine, arc sine, arc
//! tangent, logarithms, and degrees brought into 0..360), taken from the platform: in the
//! browser, JavaScript's `Math`, which the page has already; elsewhere, the standard
//! library's. On WebAssembly the standard library's compile to libm's, 11 KB of the page's
//! module, which must load within its budget (issue 8). Either is within an ulp or so of the
//! true value, and nothing the engine shows depends on the last bit.
//!
//! ```
//! use newslens::engine::float_math::{atan2, degrees_0_360, ln, log10, sin};
//! assert!((sin(std::f64::consts::FRAC_PI_2) - 1.0).abs() < 1e-15);
//! assert!((atan2(1.0, 1.0) - std::f64::consts::FRAC_PI_4).abs() < 1e-15);
//! assert!((ln(std::f64::consts::E) - 1.0).abs() < 1e-15);
//! assert_eq!(log10(1000.0), 3.0);
//! assert_eq!(degrees_0_360(-90.0), 270.0);
//! assert_eq!(degrees_0_360(725.0), 5.0);
//! ```

#[cfg(target_arch = "wasm32")]
use js_sys::Math as platform;

/// The standard library's functions, under `Math`'s names.
#[cfg(not(target_arch = "wasm32"))]
mod platform {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn asin(x: f64) -> f64 {
        x.asin()
    }
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    pub fn log(x: f64) -> f64 {
        x.ln()
    }
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
}

/// The sine of `x` radians.
#[must_use]
pub fn sin(x: f64) -> f64 {
    platform::sin(x)
}

/// The cosine of `x` radians.
#[must_use]
pub fn cos(x: f64) -> f64 {
    platform::cos(x)
}

/// The arc sine of `x`, in radians.
#[must_use]
pub fn asin(x: f64) -> f64 {
    platform::asin(x)
}

/// The angle of the point (`x`, `y`) from the positive x axis, in radians, −π..=π.
#[must_use]
pub fn atan2(y: f64, x: f64) -> f64 {
    platform::atan2(y, x)
}

/// The natural logarithm of `x`.
#[must_use]
pub fn ln(x: f64) -> f64 {
    platform::log(x)
}

/// The base-10 logarithm of `x`.
#[must_use]
pub fn log10(x: f64) -> f64 {
    platform::log10(x)
}

/// `degrees` as the same direction within 0..360 (as `rem_euclid(360.0)` gives it, without
/// the floating-point remainder, which is libm's too).
#[must_use]
pub fn degrees_0_360(degrees: f64) -> f64 {
    degrees - 360.0 * (degrees / 360.0).floor()
}
