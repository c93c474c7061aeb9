//! Broken datasets give a clear message naming the file and exit 1; nothing panics.

use std::path::{Path, PathBuf};
use std::process::Command;

use innovation_atlas::model::{self, Origin, SourceFile};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_innovation-atlas"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-bad-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The embedded dataset as one TOML text per file, copied into a folder we can break.
fn copy_seeds(dir: &Path) {
    for (name, text) in model::load::EMBEDDED {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
}

/// Runs `check` on `path`; returns (exit code, stderr).
fn check(path: &Path) -> (i32, String) {
    let out = bin().arg("check").arg(path).output().expect("run binary");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "the binary panicked:\n{stderr}"
    );
    (out.status.code().unwrap_or(-1), stderr)
}

fn assert_fails_naming(path: &Path, file_part: &str, words: &[&str]) {
    let (code, stderr) = check(path);
    assert_eq!(code, 1, "exit code for {}:\n{stderr}", path.display());
    assert!(
        stderr.contains(file_part),
        "message does not name {file_part}:\n{stderr}"
    );
    assert!(stderr.contains("fix:"), "no fix offered:\n{stderr}");
    for w in words {
        assert!(stderr.contains(w), "message lacks `{w}`:\n{stderr}");
    }
}

#[test]
fn embedded_atlas_checks_clean() {
    let out = bin().arg("check").output().expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("valid"));
    assert!(stdout.contains("Zuid-Holland"));
    assert!(stdout.contains("cross-pollinations:"));
    assert!(stdout.contains("seed-001"));
    // The agenda kinds are reported with their counts.
    for line in [
        "agenda items: 22",
        "ask           10  (Noord-Nederland 5, Zuid-Holland 5)",
        "leadership     5  (Zuid-Holland 5)",
        "challenge      4  (Metropoolregio Amsterdam 4)",
        "pillar         3  (Metropoolregio Amsterdam 3)",
        "governance: 3",
        "talent initiatives: 46 (7 networks, 34 technology-promotion table rows, 11 named in a survey)",
        "financing instruments: 11",
        "41 conclusions",
        "project sheets with a status: 13 of 13",
    ] {
        assert!(stdout.contains(line), "`{line}` missing from:\n{stdout}");
    }
}

#[test]
fn empty_file() {
    let dir = scratch("empty");
    let f = dir.join("empty.toml");
    std::fs::write(&f, "").expect("write");
    assert_fails_naming(&f, "empty.toml", &["no places"]);
}

#[test]
fn missing_file() {
    let f = scratch("missing").join("nope.toml");
    assert_fails_naming(&f, "nope.toml", &["cannot open"]);
}

#[test]
fn random_bytes_and_invalid_utf8() {
    let dir = scratch("bytes");
    let f = dir.join("noise.toml");
    let mut x: u32 = 12345;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x & 0xff) as u8
        })
        .collect();
    std::fs::write(&f, bytes).expect("write");
    assert_fails_naming(&f, "noise.toml", &[]);
    let g = dir.join("latin1.toml");
    std::fs::write(&g, b"[[place]]\nid = \"zh-caf\xe9\"\n").expect("write");
    assert_fails_naming(&g, "latin1.toml:2", &["UTF-8"]);
}

fn break_file(tag: &str, file: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = scratch(tag);
    copy_seeds(&dir);
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    let broken = edit(&text);
    assert_ne!(broken, text, "the edit changed nothing");
    std::fs::write(&path, broken).expect("write");
    dir.join("seeds")
}

#[test]
fn truncated_file() {
    let dir = break_file("trunc", "seeds/sectors.toml", |t| {
        t[..t.len() / 2].to_string()
    });
    assert_fails_naming(&dir, "sectors.toml:", &[]);
}

#[test]
fn wrong_type() {
    let dir = break_file("type", "seeds/zuid-holland/places.toml", |t| {
        t.replacen("companies = 70", "companies = \"seventy\"", 1)
    });
    assert_fails_naming(&dir, "places.toml:", &["invalid type"]);
}

#[test]
fn unknown_field() {
    let dir = break_file("field", "seeds/sectors.toml", |t| {
        t.replacen("color = \"#0072B2\"", "colour = \"#0072B2\"", 1)
    });
    assert_fails_naming(&dir, "sectors.toml:", &["unknown field", "colour"]);
}

