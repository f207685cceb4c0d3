//! Sets of flows as exact arithmetic: a flow is (source address, destination address,
//! destination port) for one protocol, and a region is a union of disjoint boxes in that
//! space. A firewall rule's match is a product of one interval set per dimension; first-match
//! evaluation then splits regions into what a rule takes and what goes on to the next rule.

use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// The dimensions of a flow.
pub const SOURCE: usize = 0;
pub const DESTINATION: usize = 1;
pub const PORT: usize = 2;

/// The largest value of each dimension (addresses are 32-bit, ports 16-bit).
pub const MAXIMUM: [u32; 3] = [u32::MAX, u32::MAX, 65535];

/// A sorted list of disjoint, non-adjacent inclusive intervals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IntervalSet(Vec<(u32, u32)>);

impl IntervalSet {
    pub fn empty() -> IntervalSet {
        IntervalSet(Vec::new())
    }

    pub fn full(dimension: usize) -> IntervalSet {
        IntervalSet(vec![(0, MAXIMUM[dimension])])
    }

    pub fn interval(first: u32, last: u32) -> IntervalSet {
        if first <= last { IntervalSet(vec![(first, last)]) } else { IntervalSet::empty() }
    }

    pub fn network(network: Ipv4Net) -> IntervalSet {
        let network = network.trunc();
        IntervalSet::interval(u32::from(network.network()), u32::from(network.broadcast()))
    }

    pub fn address_range(first: Ipv4Addr, last: Ipv4Addr) -> IntervalSet {
        IntervalSet::interval(u32::from(first), u32::from(last))
    }

    pub fn from_intervals(intervals: impl IntoIterator<Item = (u32, u32)>) -> IntervalSet {
        let mut intervals: Vec<(u32, u32)> = intervals.into_iter().filter(|(first, last)| first <= last).collect();
        intervals.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(intervals.len());
        for (first, last) in intervals {
            match merged.last_mut() {
                Some(previous) if u64::from(first) <= u64::from(previous.1) + 1 => previous.1 = previous.1.max(last),
                _ => merged.push((first, last)),
            }
        }
        IntervalSet(merged)
    }

    pub fn intervals(&self) -> &[(u32, u32)] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn union(&self, other: &IntervalSet) -> IntervalSet {
        IntervalSet::from_intervals(self.0.iter().chain(&other.0).copied())
    }

    pub fn intersect(&self, other: &IntervalSet) -> IntervalSet {
        let mut result = Vec::new();
        let (mut left, mut right) = (0, 0);
        while left < self.0.len() && right < other.0.len() {
            let (a, b) = (self.0[left], other.0[right]);
            let (first, last) = (a.0.max(b.0), a.1.min(b.1));
            if first <= last {
                result.push((first, last));
            }
            if a.1 < b.1 { left += 1 } else { right += 1 }
        }
        IntervalSet(result)
    }

    pub fn complement(&self, dimension: usize) -> IntervalSet {
        let mut result = Vec::new();
        let mut next: u64 = 0;
        for &(first, last) in &self.0 {
            if u64::from(first) > next {
                result.push((next as u32, first - 1));
            }
            next = u64::from(last) + 1;
        }
        if next <= u64::from(MAXIMUM[dimension]) {
            result.push((next as u32, MAXIMUM[dimension]));
        }
        IntervalSet(result)
    }

    pub fn contains_set(&self, other: &IntervalSet) -> bool {
        other.intersect(self) == *other
    }

    pub fn is_full(&self, dimension: usize) -> bool {
        self.0 == [(0, MAXIMUM[dimension])]
    }
}

/// A product of one inclusive interval per dimension.
pub type FlowBox = [(u32, u32); 3];

/// A product of one interval set per dimension: what a rule matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product(pub [IntervalSet; 3]);

impl Product {
    pub fn everything() -> Product {
        Product([IntervalSet::full(SOURCE), IntervalSet::full(DESTINATION), IntervalSet::full(PORT)])
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().any(IntervalSet::is_empty)
    }

    /// The parts of a box inside this product.
    pub fn inside(&self, flows: &FlowBox) -> Vec<FlowBox> {
        let pieces: Vec<IntervalSet> =
            (0..3).map(|dimension| self.0[dimension].intersect(&IntervalSet(vec![flows[dimension]]))).collect();
        let mut result = Vec::new();
        for &source in pieces[0].intervals() {
            for &destination in pieces[1].intervals() {
                for &port in pieces[2].intervals() {
                    result.push([source, destination, port]);
                }
            }
        }
        result
    }

