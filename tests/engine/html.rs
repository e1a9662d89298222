//! The HTML-to-text reducer.

use newslens::engine::html::{decode, to_text};

struct Case {
    name: &'static str,
    html: &'static str,
    expected: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "paragraphs",
        html: "<p>One</p><p>Two</p>",
        expected: "One\n\nTwo",
    },
    Case {
        name: "script and style",
        html: "<script>var a = '<p>';</script><style>p{}</style><p>Text</p>",
        expected: "Text",
    },
    Case {
        name: "nav header footer aside",
        html: "<nav>Menu</nav><header>H</header><p>Body</p><aside>Ad</aside><footer>F</footer>",
        expected: "Body",
    },
    Case {
        name: "comment",
        html: "<p>A<!-- hidden <p>x</p> -->B</p>",
        expected: "AB",
    },
    Case {
        name: "entities",
        html: "<p>Kurds &amp; Arabs &#8217; &#x201C;q&#x201D; &eacute; &bogus; &</p>",
        expected: "Kurds & Arabs ’ “q” é &bogus; &",
    },
    Case {
        name: "nbsp kept",
        html: "<p>spokesman&nbsp;Dujarric</p>",
        expected: "spokesman\u{a0}Dujarric",
    },
    Case {
        name: "inline tags join",
        html: "<p>Kir<b>kuk</b> <i>city</i></p>",
        expected: "Kirkuk city",
    },
    Case {
        name: "whitespace collapses",
        html: "<p>a\n   b\t c</p>",
        expected: "a b c",
    },
    Case {
        name: "br",
        html: "<p>a<br>b<br/>c</p>",
        expected: "a\n\nb\n\nc",
    },
    Case {
        name: "unclosed tag",
        html: "<p>text <b",
        expected: "text",
    },
    Case {
        name: "unclosed script",
        html: "<p>x</p><script>never closed",
        expected: "x",
    },
    Case {
        name: "unclosed comment",
        html: "<p>x</p><!-- never",
        expected: "x",
    },
    Case {
        name: "nested nav",
        html: "<nav><nav>a</nav>b</nav><p>c</p>",
        expected: "c",
    },
    Case {
        name: "empty",
        html: "",
        expected: "",
    },
    Case {
        name: "bare less-than is text",
        html: "<p>Prices a < b and c > d, more text</p>",
        expected: "Prices a < b and c > d, more text",
    },
    Case {
        name: "less-than before a digit is text",
        html: "<p>I <3 Kirkuk</p><p>x<1 and a <</p>",
        expected: "I <3 Kirkuk\n\nx<1 and a <",
    },
    Case {
        name: "greater-than inside a quoted attribute",
        html: "<p><img alt=\"a>b\" src=x>Text after</p>",
        expected: "Text after",
    },
    Case {
        name: "greater-than inside a single-quoted attribute",
        html: "<p><a title = 'x > y' href=\"/a>b\">link</a> end</p>",
        expected: "link end",
    },
    Case {
        name: "unterminated quote falls back to the first greater-than",
        html: "<p><img alt=\"a>Text</p>",
        expected: "Text",
    },
    Case {
        name: "quoted greater-than inside a dropped element",
        html: "<nav data-x=\"</nav>\"><a title=\"1>0\">Menu</a></nav><p>Body</p>",
        expected: "Body",
    },
    Case {
        name: "script keeps its quotes to itself",
        html: "<script>if (a<b) { x = \"1>0\"; }</script><p>After</p>",
        expected: "After",
    },
];

#[test]
fn html_table() {
    for c in CASES {
        assert_eq!(to_text(c.html), c.expected, "case {}", c.name);
    }
}

#[test]
fn decode_leaves_plain_text_alone() {
    assert!(matches!(
        decode("no entities"),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(
        decode("&#0; &#xD800; &#99999999;"),
        "&#0; &#xD800; &#99999999;"
    );
}
