//! Vector PDF from the app's own SVG: each page is an SVG document the SVG writer made (real
//! paths and text), converted by svg2pdf with Inter embedded, so text stays text (selectable,
//! searchable) and looks the same in every PDF viewer. Pages are put together with pdf-writer
//! into one file: a poster has one page, a handout one page per slide.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::usvg;

/// A PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("page {page}: the drawing is not valid SVG: {source}")]
    Svg {
        page: usize,
        #[source]
        source: usvg::Error,
    },
    #[error("page {page}: could not convert the drawing to PDF: {message}")]
    Convert { page: usize, message: String },
    #[error("a PDF needs at least one page")]
    Empty,
}

/// The fonts SVG text is set in: Inter, regular and semi-bold, from the app itself, so a PDF
/// never depends on the fonts installed where it is made.
pub fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(crate::style::INTER_REGULAR.to_vec());
        db.load_font_data(crate::style::INTER_SEMIBOLD.to_vec());
        db.set_sans_serif_family("Inter");
        Arc::new(db)
    }))
}

/// Parses an SVG with the app's fonts (for PDF conversion and for checks of exports).
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, usvg::Error> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "Inter".to_string(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
}

/// One PDF page per SVG, each the size of its SVG in points (the SVG writer's user units).
pub fn svgs_to_pdf(pages: &[String], title: &str) -> Result<Vec<u8>, PdfError> {
    if pages.is_empty() {
        return Err(PdfError::Empty);
    }
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::with_capacity(pages.len());
    let mut parts = Vec::with_capacity(pages.len());
    for (i, svg) in pages.iter().enumerate() {
        let page = i + 1;
        let tree = parse_svg(svg).map_err(|source| PdfError::Svg { page, source })?;
        let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| PdfError::Convert {
                page,
                message: e.to_string(),
            })?;
        // The chunk numbers its objects from 1; give them numbers of this file.
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let Some(&root) = map.get(&root) else {
            return Err(PdfError::Convert {
                page,
                message: "the converted drawing has no root".to_string(),
            });
        };
        let size = tree.size();
        let page_ref = alloc.bump();
        let content_ref = alloc.bump();
        page_refs.push(page_ref);
        parts.push((
            page_ref,
            content_ref,
            root,
            size.width(),
            size.height(),
            chunk,
        ));
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    let drawing = Name(b"D0");
    for (page_ref, content_ref, root, w, h, chunk) in parts {
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(tree_ref);
        page.contents(content_ref);
        page.resources().x_objects().pair(drawing, root);
        page.finish();
        // The drawing is a 1×1 form: scale it to the page.
        let mut content = Content::new();
        content
            .transform([w, 0.0, 0.0, h, 0.0, 0.0])
            .x_object(drawing);
        pdf.stream(content_ref, &content.finish());
        pdf.extend(&chunk);
    }
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Innovation Atlas"));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\">\
             <rect width=\"200\" height=\"100\" fill=\"#fff\"/>\
             <path d=\"M10 10L90 10L90 90Z\" fill=\"#06c\"/>\
             <text x=\"100\" y=\"50\" font-family=\"Inter, sans-serif\" font-size=\"12\">{text}</text></svg>"
        )
    }

    #[test]
    fn pages_become_one_pdf_with_the_font_embedded() {
        let pdf =
            svgs_to_pdf(&[page("Zuid-Holland"), page("Noord-Nederland")], "Test").expect("a PDF");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-"));
        assert_eq!(
            text.matches("/Type /Page\n").count() + text.matches("/Type /Page ").count(),
            2,
            "two pages"
        );
        assert!(text.contains("/FontFile"), "the font is embedded");
        assert!(text.contains("Inter"), "it is Inter");
    }

    #[test]
    fn no_pages_is_an_error_and_bad_svg_names_its_page() {
        assert!(matches!(svgs_to_pdf(&[], "x"), Err(PdfError::Empty)));
        let e = svgs_to_pdf(&[page("ok"), "<svg".to_string()], "x");
        assert!(matches!(e, Err(PdfError::Svg { page: 2, .. })), "{e:?}");
    }
}
