//! The entity tagger: people, places, organisations, dates, numbers and quotations in Arabic
//! (with Persian and Urdu), Hebrew and English text. Rule-based, offline, no model.
//!
//! How a text is tagged:
//! 1. The text is folded ([`crate::fold`]): harakat, tatweel, niqqud and bidi controls dropped,
//!    letter variants merged, digits made ASCII, Latin lower-cased. Everything below works on
//!    the folded text and maps back at the end.
//! 2. It is cut into words and then units ([`units`]): at each word, the longest known phrase
//!    from the gazetteers ([`gazetteer`], compiled into one Aho-Corasick automaton, [`lexicon`])
//!    that ends on a word end, looked up on the whole word first and then with its attached
//!    prefixes cut ([`clitics`]): وواشنطن → واشنطن, بالرقة → الرقة, للتحالف → التحالف,
//!    בירושלים → ירושלים, while لافروف, لندن and בנימין stay whole.
//! 3. Candidates come from the lists, from context rules ([`context`]: titles, head nouns,
//!    place nouns, given names, capitalised Latin runs) and from patterns ([`patterns`]:
//!    numbers, dates, quotations).
//! 4. Overlaps are resolved ([`resolve`]): the longest span wins, then the surer rule; names the
//!    user declared always win. Quotations may contain other mentions and are reported along
//!    with them (nested); no other two mentions overlap.
//!    An organisation's short name in brackets after it is that organisation too ([`aliases`]).
//! 5. Family names of people found are carried through the text (and, for a document, through
//!    all its blocks): after سيرغي كورالينكو, a later كورالينكو alone is a person; so is the
//!    name a head noun introduced: after חברת וויקס, a later וויקס alone is an organisation.
//!
//! Mention offsets are characters of the original text; a mention's text excludes attached
//! clitics (للتحالف gives التحالف, with the article's alef put back).
//!
//! Use:
//! ```
//! use sahifa::analyse::entities::Tagger;
//! use sahifa::document::EntityKind;
//!
//! let tagger = Tagger::new(&[]);
//! let found = tagger.tag_text("أعلن وزير الخارجية الروسي سيرغي لافروف في موسكو");
//! assert!(found.iter().any(|m| m.text == "سيرغي لافروف" && m.kind == EntityKind::Person));
//! assert!(found.iter().any(|m| m.text == "موسكو" && m.kind == EntityKind::Place));
//! ```
//!
//! Users add names in `$XDG_CONFIG_HOME/sahifa/gazetteer.tsv` ([`read_user_gazetteer`],
//! `name TAB person|place|organization` lines) and articles in their front matter
//! ([`Document::declared_entities`], applied by [`Tagger::tag_document`]).

pub mod aliases;
pub mod arabic_forms;
pub mod arabic_names;
pub mod clitics;
pub mod context;
pub mod demonyms;
pub mod descriptions;
#[cfg(test)]
mod examples;
pub mod features;
pub mod gazetteer;
pub mod hebrew_appositions;
pub mod hebrew_companies;
pub mod hebrew_verbs;
pub mod latin_names;
pub mod lexicon;
pub mod name_pairs;
pub mod patterns;
pub mod persian_names;
pub mod persian_orgs;
pub mod ports;
pub mod resolve;
pub mod text;
pub mod units;
pub mod urdu_acronyms;

use rustc_hash::FxHashSet;

pub use gazetteer::{read_user_gazetteer, user_gazetteer_path};

use crate::document::{Block, Document, Entity, EntityKind};
use lexicon::Lexicon;
use text::{Analysis, Candidate, Text};
use units::Lexicons;

/// One mention in a text: `start..end` are character offsets, `text` the mention without
/// attached clitics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub text: String,
}

/// The compiled gazetteers; build once, tag many texts.
#[derive(Debug, Clone)]
pub struct Tagger {
    lexicon: Lexicon,
    /// The buffers the last text was analysed in, filled again by the next.
    spare: Spare,
}

/// An analysis's buffers kept between texts (a text's analysis is some fifteen times its
/// size; memory asked afresh for each text costs a seventh of tagging in page faults). A
/// clone starts without; a tagger used from several threads at once gives it to one.
#[derive(Default)]
struct Spare(std::sync::Mutex<Option<(Analysis, Vec<Candidate>)>>);