#[test]
fn duplicate_id() {
    let dir = break_file("dup", "seeds/sectors.toml", |t| {
        t.replacen("id = \"energy\"", "id = \"hydrogen\"", 1)
    });
    assert_fails_naming(&dir, "sectors.toml:", &["hydrogen", "used by 2 records"]);
}

#[test]
fn dangling_reference() {
    let dir = break_file("dangle", "seeds/zuid-holland/places.toml", |t| {
        t.replacen("region = \"zuid-holland\"", "region = \"zuid-hollnd\"", 1)
    });
    assert_fails_naming(&dir, "places.toml:", &["unknown region", "zuid-hollnd"]);
}

#[test]
fn coordinate_out_of_range() {
    let dir = break_file("coord", "seeds/noord-nederland.toml", |t| {
        let i = t.find("lat = 5").expect("a latitude");
        format!("{}lat = -5{}", &t[..i], &t[i + "lat = 5".len()..])
    });
    assert_fails_naming(&dir, "noord-nederland.toml:", &["outside the Netherlands"]);
}

#[test]
fn total_that_does_not_add_up() {
    let dir = break_file("total", "seeds/zuid-holland/places.toml", |t| {
        t.replacen("companies = 150", "companies = 180", 1)
    });
    assert_fails_naming(&dir, "totals.toml:", &["add up to 580", "550"]);
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let dir = break_file("many", "seeds/sectors.toml", |t| {
        t.replacen("color = \"#0072B2\"", "color = \"blue\"", 1)
            .replacen("color = \"#E69F00\"", "color = \"#E69F0\"", 1)
    });
    let (code, stderr) = check(&dir);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("`blue`") && stderr.contains("`#E69F0`"),
        "{stderr}"
    );
}

/// Small deterministic generator so failures can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn random_mutations_of_the_real_files_never_panic() {
    let originals: Vec<SourceFile> = model::load::EMBEDDED
        .iter()
        .map(|(n, t)| SourceFile {
            name: (*n).to_string(),
            text: (*t).to_string(),
        })
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let tokens = [
        "", "\"", "[[", "]]", "=", "-1", "1e999", "nan", "{", "}", ",", "\n", "é", "lat = 99",
    ];
    let mut failures = 0;
    for round in 0..300 {
        let mut files = originals.clone();
        let fi = rng.below(files.len());
        let text = &files[fi].text;
        let mut pos = rng.below(text.len());
        while !text.is_char_boundary(pos) {
            pos -= 1;
        }
        let cut = (pos + rng.below(40)).min(text.len());
        let cut = (cut..=text.len())
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(text.len());
        let token = tokens[rng.below(tokens.len())];
        let mutated = format!("{}{}{}", &text[..pos], token, &text[cut..]);
        files[fi].text = mutated;
        let name = files[fi].name.clone();
        let result = std::panic::catch_unwind(|| model::load_files(files, Origin::Embedded));
        match result {
            Err(_) => panic!("round {round}: loading a mutation of {name} panicked"),
            Ok(Err(e)) => {
                failures += 1;
                assert!(!e.problems.is_empty());
                for p in &e.problems {
                    assert!(
                        p.file.starts_with("seeds/"),
                        "round {round}: problem without file: {p}"
                    );
                    assert!(!p.fix.is_empty());
                }
            }
            Ok(Ok(_)) => {}
        }
    }
    assert!(
        failures > 100,
        "most mutations should be caught ({failures}/300)"
    );
}

#[test]
fn a_parent_cycle_is_reported_not_followed() {
    let dir = break_file("cycle", "seeds/zuid-holland/places.toml", |t| {
        t.replacen(
            "id = \"zh-nl-space-campus\"",
            "id = \"zh-nl-space-campus\"\nparent = \"zh-esa-estec\"",
            1,
        )
    });
    assert_fails_naming(&dir, "places.toml:", &["lead back to it"]);
}

#[test]
fn an_absurd_company_count_is_reported_without_overflow() {
    let dir = break_file("overflow", "seeds/zuid-holland/places.toml", |t| {
        t.replacen("companies = 150", "companies = 9223372036854775000", 1)
            .replacen("companies = 125", "companies = 9223372036854775000", 1)
    });
    assert_fails_naming(&dir, "places.toml:", &["not between 0 and"]);
}

