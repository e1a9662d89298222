//! One number for how alike two articles' casts of entities are, with its explanation.

use super::coverage::{EntityRow, Side};
use serde::Serialize;

/// The formula, as shown to users.
pub const FORMULA: &str = "weighted Jaccard over named entities (DATE and NUMBER excluded): \
sum over entities of min(pA, pB) / sum of max(pA, pB), where pA is the entity's share of A's \
named mentions and pB its share of B's";

/// The similarity of two articles' entity sets, explained.
///
/// Invariants: `score` and `jaccard` lie in `[0, 1]`; both are symmetric in A and B.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Similarity {
    /// Weighted Jaccard (Ruzicka) over each entity's share of its article's named mentions:
    /// `Σ min(pA, pB) / Σ max(pA, pB)`. Using shares rather than raw counts keeps a long
    /// article from looking unlike a short one only because it is longer.
    pub score: f64,
    /// Plain set Jaccard `shared / (shared + only_a + only_b)`, for reference.
    pub jaccard: f64,
    /// Named entities in both.
    pub shared: usize,
    /// Named entities only in A.
    pub only_a: usize,
    /// Named entities only in B.
    pub only_b: usize,
    /// The formula of `score`, in words.
    pub formula: &'static str,
}

impl Similarity {
    /// Computes the similarity from coverage rows, skipping DATE and NUMBER values.
    #[must_use]
    pub fn of(rows: &[EntityRow]) -> Similarity {
        let named = || rows.iter().filter(|r| !r.is_value);
        let total_a: usize = named().map(|r| r.count_a).sum();
        let total_b: usize = named().map(|r| r.count_b).sum();
        let share = |c: usize, t: usize| if t == 0 { 0.0 } else { c as f64 / t as f64 };
        let (mut num, mut den) = (0.0, 0.0);
        for r in named() {
            let (pa, pb) = (share(r.count_a, total_a), share(r.count_b, total_b));
            num += pa.min(pb);
            den += pa.max(pb);
        }
        let side = |s| named().filter(|r| r.side == s).count();
        let (shared, only_a, only_b) = (side(Side::Both), side(Side::OnlyA), side(Side::OnlyB));
        let all = shared + only_a + only_b;
        Similarity {
            score: if den > 0.0 { num / den } else { 0.0 },
            jaccard: if all > 0 {
                shared as f64 / all as f64
            } else {
                0.0
            },
            shared,
            only_a,
            only_b,
            formula: FORMULA,
        }
    }

    /// The same similarity with A and B exchanged.
    #[must_use]
    pub fn swapped(&self) -> Similarity {
        Similarity {
            only_a: self.only_b,
            only_b: self.only_a,
            ..self.clone()
        }
    }
}
