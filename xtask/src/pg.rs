//! A private PostgreSQL cluster under `target/pg` on a free port, for the tests.
//!
//! `initdb` and `pg_ctl` refuse to run as root, so as root they run as the `postgres`
//! user. The cluster is made afresh on every run and stops when the guard is dropped,
//! also after a failed step.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::sh::{free_port, is_root, output, root, run};
use crate::tools::apt_install;

/// A running cluster; stopped on drop.
#[derive(Debug)]
pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
    /// The TCP port on 127.0.0.1.
    pub port: u16,
}

/// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb`.
fn find_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, bin)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

impl Cluster {
    /// Installs PostgreSQL if needed and starts a fresh cluster for tests (no fsync).
    pub fn start() -> anyhow::Result<Cluster> {
        Cluster::start_with(false)
    }

    /// A fresh cluster; `durable` keeps fsync on (benchmarks measure durable commits).
    pub fn start_with(durable: bool) -> anyhow::Result<Cluster> {
        let bin = match find_bin() {
            Some(bin) => bin,
            None => {
                apt_install(&["postgresql"], "the PostgreSQL tests")?;
                find_bin().context(
                    "PostgreSQL installed but initdb not found under /usr/lib/postgresql",
                )?
            }
        };
        let as_postgres = is_root();
        let mut cluster = Cluster {
            bin,
            dir: root().join("target").join("pg"),
            as_postgres,
            port: free_port()?,
        };
        cluster.prepare_dir()?;
        if !cluster.usable() {
            // The repository may sit where the `postgres` user cannot reach (under /root,
            // say), or so deep that the socket path passes the kernel's 107-byte limit.
            let fallback = std::env::temp_dir().join(format!("okienko-pg-{:08x}", repo_hash()));
            println!(
                "    {} is out of reach for PostgreSQL; using {} instead",
                cluster.dir.display(),
                fallback.display()
            );
            cluster.dir = fallback;
            cluster.prepare_dir()?;
        }
        let (dir, data, port) = (cluster.dir.display(), cluster.data(), cluster.port);
        cluster.pg(&format!(
            "{} -A trust -U postgres -E UTF8 --locale=C -D {} > {dir}/initdb.log",
            cluster.bin.join("initdb").display(),
            data.display(),
        ))?;
        cluster.pg(&format!(
            "{} -D {} -l {dir}/server.log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync={} -c max_connections=200\" start",
            cluster.bin.join("pg_ctl").display(),
            data.display(),
            if durable { "on" } else { "off" },
        ))?;
        println!(
            "    PostgreSQL running on 127.0.0.1:{port} (files in {dir}, log {dir}/server.log)"
        );
        Ok(cluster)
    }

    /// `postgres://` URL of the cluster's `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Removes what an earlier run left (stopping its server first) and makes the folder.
    fn prepare_dir(&self) -> anyhow::Result<()> {
        if self.data().join("postmaster.pid").exists() {
            // A cluster left running by an interrupted run must stop before its files go.
            let _ = self.pg(&format!(
                "{} -D {} -m immediate stop",
                self.bin.join("pg_ctl").display(),
                self.data().display()
            ));
        }
        if self.dir.exists() {
            std::fs::remove_dir_all(&self.dir)
                .with_context(|| format!("removing {}", self.dir.display()))?;
        }
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("creating {}", self.dir.display()))?;
        if self.as_postgres {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&self.dir))?;
        }
        Ok(())
    }

    /// Whether the server can write its files and socket into the folder.
    fn usable(&self) -> bool {
        let socket = self.dir.join(format!(".s.PGSQL.{}", self.port));
        if socket.as_os_str().len() > 100 {
            return false;
        }
        !self.as_postgres || can_postgres_write(&self.dir)
    }

    /// Runs a shell line, as the `postgres` user when we are root.
    fn pg(&self, script: &str) -> anyhow::Result<()> {
        let mut c = if self.as_postgres {
            let mut c = Command::new("su");
            c.args(["postgres", "-s", "/bin/sh", "-c", script]);
            c
        } else {
            let mut c = Command::new("sh");
            c.args(["-c", script]);
            c
        };
        // su keeps the working folder, which the `postgres` user may not be allowed into.
        c.current_dir(&self.dir);
        run(&mut c).with_context(|| format!("see the logs in {}", self.dir.display()))
    }
}

/// A short name for this checkout, so two clones never share a fallback folder.
fn repo_hash() -> u32 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    root().hash(&mut h);
    h.finish() as u32
}

fn can_postgres_write(dir: &Path) -> bool {
    let test = format!("test -w '{}'", dir.display());
    output(Command::new("su").args(["postgres", "-s", "/bin/sh", "-c", &test])).is_some()
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if !self.data().join("postmaster.pid").exists() {
            return; // initdb or start failed: nothing runs
        }
        let stop = format!(
            "{} -D {} -m fast stop",
            self.bin.join("pg_ctl").display(),
            self.data().display()
        );
        if self.pg(&stop).is_ok() {
            println!("    PostgreSQL stopped");
        }
    }
}
