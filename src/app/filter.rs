//! The live `/` filter: case-insensitive terms over a prepared, lower-cased haystack.
//!
//! A query that only grew is searched within the last result. A search over a huge vault
//! goes in steps of `STEP` credentials, so the screen (and the key just typed) is drawn and
//! the next key read between them; credentials still arriving join the search under way.

use std::collections::VecDeque;
use std::fmt::Write;
use std::ops::Range;

use crate::vault::Credential;

/// How many credentials one step of a search looks at.
pub const STEP: usize = 200_000;

/// One lower-cased line per credential, all in one string, extended as credentials arrive.
#[derive(Debug, Default)]
pub struct Haystacks {
    text: String,
    /// Where each credential's line ends in `text`.
    ends: Vec<usize>,
}

impl Haystacks {
    pub fn new(credentials: &[Credential]) -> Self {
        let mut haystacks = Self::default();
        haystacks.extend(credentials);
        haystacks
    }

    pub fn extend(&mut self, credentials: &[Credential]) {
        self.ends.reserve(credentials.len());
        for c in credentials {
            let device = &c.device;
            let _ = writeln!(self.text, "{}", c.id);
            let fields = [
                Some(&*c.username),
                device.hostname.as_deref(),
                device.ip.as_deref(),
                c.domain.as_deref(),
                c.additional.as_deref(),
            ];
            for field in fields
                .into_iter()
                .flatten()
                .chain(c.tags.iter().map(AsRef::as_ref))
            {
                push_lower(&mut self.text, field);
                // A separator no query term can contain keeps fields from running together.
                self.text.push('\n');
            }
            self.ends.push(self.text.len());
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Whether credential `index`'s line holds every one of `terms`.
    fn holds(&self, index: usize, terms: &[String]) -> bool {
        let Some(&end) = self.ends.get(index) else {
            return false;
        };
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        let line = &self.text[start..end];
        terms.iter().all(|term| line.contains(term.as_str()))
    }
}

/// Lower case a character at a time (not `str::to_lowercase`, whose final sigma depends on
/// what follows), so a query that grows never matches what its shorter self did not.
fn push_lower(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase));
    }
}

fn terms(query: &str) -> Vec<String> {
    let mut lower = String::with_capacity(query.len());
    push_lower(&mut lower, query);
    lower.split_whitespace().map(str::to_owned).collect()
}

/// The query, what it matched, and the search still under way for it, if any.
#[derive(Debug, Default)]
pub struct Filter {
    pub query: String,
    /// What the last finished search matched; `None` when the query is empty (everything).
    matches: Option<Vec<usize>>,
    search: Option<Search>,
    /// Credentials looked at by every search so far: what typing has cost.
    looked: usize,
}

#[derive(Debug)]
struct Search {
    terms: Vec<String>,
    /// Credentials still to look at, in order.
    left: VecDeque<Candidates>,
    found: Vec<usize>,
}

#[derive(Debug)]
enum Candidates {
    Range(Range<usize>),
    List(std::vec::IntoIter<usize>),
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// What the last finished search matched (taken over by a search that narrows it).
    pub fn matches(&self) -> Option<&[usize]> {
        self.matches.as_deref()
    }

    /// How many credentials every search so far has looked at, together.
    pub fn looked(&self) -> usize {
        self.looked
    }

    pub fn is_searching(&self) -> bool {
        self.search.is_some()
    }

    /// How many credentials the search under way has still to look at.
    pub fn left(&self) -> usize {
        let Some(search) = &self.search else {
            return 0;
        };
        let left = search.left.iter().map(|candidates| match candidates {
            Candidates::Range(range) => range.len(),
            Candidates::List(list) => list.len(),
        });
        left.sum()
    }

    /// A new query over `total` credentials; `step` does the searching.
    pub fn set_query(&mut self, query: String, total: usize) {
        let terms = terms(&query);
        let narrows = self.is_active() && query.starts_with(self.query.as_str());
        self.query = query;
        let (search, matches) = (self.search.take(), self.matches.take());
        if terms.is_empty() {
            return;
        }
        let left = match (narrows, search, matches) {
            (true, Some(search), _) => {
                let mut left = search.left;
                // A search superseded before it found anything leaves nothing to narrow.
                if !search.found.is_empty() {
                    left.push_front(Candidates::List(search.found.into_iter()));
                }
                left
            }
            (true, None, Some(matches)) => VecDeque::from([Candidates::List(matches.into_iter())]),
            _ => VecDeque::from([Candidates::Range(0..total)]),
        };
        self.search = Some(Search {
            terms,
            left,
            found: Vec::new(),
        });
    }

    /// Credentials `new` have arrived: an active filter searches them too.
    pub fn add(&mut self, new: Range<usize>) {
        if !self.is_active() || new.is_empty() {
            return;
        }
        let search = self.search.get_or_insert_with(|| Search {
            terms: terms(&self.query),
            left: VecDeque::new(),
            found: self.matches.take().unwrap_or_default(),
        });
        search.left.push_back(Candidates::Range(new));
    }

