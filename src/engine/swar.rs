//! Bytes tested eight at a time in a 64-bit word ("SIMD within a register"): the text
//! search and the paragraph splitter look for bytes this way.

/// A byte repeated in every lane of a word: `ONES * u64::from(b)`.
pub(crate) const ONES: u64 = u64::from_le_bytes([0x01; 8]);

/// The eight bytes of `hay` from `i`, as a little-endian word (byte `k` in bits `8k..8k+8`).
#[inline(always)]
pub(crate) fn word_at(hay: &[u8], i: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&hay[i..i + 8]);
    u64::from_le_bytes(word)
}

/// The high bit of each zero byte of `x`, exactly (no carry crosses bytes): with
/// `x = w ^ (ONES * b)`, the bytes of `w` that equal `b`.
#[inline]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
}
