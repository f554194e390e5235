//! The terminal reader (`sahifa FILE`): state, keys, painting, and the terminal around them.
//!
//! [`App`] is plain state driven by [`Action`]s, painted into any ratatui backend — the terminal
//! ([`terminal`]) or a `TestBackend` for tests and headless screenshots. Nothing outside this
//! module imports ratatui's terminal handling or crossterm.

pub mod action;
pub mod app;
pub mod compose;
pub mod composed;
pub mod config;
pub mod entities;
pub mod input;
pub mod paint;
pub mod position;
pub mod search;
pub mod terminal;
mod view;

pub use action::{Action, BINDINGS, Key, Keymap, parse_keys};
pub use app::{Anchor, App, Overlay, ReaderOptions};
pub use compose::Compose;

#[cfg(test)]
mod tests;