// ---------------------------------------------------------------------------------------
// The agenda kinds: agenda items, governance, talent initiatives, financing instruments,
// survey conclusions, shares in words and user-facing readings are checked like the rest.
// ---------------------------------------------------------------------------------------

#[test]
fn an_agenda_item_naming_an_unknown_record_is_refused() {
    let dir = break_file("item-ref", "seeds/noord-nederland.toml", |t| {
        t.replacen(
            "\"nn-infra-lelylijn\", \"nn-infra-nedersaksenlijn\"",
            "\"nn-infra-lelylyn\", \"nn-infra-nedersaksenlijn\"",
            1,
        )
    });
    assert_fails_naming(
        &dir,
        "noord-nederland.toml:",
        &["nn-ask-5", "nn-infra-lelylyn", "not an agenda record"],
    );
    // The problem points at the `related` line of that record.
    let text = std::fs::read_to_string(dir.join("noord-nederland.toml")).expect("read");
    let line = text
        .lines()
        .position(|l| l.starts_with("related = [\"nn-infra-lelylyn\""))
        .expect("related line")
        + 1;
    let (_, stderr) = check(&dir);
    assert!(
        stderr.contains(&format!("noord-nederland.toml:{line}: [nn-ask-5]")),
        "{stderr}"
    );
}

#[test]
fn two_asks_with_one_number_are_refused() {
    let dir = break_file("item-number", "seeds/zuid-holland/agenda-items.toml", |t| {
        t.replacen("number = \"3.2\"", "number = \"3.1\"", 1)
    });
    assert_fails_naming(
        &dir,
        "agenda-items.toml:",
        &["ask number 3.1", "zh-ask-3-1"],
    );
}

#[test]
fn an_agenda_item_without_english_is_refused() {
    let dir = break_file("item-text", "seeds/mra/agenda.toml", |t| {
        t.replacen("en = \"Competitiveness\"", "en = \"\"", 1)
    });
    assert_fails_naming(
        &dir,
        "agenda.toml:",
        &["mra-challenge-1", "`title` needs both"],
    );
}

#[test]
fn a_governance_body_with_a_bad_founding_date_is_refused() {
    let dir = break_file("gov", "seeds/zuid-holland/agenda-items.toml", |t| {
        t.replacen("founded = \"2019-09\"", "founded = \"september 2019\"", 1)
    });
    assert_fails_naming(&dir, "agenda-items.toml:", &["zh-gov-taskforce", "founded"]);
}

#[test]
fn a_talent_initiative_on_a_missing_place_is_refused() {
    let dir = break_file("talent-place", "seeds/zuid-holland/talent.toml", |t| {
        t.replacen(
            "place = \"zh-maak-o-theek\"",
            "place = \"zh-maakotheek\"",
            1,
        )
    });
    assert_fails_naming(
        &dir,
        "talent.toml:",
        &["zh-talent-maak-o-theek", "zh-maakotheek", "not a place id"],
    );
}

#[test]
fn two_initiatives_on_one_table_row_are_refused() {
    let dir = break_file("talent-row", "seeds/zuid-holland/talent.toml", |t| {
        t.replacen("row = 2\n", "row = 1\n", 1)
    });
    assert_fails_naming(&dir, "talent.toml:", &["table row 1 is also given"]);
}

#[test]
fn an_initiative_that_no_list_names_is_refused() {
    let dir = break_file("talent-list", "seeds/zuid-holland/talent.toml", |t| {
        t.replacen("network = { scope = { nl = \"Drechtsteden\", en = \"Drechtsteden\" }, led_by = \"Peter Smit\" }\n", "", 1)
    });
    assert_fails_naming(
        &dir,
        "talent.toml:",
        &["zh-talent-mbo-aanpak-drechtsteden", "which list"],
    );
}

#[test]
fn a_financing_instrument_on_an_unknown_accelerator_or_period_is_refused() {
    let dir = break_file("fin", "seeds/mra/financing.toml", |t| {
        t.replacen("accelerator = \"mra-v1\"", "accelerator = \"mra-v9\"", 1)
            .replacen("years = [2023, 2027]", "years = [2027, 2023]", 1)
    });
    assert_fails_naming(
        &dir,
        "financing.toml:",
        &["unknown accelerator `mra-v9`", "years [2027, 2023]"],
    );
}

