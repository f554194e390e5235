//! The local image files an article's figures name, looked at without decoding them.
//!
//! The rule: a figure's `src` is a local file when it is not a URL (`scheme://`, `//host`,
//! `data:`); a relative path is taken from the article's directory. Looking at a file reads its
//! first bytes and the picture's header only — enough for its size in pixels, which is all a
//! page needs to reserve rows — so opening an article with many large pictures costs
//! milliseconds. The pixels are decoded later, by whoever paints the picture, with [`decode`].
//!
//! The format is told by the file's first bytes (PNG and JPEG, the formats sahifa reads), not by
//! its name. What is found is one of:
//! - a picture: its path and size ([`ImageFile`]);
//! - not found: nothing at that path;
//! - unreadable: the file system refuses it (no permission, a directory), or it starts like a
//!   PNG or JPEG but its header is damaged;
//! - not supported: it does not start like a PNG or JPEG (a text file, a GIF…);
//! - too big: over [`MAX_FILE_BYTES`] bytes or [`MAX_SIDE`] pixels a side.
//!
//! The last four are recorded in [`Document::image_problems`], so every command that looks (the
//! reader, `shot`, `print`) labels the figure the same way: `[image not found: src]`.

use crate::document::{Block, Document, ImageProblem};
use image::{DynamicImage, ImageFormat, ImageReader};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, ErrorKind, Read};
use std::path::{Path, PathBuf};

/// Biggest image file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 32 << 20;
/// Biggest image side read, in pixels.
pub const MAX_SIDE: u32 = 8192;

/// A local picture that can be shown: where it is, its format and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFile {
    pub path: PathBuf,
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
}

/// What looking at a document's figure files found, by (section, block).
#[derive(Debug, Default)]
pub struct Found {
    /// The pictures that can be shown.
    pub images: BTreeMap<(usize, usize), ImageFile>,
    /// Why the others cannot.
    pub problems: BTreeMap<(usize, usize), ImageProblem>,
}

/// Every figure of `doc` whose `src` names a local file, looked at in `dir`.
pub fn look_up(doc: &Document, dir: &Path) -> Found {
    let mut images = BTreeMap::new();
    let mut problems = BTreeMap::new();
    for (s, section) in doc.sections.iter().enumerate() {
        for (b, block) in section.blocks.iter().enumerate() {
            let Block::Figure { src, .. } = block else {
                continue;
            };
            let Some(path) = local_path(dir, src) else {
                continue;
            };
            match probe(&path) {
                Ok(image) => {
                    images.insert((s, b), image);
                }
                Err(problem) => {
                    problems.insert((s, b), problem);
                }
            }
        }
    }
    Found { images, problems }
}

/// Every figure of `doc` whose `src` is an `http(s)://` URL (a picture to fetch), by
/// (section, block).
pub fn remote(doc: &Document) -> Vec<((usize, usize), String)> {
    let mut found = Vec::new();
    for (s, section) in doc.sections.iter().enumerate() {
        for (b, block) in section.blocks.iter().enumerate() {
            if let Block::Figure { src, .. } = block
                && crate::fetch::is_url(src.trim())
            {
                found.push(((s, b), src.trim().to_owned()));
            }
        }
    }
    found
}

/// The file a figure's `src` names, if it is a local path.
pub fn local_path(dir: &Path, src: &str) -> Option<PathBuf> {
    let src = src.trim();
    if src.is_empty() || src.contains("://") || src.starts_with("//") || src.starts_with("data:") {
        return None;
    }
    let path = Path::new(src);
    Some(if path.is_absolute() {
        path.to_owned()
    } else {
        dir.join(path)
    })
}

/// The picture at `path` from its header alone, or why it cannot be shown.
pub fn probe(path: &Path) -> Result<ImageFile, ImageProblem> {
    let meta = std::fs::metadata(path).map_err(|e| io_problem(&e))?;
    if !meta.is_file() {
        return Err(ImageProblem::Unreadable);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ImageProblem::TooBig);
    }
    let mut file = File::open(path).map_err(|e| io_problem(&e))?;
    let mut head = Vec::with_capacity(16);
    (&mut file)
        .take(16)
        .read_to_end(&mut head)
        .map_err(|e| io_problem(&e))?;
    let format = match image::guess_format(&head) {
        Ok(f @ (ImageFormat::Png | ImageFormat::Jpeg)) => f,
        _ => return Err(ImageProblem::NotSupported),
    };
    let (width, height) = reader(path, format)?
        .into_dimensions()
        .map_err(|e| image_problem(&e))?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageProblem::TooBig);
    }
    Ok(ImageFile {
        path: path.to_owned(),
        format,
        width,
        height,
    })
}

/// The pixels of `image`, or why they cannot be had (the file changed or is damaged past its
/// header). The same limits apply as when it was looked at.
pub fn decode(image: &ImageFile) -> Result<DynamicImage, ImageProblem> {
    let decoded = reader(&image.path, image.format)?
        .decode()
        .map_err(|e| image_problem(&e))?;
    if decoded.width() > MAX_SIDE || decoded.height() > MAX_SIDE {
        return Err(ImageProblem::TooBig);
    }
    Ok(decoded)
}

