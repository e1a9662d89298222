//! Which options a long drop-down list shows: with thousands of articles or places, a
//! `<select>` holding them all takes seconds to put in the page. The list shows the current
//! choice and at most a limited number of the options whose label contains every word typed
//! into the box beside it.

/// What the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// Indices of the options shown, in their original order (the current one included).
    pub shown: Vec<usize>,
    /// Options that match but are not shown (type more to narrow).
    pub more: usize,
}

/// The options of `labels` to show for `query` (case-insensitive words, all of which must
/// appear in a label; blank matches everything): the option at `current` always, and the
/// first `limit` other matches.
///
/// ```
/// use newslens::choice_list::choices;
/// let labels = ["BBC — Kirkuk taken", "Rudaw — Kirkuk", "BBC — Mosul"];
/// let c = choices(&labels, "bbc kirk", Some(2), 10);
/// assert_eq!((c.shown, c.more), (vec![0, 2], 0));
/// assert_eq!(choices(&labels, "", None, 1).more, 2);
/// ```
#[must_use]
pub fn choices<S: AsRef<str>>(
    labels: &[S],
    query: &str,
    current: Option<usize>,
    limit: usize,
) -> Choices {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut out = Choices::default();
    let mut taken = 0;
    for (i, label) in labels.iter().enumerate() {
        if Some(i) == current {
            out.shown.push(i);
            continue;
        }
        let matches = words.is_empty() || {
            let label = label.as_ref().to_lowercase();
            words.iter().all(|w| label.contains(w.as_str()))
        };
        if !matches {
            continue;
        }
        if taken < limit {
            out.shown.push(i);
            taken += 1;
        } else {
            out.more += 1;
        }
    }
    out
}
