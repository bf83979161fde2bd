//! The `okienko` binary: parses the command line and hands over to [`server::cli`].

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::main().await
}