impl Spare {
    fn take(&self) -> (Analysis, Vec<Candidate>) {
        self.0
            .try_lock()
            .ok()
            .and_then(|mut spare| spare.take())
            .unwrap_or_default()
    }

    fn keep(&self, analysis: Analysis, mut candidates: Vec<Candidate>) {
        candidates.clear();
        if let Ok(mut spare) = self.0.try_lock() {
            *spare = Some((analysis, candidates));
        }
    }
}

impl Clone for Spare {
    fn clone(&self) -> Spare {
        Spare::default()
    }
}

impl std::fmt::Debug for Spare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Spare")
    }
}

/// How much of a document's analysis [`Tagger::entities`] keeps between its two passes, in
/// bytes of memory: the blocks past it are analysed again in the second pass. An article of
/// some 250 KB of text fits; a big one costs no more than a few megabytes for it.
const KEPT_ANALYSES: usize = 4 << 20;

impl Tagger {
    /// Builds the automaton from the built-in lists plus `user` names (the user gazetteer),
    /// which win over the built-in types.
    pub fn new(user: &[(String, EntityKind)]) -> Tagger {
        let mut entries = gazetteer::built_in();
        entries.extend(gazetteer::user_entries(user));
        Tagger {
            lexicon: Lexicon::build(&entries),
            spare: Spare::default(),
        }
    }

    /// The number of distinct phrases the tagger knows.
    pub fn phrases(&self) -> usize {
        self.lexicon.len()
    }

    /// The mentions in `text`, sorted by start (a quotation before the mentions inside it).
    pub fn tag_text(&self, text: &str) -> Vec<Mention> {
        let lexicons = Lexicons {
            main: &self.lexicon,
            extra: None,
        };
        let (analysis, candidates) = self.spare.take();
        let t = Text::reusing(text, lexicons, analysis);
        let mut chosen = choose(&t, candidates);
        let mut known = Known::default();
        known.gather(&t, &chosen);
        carry(&t, &known, &mut chosen);
        let mentions = resolve::mentions(&t, &chosen);
        self.spare.keep(t.into_analysis(), chosen);
        mentions
    }

    /// The entities of every block of `doc` except code, with the names it declares in its
    /// front matter added to the lists and people's family names carried across blocks.
    pub fn tag_document(&self, doc: &Document) -> Vec<Entity> {
        self.entities(doc).collect()
    }

    /// [`Tagger::tag_document`] as an iterator: the candidates of every block are chosen
    /// first (a people's names are carried across blocks), then each block's entities are made
    /// as the iterator reaches it, so a writer can stream them without holding them all.
    pub fn entities<'d>(&'d self, doc: &'d Document) -> impl Iterator<Item = Entity> + 'd {
        let declared = (!doc.declared_entities.is_empty())
            .then(|| Lexicon::build(&gazetteer::user_entries(&doc.declared_entities)));
        // Prose blocks (code is not prose: names in it are identifiers), in document order.
        let blocks = move || {
            doc.sections.iter().enumerate().flat_map(|(s, section)| {
                section
                    .blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, block)| !matches!(block, Block::Code { .. }))
                    .map(move |(b, block)| (s, b, block))
            })
        };
        // Two passes: the first chooses each block's candidates and gathers the people named
        // anywhere, the second carries those names to bare mentions. A block's analysis
        // (folded text, words) is some fifteen times its text: kept for the second pass up to
        // a bound, past it made again there rather than held for a whole big article.
        let mut known = Known::default();
        let lexicons = Lexicons {
            main: &self.lexicon,
            extra: declared.as_ref(),
        };
        let mut chosen = Chosen::default();
        let mut kept: Vec<Option<Analysis>> = Vec::new();
        let mut kept_size = 0;
        let (mut spare, mut found) = self.spare.take();
        for (_, _, block) in blocks() {
            let text = block.plain_text();
            let t = Text::reusing(&text, lexicons, std::mem::take(&mut spare));
            found = choose(&t, std::mem::take(&mut found));
            known.gather(&t, &found);
            chosen.push(&found);
            found.clear();
            let analysis = t.into_analysis();
            let size = analysis.size();
            if kept_size + size <= KEPT_ANALYSES {
                kept_size += size;
                kept.push(Some(analysis));
            } else {
                kept.push(None);
                spare = analysis;
            }
        }
        chosen.shrink_to_fit();
        blocks()
            .enumerate()
            .flat_map(move |(i, (section, block, b))| {
                let analysis = kept.get_mut(i).and_then(Option::take);
                let mut chosen = chosen.of(i);
                if chosen.is_empty() && known.is_empty() {
                    return Vec::new();
                }
                let lexicons = Lexicons {
                    main: &self.lexicon,
                    extra: declared.as_ref(),
                };
                let text = b.plain_text();
                let t = match analysis {
                    Some(analysis) => Text::again(&text, analysis),
                    None => Text::reusing(&text, lexicons, std::mem::take(&mut spare)),
                };
                carry(&t, &known, &mut chosen);
                let mentions = resolve::mentions(&t, &chosen);
                let analysis = t.into_analysis();
                if analysis.size() > spare.size() {
                    spare = analysis;
                }
                mentions
                    .into_iter()
                    .map(|m| Entity {
                        text: m.text,
                        kind: m.kind,
                        section,
                        block,
                        start: m.start,
                        end: m.end,
                    })
                    .collect()
            })
    }
}

