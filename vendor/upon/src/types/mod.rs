pub mod ast;
pub mod delimiter;
pub mod program;
pub mod span;
#[cfg(feature = "syntax")]
pub mod syntax;
