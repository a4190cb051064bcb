//! The HTML sanitiser on arbitrary text. Its output is checked by a reader written here, apart from
//! the sanitiser: only listed elements and attributes, every value double-quoted with no raw `"`,
//! `<` or `>`, links and images only to their schemes, styles without `url(`, escapes or comments,
//! no `<` or `>` in text; and sanitising the output again changes nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;
use overdue::notice::sanitize::sanitize_html;

const ELEMENTS: &[&str] = &[
    "a", "abbr", "address", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup", "dd", "del",
    "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "i", "img", "ins", "li", "main", "mark", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
];
const ATTRIBUTES: &[&str] = &[
    "class", "title", "lang", "dir", "align", "style", "href", "rel", "span", "width", "src", "alt", "height", "start",
    "type", "border", "cellpadding", "cellspacing", "colspan", "rowspan", "valign", "scope",
];

fn check(out: &str) {
    let b = out.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'>' => panic!("a raw > in text at {i}: {out:?}"),
            b'<' => {
                i += 1;
                let end_tag = b.get(i) == Some(&b'/');
                if end_tag {
                    i += 1;
                }
                let start = i;
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let name = &out[start..i];
                assert!(ELEMENTS.contains(&name), "element {name:?} in {out:?}");
                while !end_tag && b.get(i) == Some(&b' ') {
                    i += 1;
                    let s = i;
                    while i < b.len() && (b[i].is_ascii_lowercase() || b[i] == b'-') {
                        i += 1;
                    }
                    let attr = &out[s..i];
                    assert!(ATTRIBUTES.contains(&attr), "attribute {attr:?} in {out:?}");
                    assert_eq!(&out[i..i + 2], "=\"", "an unquoted value in {out:?}");
                    i += 2;
                    let v0 = i;
                    while i < b.len() && b[i] != b'"' {
                        assert!(b[i] != b'<' && b[i] != b'>', "a raw < or > in a value: {out:?}");
                        i += 1;
                    }
                    let value = out[v0..i].to_ascii_lowercase();
                    i += 1;
                    match attr {
                        "href" => assert!(["http:", "https:", "mailto:", "tel:", "#"].iter().any(|p| value.starts_with(p)), "href {value:?}"),
                        "src" => assert!(value.starts_with("https:"), "src {value:?}"),
                        "style" => assert!(!value.contains("url(") && !value.contains('\\') && !value.contains("/*") && !value.contains("expression"), "style {value:?}"),
                        "rel" => assert_eq!(value, "noopener noreferrer"),
                        _ => {}
                    }
                }
                assert_eq!(b.get(i), Some(&b'>'), "a tag not closed at once in {out:?}");
                i += 1;
            }
            _ => i += 1,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let out = sanitize_html(text);
    check(&out);
    assert_eq!(sanitize_html(&out), out, "not canonical: {text:?}");
});
