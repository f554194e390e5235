//! What the entity tests share: the names in the sample article (assets/raqqa-news-ar.txt) that
//! the tagger and `sahifa json` must both find, and an article built from paragraphs, as the
//! tagger sees one.

use sahifa::document::{Block, Document, RichText, Section};

/// The people the sample article names.
pub const SAMPLE_PEOPLE: [&str; 5] = [
    "لافروف",
    "سيرغي لافروف",
    "جون كيري",
    "سيرغي كورالينكو",
    "يفغيني لوكيانوف",
];

/// The places the sample article names.
pub const SAMPLE_PLACES: [&str; 14] = [
    "موسكو",
    "واشنطن",
    "سوريا",
    "الرقة",
    "حلب",
    "دمشق",
    "الموصل",
    "داريا",
    "الغوطة الشرقية",
    "جبلة",
    "طرطوس",
    "تل أبيض",
    "عين عيسى",
    "اوزبكستان",
];

/// The organisations the sample article names.
pub const SAMPLE_ORGANIZATIONS: [&str; 7] = [
    "داعش",
    "التحالف الدولي",
    "قوات سوريا الديمقراطية",
    "جبهة النصرة",
    "المرصد السوري لحقوق الإنسان",
    "وكالة تاس",
    "وزارة الدفاع",
];

/// The date the sample article names.
pub const SAMPLE_DATE: &str = "27 فبراير";

/// A document of one untitled section whose blocks are `paragraphs`, in order.
pub fn paragraph_document<S: Into<String>>(paragraphs: impl IntoIterator<Item = S>) -> Document {
    Document {
        sections: vec![Section {
            heading: None,
            level: 1,
            blocks: paragraphs
                .into_iter()
                .map(|p| Block::Paragraph(RichText::plain(p)))
                .collect(),
        }],
        ..Document::default()
    }
}
