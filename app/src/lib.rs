//! Placeholder until the UI lands.
