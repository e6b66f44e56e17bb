//! The live `/` filter: case-insensitive terms over a prepared, lower-cased haystack.

use crate::vault::Credential;

/// One lower-cased line per credential, built once when the vault loads.
#[derive(Debug, Default)]
pub struct Haystacks {
    lines: Vec<String>,
}

impl Haystacks {
    pub fn new(credentials: &[Credential]) -> Self {
        let lines = credentials
            .iter()
            .map(|c| {
                let device = &c.device;
                let id = c.id.to_string();
                let fields = [
                    Some(id.as_str()),
                    Some(c.username.as_str()),
                    device.hostname.as_deref(),
                    device.ip.as_deref(),
                    c.domain.as_deref(),
                    c.additional.as_deref(),
                ];
                let mut line = String::new();
                for field in fields
                    .into_iter()
                    .flatten()
                    .chain(c.tags.iter().map(String::as_str))
                {
                    line.push_str(field);
                    // A separator no query term can contain keeps fields from running together.
                    line.push('\n');
                }
                line.to_lowercase()
            })
            .collect();
        Self { lines }
    }

    /// Indexes of the credentials among `candidates` whose line holds every term of `query`.
    pub fn matching(&self, query: &str, candidates: impl Iterator<Item = usize>) -> Vec<usize> {
        let query = query.to_lowercase();
        let terms: Vec<&str> = query.split_whitespace().collect();
        candidates
            .filter(|&index| {
                self.lines
                    .get(index)
                    .is_some_and(|line| terms.iter().all(|term| line.contains(term)))
            })
            .collect()
    }
}

/// The query and what it matched; a query that only grew is searched within the last result.
#[derive(Debug, Default)]
pub struct Filter {
    pub query: String,
    /// `None` when the query is empty: everything matches.
    matches: Option<Vec<usize>>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    pub fn matches(&self) -> Option<&[usize]> {
        self.matches.as_deref()
    }

    pub fn set_query(&mut self, query: String, haystacks: &Haystacks, total: usize) {
        let narrows = query.starts_with(&self.query) && self.is_active();
        self.matches = if query.trim().is_empty() {
            None
        } else if let (true, Some(previous)) = (narrows, self.matches.take()) {
            Some(haystacks.matching(&query, previous.into_iter()))
        } else {
            Some(haystacks.matching(&query, 0..total))
        };
        self.query = query;
    }

    pub fn clear(&mut self) {
        self.query.clear();
        self.matches = None;
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
            filter.set_query(query.into(), &haystacks, credentials.len());
            assert_eq!(ids(&credentials, &filter), expected, "{query}");
        }
    }

    #[test]
    fn growing_query_narrows_and_clearing_restores() {
        let (credentials, haystacks) = demo();
        let mut filter = Filter::default();
        filter.set_query("r".into(), &haystacks, credentials.len());
        let wide = ids(&credentials, &filter);
        filter.set_query("ro".into(), &haystacks, credentials.len());
        filter.set_query("roo".into(), &haystacks, credentials.len());
        assert_eq!(ids(&credentials, &filter), vec![101, 111, 121]);
        filter.set_query("r".into(), &haystacks, credentials.len());
        assert_eq!(ids(&credentials, &filter), wide);
        filter.set_query(String::new(), &haystacks, credentials.len());
        assert!(filter.matches().is_none() && !filter.is_active());
    }

    #[test]
    fn fields_do_not_run_together() {
        let (credentials, haystacks) = demo();
        let mut filter = Filter::default();
        // "root" ends one field and "srv" starts the next: no credential should match across.
        filter.set_query("rootsrv".into(), &haystacks, credentials.len());
        assert!(ids(&credentials, &filter).is_empty());
    }
}