#[test]
fn an_unknown_party_role_is_refused_with_the_allowed_ones() {
    let dir = break_file("fin-role", "seeds/mra/financing.toml", |t| {
        t.replacen("role = \"runs\"", "role = \"manages\"", 1)
    });
    assert_fails_naming(
        &dir,
        "financing.toml:",
        &["unknown variant", "manages", "help_desk"],
    );
}

#[test]
fn a_conclusion_on_an_unknown_topic_is_refused() {
    let dir = break_file("conclusion", "seeds/zuid-holland/roem-ii.toml", |t| {
        t.replacen("topic = \"zh-ask-3-2\"", "topic = \"zh-ask-3-9\"", 1)
    });
    assert_fails_naming(
        &dir,
        "roem-ii.toml:",
        &["roem-c-ask-3-2-market-forces", "zh-ask-3-9"],
    );
}

#[test]
fn a_share_in_words_without_a_word_is_refused() {
    let dir = break_file("fraction", "seeds/zuid-holland/roem-ii.toml", |t| {
        t.replacen(
            "value = 50.0\nvalue_max = 66.67",
            "value = 50.0\nvalue_max = 60.0",
            1,
        )
    });
    assert_fails_naming(
        &dir,
        "roem-ii.toml:",
        &["roem-al4-own-hotspot-organise", "60% has no word"],
    );
}

#[test]
fn an_upper_bound_without_a_range_is_refused() {
    let dir = break_file("value-max", "seeds/zuid-holland/roem-ii.toml", |t| {
        t.replacen(
            "qualifier = \"range\"\nas_fraction = true",
            "qualifier = \"about\"\nas_fraction = true",
            1,
        )
    });
    assert_fails_naming(
        &dir,
        "roem-ii.toml:",
        &["`value_max` is given but the qualifier is not `range`"],
    );
}

#[test]
fn a_reading_for_users_in_one_language_is_refused() {
    let dir = break_file("reading", "seeds/mra/financing.toml", |t| {
        let i = t.find("reading = { nl = \"De MIT staat").expect("reading");
        let j = t[i..].find(", en = \"").expect("en") + i;
        format!("{}reading = {{ nl = \"\"{}", &t[..i], &t[j..])
    });
    assert_fails_naming(
        &dir,
        "financing.toml:",
        &["mra-fin-mit-nh", "`reading` needs both"],
    );
}

// ---------------------------------------------------------------------------------------
// Silent acceptances (issue 15): values that used to pass `check` and surfaced later as
// "NaN%", a blank on screen or a dropped list entry. Each is refused with file, line and
// fix; problems inside nested tables name the nested line, not the record's first.
// ---------------------------------------------------------------------------------------

/// The embedded files with one of them edited, loaded in this process; the problems found
/// (none when it loads).
fn problems_after(file: &str, edit: impl Fn(&str) -> String) -> (String, Vec<model::Problem>) {
    let mut files: Vec<SourceFile> = model::load::EMBEDDED
        .iter()
        .map(|(n, t)| SourceFile {
            name: (*n).to_string(),
            text: (*t).to_string(),
        })
        .collect();
    let f = files
        .iter_mut()
        .find(|f| f.name == file)
        .expect("a seed file of that name");
    let edited = edit(&f.text);
    assert_ne!(edited, f.text, "the edit changed nothing");
    f.text = edited.clone();
    let problems = match model::load_files(files, Origin::Embedded) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    };
    (edited, problems)
}

/// 1-based line of the first line of `text` containing `needle`.
fn line_with(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle}"))
        + 1
}

/// Asserts one problem names `file` at `line`, says every word of `words` and offers a fix.
fn assert_problem_at(problems: &[model::Problem], file: &str, line: usize, words: &[&str]) {
    let all = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    let hit = problems.iter().any(|p| {
        p.file == file
            && p.line == Some(line)
            && !p.fix.trim().is_empty()
            && words.iter().all(|w| p.to_string().contains(w))
    });
    assert!(
        hit,
        "no problem at {file}:{line} saying {words:?}; found:\n{all}"
    );
}

#[test]
fn a_line_range_with_more_than_two_entries_is_refused() {
    let file = "seeds/regions.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen(
            "lines = [1271, 1624]",
            "lines = [1271, 1624, \"x\", {a = 1}]",
            1,
        )
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "\"x\", {a = 1}"),
        &["\"x\"", "fix:"],
    );
    let (text, problems) = problems_after(file, |t| {
        t.replacen("lines = [1271, 1624]", "lines = [1271, 1624, 1700]", 1)
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "1624, 1700"),
        &["invalid length 3", "[first, last]"],
    );
    let file = "seeds/mra/financing.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen("years = [2023, 2027]", "years = [2023, 2027, 2031]", 1)
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "2027, 2031"),
        &["invalid length 3"],
    );
}

