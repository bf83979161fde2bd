//! A private PostgreSQL cluster under `target/pg` on a free port, for the tests.
//!
//! `initdb` and `pg_ctl` refuse to run as root, so as root they run as the `postgres`
//! user. The cluster stops when the guard is dropped, also after a failed step.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, bail};

use crate::sh::{free_port, is_root, root, run};
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

fn find_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

impl Cluster {
    /// Installs PostgreSQL if needed and starts a fresh cluster.
    pub fn start() -> anyhow::Result<Cluster> {
        let bin = match find_bin() {
            Some(bin) => bin,
            None => {
                apt_install(&["postgresql"], "the PostgreSQL tests")?;
                find_bin().context(
                    "PostgreSQL installed but initdb not found under /usr/lib/postgresql",
                )?
            }
        };
        let dir = root().join("target").join("pg");
        if dir.exists() {
            // A cluster left running by an interrupted run must stop before its files go.
            let _ = Command::new(bin.join("pg_ctl"))
                .args(["-D"])
                .arg(dir.join("data"))
                .args(["-m", "immediate", "stop"])
                .status();
            std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir)?;
        let as_postgres = is_root();
        if as_postgres {
            run(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&dir))?;
        }
        let port = free_port()?;
        let cluster = Cluster {
            bin,
            dir,
            as_postgres,
            port,
        };
        let data = cluster.dir.join("data");
        cluster.pg(&format!(
            "{} -A trust -U postgres -E UTF8 --locale=C -D {} > {}/initdb.log",
            cluster.bin.join("initdb").display(),
            data.display(),
            cluster.dir.display()
        ))?;
        cluster.pg(&format!(
            "{} -D {} -l {}/server.log -w -o \"-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start",
            cluster.bin.join("pg_ctl").display(),
            data.display(),
            cluster.dir.display(),
            cluster.dir.display()
        ))?;
        println!("    PostgreSQL running on 127.0.0.1:{port} (data in target/pg)");
        Ok(cluster)
    }

    /// `postgres://` URL of the cluster's `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

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
        let status = c.status().context("cannot run the PostgreSQL tools")?;
        if !status.success() {
            bail!("`{script}` failed; see target/pg/*.log");
        }
        Ok(())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let stop = format!(
            "{} -D {} -m fast stop",
            self.bin.join("pg_ctl").display(),
            self.dir.join("data").display()
        );
        if self.pg(&stop).is_ok() {
            println!("    PostgreSQL stopped");
        }
    }
}