    /// The parts of a box outside this product, as disjoint boxes: first the part whose
    /// source lies outside, then (source inside) the part whose destination lies outside, and
    /// so on.
    pub fn outside(&self, flows: &FlowBox) -> Vec<FlowBox> {
        let mut result = Vec::new();
        let mut prefix: Vec<Vec<(u32, u32)>> = vec![vec![flows[0]], vec![flows[1]], vec![flows[2]]];
        for dimension in 0..3 {
            let own = IntervalSet(vec![flows[dimension]]);
            let outside = own.intersect(&self.0[dimension].complement(dimension));
            let inside = own.intersect(&self.0[dimension]);
            prefix[dimension] = outside.0.clone();
            for &source in &prefix[0] {
                for &destination in &prefix[1] {
                    for &port in &prefix[2] {
                        result.push([source, destination, port]);
                    }
                }
            }
            prefix[dimension] = inside.0;
            if prefix[dimension].is_empty() {
                break;
            }
        }
        result
    }
}

/// The union of the intervals one dimension of these boxes spans.
pub fn projection<'a>(boxes: impl IntoIterator<Item = &'a FlowBox>, dimension: usize) -> IntervalSet {
    IntervalSet::from_intervals(boxes.into_iter().map(|flows| flows[dimension]))
}

/// An interval of addresses written as people do: one address, or first-last (and, past the
/// first few, how many more there are, in both languages).
pub fn describe_addresses(set: &IntervalSet) -> crate::locale::Bilingual {
    const SHOWN: usize = 3;
    let words: Vec<String> = set
        .intervals()
        .iter()
        .take(SHOWN)
        .map(|&(first, last)| {
            let networks: Vec<Ipv4Net> =
                ipnet::Ipv4Subnets::new(Ipv4Addr::from(first), Ipv4Addr::from(last), 0).collect();
            match networks.as_slice() {
                [network] if network.prefix_len() == 32 => network.addr().to_string(),
                [network] => network.to_string(),
                _ => format!("{}-{}", Ipv4Addr::from(first), Ipv4Addr::from(last)),
            }
        })
        .collect();
    let shown = words.join(", ");
    if set.intervals().len() > SHOWN {
        let more = set.intervals().len() - SHOWN;
        return crate::bilingual!("{shown}, {more} more ranges", "{shown} och {more} intervall till");
    }
    crate::locale::Bilingual::same(shown)
}

pub fn describe_ports(set: &IntervalSet) -> String {
    let words: Vec<String> = set
        .intervals()
        .iter()
        .map(|&(first, last)| if first == last { first.to_string() } else { format!("{first}-{last}") })
        .collect();
    words.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(intervals: &[(u32, u32)]) -> IntervalSet {
        IntervalSet::from_intervals(intervals.iter().copied())
    }

    #[test]
    fn interval_sets_merge_intersect_and_complement() {
        assert_eq!(set(&[(5, 9), (1, 3), (4, 4)]), set(&[(1, 9)]));
        assert_eq!(set(&[(1, 10)]).intersect(&set(&[(0, 2), (5, 6), (10, 20)])), set(&[(1, 2), (5, 6), (10, 10)]));
        assert_eq!(set(&[(0, 9), (20, 65535)]).complement(PORT), set(&[(10, 19)]));
        assert_eq!(IntervalSet::empty().complement(PORT), IntervalSet::full(PORT));
        assert_eq!(IntervalSet::full(SOURCE).complement(SOURCE), IntervalSet::empty());
        assert!(set(&[(1, 100)]).contains_set(&set(&[(3, 4), (50, 60)])));
    }

    #[test]
    fn inside_and_outside_partition_a_box() {
        let product = Product([set(&[(10, 20)]), set(&[(0, 5), (8, 9)]), set(&[(443, 443)])]);
        let flows: FlowBox = [(0, 30), (0, 10), (400, 500)];
        let volume = |boxes: &[FlowBox]| -> u64 {
            boxes.iter().map(|b| b.iter().map(|&(first, last)| u64::from(last - first) + 1).product::<u64>()).sum()
        };
        let (inside, outside) = (product.inside(&flows), product.outside(&flows));
        assert_eq!(volume(&inside), 11 * 8);
        assert_eq!(volume(&inside) + volume(&outside), volume(&[flows]));
        for piece in &outside {
            assert!(product.inside(piece).is_empty(), "{piece:?}");
        }
    }

    #[test]
    fn ranges_are_described_as_networks_where_they_are_one() {
        assert_eq!(describe_addresses(&IntervalSet::network("81.228.2.192/27".parse().unwrap())).en, "81.228.2.192/27");
        assert_eq!(describe_addresses(&IntervalSet::interval(1, 1)).en, "0.0.0.1");
        assert_eq!(describe_addresses(&IntervalSet::interval(1, 2)).en, "0.0.0.1-0.0.0.2");
        assert_eq!(describe_ports(&set(&[(80, 80), (49152, 65535)])), "80, 49152-65535");
    }
}
