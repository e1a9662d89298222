//! Exports: the JSON lines match the command line's schema, CSV is RFC 4180 and safe against
//! formula injection, and the annotated HTML file escapes everything and runs nothing.

use newslens::engine::corpus::{bundled, ArticleMeta};
use newslens::engine::export::{
    annotated_html, csv, csv_cell, entities_csv, entities_jsonl, escape_html, Annotated,
    ENTITY_COLUMNS, EXPORT_CSP,
};
use newslens::engine::label::Label;
use newslens::engine::mention::{Mention, Why};
use newslens::engine::span::Span;
use newslens::engine::tag::{tag, TagOptions};

fn meta(title: &str) -> ArticleMeta {
    ArticleMeta {
        id: "user-0123456789abcdef".into(),
        file: "story.txt".into(),
        title: title.into(),
        outlet: "The <Daily> \"Star\"".into(),
        section: None,
        standfirst: None,
        published: Some("2017-10-16".into()),
        url: Some("javascript:alert(1)".into()),
        certainty: "user".into(),
        evidence: String::new(),
    }
}

fn mention(text: &str, word: &str, label: Label, canonical: &str) -> Mention {
    let s = text.find(word).unwrap();
    Mention {
        span: Span::new(s, s + word.len()),
        label,
        canonical: canonical.into(),
        why: Why::new("user-correction", ""),
    }
}

#[test]
fn jsonl_is_the_cli_schema_with_code_point_offsets() {
    let text = "“Kirkuk” is in Iraq.";
    let ms = [mention(text, "Kirkuk", Label::Place, "Kirkuk")];
    let out = entities_jsonl(&[Annotated {
        name: "a.txt",
        text,
        mentions: &ms,
    }]);
    assert_eq!(
        out,
        "{\"file\":\"a.txt\",\"start\":1,\"end\":7,\"text\":\"Kirkuk\",\"label\":\"PLACE\",\"canonical\":\"Kirkuk\",\"why\":\"user-correction\"}\n"
    );
}

#[test]
fn jsonl_of_a_bundled_article_matches_the_tagger_line_by_line() {
    let article = &bundled().unwrap()[0];
    let options = TagOptions {
        published: article.meta.published.clone(),
    };
    let ms = tag(&article.text, &options);
    let out = entities_jsonl(&[Annotated {
        name: &article.meta.file,
        text: &article.text,
        mentions: &ms,
    }]);
    assert_eq!(out.lines().count(), ms.len());
    let chars: Vec<char> = article.text.chars().collect();
    for (line, m) in out.lines().zip(&ms) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let start = v["start"].as_u64().unwrap() as usize;
        let end = v["end"].as_u64().unwrap() as usize;
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            v["text"].as_str().unwrap()
        );
        assert_eq!(v["label"], m.label.as_str());
        assert_eq!(v["why"], m.why.to_string());
        assert!(line.starts_with(&format!("{{\"file\":\"{}\",\"start\":", article.meta.file)));
        // serde_json's map sorts keys; the raw line keeps the contract order.
        assert_eq!(keys.len(), 7);
    }
    let csv_out = entities_csv(&[Annotated {
        name: &article.meta.file,
        text: &article.text,
        mentions: &ms,
    }]);
    assert_eq!(
        csv_out.split("\r\n").filter(|l| !l.is_empty()).count(),
        ms.len() + 1
    );
}

#[test]
fn csv_cells_are_quoted_and_neutralised() {
    struct Case {
        cell: &'static str,
        expected: &'static str,
    }
    let cases = [
        Case {
            cell: "Kirkuk",
            expected: "Kirkuk",
        },
        Case {
            cell: "",
            expected: "",
        },
        Case {
            cell: "=HYPERLINK(\"http://evil\",\"x\")",
            expected: "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
        },
        Case {
            cell: "+1+cmd|' /C calc'!A0",
            expected: "\"'+1+cmd|' /C calc'!A0\"",
        },
        Case {
            cell: "-2+3",
            expected: "\"'-2+3\"",
        },
        Case {
            cell: "@SUM(A1)",
            expected: "\"'@SUM(A1)\"",
        },
        Case {
            cell: "\t=1",
            expected: "\"'\t=1\"",
        },
        Case {
            cell: "\r=1",
            expected: "\"'\r=1\"",
        },
        Case {
            cell: "a,b",
            expected: "\"a,b\"",
        },
        Case {
            cell: "say \"hi\"",
            expected: "\"say \"\"hi\"\"\"",
        },
        Case {
            cell: "two\nlines",
            expected: "\"two\nlines\"",
        },
        Case {
            cell: "a=b",
            expected: "a=b",
        },
        Case {
            cell: "é’",
            expected: "é’",
        },
    ];
    for case in cases {
        assert_eq!(csv_cell(case.cell), case.expected, "{:?}", case.cell);
    }
}

