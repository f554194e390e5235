//! Helpers shared by the integration tests. Each test binary uses a different part of them.
#![allow(dead_code)]

pub mod articles;
pub mod bin;
pub mod data;
pub mod entities;
pub mod golden;
pub mod keys;
pub mod modes;
pub mod pty;
pub mod reader;
pub mod shot;
