//! The `okienko` command line: serve, migrate, seed, user management, receipt and audit
//! checks, civic-budget tallies.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use models::auth::Role;
use tracing_subscriber::EnvFilter;

use crate::auth::db::{NewUser, insert_user, normalise_email, set_roles, user_by_email};
use crate::auth::password::hash_blocking;
use crate::config::Config;
use crate::db::Db;
use crate::startup::{AppState, Application};
use crate::tenancy::db::{
    NewGmina, any_gmina, configure_default, default_gmina, gmina_exists, insert_gmina,
};
use crate::{demo, receipts};

/// Okienko — the open e-services portal of a Polish gmina.
#[derive(Debug, Parser)]
#[command(name = "okienko", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrates the database and serves the portal at OKIENKO_ADDR.
    Serve {
        /// Load the demo gminy first (if not loaded yet).
        #[arg(long)]
        demo: bool,
    },
    /// Applies pending database migrations and exits.
    Migrate,
    /// Loads a data set.
    Seed {
        /// The demo gminy "Gmina Przykładowo" and "Gmina Sąsiednia".
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Manages accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Official receipts (UPO).
    Receipt {
        #[command(subcommand)]
        command: ReceiptCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Load-test fixtures for `cargo xtask bench`: N resident accounts of the demo gmina
    /// with PESELs and open sessions, their cookies written to a file (mode 0600).
    LoadVoters {
        /// How many voters.
        #[arg(long)]
        count: usize,
        /// Where to write one `okienko_session=…` cookie per line.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Load-test fixtures for `cargo xtask bench`: a year of grades in every class of the
    /// demo school from 4a and a parent with an open session for every pupil; one
    /// `cookie<TAB>pupil id` per line written to a file (mode 0600).
    LoadSchool {
        /// Where to write the lines.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Load-test fixtures for `cargo xtask bench`: N confirmed alert subscribers of the demo
    /// gmina (e-mail, every area and category) at `bench-N@example.pl`.
    LoadSubscribers {
        /// How many.
        #[arg(long)]
        count: usize,
    },
    /// Backs up DATABASE_URL into FILE while the portal keeps running (SQLite: a
    /// consistent copy, checked; PostgreSQL: pg_dump). FILE must not exist.
    Backup {
        /// Where to write the backup.
        file: std::path::PathBuf,
    },
    /// Restores FILE (made by `okienko backup`) into DATABASE_URL. Stop the server first:
    /// SQLite's database file is replaced; PostgreSQL gets pg_restore --clean.
    Restore {
        /// The backup.
        file: std::path::PathBuf,
    },
    /// A local SMS gateway with the API of Polish bulk-SMS gateways (`POST /sms.do`,
    /// `GET /messages`), for the demo and the tests.
    SmsSimulator {
        /// Where to listen.
        #[arg(long, default_value = "127.0.0.1:48125")]
        addr: std::net::SocketAddr,
        /// The bearer token it expects.
        #[arg(long, default_value = crate::config::SIMULATOR_SMS_TOKEN)]
        token: String,
    },
    /// Civic-budget elections in the pabulib format (pabulib.org/format).
    Pb {
        #[command(subcommand)]
        command: PbCommand,
    },
}

#[derive(Debug, Subcommand)]
enum PbCommand {
    /// Counts a `.pb` file and prints `{"selected": [...], "total_cost": N, "rule": "..."}`;
    /// needs no database. A malformed file is refused with its line number (exit 1).
    Tally {
        /// `greedy` (most votes first, skip what no longer fits) or `mes` (Method of
        /// Equal Shares, cost utilities, add1 completion).
        #[arg(long, value_parser = ["greedy", "mes"])]
        rule: String,
        /// The election file.
        file: std::path::PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Checks every gmina's hash chain in DATABASE_URL: prints "valid" and exits 0, or
    /// prints the first broken entry and exits 1. Does not change the database.
    Verify,
}

#[derive(Debug, Subcommand)]
enum ReceiptCommand {
    /// Checks a receipt file: prints "valid" and exits 0, or prints the reason and
    /// exits 1. The office key comes from the database (DATABASE_URL) by the receipt's
    /// key id, or from --public-key (then no database is needed).
    Verify {
        /// The receipt, as downloaded (JSON).
        file: std::path::PathBuf,
        /// The office's public key, hex (from GET /api/receipts/public-key).
        #[arg(long)]
        public_key: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Adds an account (e.g. the first admin), or sets the roles of an existing one.
    /// The password is read from OKIENKO_PASSWORD or asked on standard input.
    Add {
        /// Login e-mail.
        #[arg(long)]
        email: String,
        /// Role(s): resident, clerk, teacher, parent, pupil, admin (repeat or comma-separate).
        #[arg(long, value_delimiter = ',', required = true)]
        role: Vec<String>,
        /// Full name.
        #[arg(long, default_value = "Administrator")]
        name: String,
        /// The gmina's slug (default: the default gmina).
        #[arg(long)]
        gmina: Option<String>,
    },
}

/// Runs the command line and turns failures into a message and exit code 1.
pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("błąd / error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let json = std::env::var("OKIENKO_LOG_FORMAT").is_ok_and(|v| v == "json");
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init()
    } else {
        builder.init()
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Command::Pb {
        command: PbCommand::Tally { rule, file },
    } = &cli.command
    {
        return pb_tally(rule, file);
    }
    if let Command::SmsSimulator { addr, token } = &cli.command {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        println!("SMS simulator: http://{}/sms.do", listener.local_addr()?);
        crate::alerts::sms::simulator::serve(listener, token.clone()).await?;
        return Ok(ExitCode::SUCCESS);
    }
    let config = Config::from_env()?;
    if let Command::Receipt {
        command: ReceiptCommand::Verify { file, public_key },
    } = &cli.command
    {
        return verify_receipt(&config, file, public_key.as_deref()).await;
    }
    match &cli.command {
        Command::Backup { file } => {
            let r = crate::backup::backup(&config.database_url, file).await?;
            println!(
                "Kopia zapisana / backup written: {} ({} B)",
                r.file.display(),
                r.bytes
            );
            return Ok(ExitCode::SUCCESS);
        }
        Command::Restore { file } => {
            let r = crate::backup::restore(&config.database_url, file).await?;
            println!(
                "Odtworzono / restored: {} ({} B)",
                r.file.display(),
                r.bytes
            );
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let db = Db::connect(&config.database_url).await?;
    if let Command::Audit {
        command: AuditCommand::Verify,
    } = &cli.command
    {
        return verify_audit(&db).await;
    }
    db.migrate().await?;
    match cli.command {
        Command::Migrate => println!("Migracje zastosowane / migrations applied."),
        Command::Seed { .. } => {
            report_seed(demo::seed(&db, config.receipt_key_dir.as_deref()).await?)
        }
        Command::Serve { demo } => {
            if demo {
                report_seed(demo::seed(&db, config.receipt_key_dir.as_deref()).await?);
            }
            prepare_default_gmina(&db, &config).await?;
            receipts::keys::ensure_all(&db.pool, config.receipt_key_dir.as_deref()).await?;
            let mut config = config;
            if demo && config.sms_url.is_none() {
                // The demo's SMS go to a local simulator (its inbox: GET …/messages).
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                let url = format!("http://{}/sms.do", listener.local_addr()?);
                println!("SMS simulator: {url}");
                tokio::spawn(crate::alerts::sms::simulator::serve(
                    listener,
                    config.sms_token.clone(),
                ));
                config.sms_url = Some(url);
            }
            let state = AppState::new(db, config)?;
            let app = Application::bind(state).await?;
            let addr = app.local_addr()?;
            tracing::info!(%addr, "serving");
            println!("Okienko: http://{addr}");
            app.run().await?;
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    role,
                    name,
                    gmina,
                },
        } => {
            add_user(&db, &email, &role, &name, gmina).await?;
        }
        Command::LoadSubscribers { count } => {
            demo::load_subscribers(&db, count).await?;
            println!("{count} confirmed alert subscribers");
        }
        Command::LoadSchool { out } => {
            let parents = demo::load_school(&db).await?;
            let lines: Vec<String> = parents.iter().map(|(c, p)| format!("{c}\t{p}")).collect();
            write_private(&out, &(lines.join("\n") + "\n"))?;
            let grades: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM grades")
                .fetch_one(&db.pool)
                .await?;
            println!(
                "{} parents, {grades} grades in the database, cookies in {}",
                parents.len(),
                out.display()
            );
        }
        Command::LoadVoters { count, out } => {
            let cookies = demo::load_voters(&db, count).await?;
            write_private(&out, &(cookies.join("\n") + "\n"))?;
            println!("{count} voters, cookies in {}", out.display());
        }
        Command::Receipt { .. }
        | Command::Audit { .. }
        | Command::Pb { .. }
        | Command::SmsSimulator { .. }
        | Command::Backup { .. }
        | Command::Restore { .. } => {
            unreachable!("handled before migrating")
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a file only its owner can read.
fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    Ok(())
}

/// `okienko receipt verify`: exit 0 and "valid", or 1 and the reason.
async fn verify_receipt(
    config: &Config,
    file: &std::path::Path,
    public_key: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let receipt = match models::receipts::parse(&text) {
        Ok(r) => r,
        Err(e) => return Ok(invalid(&e.to_string())),
    };
    let key = match public_key {
        Some(hex_key) => models::receipts::PublicKeyInfo {
            algorithm: models::receipts::ALGORITHM.to_owned(),
            key_id: receipt.key_id.clone(),
            public_key: hex_key.trim().to_owned(),
            office: receipt.document.office.clone(),
        },
        None => {
            let db = Db::connect(&config.database_url).await?;
            match receipts::keys::public_key(&db.pool, &receipt.key_id).await? {
                Some(key) => key,
                None => {
                    return Ok(invalid(&format!(
                        "no office key {:?} in this database",
                        receipt.key_id
                    )));
                }
            }
        }
    };
    match models::receipts::verify(&receipt, &key) {
        Ok(()) => {
            let d = &receipt.document;
            println!("valid");
            println!("  office:      {}", key.office);
            println!("  case:        {}", d.case_reference);
            println!("  submission:  {}", d.submission_id);
            println!("  received at: {}", d.received_at);
            println!("  attachments: {}", d.attachments.len());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(invalid(&e.to_string())),
    }
}

/// `okienko pb tally`: the outcome as JSON on standard output.
fn pb_tally(rule: &str, file: &std::path::Path) -> anyhow::Result<ExitCode> {
    let rule = models::pb::Rule::parse(rule).context("the rule is greedy or mes")?;
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let election = match models::pb::parse(&text) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            return Ok(ExitCode::FAILURE);
        }
    };
    let outcome = models::pb::tally(&election, rule);
    println!("{}", serde_json::to_string(&outcome)?);
    Ok(ExitCode::SUCCESS)
}

/// `okienko audit verify`: exit 0 and "valid", or 1 and the first problem per gmina.
async fn verify_audit(db: &Db) -> anyhow::Result<ExitCode> {
    let reports = crate::audit::verify(&db.pool).await?;
    let mut ok = true;
    for r in &reports {
        match &r.problem {
            None => println!("  {}: {} entries, chain intact", r.gmina, r.entries),
            Some(p) => {
                ok = false;
                println!("  {}: {p}", r.gmina);
            }
        }
    }
    if ok {
        println!("valid");
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(invalid("the audit chain is broken"))
    }
}

fn invalid(reason: &str) -> ExitCode {
    println!("invalid: {reason}");
    ExitCode::FAILURE
}

fn report_seed(loaded: bool) {
    if loaded {
        println!("Dane demonstracyjne wczytane / demo data loaded.");
    } else {
        println!("Dane demonstracyjne już są / demo data already present.");
    }
}

/// A fresh install gets one default gmina, so it works without set-up; configuration
/// may rename it and give it a crest.
async fn prepare_default_gmina(db: &Db, config: &Config) -> anyhow::Result<()> {
    if !any_gmina(&db.pool).await? {
        let name = config.gmina_name.as_deref().unwrap_or("Gmina");
        insert_gmina(
            &db.pool,
            &NewGmina {
                id: "gmina",
                name,
                crest_svg: &demo::crest_svg("#1d4f91", ""),
                address: "",
                contact_email: "",
                contact_phone: "",
                is_default: true,
                hosts: &[],
            },
        )
        .await?;
    }
    let crest = match &config.gmina_crest {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read OKIENKO_GMINA_CREST {}", path.display()))?,
        ),
        None => None,
    };
    configure_default(&db.pool, config.gmina_name.as_deref(), crest.as_deref()).await?;
    Ok(())
}

async fn add_user(
    db: &Db,
    email: &str,
    roles: &[String],
    name: &str,
    gmina: Option<String>,
) -> anyhow::Result<()> {
    let roles: Vec<Role> = roles
        .iter()
        .map(|r| Role::parse(r.trim()).with_context(|| format!("unknown role {r:?}")))
        .collect::<anyhow::Result<_>>()?;
    models::validate::email(email)
        .map_err(|_| anyhow::anyhow!("{email:?} is not an e-mail address"))?;
    let pool = &db.pool;
    let gmina = match gmina {
        Some(g) if gmina_exists(pool, &g).await? => g,
        Some(g) => anyhow::bail!("no gmina with slug {g:?}"),
        None => match default_gmina(pool).await? {
            Some(g) => g,
            None => {
                prepare_default_gmina(db, &Config::from_env()?).await?;
                default_gmina(pool).await?.context("no default gmina")?
            }
        },
    };
    if let Some(existing) = user_by_email(pool, &gmina, email).await? {
        set_roles(pool, &gmina, &existing.id, &roles).await?;
        println!("Role ustawione / roles set for {}.", normalise_email(email));
        return Ok(());
    }
    let password = match std::env::var("OKIENKO_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprint!("Hasło / password: ");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    models::validate::new_password(&password)
        .map_err(|_| anyhow::anyhow!("the password must have 10–128 characters"))?;
    let full_name = name.trim();
    models::validate::full_name(full_name)
        .map_err(|_| anyhow::anyhow!("the name must have 2–200 characters"))?;
    let hash = tokio::task::spawn_blocking(move || hash_blocking(&password)).await??;
    let new = NewUser {
        email,
        full_name,
        password_hash: &hash,
        pesel: None,
        roles: &roles,
    };
    insert_user(pool, &gmina, &new).await?;
    println!(
        "Konto utworzone / account created: {} in gmina {gmina}.",
        normalise_email(email)
    );
    Ok(())
}
