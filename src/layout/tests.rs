//! Behaviour of [`layout_paragraph`] as a whole, as plain strings. Width 17 (prime) so that
//! wrapping rarely lines up by accident.

use super::*;

fn lines(text: &str, options: &LayoutOptions) -> Vec<String> {
    layout_paragraph::<()>(text, &[], options)
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}

fn width(w: usize) -> LayoutOptions {
    LayoutOptions {
        width: Some(w),
        shape: false,
        ..LayoutOptions::default()
    }
}

#[test]
fn rtl_paragraph_wraps_in_reading_order() {
    // Logical lines "אבג דהו זחט יכל" and "מנס עפצ קרש", each reversed on its own, first one first.
    let text = "אבג דהו זחט יכל מנס עפצ קרש";
    assert_eq!(lines(text, &width(17)), ["לכי טחז והד גבא", "שרק צפע סנמ"]);
}

#[test]
fn numbers_and_latin_keep_their_order_inside_rtl() {
    assert_eq!(lines("שלום 123 abc", &width(40)), ["abc 123 םולש"]);
}

#[test]
fn brackets_mirror_in_rtl_runs_only() {
    assert_eq!(lines("אב (גד) x", &width(40)), ["x (דג) בא"]);
    assert_eq!(lines("a (b) c", &width(40)), ["a (b) c"]);
}

#[test]
fn combining_marks_stay_after_their_base_in_rtl() {
    assert_eq!(lines("שָׁל", &width(40)), ["לשָׁ"]);
}

#[test]
fn terminal_mode_keeps_logical_order() {
    let options = LayoutOptions {
        reorder: false,
        ..width(40)
    };
    assert_eq!(lines("אב (גד) x", &options), ["אב (גד) x"]);
}

#[test]
fn spaces_at_a_break_are_kept_in_the_range_but_not_shown() {
    let layout = layout_paragraph::<()>("abc   def", &[], &width(5));
    let texts: Vec<&str> = layout.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["abc", "def"]);
    assert_eq!(layout.lines[0].logical, 0..6);
    assert_eq!(layout.lines[1].logical, 6..9);
    assert_eq!(layout.lines[0].width, 3);
}

#[test]
fn without_a_width_nothing_is_hidden() {
    assert_eq!(lines("abc  ", &LayoutOptions::default()), ["abc  "]);
    // L1: trailing whitespace of an RTL paragraph goes to its (visual) left end.
    assert_eq!(lines("אב ", &LayoutOptions::default()), [" בא"]);
}

#[test]
fn shaping_happens_before_measuring() {
    let options = LayoutOptions {
        width: Some(3),
        ..LayoutOptions::default()
    };
    // Shaped لا is one cell: three ligatures fit in three cells.
    assert_eq!(layout_paragraph::<()>("لالالا", &[], &options).lines.len(), 1);
    let unshaped = LayoutOptions {
        shape: false,
        ..options
    };
    assert_eq!(layout_paragraph::<()>("لالالا", &[], &unshaped).lines.len(), 2);
}

#[test]
fn clusters_map_back_to_logical_bytes_and_tags() {
    let tags = [TagSpan {
        range: 0..4,
        tag: 1u8,
    }];
    let layout = layout_paragraph("אב cd", &tags, &width(40));
    let line = &layout.lines[0];
    assert_eq!(line.text, "cd בא");
    let map: Vec<(Range<usize>, u8)> = line
        .clusters
        .iter()
        .map(|c| (c.logical.clone(), c.tag))
        .collect();
    assert_eq!(map, [(5..6, 0), (6..7, 0), (4..5, 0), (2..4, 1), (0..2, 1)]);
    assert!(layout.rtl);
}

#[test]
fn empty_paragraph_is_one_empty_line() {
    let layout = layout_paragraph::<()>("", &[], &width(17));
    assert_eq!(layout.lines.len(), 1);
    assert_eq!(layout.lines[0].text, "");
}

