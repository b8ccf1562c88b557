use super::*;

fn labels() -> Labels {
    Labels {
        tip: "Tip".into(),
        new_window: "opens in a new window".into(),
        ..Labels::default()
    }
}

fn kinds(r: &Rendered) -> Vec<FindingKind> {
    r.findings.iter().map(|f| f.kind.clone()).collect()
}

#[test]
fn level_one_headings_start_pages_and_headings_move_down() {
    let r = render(
        "# Eerste pagina\n\nTekst.\n\n## Deel\n\n# Tweede\n\nMeer.\n",
        &labels(),
        "nl",
    );
    assert_eq!(r.pages.len(), 2);
    assert_eq!(r.pages[0].id, "p-eerste-pagina");
    assert_eq!(r.pages[0].title, "Eerste pagina");
    assert!(r.pages[0]
        .html
        .starts_with("<h2 id=\"h-eerste-pagina\" tabindex=\"-1\">Eerste pagina</h2>"));
    assert!(r.pages[0].html.contains("<h3 id=\"h-deel\">Deel</h3>"));
    assert!(r.findings.is_empty());
}

#[test]
fn ids_are_unique_and_accent_free() {
    let r = render("# Résumé\n\n# Résumé\n", &labels(), "fr");
    assert_eq!(r.pages[0].id, "p-resume");
    assert_eq!(r.pages[1].id, "p-resume-2");
    assert_eq!(slug("Straße & Café!"), "strasse-cafe");
    assert_eq!(slug("???"), "page");
}

#[test]
fn question_fences_become_placeholders() {
    let r = render("# P\n\n```question\npin-blocked\n```\n", &labels(), "nl");
    assert!(r.pages[0].html.contains("<!--cp-question:pin-blocked-->"));
    assert_eq!(kinds(&r), [FindingKind::Question("pin-blocked".into())]);
}

#[test]
fn alerts_become_labelled_callouts() {
    let r = render("# P\n\n> [!TIP]\n> Vraag eerst.\n", &labels(), "nl");
    let html = &r.pages[0].html;
    assert!(
        html.contains("<div class=\"cp-callout cp-callout-tip\" role=\"note\">"),
        "{html}"
    );
    assert!(html.contains("<p class=\"cp-callout-title\">Tip</p>"));
    assert!(html.contains("Vraag eerst."));
}

#[test]
fn images_and_links_are_reported_with_alt_text() {
    let r = render(
        "# P\n\n![Schema](media/csam.svg) [kaart](media/kaart.pdf) [site](https://csam.be)\n",
        &labels(),
        "nl",
    );
    assert_eq!(
        kinds(&r),
        [
            FindingKind::Reference {
                target: "media/csam.svg".into(),
                embed: true,
                alt: "Schema".into(),
                decorative: false
            },
            FindingKind::Reference {
                target: "media/kaart.pdf".into(),
                embed: false,
                alt: String::new(),
                decorative: false
            },
        ]
    );
    let html = &r.pages[0].html;
    assert!(html.contains("<img src=\"media/csam.svg\" alt=\"Schema\" loading=\"lazy\">"));
    assert!(html.contains("<a href=\"https://csam.be\" target=\"_blank\" rel=\"noopener noreferrer\">site<span class=\"cp-visually-hidden\"> (opens in a new window)</span></a>"), "{html}");
}

#[test]
fn decorative_images_get_empty_alt() {
    let r = render(
        "# P\n\n![](media/line.svg \"decorative\")\n",
        &labels(),
        "nl",
    );
    assert!(r.pages[0].html.contains("alt=\"\""));
    assert!(matches!(
        &r.findings[0].kind,
        FindingKind::Reference {
            decorative: true,
            ..
        }
    ));
}

#[test]
fn remote_images_and_script_links_are_refused() {
    let r = render(
        "# P\n\n![x](https://cdn.example/a.png) [x](javascript:alert(1))\n",
        &labels(),
        "nl",
    );
    assert_eq!(
        kinds(&r),
        [
            FindingKind::ForbiddenScheme("remote image".into()),
            FindingKind::ForbiddenScheme("javascript:".into())
        ]
    );
}

#[test]
fn raw_html_outside_the_allowlist_is_reported() {
    let r = render("# P\n\nA<br>B <abbr title=\"x\">C</abbr> <span onclick=\"x\">D</span>\n\n<script>x</script>\n", &labels(), "nl");
    assert_eq!(
        kinds(&r),
        [
            FindingKind::RawHtml("<span onclick=\"x\">".into()),
            FindingKind::RawHtml("<script>".into()),
        ]
    );
    assert!(r.pages[0].html.contains("A<br />B") || r.pages[0].html.contains("A<br>B"));
    assert!(!r.pages[0].html.contains("<script>"));
}

#[test]
fn allowlisted_tags_must_not_carry_other_attributes() {
    let r = render(
        "# P\n\n<abbr title=\"a\" style=\"x\">A</abbr>\n",
        &labels(),
        "nl",
    );
    assert_eq!(
        kinds(&r),
        [FindingKind::RawHtml(
            "<abbr title=\"a\" style=\"x\">".into()
        )]
    );
}

#[test]
fn text_before_the_first_heading_is_reported() {
    let r = render("Intro.\n\n# P\n", &labels(), "nl");
    assert_eq!(kinds(&r), [FindingKind::TextBeforeFirstPage]);
    assert_eq!(r.findings[0].range.start, 0);
}

#[test]
fn skipped_heading_levels_are_reported() {
    let r = render("# P\n\n### Te diep\n", &labels(), "nl");
    assert_eq!(
        kinds(&r),
        [FindingKind::SkippedHeadingLevel { from: 1, to: 3 }]
    );
}

#[test]
fn videos_get_captions_in_the_page_language() {
    let r = render("# P\n\n![Uitleg](media/intro.mp4)\n", &labels(), "de");
    assert!(r.pages[0]
        .html
        .contains("<track kind=\"captions\" src=\"media/intro.vtt\" srclang=\"de\" default>"));
}

#[test]
fn task_lists_render_without_unlabelled_checkboxes() {
    let r = render("# P\n\n- [ ] Lezen\n- [x] Klaar\n", &labels(), "nl");
    let html = &r.pages[0].html;
    assert!(!html.contains("<input"), "{html}");
    assert!(
        html.contains("<span class=\"cp-task\" aria-hidden=\"true\">☐</span> Lezen"),
        "{html}"
    );
    assert!(html.contains("☑</span> Klaar"), "{html}");
}