#[test]
fn entity_csv_has_header_crlf_and_safe_cells() {
    let text = "=cmd| said Kirkuk, \"ok\".";
    let ms = [
        mention(text, "=cmd|", Label::Org, "=cmd|"),
        mention(text, "Kirkuk", Label::Place, "-Kirkuk,\"x\""),
    ];
    let out = entities_csv(&[Annotated {
        name: "@evil.txt",
        text,
        mentions: &ms,
    }]);
    let expected = "article,start,end,text,label,canonical,why\r\n\
                    \"'@evil.txt\",0,5,\"'=cmd|\",ORG,\"'=cmd|\",user-correction\r\n\
                    \"'@evil.txt\",11,17,Kirkuk,PLACE,\"'-Kirkuk,\"\"x\"\"\",user-correction\r\n";
    assert_eq!(out, expected);
    assert_eq!(
        ENTITY_COLUMNS.join(","),
        "article,start,end,text,label,canonical,why"
    );
    // No cell of any row starts with a formula character.
    for line in out.split("\r\n") {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
}

#[test]
fn generic_csv_tables() {
    let out = csv(
        &["entity", "side"],
        vec![vec!["Kirkuk", "a"], vec!["=1", "both"]],
    );
    assert_eq!(out, "entity,side\r\nKirkuk,a\r\n\"'=1\",both\r\n");
    let empty = csv(&["x"], Vec::<Vec<String>>::new());
    assert_eq!(empty, "x\r\n");
}

#[test]
fn escape_html_covers_the_five_characters() {
    assert_eq!(escape_html("<>&\"'"), "&lt;&gt;&amp;&quot;&#39;");
    assert_eq!(escape_html("Kirkuk é"), "Kirkuk é");
}

/// Every `<` of the file opens one of the exporter's own elements, with only its own
/// attributes: any `<` from the article would have been escaped.
fn assert_only_own_markup(html: &str) {
    const TAGS: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "article", "header", "h1",
        "h2", "p", "mark", "aside", "section", "table", "tr", "th", "td", "footer",
    ];
    const ATTRS: &[&str] = &[
        "lang",
        "charset",
        "http-equiv",
        "content",
        "name",
        "data-article",
        "data-label",
        "data-canonical",
        "title",
        "data-boilerplate",
        "aria-label",
        "dir",
    ];
    // Skip the style sheet's body: CSS, not markup.
    let css_start = html.find("<style>").unwrap() + "<style>".len();
    let css_end = html.find("</style>").unwrap();
    let markup = format!("{}{}", &html[..css_start], &html[css_end..]);
    for piece in markup.split('<').skip(1) {
        let tag = &piece[..piece.find('>').expect("every tag is closed")];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '\n'])
            .next()
            .unwrap();
        assert!(TAGS.contains(&name), "foreign element <{tag}>");
        // Attribute values are quoted and cannot hold a quote: drop them, check the names.
        let names: String = tag.split('"').step_by(2).collect::<Vec<_>>().join(" ");
        for attr in names
            .split_whitespace()
            .skip(1)
            .filter_map(|a| a.strip_suffix('='))
        {
            assert!(ATTRS.contains(&attr), "foreign attribute {attr} in <{tag}>");
        }
        assert!(!tag.contains('\''), "single quotes in <{tag}>");
    }
}

