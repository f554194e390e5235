use sahifa::analyse::entities::Tagger;
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let text = std::fs::read_to_string(path).expect("read");
    let t0 = std::time::Instant::now();
    let tagger = Tagger::new(&[]);
    eprintln!("build {:?} phrases {}", t0.elapsed(), tagger.phrases());
    for (i, para) in text.split("\n\n").enumerate() {
        for m in tagger.tag_text(para) {
            println!("{i}\t{}\t{}\t{}..{}", m.kind.name(), m.text, m.start, m.end);
        }
    }
}
