//! Bytes to text for imports: BOMs, UTF-16, and the checks that tell a binary file from text.

use super::ImportError;

/// Byte signatures of common binary formats people pick by mistake.
const MAGIC: &[&[u8]] = &[
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\xd0\xcf\x11\xe0",
    b"RIFF",
    b"\x7fELF",
    b"MZ",
    b"{\\rtf",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"ID3",
    b"\x1a\x45\xdf\xa3",
];

/// The text of `bytes`: UTF-8 (BOM dropped) or UTF-16 with a BOM, line breaks normalised to `\n`.
///
/// # Errors
/// [`ImportError::Binary`] for NUL bytes, a known binary signature or many control characters;
/// [`ImportError::NotUtf8`] for text in another encoding.
pub(super) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        if bytes.contains(&0) || MAGIC.iter().any(|m| bytes.starts_with(m)) && !looks_textual(bytes)
        {
            return Err(ImportError::Binary);
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => {
                if control_ratio_high(bytes.iter().map(|&b| char::from(b))) {
                    return Err(ImportError::Binary);
                }
                return Err(ImportError::NotUtf8 {
                    at: e.valid_up_to(),
                });
            }
        }
    };
    if text.contains('\0') || control_ratio_high(text.chars()) {
        return Err(ImportError::Binary);
    }
    Ok(normalise_breaks(&text))
}

/// Decodes UTF-16 code units (after the BOM).
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if bytes.len() % 2 != 0 {
        return Err(ImportError::NotUtf8 {
            at: bytes.len() + 1,
        });
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => out.push(c),
            Err(_) => return Err(ImportError::NotUtf8 { at: 2 + 2 * i }),
        }
    }
    Ok(out)
}

/// True when the first 64 KB have no control characters besides whitespace: a text file that
/// merely starts like a binary signature ("MZ", "ID3 …", "RIFF …").
fn looks_textual(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(65_536)];
    !head.iter().any(|&b| is_control(char::from(b)))
}

/// True when more than 1 % of the first 64 K characters (at least 4) are control characters
/// other than tab, line feed, form feed and carriage return.
fn control_ratio_high(chars: impl Iterator<Item = char>) -> bool {
    let (mut n, mut bad) = (0usize, 0usize);
    for c in chars.take(65_536) {
        n += 1;
        bad += usize::from(is_control(c));
    }
    bad >= 4 && bad * 100 > n
}

/// A C0 control other than whitespace, or DEL.
fn is_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f'
}

/// `\r\n` and lone `\r` become `\n`.
fn normalise_breaks(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