/// A reader of the picture at `path` in `format`, held to the size limits.
fn reader(path: &Path, format: ImageFormat) -> Result<ImageReader<BufReader<File>>, ImageProblem> {
    let file = File::open(path).map_err(|e| io_problem(&e))?;
    if file.metadata().map_err(|e| io_problem(&e))?.len() > MAX_FILE_BYTES {
        return Err(ImageProblem::TooBig);
    }
    let mut reader = ImageReader::with_format(BufReader::new(file), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    reader.limits(limits);
    Ok(reader)
}

fn io_problem(error: &std::io::Error) -> ImageProblem {
    match error.kind() {
        ErrorKind::NotFound => ImageProblem::NotFound,
        _ => ImageProblem::Unreadable,
    }
}

fn image_problem(error: &image::ImageError) -> ImageProblem {
    match error {
        image::ImageError::Limits(_) => ImageProblem::TooBig,
        image::ImageError::Unsupported(_) => ImageProblem::NotSupported,
        image::ImageError::IoError(e) if e.kind() == ErrorKind::NotFound => ImageProblem::NotFound,
        _ => ImageProblem::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, codecs::png::PngEncoder};

    /// A fresh scratch directory for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("sahifa-figure-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let pixels = vec![200u8; (width * height * 3) as usize];
        let mut out = Vec::new();
        PngEncoder::new(&mut out)
            .write_image(&pixels, width, height, image::ExtendedColorType::Rgb8)
            .expect("encoded");
        out
    }

    #[test]
    fn a_picture_is_measured_from_its_header_whatever_its_name() {
        let dir = scratch("present");
        // A PNG named .jpg: the first bytes tell the format.
        std::fs::write(dir.join("wide.jpg"), png(40, 10)).expect("written");
        let image = probe(&dir.join("wide.jpg")).expect("a picture");
        assert_eq!(
            (image.format, image.width, image.height),
            (ImageFormat::Png, 40, 10)
        );
        assert_eq!(
            decode(&image).map(|d| (d.width(), d.height())),
            Ok((40, 10))
        );
    }

    #[test]
    fn each_kind_of_file_that_cannot_be_shown_says_why() {
        let dir = scratch("problems");
        std::fs::create_dir_all(dir.join("folder.png")).expect("dir");
        let mut damaged = b"\x89PNG\r\n\x1a\n".to_vec();
        damaged.extend_from_slice(b"not really a picture");
        std::fs::write(dir.join("damaged.png"), damaged).expect("written");
        std::fs::write(dir.join("notes.jpg"), "these are notes").expect("written");
        std::fs::write(dir.join("anim.gif"), b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").expect("gif");
        std::fs::write(dir.join("empty.png"), b"").expect("written");
        std::fs::write(dir.join("tall.png"), png(1, MAX_SIDE + 1)).expect("written");
        // Over the byte limit without writing 32 MB: a sparse file.
        let huge = File::create(dir.join("huge.png")).expect("created");
        huge.set_len(MAX_FILE_BYTES + 1).expect("sized");
        std::fs::write(dir.join("small.png"), png(3, 2)).expect("written");
        let cases = [
            ("missing.png", Err(ImageProblem::NotFound)),
            ("folder.png", Err(ImageProblem::Unreadable)),
            ("damaged.png", Err(ImageProblem::Unreadable)),
            ("notes.jpg", Err(ImageProblem::NotSupported)),
            ("anim.gif", Err(ImageProblem::NotSupported)),
            ("empty.png", Err(ImageProblem::NotSupported)),
            ("tall.png", Err(ImageProblem::TooBig)),
            ("huge.png", Err(ImageProblem::TooBig)),
            ("small.png", Ok((3, 2))),
        ];
        for (name, expected) in cases {
            let found = probe(&dir.join(name)).map(|i| (i.width, i.height));
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn urls_are_never_looked_up_and_relative_paths_start_at_the_article() {
        let dir = Path::new("/articles");
        for url in [
            "https://x.example/a.jpg",
            "//x.example/a.jpg",
            "data:image/png;base64,AA",
            " ",
        ] {
            assert_eq!(local_path(dir, url), None, "{url}");
        }
        assert_eq!(
            local_path(dir, "img/a.jpg"),
            Some(PathBuf::from("/articles/img/a.jpg"))
        );
        assert_eq!(
            local_path(dir, "/srv/a.jpg"),
            Some(PathBuf::from("/srv/a.jpg"))
        );
    }

    #[test]
    fn looking_up_a_document_splits_pictures_from_problems() {
        let dir = scratch("document");
        std::fs::write(dir.join("a.png"), png(4, 4)).expect("written");
        let figure = |src: &str| Block::Figure {
            src: src.into(),
            alt: String::new(),
            caption: String::new(),
        };
        let doc = Document {
            sections: vec![crate::document::Section {
                heading: None,
                level: 1,
                blocks: vec![
                    figure("a.png"),
                    Block::Rule,
                    figure("gone.png"),
                    figure("https://x.example/b.png"),
                ],
            }],
            ..Document::default()
        };
        let found = look_up(&doc, &dir);
        assert_eq!(found.images.keys().collect::<Vec<_>>(), [&(0, 0)]);
        assert_eq!(
            found.problems.into_iter().collect::<Vec<_>>(),
            [((0, 2), ImageProblem::NotFound)]
        );
    }
}
