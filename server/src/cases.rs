//! Cases (sprawy): applications and letters from filing to decision and archive.
//!
//! This area is being built (issue 3). Here so far: the statutory deadline engine of
//! the Code of Administrative Procedure (KPA) and the Polish public holidays it needs.

pub mod deadline;
pub mod holidays;