    /// Looks at up to `budget` more credentials; true once no search is left to do.
    pub fn step(&mut self, haystacks: &Haystacks, budget: usize) -> bool {
        let Some(search) = self.search.as_mut() else {
            return true;
        };
        let mut budget = budget;
        while budget > 0 {
            let Some(next) = search.left.front_mut() else {
                break;
            };
            let (looked, done) = match next {
                Candidates::Range(range) => {
                    let end = range.start + budget.min(range.len());
                    let found = (range.start..end).filter(|&i| haystacks.holds(i, &search.terms));
                    search.found.extend(found);
                    let looked = end - range.start;
                    range.start = end;
                    (looked, range.start >= range.end)
                }
                Candidates::List(list) => {
                    let before = list.len();
                    let found = list
                        .by_ref()
                        .take(budget)
                        .filter(|&i| haystacks.holds(i, &search.terms));
                    search.found.extend(found);
                    (before - list.len(), list.len() == 0)
                }
            };
            budget -= looked;
            self.looked += looked;
            if done {
                search.left.pop_front();
            }
        }
        if !search.left.is_empty() {
            return false;
        }
        self.matches = self.search.take().map(|search| search.found);
        true
    }

    pub fn clear(&mut self) {
        self.query.clear();
        self.matches = None;
        self.search = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::Source;

    fn demo() -> (Vec<Credential>, Haystacks) {
        let vault = Source::Demo.load().unwrap();
        let haystacks = Haystacks::new(&vault.credentials);
        (vault.credentials, haystacks)
    }

    fn search(filter: &mut Filter, query: &str, haystacks: &Haystacks) {
        filter.set_query(query.into(), haystacks.len());
        assert!(filter.step(haystacks, usize::MAX));
    }

    fn ids(credentials: &[Credential], filter: &Filter) -> Vec<u64> {
        filter
            .matches()
            .unwrap()
            .iter()
            .map(|&i| credentials[i].id)
            .collect()
    }

    #[test]
    fn matches_any_field_in_any_case() {
        let (credentials, haystacks) = demo();
        let mut filter = Filter::default();
        for (query, expected) in [
            ("SRV-DB", vec![101, 102, 103]),
            ("10.10.0.5", vec![121, 122, 123, 124]),
            ("CORP", vec![121, 122, 123, 124, 161]),
            ("forest", vec![121]),
            ("tier0", vec![124]),
            ("143", vec![143]),
            ("root db", vec![101]),
        ] {
            search(&mut filter, query, &haystacks);
            assert_eq!(ids(&credentials, &filter), expected, "{query}");
        }
    }

    #[test]
    fn growing_query_narrows_and_clearing_restores() {
        let (credentials, haystacks) = demo();
        let mut filter = Filter::default();
        search(&mut filter, "r", &haystacks);
        let wide = ids(&credentials, &filter);
        search(&mut filter, "ro", &haystacks);
        search(&mut filter, "roo", &haystacks);
        assert_eq!(ids(&credentials, &filter), vec![101, 111, 121]);
        search(&mut filter, "r", &haystacks);
        assert_eq!(ids(&credentials, &filter), wide);
        search(&mut filter, "", &haystacks);
        assert!(filter.matches().is_none() && !filter.is_active());
    }

    #[test]
    fn fields_do_not_run_together() {
        let (credentials, haystacks) = demo();
        let mut filter = Filter::default();
        // "root" ends one field and "srv" starts the next: no credential should match across.
        search(&mut filter, "rootsrv", &haystacks);
        assert!(ids(&credentials, &filter).is_empty());
    }

    #[test]
    fn a_search_in_steps_finds_what_one_in_a_go_does() {
        let (credentials, haystacks) = demo();
        let mut whole = Filter::default();
        search(&mut whole, "o", &haystacks);
        search(&mut whole, "ot", &haystacks);
        let mut stepped = Filter::default();
        stepped.set_query("o".into(), haystacks.len());
        assert!(!stepped.step(&haystacks, 3));
        // A key typed before the search is over narrows what it has found and what is left.
        stepped.set_query("ot".into(), haystacks.len());
        let mut steps = 1;
        while !stepped.step(&haystacks, 3) {
            steps += 1;
        }
        assert!(steps > 1);
        assert_eq!(ids(&credentials, &stepped), ids(&credentials, &whole));
    }

    #[test]
    fn credentials_that_arrive_later_are_searched_too() {
        let (credentials, _) = demo();
        let (first, rest) = credentials.split_at(7);
        let mut haystacks = Haystacks::new(first);
        let mut filter = Filter::default();
        search(&mut filter, "corp", &haystacks);
        haystacks.extend(rest);
        filter.add(first.len()..credentials.len());
        assert!(filter.step(&haystacks, usize::MAX));
        assert_eq!(ids(&credentials, &filter), vec![121, 122, 123, 124, 161]);
    }
}
