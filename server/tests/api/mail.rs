//! E-mail through the outbox to a real local SMTP server (Python's aiosmtpd, installed by
//! `cargo xtask test` into `.tools/py`, its interpreter in `OKIENKO_TEST_PYTHON`).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use server::mail::{SmtpMailer, enqueue, sender::send_due};

use crate::helpers::TestApp;

/// aiosmtpd storing what it receives in a maildir.
pub struct SmtpServer {
    child: Child,
    pub port: u16,
    pub maildir: PathBuf,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.maildir);
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

pub async fn start_smtp(port: u16) -> SmtpServer {
    let python = std::env::var("OKIENKO_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let maildir =
        std::env::temp_dir().join(format!("okienko-mail-{}", uuid::Uuid::new_v4().simple()));
    let mut child = Command::new(&python)
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {python} -m aiosmtpd ({e}); run the tests with `cargo xtask test`, which installs it"));
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return SmtpServer {
                child,
                port,
                maildir,
            };
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("aiosmtpd did not start; run the tests with `cargo xtask test`, which installs it");
}

pub fn received(maildir: &Path) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn queued_mail_reaches_a_real_smtp_server_and_a_failed_send_is_retried() {
    let app = TestApp::spawn().await;
    let pool = &app.state.db.pool;
    let port = free_port();
    let mailer = SmtpMailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "no-reply@przykladowo.example.pl",
    )
    .expect("mailer");
    let mut tx = app.state.db.begin_write().await.expect("tx");
    enqueue(
        &mut tx,
        "przykladowo",
        "jan.kowalski@example.pl",
        "Sprawa GK.6131.1.2026: w toku",
        "Treść",
        0,
    )
    .await
    .expect("enqueue");
    tx.commit().await.expect("commit");

    // Nobody listens yet: the message stays, with the error and a later attempt.
    assert_eq!(send_due(pool, &mailer).await.expect("send"), 0);
    let (attempts, error): (i64, Option<String>) = sqlx::query_as(
        "SELECT attempts, last_error FROM mail_outbox WHERE subject LIKE 'Sprawa GK.6131.1.2026%'",
    )
    .fetch_one(pool)
    .await
    .expect("row");
    assert_eq!(attempts, 1);
    assert!(error.is_some());

    let smtp = start_smtp(port).await;
    assert_eq!(smtp.port, port);
    // Not due yet: nothing is sent before its time.
    sqlx::query("UPDATE mail_outbox SET next_attempt_at = 0 WHERE sent_at IS NULL")
        .execute(pool)
        .await
        .expect("due now");
    let sent = send_due(pool, &mailer).await.expect("send");
    assert!(sent >= 1, "sent {sent}");
    let mails = received(&smtp.maildir);
    assert!(
        mails
            .iter()
            .any(|m| m.contains("jan.kowalski@example.pl") && m.contains("GK.6131.1.2026")),
        "{mails:?}"
    );
    // Sent messages are not sent again.
    let before = received(&smtp.maildir).len();
    assert_eq!(send_due(pool, &mailer).await.expect("send"), 0);
    assert_eq!(received(&smtp.maildir).len(), before);
    let unsent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
        .fetch_one(pool)
        .await
        .expect("count");
    assert_eq!(unsent, 0, "the demo's notifications went out too");
}
