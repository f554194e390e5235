//! An RGB pixel buffer with the three operations screenshots need: fill, blend, encode.

use crate::shot::{Error, Result};

pub struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    /// A `width`×`height` canvas filled with `rgb`.
    pub fn new(width: u32, height: u32, rgb: [u8; 3]) -> Self {
        let count = usize::try_from(u64::from(width) * u64::from(height)).unwrap_or(0);
        Self {
            width,
            height,
            pixels: rgb.repeat(count),
        }
    }

    fn index(&self, x: i64, y: i64) -> Option<usize> {
        let (x, y) = (u32::try_from(x).ok()?, u32::try_from(y).ok()?);
        (x < self.width && y < self.height)
            .then(|| {
                usize::try_from((u64::from(y) * u64::from(self.width) + u64::from(x)) * 3).ok()
            })
            .flatten()
    }

    /// Paints a rectangle, clipped to the canvas.
    pub fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, rgb: [u8; 3]) {
        for yy in y..y.saturating_add(h).min(self.height) {
            for xx in x..x.saturating_add(w).min(self.width) {
                if let Some(i) = self.index(i64::from(xx), i64::from(yy)) {
                    self.pixels[i..i + 3].copy_from_slice(&rgb);
                }
            }
        }
    }

    /// Blends `rgb` over the pixel at (x, y) with the given coverage (0 = none, ≥1 = full);
    /// pixels off the canvas are ignored.
    pub fn blend(&mut self, x: i64, y: i64, rgb: [u8; 3], coverage: f32) {
        if coverage <= 0.0 {
            return;
        }
        if let Some(i) = self.index(x, y) {
            let old = [self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]];
            self.pixels[i..i + 3].copy_from_slice(&mix(rgb, old, coverage.min(1.0)));
        }
    }

    /// The canvas as an 8-bit RGB PNG.
    pub fn encode(&self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|e| Error::Png(e.to_string()))?;
        writer
            .write_image_data(&self.pixels)
            .map_err(|e| Error::Png(e.to_string()))?;
        writer.finish().map_err(|e| Error::Png(e.to_string()))?;
        Ok(out)
    }
}

/// `a` over `b` with weight `t` (0 = all `b`, 1 = all `a`).
pub fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> [u8; 3] {
    let channel = |a: u8, b: u8| {
        let v = f32::from(a) * t + f32::from(b) * (1.0 - t);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let v = v.round().clamp(0.0, 255.0) as u8;
        v
    };
    [
        channel(a[0], b[0]),
        channel(a[1], b[1]),
        channel(a[2], b[2]),
    ]
}