/// The candidates chosen in every block, kept between the tagger's two passes: packed (twelve
/// bytes each, one table for all blocks), since a big article has millions.
#[derive(Default)]
struct Chosen {
    candidates: Vec<Packed>,
    /// Where each block's candidates end in `candidates`.
    ends: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Packed {
    start: u32,
    end: u32,
    kind: EntityKind,
    rank: u8,
    elided: bool,
}

impl Chosen {
    fn push(&mut self, found: &[Candidate]) {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.candidates.extend(found.iter().map(|c| Packed {
            start: small(c.start),
            end: small(c.end),
            kind: c.kind,
            rank: c.rank,
            elided: c.elided,
        }));
        self.ends.push(small(self.candidates.len()));
    }

    fn shrink_to_fit(&mut self) {
        self.candidates.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// The candidates of block `i` (in the order blocks were pushed).
    fn of(&self, i: usize) -> Vec<Candidate> {
        let start = i.checked_sub(1).and_then(|p| self.ends.get(p)).copied();
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        let start = start.unwrap_or(0) as usize;
        let packed = self.candidates.get(start..end).unwrap_or_default();
        packed
            .iter()
            .map(|p| Candidate {
                start: p.start as usize,
                end: p.end as usize,
                kind: p.kind,
                rank: p.rank,
                elided: p.elided,
            })
            .collect()
    }
}

/// The names a text has introduced, which it may go on to use alone (folded forms).
#[derive(Default)]
struct Known {
    people: FxHashSet<String>,
    organizations: FxHashSet<String>,
    places: FxHashSet<String>,
}

impl Known {
    fn gather(&mut self, t: &Text<'_>, chosen: &[Candidate]) {
        resolve::people(t, chosen, &mut self.people);
        resolve::organizations(t, chosen, &mut self.organizations);
        resolve::places(t, chosen, &mut self.places);
    }

    fn is_empty(&self) -> bool {
        self.people.is_empty() && self.organizations.is_empty() && self.places.is_empty()
    }
}

/// People's family names, then organisations' and places' names, carried through a text;
/// then names listed with places.
fn carry(t: &Text<'_>, known: &Known, chosen: &mut Vec<Candidate>) {
    resolve::carry_people(t, &known.people, chosen);
    // Persian and Urdu have no article: any noun after a head looks like a name there. An
    // English text quoting a Persian word is English.
    if !known.organizations.is_empty() && (!t.persian || !t.rtl()) {
        resolve::carry(t, &known.organizations, EntityKind::Organization, chosen);
    }
    resolve::carry(t, &known.places, EntityKind::Place, chosen);
    // After the carried names: a place named earlier counts in a list (القصيم والأحساء).
    arabic_names::listed_places(t, chosen);
    // A carried name may have its native form in brackets after it: Tractor (تراکتور).
    aliases::aliases(t, chosen);
}

/// The candidates of `t`, resolved, in the memory of `candidates` (emptied).
fn choose(t: &Text<'_>, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.clear();
    context::candidates(t, &mut candidates);
    patterns::numbers_and_dates(t, &mut candidates);
    patterns::quotes(t, &mut candidates);
    let mut chosen = resolve::resolve(candidates);
    aliases::aliases(t, &mut chosen);
    arabic_forms::nisba_after_organization(t, &mut chosen);
    chosen
}