#[test]
fn an_attendance_percentage_that_is_not_a_number_is_refused() {
    let file = "seeds/zuid-holland/roem-ii.toml";
    for bad in ["nan", "inf", "-nan", "1e999"] {
        let (text, problems) = problems_after(file, |t| {
            t.replacen("percent = 82.0", &format!("percent = {bad}"), 1)
        });
        assert_problem_at(
            &problems,
            file,
            line_with(&text, &format!("percent = {bad}")),
            &["[zh-roem-ii]", "`percent`", bad],
        );
    }
    // Out of range is refused too (not a nan, so the record check finds it).
    let (text, problems) =
        problems_after(file, |t| t.replacen("percent = 82.0", "percent = 182.0", 1));
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "percent = 182.0"),
        &["between 0 and 100"],
    );
}

#[test]
fn an_attendance_with_nobody_registered_is_refused() {
    let file = "seeds/zuid-holland/roem-ii.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen(
            "registered = 292\nattended = 240\npercent = 82.0",
            "registered = 0\nattended = 0\npercent = 82",
            1,
        )
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "registered = 0"),
        &["[zh-roem-ii]", "nobody registered", "82%"],
    );
}

#[test]
fn every_kind_of_number_that_is_not_finite_is_refused_where_it_is() {
    // Every floating-point key the dataset has (`f64` fields of the record types).
    let keys = [
        "lat",
        "lon",
        "value",
        "value_max",
        "percent",
        "total_eur",
        "total_max_eur",
        "eur",
    ];
    let bad = ["nan", "inf", "-inf", "+nan", "1e999"];
    for (n, key) in keys.iter().enumerate() {
        let pattern = format!("{key} = ");
        let (file, _) = model::load::EMBEDDED
            .iter()
            .find(|(_, t)| {
                t.lines().any(|l| {
                    l.split([' ', '{', ','])
                        .collect::<Vec<_>>()
                        .windows(2)
                        .any(|w| w[0] == *key && w[1] == "=")
                })
            })
            .unwrap_or_else(|| panic!("no seed file has `{key}`"));
        let replacement = bad[n % bad.len()];
        let (text, problems) = problems_after(file, |t| {
            // The first `key = <number>` written as a key of its own (not `…_key`).
            let mut at = 0;
            loop {
                let i = at + t[at..].find(&pattern).expect("the key");
                let before = t[..i].chars().last();
                if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
                    let start = i + pattern.len();
                    let end = start
                        + t[start..]
                            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                            .unwrap_or(0);
                    return format!("{}{replacement}{}", &t[..start], &t[end..]);
                }
                at = i + 1;
            }
        });
        let line = line_with(&text, &format!("{key} = {replacement}"));
        assert_problem_at(&problems, file, line, &[&format!("`{key}`"), replacement]);
    }
}

#[test]
fn empty_texts_are_refused_where_they_are() {
    // Funding of an action.
    let file = "seeds/zuid-holland/agenda.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen(
            "funding = { nl = \"Economic Board Zuid-Holland (EBZ).\"",
            "funding = { nl = \"\"",
            1,
        )
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "funding = { nl = \"\""),
        &["`funding` needs both", "`nl` is empty"],
    );
    // A budget item's label.
    let (text, problems) = problems_after(file, |t| {
        t.replacen(
            "{ label = { nl = \"Kwartiermaker (50/50 Rotterdam en Drechtsteden)\", en = \"Quartermaster (split 50/50 between Rotterdam and Drechtsteden)\" }",
            "{ label = { nl = \"Kwartiermaker\", en = \" \" }",
            1,
        )
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "en = \" \" }"),
        &["`label` needs both", "`en` is empty"],
    );
    // How a discussion was read.
    let file = "seeds/zuid-holland/roem-ii.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen("reading = { nl = \"Actielijn 4 kwam", "reading = { nl = \"\", x = \"Actielijn 4 kwam", 1)
            .replacen(", x = \"Actielijn 4 kwam volgens het verslag in iedere break-out aan bod; de negen break-outs zijn gelezen als de negen hotspots van Tabel 1.\"", "", 1)
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "reading = { nl = \"\""),
        &["`reading` needs both", "`nl` is empty"],
    );
    // What a map position represents, on a place and on an infrastructure ask.
    let file = "seeds/noord-nederland.toml";
    for needle in [
        "en = \"label point: midway between the two places",
        "en = \"Groningen Airport Eelde (EHGG), municipality of Tynaarlo",
    ] {
        let (text, problems) = problems_after(file, |t| {
            let i = t.find(needle).expect("the position");
            let end = i + t[i + 6..].find('"').expect("closing quote") + 7;
            format!("{}en = \"\"{}", &t[..i], &t[end..])
        });
        let line = line_with(&text, "en = \"\" }");
        assert_problem_at(&problems, file, line, &["`represents` needs both"]);
    }
}

