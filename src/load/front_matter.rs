//! Front matter at the top of a Markdown article: YAML between `---` lines or TOML between
//! `+++` lines.
//!
//! Keys read: `title`, `subtitle`, `author` (a string or a list), `date`, `lang` (or
//! `language`), `dir` (`rtl`/`ltr`), `source` (or `url`), and `entities`: a mapping from an
//! entity type (`person`, `place`, `organization`, `date`, `number`, `quote`, singular or
//! plural) to a list of names. Other keys are ignored; front matter that does not parse is
//! left in the text, as CommonMark would show it.

use crate::document::{Direction, EntityKind};

/// What the front matter declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<Direction>,
    pub source: Option<String>,
    pub entities: Vec<(String, EntityKind)>,
}

/// A format-neutral view of the few value shapes front matter uses.
enum Value {
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    Other,
}

impl Value {
    fn text(&self) -> Option<String> {
        match self {
            Value::Text(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
            Value::List(items) => {
                let parts: Vec<String> = items.iter().filter_map(Value::text).collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }
            _ => None,
        }
    }
}

/// Splits front matter off `text`: what it declares and the Markdown body after it.
pub fn split(text: &str) -> (FrontMatter, &str) {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    for (fence, parse) in [
        ("---", parse_yaml as fn(&str) -> Option<Value>),
        ("+++", parse_toml),
    ] {
        if let Some((raw, body)) = fenced(text, fence)
            && let Some(Value::Map(entries)) = parse(raw)
        {
            return (from_entries(entries), body);
        }
    }
    (FrontMatter::default(), text)
}

/// The text between an opening fence line and the next closing fence line, and the rest.
fn fenced<'a>(text: &'a str, fence: &str) -> Option<(&'a str, &'a str)> {
    let first_end = text.find('\n')?;
    if text.get(..first_end)?.trim_end() != fence {
        return None;
    }
    let rest = text.get(first_end + 1..)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            return Some((rest.get(..offset)?, rest.get(offset + line.len()..)?));
        }
        offset += line.len();
    }
    None
}

fn parse_yaml(raw: &str) -> Option<Value> {
    let docs = yaml_rust2::YamlLoader::load_from_str(raw).ok()?;
    docs.first().map(from_yaml)
}

fn from_yaml(yaml: &yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match yaml {
        Yaml::String(s) | Yaml::Real(s) => Value::Text(s.clone()),
        Yaml::Integer(i) => Value::Text(i.to_string()),
        Yaml::Boolean(b) => Value::Text(b.to_string()),
        Yaml::Array(items) => Value::List(items.iter().map(from_yaml).collect()),
        Yaml::Hash(map) => Value::Map(
            map.iter()
                .filter_map(|(k, v)| Some((from_yaml(k).text()?, from_yaml(v))))
                .collect(),
        ),
        _ => Value::Other,
    }
}

fn parse_toml(raw: &str) -> Option<Value> {
    let table: toml::Table = raw.parse().ok()?;
    Some(from_toml(&toml::Value::Table(table)))
}

fn from_toml(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::Text(s.clone()),
        toml::Value::Array(items) => Value::List(items.iter().map(from_toml).collect()),
        toml::Value::Table(table) => Value::Map(
            table
                .iter()
                .map(|(k, v)| (k.clone(), from_toml(v)))
                .collect(),
        ),
        toml::Value::Datetime(d) => Value::Text(d.to_string()),
        toml::Value::Integer(i) => Value::Text(i.to_string()),
        toml::Value::Float(f) => Value::Text(f.to_string()),
        toml::Value::Boolean(b) => Value::Text(b.to_string()),
    }
}

fn from_entries(entries: Vec<(String, Value)>) -> FrontMatter {
    let mut fm = FrontMatter::default();
    for (key, value) in entries {
        match key.to_ascii_lowercase().as_str() {
            "title" => fm.title = value.text(),
            "subtitle" => fm.subtitle = value.text(),
            "author" | "authors" => fm.author = value.text(),
            "date" => fm.date = value.text(),
            "lang" | "language" => fm.lang = value.text(),
            "dir" | "direction" => {
                fm.dir = match value
                    .text()
                    .as_deref()
                    .map(str::to_ascii_lowercase)
                    .as_deref()
                {
                    Some("rtl") => Some(Direction::Rtl),
                    Some("ltr") => Some(Direction::Ltr),
                    _ => None,
                }
            }
            "source" | "url" => fm.source = value.text(),
            "entities" => fm.entities = entities(value),
            _ => {}
        }
    }
    fm
}

fn entities(value: Value) -> Vec<(String, EntityKind)> {
    let Value::Map(kinds) = value else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (kind, names) in kinds {
        let Some(kind) = entity_kind(&kind) else {
            continue;
        };
        let names = match names {
            Value::List(items) => items,
            single => vec![single],
        };
        out.extend(names.iter().filter_map(Value::text).map(|n| (n, kind)));
    }
    out
}

fn entity_kind(name: &str) -> Option<EntityKind> {
    let name = name.to_ascii_lowercase();
    let singular = name.strip_suffix('s').unwrap_or(&name);
    match singular {
        "person" | "people" => Some(EntityKind::Person),
        "place" | "location" => Some(EntityKind::Place),
        "organization" | "organisation" | "org" => Some(EntityKind::Organization),
        "date" => Some(EntityKind::Date),
        "number" => Some(EntityKind::Number),
        "quote" => Some(EntityKind::Quote),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_read_and_cut() {
        let text = "---\ntitle: عنوان\nauthor: [سلمى, Omar]\ndate: 2024-03-05\ndir: rtl\nentities:\n  person: [سلمى الحسن]\n  places:\n    - الخرطوم\n---\n# Body\n";
        let (fm, body) = split(text);
        assert_eq!(fm.title.as_deref(), Some("عنوان"));
        assert_eq!(fm.author.as_deref(), Some("سلمى, Omar"));
        assert_eq!(fm.date.as_deref(), Some("2024-03-05"));
        assert_eq!(fm.dir, Some(Direction::Rtl));
        assert_eq!(
            fm.entities,
            [
                ("سلمى الحسن".to_owned(), EntityKind::Person),
                ("الخرطوم".to_owned(), EntityKind::Place)
            ]
        );
        assert_eq!(body, "# Body\n");
    }

    #[test]
    fn toml_front_matter_is_read_and_cut() {
        let (fm, body) =
            split("+++\ntitle = \"כותרת\"\nlang = \"he\"\ndate = 2023-11-02\n+++\ntext\n");
        assert_eq!(fm.title.as_deref(), Some("כותרת"));
        assert_eq!(fm.lang.as_deref(), Some("he"));
        assert_eq!(fm.date.as_deref(), Some("2023-11-02"));
        assert_eq!(body, "text\n");
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        let text = "Para one\n\n---\n\nPara two\n";
        assert_eq!(split(text), (FrontMatter::default(), text));
        let unclosed = "---\ntitle: x\n";
        assert_eq!(split(unclosed).1, unclosed);
    }
}
