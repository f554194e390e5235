//! Theme files (TOML): an optional `name`, an optional `base` (a built-in theme to patch over,
//! default `dark`), and a `[styles]` table. Each style is a table of `fg`, `bg` (a colour name
//! such as `light-blue` or `#rrggbb`) and `modifiers` (`bold`, `dim`, `italic`, `underline`,
//! `reversed`, `crossed-out`). Dotted names may be quoted (`"entity.person" = {…}`) or nested
//! (`[styles.entity] person = {…}`). Anything unknown is an error, so typos do not pass silently.
//!
//! `page` is the paper and its default ink; `body` is body text, laid over the page like every
//! other meaning. Older files had no `page` and their `body` was the page, so a file that names
//! `body` but not `page` still means that: its `body` is read as `page`, and body text keeps the
//! base theme's style.

use super::{StyleKey, Theme};
use ratatui::style::{Color, Modifier, Style};
use toml::{Table, Value};

/// A user theme: its `base` (or the default) with the file's styles patched over it.
pub(super) fn load(text: &str, name: &str) -> Result<Theme, String> {
    let table = parse(text)?;
    let base = match table.get("base") {
        None => Theme::default(),
        Some(Value::String(base)) => {
            Theme::builtin(base).ok_or_else(|| format!("base: no built-in theme named `{base}`"))?
        }
        Some(_) => return Err("base: expected the name of a built-in theme".into()),
    };
    apply(base, &table, name)
}

/// `theme` with the styles of `text` patched over it.
pub(super) fn patch(theme: Theme, text: &str, name: &str) -> Result<Theme, String> {
    apply(theme, &parse(text)?, name)
}

fn parse(text: &str) -> Result<Table, String> {
    toml::from_str::<Table>(text).map_err(|e| {
        let line = e
            .span()
            .map(|span| text.get(..span.start).unwrap_or("").lines().count().max(1));
        match line {
            Some(line) => format!("line {line}: {}", e.message()),
            None => e.message().to_owned(),
        }
    })
}

fn apply(mut theme: Theme, table: &Table, name: &str) -> Result<Theme, String> {
    theme.name = name.to_owned();
    let base_body = theme.style(StyleKey::Body);
    let mut named = Vec::new();
    for (key, value) in table {
        match (key.as_str(), value) {
            ("name", Value::String(n)) => theme.name = n.clone(),
            ("base", Value::String(_)) => {}
            ("styles", Value::Table(styles)) => walk("", styles, &mut theme, &mut named)?,
            ("name" | "base" | "styles", _) => return Err(format!("{key}: wrong kind of value")),
            _ => return Err(format!("unknown key `{key}` (expected name, base, styles)")),
        }
    }
    if named.contains(&StyleKey::Body) && !named.contains(&StyleKey::Page) {
        // An older file: its `body` was the page.
        theme.set(StyleKey::Page, theme.style(StyleKey::Body));
        theme.set(StyleKey::Body, base_body);
    }
    Ok(theme)
}

/// Sets the styles of `table` (under the dotted `prefix`) in `theme`, recording their keys in
/// `named`.
fn walk(
    prefix: &str,
    table: &Table,
    theme: &mut Theme,
    named: &mut Vec<StyleKey>,
) -> Result<(), String> {
    let mut style = None;
    for (key, value) in table {
        match key.as_str() {
            "fg" | "bg" | "modifiers" if !prefix.is_empty() => {
                let s: &mut Style = style.get_or_insert_with(Style::default);
                set_field(s, key, value).map_err(|e| format!("{prefix}.{key}: {e}"))?;
            }
            _ => {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                match value {
                    Value::Table(inner) => walk(&name, inner, theme, named)?,
                    _ => {
                        return Err(format!(
                            "{name}: expected a table such as {{ fg = \"red\", modifiers = [\"bold\"] }}"
                        ));
                    }
                }
            }
        }
    }
    let key = StyleKey::from_name(prefix);
    match (key, style) {
        (Some(key), style) => {
            theme.set(key, style.unwrap_or_default());
            named.push(key);
        }
        (None, Some(_)) => return Err(format!("unknown style `{prefix}`")),
        // A group such as `[styles.entity]` that only holds other styles.
        (None, None) if !table.is_empty() => {}
        (None, None) => return Err(format!("unknown style `{prefix}`")),
    }
    Ok(())
}

fn set_field(style: &mut Style, key: &str, value: &Value) -> Result<(), String> {
    match key {
        "fg" => style.fg = Some(color(value)?),
        "bg" => style.bg = Some(color(value)?),
        _ => {
            let names: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                single => vec![single],
            };
            for name in names {
                let Value::String(name) = name else {
                    return Err("expected modifier names".into());
                };
                style.add_modifier |= modifier(name)?;
            }
        }
    }
    Ok(())
}

fn color(value: &Value) -> Result<Color, String> {
    let Value::String(s) = value else {
        return Err("expected a colour name or \"#rrggbb\"".into());
    };
    if s == "default" {
        return Ok(Color::Reset);
    }
    s.parse()
        .map_err(|_| format!("`{s}` is not a colour (a name such as light-blue, or #rrggbb)"))
}

fn modifier(name: &str) -> Result<Modifier, String> {
    Ok(match name {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underline" | "underlined" => Modifier::UNDERLINED,
        "reversed" | "reverse" => Modifier::REVERSED,
        "crossed-out" => Modifier::CROSSED_OUT,
        _ => {
            return Err(format!(
                "`{name}` is not a modifier (bold, dim, italic, underline, reversed, crossed-out)"
            ));
        }
    })
}
