//! sahifa — a terminal reader for right-to-left articles.
//!
//! The pipeline runs one way (see README): `decode` → `load` → `analyse` → `layout` → `render`.
//! Every stage before render is plain data and strings, testable without a terminal.

pub mod analyse;
pub mod args;
pub mod cli;
pub mod commands;
pub mod decode;
pub mod document;
pub mod entity_store;
pub mod error;
pub mod escape;
pub mod feed;
pub mod fetch;
pub mod fold;
pub mod layout;
pub mod load;
pub mod output;
pub mod page;
pub mod render;
pub mod settings;
pub mod shot;
pub mod source;
pub mod state;
pub mod theme;
pub mod ui;
