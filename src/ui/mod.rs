//! The terminal reader (`sahifa FILE`): state, keys, painting, and the terminal around them.
//!
//! [`App`] is plain state driven by [`Action`]s, painted into any ratatui backend — the terminal
//! ([`terminal`]) or a `TestBackend` for tests and headless screenshots. Nothing outside this
//! module imports ratatui's terminal handling or crossterm.
//!
//! Driving the reader without a terminal (tests, `sahifa shot`):
//!
//! ```text
//! let options = settings::reader_options(&source, &args, &config, &mut messages); // background off
//! let mut app = App::with_size(document, options, cols, rows);  // tags entities, composes
//! for key in parse_keys("] ] t Down Enter") { app.press(key); }  // the --keys script
//! terminal.draw(|frame| app.draw(frame))?;                        // any backend: TestBackend
//! ```
//!
//! With `background` off every step is synchronous, so the picture is the same every time (and
//! figure images are drawn in halfblocks until the terminal reader asks the terminal for a
//! better protocol).

pub mod action;
pub mod app;
pub mod capabilities;
pub mod clipboard;
pub mod compose;
pub mod composed;
pub mod config;
mod copy;
pub mod effect;
pub mod entities;
pub mod feed_list;
pub mod figures;
mod hyperlinks;
mod images;
pub mod input;
pub mod links;
mod navigate;
pub mod navigation;
pub mod paint;
mod panel;
pub mod position;
mod reflow;
mod reveal;
pub mod search;
pub mod selection;
pub mod status;
pub mod terminal;
mod view;
mod window;

pub use action::{Action, BINDINGS, Key, Keymap, parse_keys};
pub use app::{Anchor, App, ReaderOptions};
pub use compose::Compose;
pub use effect::Effect;
pub use panel::Overlay;

#[cfg(test)]
mod tests;
