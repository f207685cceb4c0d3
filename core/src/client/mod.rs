//! This browser and this computer: the user-agent parser, client hints, the combined view of
//! the environment, the 2.5.1 browser matrix, the 2.5.2 and 2.8 device policies, and the
//! verdicts on them.

pub mod browser;
pub mod device;
pub mod environment;
pub mod hints;
pub mod policy;
pub mod useragent;
