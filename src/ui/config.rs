//! The user's settings: `$XDG_CONFIG_HOME/sahifa/config.toml` (or `--config PATH`).
//!
//! Every field is optional and command-line options win over it. A file that cannot be read or
//! parsed never stops the reader: the defaults are used and the problem is shown in the status
//! line. A missing file at the default place is not a problem.
//!
//! ```toml
//! theme = "light"       # a theme name or a path to a theme file
//! width = 72            # widest text column
//! shaping = true        # Arabic shaping (false = like --no-shape)
//! justify = true        # justified paragraphs (like --justify; `J` switches)
//! hyperlinks = false    # links as OSC 8 hyperlinks: true or false (default: by terminal)
//! [keys]
//! x = "next-section"    # key name = action name (see the help overlay); "none" unbinds
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The settings a config file may hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub theme: Option<String>,
    pub width: Option<usize>,
    pub shaping: Option<bool>,
    /// Who reorders right-to-left text: "auto" (ask the terminal), "app" or "terminal".
    pub bidi: Option<crate::args::BidiArg>,
    pub justify: Option<bool>,
    /// Links as OSC 8 hyperlinks; absent: decided by the terminal (`--hyperlinks` wins).
    pub hyperlinks: Option<bool>,
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
}

/// The default config file: `$XDG_CONFIG_HOME/sahifa/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(dirs::config_dir)?;
    Some(base.join("sahifa").join("config.toml"))
}

impl Config {
    /// Reads `path` (or the default file). Returns the config to use and, when the file was
    /// bad, a one-line message for the status line.
    pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
        let (path, explicit) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match default_path() {
                Some(p) => (p, false),
                None => return (Config::default(), None),
            },
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => {
                return (Config::default(), None);
            }
            Err(e) => return (Config::default(), Some(format!("{}: {e}", path.display()))),
        };
        match Config::parse(&text) {
            Ok(config) => (config, None),
            Err(e) => (
                Config::default(),
                Some(format!("{}: {e}; using defaults", path.display())),
            ),
        }
    }

    /// Parses config text; the error is one line.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| {
            e.message()
                .lines()
                .next()
                .unwrap_or("invalid config")
                .to_owned()
        })?;
        if config.width == Some(0) {
            return Err("width must be at least 1".to_owned());
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses() {
        let config = Config::parse(
            "theme = \"light\"\nwidth = 72\nshaping = false\n[keys]\nx = \"next-section\"\n",
        )
        .expect("valid");
        assert_eq!(config.theme.as_deref(), Some("light"));
        assert_eq!(config.width, Some(72));
        assert_eq!(config.shaping, Some(false));
        assert_eq!(
            config.keys.get("x").map(String::as_str),
            Some("next-section")
        );
    }

    #[test]
    fn bad_configs_are_reported_in_one_line() {
        for bad in ["width = \"wide\"", "colour = 3", "width = 0", "theme = "] {
            let e = Config::parse(bad).expect_err(bad);
            assert!(!e.is_empty() && !e.contains('\n'), "{bad}: {e}");
        }
    }

    #[test]
    fn a_bad_file_falls_back_to_defaults_with_a_message() {
        let path = std::env::temp_dir().join(format!("sahifa-config-{}.toml", std::process::id()));
        std::fs::write(&path, "width = -3").expect("write");
        let (config, message) = Config::load(Some(&path));
        assert_eq!(config, Config::default());
        assert!(message.is_some_and(|m| m.contains("using defaults")));
        let _ = std::fs::remove_file(&path);
        let (_, missing) = Config::load(Some(&path));
        assert!(
            missing.is_some(),
            "an explicit file that is missing is reported"
        );
    }
}
