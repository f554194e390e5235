use super::*;
use ratatui::style::Modifier;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A theme file in the temp dir, removed on drop.
struct TempTheme(PathBuf);

impl TempTheme {
    fn spec(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for TempTheme {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn theme_file(text: &str) -> TempTheme {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let name = format!("sahifa-theme-{}-{n}.toml", std::process::id());
    let path = std::env::temp_dir().join(name);
    std::fs::write(&path, text).expect("write temp theme");
    TempTheme(path)
}

#[test]
fn every_builtin_theme_parses_and_names_every_page_role() {
    for name in BUILTIN {
        let text = match name {
            "dark" => DARK,
            "light" => LIGHT,
            _ => HIGH_CONTRAST,
        };
        let base = Theme {
            name: String::new(),
            styles: vec![Style::default(); StyleKey::ALL.len()],
        };
        let theme = file::patch(base, text, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(theme.name, name);
        assert!(Theme::builtin(name).is_some());
    }
    let dark = Theme::default();
    for key in [
        StyleKey::Page,
        StyleKey::Title,
        StyleKey::Heading,
        StyleKey::CalloutValue,
        StyleKey::SearchMatch,
        StyleKey::EntityPerson,
        StyleKey::Status,
        StyleKey::StatusMode,
    ] {
        assert_ne!(dark.style(key), Style::default(), "{} unstyled", key.name());
    }
}

#[test]
fn style_names_round_trip() {
    for key in StyleKey::ALL {
        assert_eq!(StyleKey::from_name(key.name()), Some(*key));
    }
    assert_eq!(StyleKey::from_name("entity.unknown"), None);
}

#[test]
fn a_file_patches_only_the_styles_it_names() {
    let file = theme_file(
        "[styles]\nheading = { fg = \"#102030\", modifiers = [\"underline\"] }\n\
         [styles.entity]\nperson = { fg = \"red\" }\n",
    );
    let theme = Theme::load(&file.spec()).expect("theme loads");
    let heading = theme.style(StyleKey::Heading);
    assert_eq!(heading.fg, Some(Color::Rgb(0x10, 0x20, 0x30)));
    assert!(heading.add_modifier.contains(Modifier::UNDERLINED));
    assert_eq!(theme.style(StyleKey::EntityPerson).fg, Some(Color::Red));
    let dark = Theme::default();
    assert_eq!(theme.style(StyleKey::Title), dark.style(StyleKey::Title));
    assert_ne!(heading, dark.style(StyleKey::Heading));
}

#[test]
fn a_file_can_patch_over_another_builtin() {
    let file = theme_file("base = \"light\"\n[styles]\nrule = { fg = \"green\" }\n");
    let theme = Theme::load(&file.spec()).expect("theme loads");
    let light = Theme::builtin("light").expect("light");
    assert_eq!(theme.style(StyleKey::Title), light.style(StyleKey::Title));
    assert_eq!(theme.style(StyleKey::Rule).fg, Some(Color::Green));
}

#[test]
fn a_bad_theme_is_reported_with_its_file_and_the_default_is_used() {
    let cases = [
        (
            "[styles]\nheadng = { fg = \"red\" }\n",
            "unknown style `headng`",
        ),
        (
            "[styles]\ntitle = { fg = \"reddish\" }\n",
            "`reddish` is not a colour",
        ),
        (
            "[styles]\ntitle = { modifiers = [\"blink\"] }\n",
            "`blink` is not a modifier",
        ),
        ("[styles\n", "line 1"),
        ("colour = 1\n", "unknown key `colour`"),
    ];
    for (text, expected) in cases {
        let file = theme_file(text);
        let (theme, error) = Theme::resolve(Some(&file.spec()));
        let error = error.unwrap_or_else(|| panic!("{text:?} accepted"));
        let message = error.to_string();
        assert!(message.contains(&file.spec()), "{message}");
        assert!(message.contains(expected), "{message}");
        assert_eq!(theme, Theme::default());
    }
    let (_, error) = Theme::resolve(Some("/no/such/theme.toml"));
    assert!(error.is_some_and(|e| e.to_string().contains("/no/such/theme.toml")));
}

#[test]
fn builtin_themes_cycle_in_order() {
    let mut theme = Theme::default();
    let mut seen = Vec::new();
    for _ in 0..BUILTIN.len() + 1 {
        seen.push(theme.name.clone());
        theme = theme.next_builtin();
    }
    assert_eq!(seen, ["dark", "light", "high-contrast", "dark"]);
}

#[test]
fn without_colors_keeps_modifiers_only() {
    let plain = Theme::default().without_colors();
    assert!(!plain.has_colors());
    assert!(Theme::default().has_colors());
    let title = plain.style(StyleKey::Title);
    assert!(title.add_modifier.contains(Modifier::BOLD));
    // What colour told apart, attributes tell: a match from the text, the current match from
    // the others, a highlighted entity from plain text.
    let reversed = |key| plain.style(key).add_modifier.contains(Modifier::REVERSED);
    assert!(reversed(StyleKey::SearchMatch) && reversed(StyleKey::OutlineSelected));
    assert!(!reversed(StyleKey::Body) && !reversed(StyleKey::Page) && !reversed(StyleKey::Panel));
    assert_eq!(plain.style(StyleKey::Page), Style::default());
    let current = plain.style(StyleKey::SearchCurrent).add_modifier;
    assert_ne!(current, plain.style(StyleKey::SearchMatch).add_modifier);
    let place = plain.style(StyleKey::EntityPlace).add_modifier;
    assert!(place.contains(Modifier::UNDERLINED));
    let body = plain.style(StyleKey::Body).add_modifier;
    assert_ne!(place, body);
}

#[test]
fn tag_style_layers_marks_and_entities() {
    let theme = Theme::default();
    let tag = Tag {
        emphasis: true,
        entity: Some(EntityKind::Place),
        ..Tag::role(Role::Body)
    };
    let with = theme.tag_style(&tag, true);
    let without = theme.tag_style(&tag, false);
    assert!(with.add_modifier.contains(Modifier::ITALIC));
    assert_eq!(with.fg, theme.style(StyleKey::EntityPlace).fg);
    assert_eq!(without.fg, theme.style(StyleKey::Body).fg);
}

#[test]
fn tag_style_is_the_meaning_alone_without_the_page() {
    for name in BUILTIN {
        let theme = Theme::builtin(name).expect("built-in");
        let page = theme.style(StyleKey::Page);
        assert!(page.fg.is_some() && page.bg.is_some(), "{name}: no page");
        let body = theme.tag_style(&Tag::role(Role::Body), true);
        assert_eq!(body, theme.style(StyleKey::Body), "{name}");
        assert_eq!(body.bg, None, "{name}: body text carries a background");
        let heading = theme.tag_style(&Tag::role(Role::Heading), true);
        assert_eq!(heading, theme.style(StyleKey::Heading), "{name}");
    }
}

#[test]
fn a_file_names_the_page_and_body_text_apart() {
    let file = theme_file(
        "[styles]\npage = { fg = \"white\", bg = \"#000080\" }\n\
         body = { fg = \"yellow\", modifiers = [\"italic\"] }\n",
    );
    let theme = Theme::load(&file.spec()).expect("theme loads");
    let page = theme.style(StyleKey::Page);
    assert_eq!(
        (page.fg, page.bg),
        (Some(Color::White), Some(Color::Rgb(0, 0, 0x80)))
    );
    let body = theme.style(StyleKey::Body);
    assert_eq!((body.fg, body.bg), (Some(Color::Yellow), None));
    assert!(body.add_modifier.contains(Modifier::ITALIC));
}

/// Older theme files had no `page`: their `body` was the page colours, and still is.
#[test]
fn an_older_file_with_only_body_has_it_read_as_the_page() {
    let flat = theme_file("[styles]\nbody = { fg = \"white\", bg = \"#000080\" }\n");
    let nested = theme_file("base = \"light\"\n[styles.body]\nfg = \"white\"\nbg = \"#000080\"\n");
    for (file, base) in [
        (flat, Theme::default()),
        (nested, Theme::builtin("light").expect("light")),
    ] {
        let theme = Theme::load(&file.spec()).expect("theme loads");
        let page = theme.style(StyleKey::Page);
        assert_eq!(
            (page.fg, page.bg),
            (Some(Color::White), Some(Color::Rgb(0, 0, 0x80)))
        );
        assert_eq!(theme.style(StyleKey::Body), base.style(StyleKey::Body));
        assert_eq!(theme.style(StyleKey::Title), base.style(StyleKey::Title));
    }
    // `body = {}` once left the page to the terminal; it still does.
    let bare = theme_file("[styles]\nbody = {}\n");
    let theme = Theme::load(&bare.spec()).expect("theme loads");
    assert_eq!(theme.style(StyleKey::Page), Style::default());
    // A file that names `page` is read as written, `body` as body text.
    let both = theme_file("[styles]\npage = {}\nbody = { fg = \"red\" }\n");
    let theme = Theme::load(&both.spec()).expect("theme loads");
    assert_eq!(theme.style(StyleKey::Page), Style::default());
    assert_eq!(theme.style(StyleKey::Body).fg, Some(Color::Red));
}
