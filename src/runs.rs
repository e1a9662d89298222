//! Consecutive items that share a key, together: the mentions of one sentence in the entity
//! panel's and the place list's quotations.

/// `items` in runs of consecutive items with the same `key`, in order. Items with the same key
/// that are not next to each other make separate runs.
///
/// ```
/// use newslens::runs::runs_by;
/// let words = ["Kirkuk", "Kurds", "Iraq", "Irbil", "Kirkuk"];
/// let runs = runs_by(words, |w| w.chars().next());
/// assert_eq!(runs, vec![vec!["Kirkuk", "Kurds"], vec!["Iraq", "Irbil"], vec!["Kirkuk"]]);
/// assert!(runs_by(Vec::<u8>::new(), |b| *b).is_empty());
/// ```
pub fn runs_by<T, K: PartialEq>(
    items: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> Vec<Vec<T>> {
    let mut runs: Vec<(K, Vec<T>)> = Vec::new();
    for item in items {
        let k = key(&item);
        match runs.last_mut() {
            Some((last, run)) if *last == k => run.push(item),
            _ => runs.push((k, vec![item])),
        }
    }
    runs.into_iter().map(|(_, run)| run).collect()
}
