//! List virtualisation: which rows of a long list of equal-height rows to put in the page,
//! given how far it is scrolled. Rows out of view are replaced by two spacers of the same
//! height, so the scroll bar and the position of every row stay true.

/// The rows to render and the space the others take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListWindow {
    /// The first row to render.
    pub first: usize,
    /// One past the last row to render.
    pub end: usize,
    /// Height of the rows above `first`, in pixels.
    pub before_px: f64,
    /// Height of the rows from `end` on, in pixels.
    pub after_px: f64,
}

/// The window of a list of `count` rows of `row_px` pixels, scrolled by `scroll_px` in a
/// viewport of `view_px`, with `margin` extra rows on each side.
///
/// ```
/// use newslens::list_window::window;
/// let w = window(10_000, 80.0, 8_000.0, 800.0, 5);
/// assert_eq!((w.first, w.end), (95, 116));
/// assert_eq!(w.before_px, 95.0 * 80.0);
/// ```
#[must_use]
pub fn window(
    count: usize,
    row_px: f64,
    scroll_px: f64,
    view_px: f64,
    margin: usize,
) -> ListWindow {
    if count == 0 || row_px <= 0.0 || !row_px.is_finite() {
        return ListWindow {
            first: 0,
            end: count,
            before_px: 0.0,
            after_px: 0.0,
        };
    }
    let scroll = if scroll_px.is_finite() {
        scroll_px.max(0.0)
    } else {
        0.0
    };
    let view = if view_px.is_finite() {
        view_px.max(0.0)
    } else {
        0.0
    };
    // Truncation is the intent: a row index from a pixel offset.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let top = (scroll / row_px).floor() as usize;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let shown = (view / row_px).ceil() as usize + 1;
    let first = top.saturating_sub(margin).min(count);
    let end = top.saturating_add(shown).saturating_add(margin).min(count);
    #[allow(clippy::cast_precision_loss)]
    ListWindow {
        first,
        end,
        before_px: first as f64 * row_px,
        after_px: (count - end) as f64 * row_px,
    }
}
