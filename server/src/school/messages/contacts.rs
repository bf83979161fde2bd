//! Whom one may write to about a pupil: the family writes to the class's teachers (the
//! form teacher first), the staff to the pupil and their guardians.

use models::school::messages::{Contact, ContactKind};
use sqlx::{AnyConnection, Row};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::school::access::{Enrolment, Scope};

/// Whom the caller may write to about the pupil: for the family the class's teachers
/// (the form teacher first), for the staff the pupil and their guardians.
pub async fn contacts_of(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    enrolment: &Enrolment,
    scope: &Scope,
) -> Result<Vec<Contact>, ApiError> {
    let g = &user.gmina_id;
    let mut list: Vec<Contact> = vec![];
    if scope.is_staff() {
        list.push(Contact {
            id: enrolment.pupil.id.clone(),
            full_name: enrolment.pupil.full_name.clone(),
            kind: ContactKind::Pupil,
            subjects: vec![],
        });
        let guardians = sqlx::query(
            "SELECT u.id, u.full_name FROM parent_links l JOIN users u ON u.id = l.parent_id \
             WHERE l.gmina_id = $1 AND l.pupil_id = $2 ORDER BY u.full_name",
        )
        .bind(g)
        .bind(&enrolment.pupil.id)
        .fetch_all(&mut *conn)
        .await?;
        list.extend(guardians.iter().map(|r| Contact {
            id: r.get("id"),
            full_name: r.get("full_name"),
            kind: ContactKind::Guardian,
            subjects: vec![],
        }));
    } else {
        if let Some(form) = &enrolment.form_teacher_id {
            let name: Option<String> =
                sqlx::query_scalar("SELECT full_name FROM users WHERE gmina_id = $1 AND id = $2")
                    .bind(g)
                    .bind(form)
                    .fetch_optional(&mut *conn)
                    .await?;
            list.extend(name.map(|full_name| Contact {
                id: form.clone(),
                full_name,
                kind: ContactKind::FormTeacher,
                subjects: vec![],
            }));
        }
        let teachers = sqlx::query(
            "SELECT u.id, u.full_name, sub.name AS subject FROM teaching t JOIN users u ON u.id = t.teacher_id \
             JOIN subjects sub ON sub.id = t.subject_id WHERE t.gmina_id = $1 AND t.class_id = $2 \
             ORDER BY u.full_name, sub.position",
        )
        .bind(g)
        .bind(&enrolment.pupil.class_id)
        .fetch_all(&mut *conn)
        .await?;
        for r in &teachers {
            let id: String = r.get("id");
            let subject: String = r.get("subject");
            match list.iter_mut().find(|c| c.id == id) {
                Some(c) => c.subjects.push(subject),
                None => list.push(Contact {
                    id,
                    full_name: r.get("full_name"),
                    kind: ContactKind::Teacher,
                    subjects: vec![subject],
                }),
            }
        }
    }
    list.retain(|c| c.id != user.id);
    Ok(list)
}
