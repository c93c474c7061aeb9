//! Figures, stated totals and surveys: values with their qualifiers, totals against their
//! parts, survey results, break-out discussions and conclusions.

use super::{At, Checker};
use crate::model::amount::{Amount, fraction_word};
use crate::model::types::*;

/// A value with its unit and qualifier: a number, ranges the right way round, and shares in
/// words only where there is a word for them.
fn check_value(c: &mut Checker, id: &str, a: &Amount) {
    let (value, max) = (a.value, a.max);
    if !value.is_finite() || max.is_some_and(|m| !m.is_finite()) {
        c.report(
            id,
            Some("value"),
            "the value is not a number".to_string(),
            "write a plain number, e.g. 31000",
        );
        return;
    }
    let non_negative = matches!(
        a.unit,
        Unit::Count | Unit::Eur | Unit::Fte | Unit::SquareMetre | Unit::Year
    );
    if non_negative && value < 0.0 {
        c.report(
            id,
            Some("value"),
            format!("a count or amount cannot be negative ({value})"),
            "give the value as 0 or more",
        );
    }
    match (a.qualifier, max) {
        (Qualifier::Range, None) => c.report(
            id,
            Some("value_max"),
            "a range needs `value_max`".to_string(),
            "add the upper end as `value_max`, or change the qualifier",
        ),
        (Qualifier::Range, Some(m)) if m < value => c.report(
            id,
            Some("value_max"),
            format!("`value_max` {m} is below `value` {value}"),
            "put the lower end in `value` and the upper end in `value_max`",
        ),
        (q, Some(_)) if q != Qualifier::Range => c.report(
            id,
            Some("value_max"),
            "`value_max` is given but the qualifier is not `range`".to_string(),
            "set `qualifier = \"range\"`, or remove `value_max`",
        ),
        _ => {}
    }
    if a.as_fraction {
        if a.unit != Unit::Percent {
            c.report(
                id,
                Some("as_fraction"),
                "a share in words (`as_fraction`) must be given in percent".to_string(),
                "set `unit = \"percent\"` and give the share as a percentage (half = 50)",
            );
        }
        for v in std::iter::once(value).chain(max) {
            if fraction_word(v, Lang::Nl).is_none() {
                c.report(
                    id,
                    Some("as_fraction"),
                    format!("{v}% has no word of its own (a quarter, a third, half, two thirds, three quarters)"),
                    "remove `as_fraction` and keep the percentage, or correct the value (two thirds = 66.67)",
                );
            }
        }
    }
}

pub(super) fn check_figures(c: &mut Checker, d: &Dataset) {
    for f in &d.figures {
        let id = f.id.as_str();
        c.text(id, "label", &f.label);
        c.place_or_region_refs(id, "subject", std::slice::from_ref(&f.subject));
        check_value(c, id, &f.amount());
        c.citations(
            id,
            &f.sources,
            &["label", "value", "value_max", "year", "target", "qualifier"],
        );
    }
    for t in &d.totals {
        let id = t.id.as_str();
        c.text(id, "label", &t.label);
        c.place_refs(id, "parts", &t.parts);
        if t.field != "companies" {
            c.report(
                id,
                Some("field"),
                format!("cannot total field `{}`", t.field),
                "use `field = \"companies\"`",
            );
        } else {
            let mut sum = 0i64;
            let mut missing = Vec::new();
            for part in &t.parts {
                if let Some(p) = c.places.get(part.as_str()) {
                    match p.companies {
                        // Counts are bounded above, so saturating never hides a real sum.
                        Some(n) => sum = sum.saturating_add(n),
                        None => missing.push(part.as_str()),
                    }
                }
            }
            if !missing.is_empty() {
                c.report(
                    id,
                    Some("parts"),
                    format!("parts without a company count: {}", missing.join(", ")),
                    "give those places `companies`, or remove them from `parts`",
                );
            } else if sum != t.value {
                c.report(
                    id,
                    Some("value"),
                    format!(
                        "the parts add up to {sum}, but the source states a total of {}",
                        t.value
                    ),
                    "check each part's `companies` against the source table",
                );
            }
        }
        c.citations(id, &t.sources, &["value", "parts", "label"]);
    }
}