#[test]
fn annotated_html_escapes_everything_and_runs_nothing() {
    let text = "A <script>alert(1)</script> headline\n\n\
                Forces entered Kirkuk & <img src=x onerror=alert(2)> met \"Abadi\" at <a href='javascript:alert(3)'>x</a>.\n\
                <svg onload=alert(4)><style>*{x:y}</style>\n\
                Sign up for our newsletter";
    let ms = vec![
        mention(
            text,
            "Kirkuk",
            Label::Place,
            "Kirkuk\"><script>alert(5)</script>",
        ),
        mention(text, "Abadi", Label::Person, "Haider al-Abadi"),
        // In the newsletter prompt: boilerplate, left unmarked.
        mention(text, "newsletter", Label::Org, "x"),
        // Not on a char boundary: ignored.
        Mention {
            span: Span::new(1000, 1001),
            label: Label::Org,
            canonical: "y".into(),
            why: Why::new("r", ""),
        },
    ];
    let html = annotated_html(&meta("A <script>alert(1)</script> headline"), text, &ms);
    let lower = html.to_lowercase();
    assert_only_own_markup(&html);
    // Only the exporter's own style element: the text's <style> is escaped.
    assert_eq!(lower.matches("<style").count(), 1);
    assert!(html.contains(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        escape_html(EXPORT_CSP)
    )));
    assert_eq!(EXPORT_CSP, "default-src 'none'; style-src 'unsafe-inline'");
    let csp_at = html.find("Content-Security-Policy").unwrap();
    assert!(csp_at < html.find("<title>").unwrap());
    assert!(html.contains("<title>A &lt;script&gt;alert(1)&lt;/script&gt; headline</title>"));
    assert!(html.contains("<h1>A &lt;script&gt;alert(1)&lt;/script&gt; headline</h1>"));
    assert!(
        html.contains("The &lt;Daily&gt; &quot;Star&quot; · 2017-10-16 · javascript:alert(1)</p>")
    );
    assert!(html.contains(
        "<mark data-label=\"PLACE\" data-canonical=\"Kirkuk&quot;&gt;&lt;script&gt;alert(5)&lt;/script&gt;\""
    ));
    assert!(html.contains(">Kirkuk</mark> &amp; &lt;img src=x onerror=alert(2)&gt; met &quot;<mark data-label=\"PERSON\" data-canonical=\"Haider al-Abadi\""));
    assert!(html.contains("&lt;svg onload=alert(4)&gt;&lt;style&gt;"));
    assert_eq!(html.matches("<mark ").count(), 2);
    // The title line is the heading, not repeated as a paragraph.
    assert_eq!(html.matches("headline</").count(), 2);
    // Boilerplate is set apart.
    let aside = html
        .find("<aside data-boilerplate=\"newsletter_promo\"")
        .unwrap();
    assert!(html[aside..].starts_with("<aside data-boilerplate=\"newsletter_promo\" aria-label=\"page furniture: newsletter prompt\">\n<p dir=\"auto\">Sign up for our newsletter</p>\n</aside>"));
    // An entity table follows, escaped too.
    assert!(html.contains("<tr><td>Kirkuk&quot;&gt;&lt;script&gt;alert(5)&lt;/script&gt;</td><td>PLACE</td><td>1</td></tr>"));
}

#[test]
fn annotated_html_of_bundled_articles_marks_every_mention_outside_boilerplate() {
    for article in bundled().unwrap() {
        let options = TagOptions {
            published: article.meta.published.clone(),
        };
        let ms = tag(&article.text, &options);
        let html = annotated_html(&article.meta, &article.text, &ms);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.ends_with("</html>\n"));
        let marks = html.matches("<mark ").count();
        assert!(
            marks > 10 && marks <= ms.len(),
            "{}: {marks} of {}",
            article.meta.id,
            ms.len()
        );
        assert!(
            html.contains("<aside data-boilerplate="),
            "{}",
            article.meta.id
        );
        assert_only_own_markup(&html);
    }
}

#[test]
fn mentions_with_spaces_at_a_paragraph_edge_do_not_break_the_export() {
    let text = "Title\n  Kirkuk fell.\nEnd";
    let ms = [Mention {
        span: Span::new(6, 14), // "  Kirkuk": starts in the line's indentation
        label: Label::Place,
        canonical: "Kirkuk".into(),
        why: Why::new("user-correction", ""),
    }];
    let html = annotated_html(&meta("Title"), text, &ms);
    assert!(html.contains("<p dir=\"auto\">Kirkuk fell.</p>"), "{html}");
}

#[test]
fn a_large_article_with_many_mentions_and_much_furniture_exports() {
    let mut text = String::from("Title\n");
    for i in 0..50_000 {
        text.push_str(&format!("Kirkuk item {i}\nAP Photo\n"));
    }
    let ms: Vec<Mention> = text
        .match_indices("Kirkuk")
        .enumerate()
        .map(|(i, (s, _))| Mention {
            span: Span::new(s, s + 6),
            label: Label::Place,
            canonical: format!("Kirkuk {i}").into(),
            why: Why::new("r", ""),
        })
        .collect();
    let html = annotated_html(&meta("Title"), &text, &ms);
    assert_eq!(html.matches("<mark ").count(), 50_000);
    assert_eq!(html.matches("<aside ").count(), 50_000);
    assert_eq!(html.matches("<tr><td>").count(), 50_000);
}
