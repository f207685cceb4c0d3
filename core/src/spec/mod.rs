//! The specification itself as `const` tables: its sections, every value it fixes, every
//! requirement, the plan facts they depend on, the advisories where v3.40 has aged, and all of
//! it as one serialisable catalogue. No logic beyond lookups lives here.

pub mod advisory;
pub mod catalogue;
pub mod condition;
pub mod limits;
pub mod requirement;
pub mod section;
pub mod swedish;
