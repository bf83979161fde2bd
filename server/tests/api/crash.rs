//! The crash test: clients cast ballots and file signed applications (with idempotency
//! keys) against a real `okienko serve`, which is killed with SIGKILL at random moments and
//! started again; every request is retried until acknowledged. Afterwards every
//! acknowledged item exists exactly once, every receipt verifies, the audit chain
//! verifies, and the ballots counted equal the voters acknowledged.
//!
//! `cargo xtask test` runs a short version (3 kills); `cargo xtask crash` runs many
//! (`OKIENKO_CRASH_ROUNDS`).

use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use models::receipts::{PublicKeyInfo, SignedReceipt, verify};
use serde_json::{Value, json};

use crate::helpers::{DEMO_PASSWORD, fresh_database_url};

fn okienko(url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_okienko"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run okienko")
}

#[expect(
    clippy::zombie_processes,
    reason = "the server is returned running; its owner kills and waits for it"
)]
fn serve(url: &str, addr: &str) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_okienko"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("OKIENKO_ADDR", addr)
        .env("OKIENKO_DIST", "/nonexistent-okienko-dist")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start okienko serve");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if ureq::get(&format!("http://{addr}/api/health"))
            .call()
            .is_ok()
        {
            return child;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the server did not come up on {addr}");
}

/// A small random generator (no crate needed): xorshift seeded by the clock.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// What the clients were told.
#[derive(Default)]
struct Acks {
    voters: Vec<usize>,
    filed: Vec<(String, String, SignedReceipt)>,
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build()
}

