//! Running commands: print them, time them, fail clearly.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};

/// The repository root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A command that runs in the repository root.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root());
    c
}

/// The command as one would type it (arguments with spaces or quotes get quoted).
/// Variables set for the command are shown in front of it, except PATH (long; the tool
/// probes show which binaries it finds).
fn describe(c: &Command) -> String {
    let mut words: Vec<String> = c
        .get_envs()
        .filter(|(k, _)| *k != "PATH")
        .filter_map(|(k, v)| {
            Some(format!(
                "{}={}",
                k.to_string_lossy(),
                quote(&v?.to_string_lossy())
            ))
        })
        .collect();
    words.push(c.get_program().to_string_lossy().into_owned());
    words.extend(c.get_args().map(|a| quote(&a.to_string_lossy())));
    words.join(" ")
}

fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && !word.contains(|ch: char| ch.is_whitespace() || "'\"$&|;<>*?()`\\".contains(ch));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Starts a command in the background, printed first.
pub fn spawn(c: &mut Command) -> anyhow::Result<std::process::Child> {
    println!("$ {} &", describe(c));
    c.spawn()
        .with_context(|| format!("cannot start {}", describe(c)))
}

/// Prints a command as it is about to run.
pub fn announce(c: &Command) {
    println!("$ {}", describe(c));
}

/// Runs a command with inherited output; fails on a non-zero exit.
pub fn run(c: &mut Command) -> anyhow::Result<()> {
    announce(c);
    let status = c
        .status()
        .with_context(|| format!("cannot start {}", describe(c)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(c));
    }
    Ok(())
}

/// Runs a command, printed first, and returns its standard output; fails on a non-zero exit.
pub fn capture(c: &mut Command) -> anyhow::Result<String> {
    println!("$ {}", describe(c));
    let out = c
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot start {}", describe(c)))?;
    if !out.status.success() {
        bail!("`{}` failed ({})", describe(c), out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Asks a tool for its version: prints `$ tool --version -> answer` and returns the answer
/// (`None` when the tool is missing or fails).
pub fn probe(c: &mut Command) -> Option<String> {
    let answer = output(c).map(|s| s.trim().to_owned());
    println!(
        "$ {} -> {}",
        describe(c),
        answer.as_deref().unwrap_or("not found")
    );
    answer
}

/// Runs a command quietly and returns its standard output (`None` if it cannot start or
/// fails). For questions about the machine, not for work.
pub fn output(c: &mut Command) -> Option<String> {
    let out = c.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Prints a step's start and end with its duration.
pub fn step<T>(title: &str, f: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    println!("\n==> {title}");
    let started = Instant::now();
    let result = f();
    let took = started.elapsed();
    match &result {
        Ok(_) => println!("<== {title}: done in {}", human(took.as_secs())),
        Err(_) => println!("<== {title}: FAILED after {}", human(took.as_secs())),
    }
    result
}

/// `1 min 05 s` style durations.
pub fn human(secs: u64) -> String {
    if secs >= 60 {
        format!("{} min {:02} s", secs / 60, secs % 60)
    } else {
        format!("{secs} s")
    }
}

/// Whether this process runs as root.
pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

/// A free TCP port on loopback.
pub fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