pub(super) fn check_surveys(c: &mut Checker, d: &Dataset) {
    for s in &d.surveys {
        let id = s.id.as_str();
        c.region_ref(id, &s.region);
        c.required(id, "name", &s.name);
        c.text(id, "description", &s.description);
        if let Some(a) = &s.attendance {
            check_attendance(c, id, a);
        }
        for r in &s.results {
            let rid = r.id.as_str();
            c.text(rid, "question", &r.question);
            if !c.topics.contains(r.topic.as_str()) {
                c.report(
                    rid,
                    Some("topic"),
                    format!(
                        "topic `{}` is not an action line, product chain or survey",
                        r.topic
                    ),
                    "use the id of an [[action_line]], [[product_chain]] or the survey itself",
                );
            }
            check_value(c, rid, &r.amount());
            let out_of_range = std::iter::once(r.value)
                .chain(r.value_max)
                .find(|v| !(0.0..=100.0).contains(v));
            if let (Unit::Percent, Some(v)) = (r.unit, out_of_range) {
                c.report(
                    rid,
                    Some("value"),
                    format!("a survey share of {v}% is impossible"),
                    "give the percentage between 0 and 100",
                );
            }
            c.citations(
                rid,
                &r.sources,
                &["question", "value", "value_max", "respondents", "qualifier"],
            );
        }
        for (i, x) in s.discussions.iter().enumerate() {
            let at = At::field("discussions").index(i);
            c.place_refs(id, at.clone().key("place"), std::slice::from_ref(&x.place));
            if !c.topics.contains(x.topic.as_str()) {
                c.report_at(
                    id,
                    at.clone().key("topic"),
                    format!(
                        "discussion topic `{}` is not an action line or product chain",
                        x.topic
                    ),
                    "use the id of an [[action_line]] or [[product_chain]]",
                );
            }
            if let Some(r) = &x.reading {
                c.text(id, at.clone().key("reading"), r);
            }
            if x.sources.is_empty() {
                c.report_at(
                    id,
                    at.clone(),
                    format!(
                        "the discussion of {} at {} cites no source",
                        x.topic, x.place
                    ),
                    "add `sources = [...]`",
                );
            }
            for (j, cite) in x.sources.iter().enumerate() {
                let cite_at = at.clone().key("sources").index(j);
                c.citation(id, cite_at, cite, &["place", "topic", "reading"]);
            }
        }
        for x in &s.conclusions {
            check_conclusion(c, x);
        }
        c.citations(id, &s.sources, &["name", "description", "attendance"]);
    }
}

/// Attendance as the report states it: a percentage that is a number between 0 and 100 and
/// agrees with attended ÷ registered, nobody attending who did not register.
fn check_attendance(c: &mut Checker, id: &str, a: &Attendance) {
    let at = At::field("attendance");
    if !a.percent.is_finite() || !(0.0..=100.0).contains(&a.percent) {
        c.report_at(
            id,
            at.key("percent"),
            format!(
                "the attendance percentage {} is not a number between 0 and 100",
                a.percent
            ),
            "write the percentage the report states, e.g. `percent = 82.0`",
        );
    } else if a.registered == 0 {
        c.report_at(
            id,
            at.key("registered"),
            format!(
                "nobody registered, so {} attended and {}% cannot both be right",
                a.attended, a.percent
            ),
            "give the number of people registered as the report states it, or leave `attendance` out",
        );
    } else if a.attended > a.registered {
        c.report_at(
            id,
            at.key("attended"),
            format!(
                "{} attended but only {} registered",
                a.attended, a.registered
            ),
            "check both numbers against the report",
        );
    } else {
        let pct = f64::from(a.attended) * 100.0 / f64::from(a.registered);
        if (pct - a.percent).abs() > 1.0 {
            c.report_at(
                id,
                at.key("percent"),
                format!(
                    "{} of {} is {pct:.1}%, not the stated {}%",
                    a.attended, a.registered, a.percent
                ),
                "check the numbers and the percentage against the report",
            );
        }
    }
}

/// A conclusion hangs on a topic of the survey or of the agenda, says something in both
/// languages, names break-out places that exist and cites the report.
fn check_conclusion(c: &mut Checker, x: &SurveyConclusion) {
    let id = x.id.as_str();
    c.text(id, "text", &x.text);
    let topic = x.topic.as_str();
    if !c.topics.contains(topic) && !c.agenda_items.contains(topic) {
        c.report(
            id,
            Some("topic"),
            format!("topic `{topic}` is not an action line, product chain, agenda item or survey"),
            "use the id of an [[action_line]], [[product_chain]], [[agenda_item]] or the survey itself",
        );
    }
    c.place_refs(id, "places", &x.places);
    c.citations(id, &x.sources, &["text", "topic", "places", "kind"]);
}