fn unwrapped(text: &str) -> String {
    let options = LayoutOptions {
        shape: false,
        ..LayoutOptions::default()
    };
    lines(text, &options).concat()
}

#[test]
fn an_unshown_isolate_initiator_still_separates_runs() {
    // The unmatched LRI resolves to level 0 (X10: its sequence ends at the paragraph level), so
    // the isolate's content comes after the Arabic run, not inside it (as in ICU and FriBidi).
    assert_eq!(
        unwrapped("jzxDs AIrg ثعىذ\u{61C}\u{61C}\u{2066} -#+$€-. ه"),
        "jzxDs AIrg ذىعث -#+$€-. ه"
    );
}

#[test]
fn a_mark_after_a_control_keeps_the_space_before_it() {
    // The RLM after the space is strong: the space is not trailing whitespace (L1).
    assert_eq!(unwrapped("\u{2067} \u{301} صأ \u{61C} "), " أص  \u{301} ");
    assert_eq!(unwrapped("אב \u{200F}"), " בא");
    assert_eq!(unwrapped("ab \u{200F}"), "ab ");
}

#[test]
fn a_mark_right_after_a_bidi_control_sits_on_a_dotted_circle() {
    // Its level comes from the control (W1), not from the letter before the control.
    assert_eq!(unwrapped("ب\u{2068}\u{64E}"), "◌\u{64E}ب");
}

#[test]
fn every_invisible_character_shows_its_label_in_reveal_mode() {
    let invisible = [
        ('\u{202A}', "LRE"),
        ('\u{202B}', "RLE"),
        ('\u{202C}', "PDF"),
        ('\u{202D}', "LRO"),
        ('\u{202E}', "RLO"),
        ('\u{2066}', "LRI"),
        ('\u{2067}', "RLI"),
        ('\u{2068}', "FSI"),
        ('\u{2069}', "PDI"),
        ('\u{200E}', "LRM"),
        ('\u{200F}', "RLM"),
        ('\u{061C}', "ALM"),
        ('\u{200D}', "ZWJ"),
        ('\u{200C}', "ZWNJ"),
        ('\u{200B}', "ZWSP"),
        ('\u{2060}', "WJ"),
        ('\u{AD}', "SHY"),
        ('\u{FEFF}', "BOM"),
        ('\u{FE0F}', "VS16"),
        ('\u{E0100}', "VS17"),
        ('\u{E0041}', "A"),
        ('\u{E007F}', "TAG"),
    ];
    for (c, label) in invisible {
        for (w, expected) in [(17, label), (3, controls::NARROW_LABEL)] {
            let options = LayoutOptions {
                reveal: true,
                ..width(w)
            };
            let text = format!("ab{c}cd");
            let laid = layout_paragraph::<()>(&text, &[], &options);
            // One character a cell, all from the control's bytes.
            let label: String = laid
                .lines
                .iter()
                .flat_map(|l| {
                    l.clusters
                        .iter()
                        .filter(|c| c.revealed)
                        .inspect(|c| assert_eq!((c.logical.start, c.width), (2, 1)))
                        .map(|c| l.text.get(c.text.clone()).unwrap_or("?"))
                })
                .collect();
            assert_eq!(label, expected, "U+{:04X} at width {w}", c as u32);
            for line in &laid.lines {
                let cells: usize = line.clusters.iter().map(|c| c.width).sum();
                assert_eq!(cells, line.width, "{text:?}");
                assert!(line.width <= w, "{text:?} at width {w}: {}", line.text);
            }
        }
    }
}

#[test]
fn reveal_labels_stand_at_the_edges_of_what_they_open_and_close() {
    let options = LayoutOptions {
        reveal: true,
        shape: false,
        ..LayoutOptions::default()
    };
    let shown = |text: &str| lines(text, &options).concat();
    assert_eq!(
        shown("user \u{202E}nimda\u{202C} admin"),
        "user PDFadminRLO admin"
    );
    assert_eq!(shown("a \u{2067}שלום\u{2069} b"), "a RLIםולשPDI b");
}