/// Files one general letter with key `key`, retrying every step until the server answers;
/// returns the case id and the receipt.
fn file_one(base: &str, jan: &ureq::Agent, key: &str) -> (String, SignedReceipt) {
    let mut draft: Option<String> = None;
    loop {
        let id = match &draft {
            Some(id) => id.clone(),
            None => match jan
                .post(&format!("{base}/api/drafts"))
                .send_json(json!({"service_slug": "pismo-ogolne"}))
                .ok()
                .and_then(|r| r.into_json::<Value>().ok())
            {
                Some(d) => {
                    let id = d["id"].as_str().expect("draft id").to_owned();
                    let saved = jan.put(&format!("{base}/api/drafts/{id}")).send_json(json!({
                        "data": {"letter": {"subject": "Próba awarii", "body": "Pismo wysłane w czasie awarii."}},
                        "revision": d["revision"],
                    }));
                    if saved.is_err() {
                        continue;
                    }
                    draft = Some(id.clone());
                    id
                }
                None => {
                    std::thread::sleep(Duration::from_millis(30));
                    continue;
                }
            },
        };
        match jan
            .post(&format!("{base}/api/drafts/{id}/submit"))
            .set("Idempotency-Key", key)
            .send_json(json!({"password": DEMO_PASSWORD}))
        {
            Ok(r) => {
                let v: Value = r.into_json().expect("json");
                let receipt = serde_json::from_value(v["receipt"].clone()).expect("receipt");
                return (v["case_id"].as_str().expect("case").to_owned(), receipt);
            }
            Err(ureq::Error::Status(code, r)) => {
                panic!(
                    "submission answered {code}: {}",
                    r.into_string().unwrap_or_default()
                )
            }
            Err(_) => std::thread::sleep(Duration::from_millis(30)),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn acknowledged_ballots_and_applications_survive_sigkill() {
    let rounds: usize = std::env::var("OKIENKO_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let (url, _file) = fresh_database_url().await;
    assert!(okienko(&url, &["seed", "--demo"]).status.success());
    let dir = std::env::temp_dir().join("okienko-tests");
    let voters_file = dir.join(format!(
        "crash-voters-{}.txt",
        uuid::Uuid::new_v4().simple()
    ));
    let voters = 40 + 20 * rounds;
    let out = okienko(
        &url,
        &[
            "load-voters",
            "--count",
            &voters.to_string(),
            "--out",
            &voters_file.display().to_string(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cookies: Vec<String> = std::fs::read_to_string(&voters_file)
        .expect("voters")
        .lines()
        .map(str::to_owned)
        .collect();
    let _ = std::fs::remove_file(&voters_file);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let base = format!("http://{addr}");
    let server = Arc::new(Mutex::new(serve(&url, &addr)));

    let editions: Value = ureq::get(&format!("{base}/api/civic/editions"))
        .call()
        .expect("editions")
        .into_json()
        .expect("json");
    let edition = editions
        .as_array()
        .expect("list")
        .iter()
        .find(|e| e["phase"] == "voting")
        .expect("voting")
        .clone();
    let e = edition["id"].as_str().expect("id").to_owned();
    let city = edition["pools"][0]["id"].as_str().expect("pool").to_owned();
    let projects: Value = ureq::get(&format!("{base}/api/civic/editions/{e}/projects"))
        .call()
        .expect("p")
        .into_json()
        .expect("json");
    let first = projects
        .as_array()
        .expect("p")
        .iter()
        .find(|p| p["pool_id"] == city.as_str())
        .expect("project")["id"]
        .clone();
    let jan = agent();
    jan.post(&format!("{base}/api/auth/login"))
        .send_json(json!({"email": "jan.kowalski@example.pl", "password": DEMO_PASSWORD}))
        .expect("login");

    let acks = Arc::new(Mutex::new(Acks::default()));
    let next_voter = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let submissions = 8 + 4 * rounds;
    let mut workers = vec![];
    // Voters: two threads, each ballot retried until the server answers 201 (stored now)
    // or 409 already_voted (stored before a kill took the answer).
    for _ in 0..2 {
        let (acks, next, cookies, base, e, city, first) = (
            acks.clone(),
            next_voter.clone(),
            cookies.clone(),
            base.clone(),
            e.clone(),
            city.clone(),
            first.clone(),
        );
        workers.push(std::thread::spawn(move || {
            let a = agent();
            loop {
                let n = next.fetch_add(1, Ordering::SeqCst);
                let Some(cookie) = cookies.get(n) else { break };
                loop {
                    let r = a
                        .post(&format!("{base}/api/civic/editions/{e}/ballot"))
                        .set("Cookie", cookie)
                        .send_json(json!({"choices": [{"pool_id": city, "projects": [first]}]}));
                    match r {
                        Ok(_) => break,
                        Err(ureq::Error::Status(409, _)) => break,
                        Err(ureq::Error::Status(code, r)) => panic!(
                            "ballot answered {code}: {}",
                            r.into_string().unwrap_or_default()
                        ),
                        Err(_) => std::thread::sleep(Duration::from_millis(20)),
                    }
                }
                acks.lock().expect("acks").voters.push(n);
            }
        }));
    }
    // Applications: one thread filing with fresh keys.
    {
        let (acks, base) = (acks.clone(), base.clone());
        workers.push(std::thread::spawn(move || {
            for k in 0..submissions {
                let key = format!("crash-{k:04}-{}", std::process::id());
                let (case, receipt) = file_one(&base, &jan, &key);
                acks.lock().expect("acks").filed.push((key, case, receipt));
            }
        }));
    }
    // The killer.
    let killer = {
        let (server, done, url, addr) = (server.clone(), done.clone(), url.clone(), addr.clone());
        std::thread::spawn(move || {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64);
            let mut rng = Rng(nanos | 1);
            for _ in 0..rounds {
                std::thread::sleep(Duration::from_millis(150 + rng.next(500)));
                let mut child = server.lock().expect("server");
                child.kill().expect("SIGKILL");
                child.wait().expect("reaped");
                std::thread::sleep(Duration::from_millis(rng.next(200)));
                *child = serve(&url, &addr);
            }
            done.store(true, Ordering::SeqCst);
        })
    };
    killer.join().expect("killer");
    for w in workers {
        w.join().expect("worker");
    }
    assert!(done.load(Ordering::SeqCst));
    let key: PublicKeyInfo = ureq::get(&format!("{base}/api/receipts/public-key"))
        .call()
        .expect("key")
        .into_json()
        .expect("json");
    {
        let mut child = server.lock().expect("server");
        child.kill().expect("stop");
        child.wait().expect("reaped");
    }

    let acks = std::mem::take(&mut *acks.lock().expect("acks"));
    let db = server::db::Db::connect(&url).await.expect("connect");
    let ballots: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM civic_ballots WHERE edition_id = $1")
            .bind(&e)
            .fetch_one(&db.pool)
            .await
            .expect("count");
    assert_eq!(acks.voters.len(), voters);
    assert_eq!(
        ballots as usize, voters,
        "one ballot per acknowledged voter, no more, no less"
    );
    assert_eq!(acks.filed.len(), submissions);
    for (idem, case, receipt) in acks.filed.iter() {
        let stored: Vec<String> =
            sqlx::query_scalar("SELECT case_id FROM submissions WHERE idempotency_key = $1")
                .bind(idem)
                .fetch_all(&db.pool)
                .await
                .expect("submissions");
        assert_eq!(
            stored,
            std::slice::from_ref(case),
            "{idem} is stored exactly once, as acknowledged"
        );
        verify(receipt, &key).expect("the receipt verifies");
    }
    let cases: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM submissions WHERE idempotency_key LIKE 'crash-%'")
            .fetch_one(&db.pool)
            .await
            .expect("count");
    assert_eq!(cases as usize, submissions, "no application filed twice");
    let reports = server::audit::verify(&db.pool).await.expect("verify");
    assert!(
        reports.iter().all(|r| r.problem.is_none()),
        "the audit chain survives the kills"
    );
    eprintln!(
        "crash test: {rounds} kills, {voters} ballots and {submissions} applications acknowledged and found"
    );
}
