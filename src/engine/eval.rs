//! Scoring of mentions against gold annotations, with the rules of `shared/gold/score.py`:
//! a true positive has the same start, end (code points) and label; precision, recall and F1
//! per label and micro-averaged.

use super::label::Label;
use super::mention::Mention;
use super::offsets::CodePoints;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// One annotated or predicted span: code-point start, end, label name.
pub type Triple = (usize, usize, String);

/// True positives, false positives and false negatives per label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per label name: `[tp, fp, fn]`.
    pub counts: BTreeMap<String, [usize; 3]>,
}

/// Precision, recall and F1 of `[tp, fp, fn]` (0 where undefined).
#[must_use]
pub fn prf(c: [usize; 3]) -> (f64, f64, f64) {
    let [tp, fp, fn_] = c.map(|x| x as f64);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Tally {
    /// Adds one document's exact-match counts.
    pub fn add(&mut self, gold: &[Triple], pred: &[Triple]) {
        let g: HashSet<&Triple> = gold.iter().collect();
        let p: HashSet<&Triple> = pred.iter().collect();
        let mut labels: Vec<String> = Label::ALL.iter().map(|l| l.as_str().to_string()).collect();
        labels.extend(p.iter().map(|t| t.2.clone()));
        labels.sort();
        labels.dedup();
        for lab in labels {
            let gl: HashSet<_> = g.iter().filter(|t| t.2 == lab).collect();
            let pl: HashSet<_> = p.iter().filter(|t| t.2 == lab).collect();
            let tp = gl.intersection(&pl).count();
            let e = self.counts.entry(lab).or_default();
            e[0] += tp;
            e[1] += pl.len() - tp;
            e[2] += gl.len() - tp;
        }
    }

    /// The micro-averaged `[tp, fp, fn]`.
    #[must_use]
    pub fn micro(&self) -> [usize; 3] {
        self.counts
            .values()
            .fold([0; 3], |a, c| [a[0] + c[0], a[1] + c[1], a[2] + c[2]])
    }

    /// The micro exact F1.
    #[must_use]
    pub fn micro_f1(&self) -> f64 {
        prf(self.micro()).2
    }

    /// F1 of one label (0 when it has no gold and no prediction).
    #[must_use]
    pub fn f1(&self, label: Label) -> f64 {
        self.counts.get(label.as_str()).map_or(0.0, |c| prf(*c).2)
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:8} {:>8} {:>6} {:>6}   gold",
            "label", "exact P", "R", "F1"
        )?;
        for l in Label::ALL {
            if let Some(c) = self.counts.get(l.as_str()) {
                let (p, r, f1) = prf(*c);
                writeln!(
                    f,
                    "{:8} {p:8.3} {r:6.3} {f1:6.3}   {}",
                    l.as_str(),
                    c[0] + c[2]
                )?;
            }
        }
        let m = self.micro();
        let (p, r, f1) = prf(m);
        writeln!(
            f,
            "{:8} {p:8.3} {r:6.3} {f1:6.3}   {}",
            "micro",
            m[0] + m[2]
        )?;
        write!(f, "micro exact F1 = {f1:.3}")
    }
}

/// Mentions as code-point triples over `text`.
#[must_use]
pub fn triples(text: &str, mentions: &[Mention]) -> Vec<Triple> {
    let cp = CodePoints::new(text);
    mentions
        .iter()
        .map(|m| {
            (
                cp.of(m.span.start()),
                cp.of(m.span.end()),
                m.label.as_str().to_string(),
            )
        })
        .collect()
}

/// A gold file (`{"file": …, "entities": [{"start", "end", "label"}, …]}`): its `file` and triples.
///
/// # Errors
/// A message when the JSON is malformed or lacks those fields.
pub fn parse_gold(json: &str) -> Result<(String, Vec<Triple>), String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let file = v["file"]
        .as_str()
        .ok_or("gold file has no \"file\"")?
        .to_string();
    let ents = v["entities"]
        .as_array()
        .ok_or("gold file has no \"entities\"")?;
    let mut out = Vec::with_capacity(ents.len());
    for e in ents {
        let start = e["start"].as_u64().ok_or("entity without start")? as usize;
        let end = e["end"].as_u64().ok_or("entity without end")? as usize;
        let label = e["label"]
            .as_str()
            .ok_or("entity without label")?
            .to_string();
        out.push((start, end, label));
    }
    Ok((file, out))
}