/// The checks on records (not only the scan of values) name empty texts too, so a JSON
/// dataset, which has no such scan, is held to the same rules.
#[test]
fn a_json_dataset_with_empty_texts_is_refused() {
    let loaded = model::load_embedded().expect("the embedded atlas loads");
    let mut d = loaded.dataset.clone();
    d.places[0].position.represents = model::Text::default();
    if let Some(a) = d.action_lines[0].actions.first_mut() {
        a.funding = Some(model::Text {
            nl: String::new(),
            en: "x".into(),
        });
    }
    let sheet = d
        .project_sheets
        .iter_mut()
        .find(|s| s.budget.as_ref().is_some_and(|b| !b.items.is_empty()))
        .expect("a sheet with budget items");
    if let Some(b) = &mut sheet.budget {
        b.items[0].label.en = String::new();
    }
    d.surveys[0].discussions[0].reading = Some(model::Text {
        nl: "x".into(),
        en: " ".into(),
    });
    if let Some(a) = &mut d.surveys[0].attendance {
        a.registered = 0;
        a.attended = 0;
    }
    let json = serde_json::to_string_pretty(&d).expect("serialises");
    let files = vec![SourceFile {
        name: "atlas.json".into(),
        text: json,
    }];
    let problems = match model::load_files(files, Origin::Embedded) {
        Ok(_) => panic!("a dataset with empty texts loaded"),
        Err(e) => e.problems,
    };
    let text = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    for words in [
        "`represents` needs both",
        "`funding` needs both",
        "`label` needs both",
        "`reading` needs both",
        "nobody registered",
    ] {
        assert!(text.contains(words), "`{words}` missing:\n{text}");
    }
}

#[test]
fn problems_inside_nested_tables_name_the_nested_line() {
    // A break-out discussion (`[[survey.discussions]]`, far below the survey's first line).
    let file = "seeds/zuid-holland/roem-ii.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen(
            "place = \"zh-nl-space-campus\"\ntopic = \"zh-al-4\"",
            "place = \"zh-nl-space-campusx\"\ntopic = \"zh-al-4\"",
            1,
        )
    });
    let line = line_with(&text, "place = \"zh-nl-space-campusx\"");
    assert!(line > 800, "the discussion is far down the file ({line})");
    assert_problem_at(
        &problems,
        file,
        line,
        &["[zh-roem-ii]", "zh-nl-space-campusx"],
    );
    // The second citation of a multi-line `sources` list, on its own line.
    let (text, problems) = problems_after(file, |t| {
        t.replacen(
            "{ source = \"seed-004\", section = \"Veel belangstelling van de beoogde doelgroep\"",
            "{ source = \"seed-404\", section = \"Veel belangstelling van de beoogde doelgroep\"",
            1,
        )
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "seed-404"),
        &["unknown source `seed-404`"],
    );
    // A budget amount in `[project_sheet.budget]`, on the item's line.
    let file = "seeds/zuid-holland/agenda.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen("eur = 20000000.0", "eur = -20000000.0", 1)
    });
    assert_problem_at(
        &problems,
        file,
        line_with(&text, "eur = -20000000.0"),
        &["-20000000"],
    );
    // An action line of an accelerator (`[[accelerator.lines]]`).
    let file = "seeds/mra/accelerators.toml";
    let (text, problems) = problems_after(file, |t| {
        t.replacen(
            "initiator_places = [\"",
            "initiator_places = [\"nowhere-",
            1,
        )
    });
    assert_problem_at(&problems, file, line_with(&text, "nowhere-"), &["nowhere-"]);
}
