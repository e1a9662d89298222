//! The virtual list's window: rows in view plus a margin, spacers for the rest.

use newslens::list_window::window;

#[test]
fn the_window_covers_the_view_and_its_margin() {
    let w = window(1000, 50.0, 0.0, 500.0, 3);
    assert_eq!((w.first, w.end), (0, 14));
    assert_eq!(w.before_px, 0.0);
    assert_eq!(w.after_px, 986.0 * 50.0);
}

#[test]
fn rows_and_spacers_always_add_up_to_the_whole_list() {
    for scroll in [0.0, 10.0, 4999.0, 25_000.0, 49_950.0, 1e9] {
        let w = window(1000, 50.0, scroll, 700.0, 4);
        assert!(w.first <= w.end && w.end <= 1000, "{w:?}");
        let total = w.before_px + (w.end - w.first) as f64 * 50.0 + w.after_px;
        assert_eq!(total, 1000.0 * 50.0, "{w:?}");
    }
}

#[test]
fn scrolled_past_the_end_shows_the_last_rows_only_if_in_view() {
    let w = window(10, 50.0, 1e9, 700.0, 2);
    assert_eq!((w.first, w.end), (10, 10));
    let w = window(10, 50.0, 400.0, 100.0, 2);
    assert_eq!((w.first, w.end), (6, 10));
}

#[test]
fn odd_inputs_render_everything_or_nothing_without_panicking() {
    assert_eq!(window(0, 50.0, 100.0, 100.0, 2).end, 0);
    let w = window(5, 0.0, 100.0, 100.0, 2);
    assert_eq!((w.first, w.end), (0, 5));
    let w = window(5, f64::NAN, f64::NAN, f64::INFINITY, 2);
    assert_eq!((w.first, w.end), (0, 5));
    let w = window(5, 10.0, -50.0, f64::NAN, 0);
    assert_eq!((w.first, w.end), (0, 1));
}
