//! Cases (sprawy): applications and letters from filing to decision and archive.
//!
//! This area is being built (issue 3). Here so far: the statutory deadline engine of
//! the Code of Administrative Procedure (KPA), the Polish public holidays it needs, and
//! case references (znak sprawy).

pub mod deadline;
pub mod holidays;
pub mod reference;
