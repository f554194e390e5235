//! Files sahifa keeps between runs (reading positions, read marks): where they live and how
//! they are written.
//!
//! They live under `$XDG_STATE_HOME/sahifa/` (a relative `XDG_STATE_HOME` is ignored, as the
//! XDG spec says), else the platform's state or local data directory. A file is written to a
//! temporary file beside it and renamed over it, so a crash never leaves half a file. File
//! names come from [`fnv1a`], which is stable across builds and platforms (unlike std's
//! hasher), so they survive upgrades.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `$XDG_STATE_HOME/sahifa/NAME` (or the platform's equivalent).
pub fn dir(name: &str) -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(dirs::state_dir)
        .or_else(dirs::data_local_dir)?;
    Some(base.join("sahifa").join(name))
}

/// Writes `body` to `file` atomically, creating its directory.
pub fn write_atomically(file: &Path, body: &[u8]) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = file.with_extension(format!("tmp{}", std::process::id()));
    let written = fs::File::create(&temp)
        .and_then(|mut f| {
            f.write_all(body)?;
            f.sync_all()
        })
        .and_then(|()| fs::rename(&temp, file));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors from the FNV reference.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_nothing_else() {
        let dir = std::env::temp_dir().join(format!("sahifa-state-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let file = dir.join("deep").join("f.txt");
        write_atomically(&file, b"one").expect("written");
        write_atomically(&file, b"two").expect("rewritten");
        assert_eq!(fs::read(&file).expect("read"), b"two");
        assert_eq!(fs::read_dir(dir.join("deep")).expect("dir").count(), 1);
        let _ = fs::remove_dir_all(&dir);
    }
}
