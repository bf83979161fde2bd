//! Cases: reference numbers under concurrency.

use std::collections::BTreeSet;

use server::cases::reference::allocate;

use crate::helpers::TestApp;

async fn take(app: &TestApp, gmina: &str, dept: &str, jrwa: &str, year: i64) -> String {
    let mut tx = app.state.db.pool.begin().await.expect("begin");
    let reference = allocate(&mut tx, gmina, dept, jrwa, year)
        .await
        .expect("allocate");
    tx.commit().await.expect("commit");
    reference
}

#[tokio::test]
async fn concurrent_registrations_get_distinct_gapless_numbers() {
    let app = TestApp::spawn().await;
    let tasks: Vec<_> = (0..40)
        .map(|_| {
            let app_state = app.state.clone();
            tokio::spawn(async move {
                let mut tx = app_state.db.pool.begin().await.expect("begin");
                let r = allocate(&mut tx, "przykladowo", "GK", "6131", 2031)
                    .await
                    .expect("allocate");
                tx.commit().await.expect("commit");
                r
            })
        })
        .collect();
    let mut numbers = BTreeSet::new();
    for t in tasks {
        let reference = t.await.expect("task");
        let seq: i64 = reference
            .split('.')
            .nth(2)
            .expect("seq")
            .parse()
            .expect("number");
        assert!(
            reference.starts_with("GK.6131.") && reference.ends_with(".2031"),
            "{reference}"
        );
        assert!(numbers.insert(seq), "{reference} given twice");
    }
    assert_eq!(numbers, (1..=40).collect::<BTreeSet<i64>>());
}

#[tokio::test]
async fn each_department_class_year_and_gmina_counts_on_its_own() {
    let app = TestApp::spawn().await;
    assert_eq!(
        take(&app, "przykladowo", "GK", "6131", 2031).await,
        "GK.6131.1.2031"
    );
    assert_eq!(
        take(&app, "przykladowo", "GK", "6131", 2031).await,
        "GK.6131.2.2031"
    );
    assert_eq!(
        take(&app, "przykladowo", "GK", "7226", 2031).await,
        "GK.7226.1.2031"
    );
    assert_eq!(
        take(&app, "przykladowo", "SO", "6131", 2031).await,
        "SO.6131.1.2031"
    );
    assert_eq!(
        take(&app, "przykladowo", "GK", "6131", 2032).await,
        "GK.6131.1.2032"
    );
    assert_eq!(
        take(&app, "sasiednia", "GK", "6131", 2031).await,
        "GK.6131.1.2031"
    );
    // A rolled-back registration gives its number back.
    let mut tx = app.state.db.pool.begin().await.expect("begin");
    assert_eq!(
        allocate(&mut tx, "przykladowo", "GK", "6131", 2031)
            .await
            .expect("allocate"),
        "GK.6131.3.2031"
    );
    tx.rollback().await.expect("rollback");
    assert_eq!(
        take(&app, "przykladowo", "GK", "6131", 2031).await,
        "GK.6131.3.2031"
    );
    let mut tx = app.state.db.pool.begin().await.expect("begin");
    assert!(
        allocate(&mut tx, "przykladowo", "gk", "6131", 2031)
            .await
            .is_err()
    );
}
