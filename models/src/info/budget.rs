//! The budget by the Polish budget classification (rozporządzenie Ministra Finansów
//! w sprawie szczegółowej klasyfikacji dochodów, wydatków, przychodów i rozchodów):
//! dział (3 digits) → rozdział (5 digits, starting with its dział) → paragraf (4 digits).
//! Amounts are imported per paragraph; a rozdział's and a dział's are their sums, so a
//! total can never disagree with its parts (ustawa o finansach publicznych art. 211–212:
//! the plan, the changes made during the year, and the execution).

use serde::{Deserialize, Serialize};

/// The earliest budget year accepted.
pub const FIRST_YEAR: i32 = 2000;
/// The latest budget year accepted.
pub const LAST_YEAR: i32 = 2100;

/// Income or spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Dochody.
    Income,
    /// Wydatki.
    Spending,
}

impl Side {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Income => "income",
            Side::Spending => "spending",
        }
    }

    /// A stored name, or the Polish word of the import files (`dochody`, `wydatki`).
    pub fn parse(s: &str) -> Option<Side> {
        match s.trim().to_lowercase().as_str() {
            "income" | "dochody" => Some(Side::Income),
            "spending" | "wydatki" => Some(Side::Spending),
            _ => None,
        }
    }
}

/// One paragraph's amounts, in grosze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetLine {
    /// Income or spending.
    pub side: Side,
    /// Dział, 3 digits.
    pub dzial: String,
    /// Rozdział, 5 digits.
    pub rozdzial: String,
    /// Paragraf, 4 digits.
    pub paragraf: String,
    /// The paragraph's name.
    pub name: String,
    /// The plan as the budget resolution passed it.
    pub plan: i64,
    /// The changes made during the year (may be negative).
    pub changes: i64,
    /// Executed to date.
    pub executed: i64,
}

/// A dział, rozdział or paragraf with its amounts (sums for the first two), in grosze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetNode {
    /// The code (`801`, `80101`, `4010`).
    pub code: String,
    /// Its name.
    pub name: String,
    /// The plan as passed.
    pub plan: i64,
    /// The changes during the year.
    pub changes: i64,
    /// Executed to date.
    pub executed: i64,
    /// The rozdziały of a dział, the paragraphs of a rozdział.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<BudgetNode>,
}

impl BudgetNode {
    /// The plan after the year's changes.
    pub fn planned(&self) -> i64 {
        self.plan + self.changes
    }

    /// Executed as a share of the plan after changes, in tenths of a per cent.
    pub fn executed_permille(&self) -> Option<i64> {
        let planned = i128::from(self.planned());
        let permille = (i128::from(self.executed) * 1000 + planned / 2) / planned.max(1);
        (planned > 0).then(|| i64::try_from(permille).unwrap_or(i64::MAX))
    }

    /// The node with only the parts whose code or name contains `query` (folded to
    /// lower case); a match keeps its whole subtree. `None` when nothing matches.
    pub fn filtered(&self, query: &str) -> Option<BudgetNode> {
        let query = query.trim().to_lowercase();
        if query.is_empty() || self.matches(&query) {
            return Some(self.clone());
        }
        let children: Vec<BudgetNode> = self
            .children
            .iter()
            .filter_map(|c| c.filtered(&query))
            .collect();
        (!children.is_empty()).then(|| BudgetNode {
            children,
            ..self.clone()
        })
    }

    fn matches(&self, query: &str) -> bool {
        self.code.starts_with(query) || self.name.to_lowercase().contains(query)
    }
}

/// A year's budget as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Budget {
    /// The budget year.
    pub year: i32,
    /// The execution is to this day (`YYYY-MM-DD`).
    pub as_of: String,
    /// The open-data version this is.
    pub version: i64,
    /// Income by dział.
    pub income: Vec<BudgetNode>,
    /// Spending by dział.
    pub spending: Vec<BudgetNode>,
}

/// A year with a published budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetYear {
    /// The year.
    pub year: i32,
    /// Its execution date.
    pub as_of: String,
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetImport {
    /// The year.
    pub year: i32,
    /// Paragraph lines stored.
    pub lines: i64,
    /// The open-data version published.
    pub version: i64,
}

/// The sum of nodes, as a node.
pub fn total(nodes: &[BudgetNode]) -> BudgetNode {
    BudgetNode {
        code: String::new(),
        name: String::new(),
        plan: nodes.iter().map(|n| n.plan).sum(),
        changes: nodes.iter().map(|n| n.changes).sum(),
        executed: nodes.iter().map(|n| n.executed).sum(),
        children: Vec::new(),
    }
}

/// The tree of one side: lines (any order) grouped by dział and rozdział, codes
/// ascending, each group's amounts the sum of its lines. `name` gives the name of a
/// dział or rozdział code.
pub fn tree(lines: &[BudgetLine], side: Side, name: impl Fn(&str) -> String) -> Vec<BudgetNode> {
    let mut lines: Vec<&BudgetLine> = lines.iter().filter(|l| l.side == side).collect();
    lines.sort_by(|a, b| (&a.rozdzial, &a.paragraf).cmp(&(&b.rozdzial, &b.paragraf)));
    let mut dzialy: Vec<BudgetNode> = Vec::new();
    for line in lines {
        let leaf = BudgetNode {
            code: line.paragraf.clone(),
            name: line.name.clone(),
            plan: line.plan,
            changes: line.changes,
            executed: line.executed,
            children: Vec::new(),
        };
        if dzialy.last().is_none_or(|d| d.code != line.dzial) {
            dzialy.push(group(&line.dzial, &name));
        }
        let dzial = dzialy.last_mut().expect("pushed above");
        if dzial
            .children
            .last()
            .is_none_or(|r| r.code != line.rozdzial)
        {
            dzial.children.push(group(&line.rozdzial, &name));
        }
        let rozdzial = dzial.children.last_mut().expect("pushed above");
        rozdzial.plan += leaf.plan;
        rozdzial.changes += leaf.changes;
        rozdzial.executed += leaf.executed;
        rozdzial.children.push(leaf);
        let sum = total(&dzial.children);
        (dzial.plan, dzial.changes, dzial.executed) = (sum.plan, sum.changes, sum.executed);
    }
    dzialy
}

fn group(code: &str, name: &impl Fn(&str) -> String) -> BudgetNode {
    BudgetNode {
        code: code.to_owned(),
        name: name(code),
        plan: 0,
        changes: 0,
        executed: 0,
        children: Vec::new(),
    }
}

/// Whether a code has `digits` ASCII digits.
pub fn is_code(code: &str, digits: usize) -> bool {
    code.len() == digits && code.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn line(side: Side, rozdzial: &str, paragraf: &str, plan: i64, executed: i64) -> BudgetLine {
        BudgetLine {
            side,
            dzial: rozdzial[..3].to_owned(),
            rozdzial: rozdzial.to_owned(),
            paragraf: paragraf.to_owned(),
            name: format!("§ {paragraf}"),
            plan,
            changes: 10,
            executed,
        }
    }

    #[test]
    fn the_tree_sums_paragraphs_into_rozdzialy_and_dzialy() {
        let lines = [
            line(Side::Spending, "80104", "4010", 500, 400),
            line(Side::Spending, "80101", "4010", 1000, 900),
            line(Side::Spending, "80101", "4210", 200, 100),
            line(Side::Spending, "60016", "6050", 3000, 1000),
            line(Side::Income, "75621", "0010", 9000, 8000),
        ];
        let t = tree(&lines, Side::Spending, |c| format!("n{c}"));
        assert_eq!(t.len(), 2);
        assert_eq!((t[0].code.as_str(), t[1].code.as_str()), ("600", "801"));
        let oswiata = &t[1];
        assert_eq!(
            (oswiata.plan, oswiata.changes, oswiata.executed),
            (1700, 30, 1400)
        );
        assert_eq!(oswiata.children[0].code, "80101");
        assert_eq!(oswiata.children[0].planned(), 1220);
        assert_eq!(oswiata.name, "n801");
        assert_eq!(total(&t).planned(), 4740);
        assert_eq!(oswiata.executed_permille(), Some(809));
        let found = oswiata.filtered("4210").expect("a match");
        assert_eq!(found.children.len(), 1);
        assert_eq!(found.children[0].children.len(), 1);
        assert!(oswiata.filtered("drogi").is_none());
        assert_eq!(
            oswiata.filtered("N801").expect("the dział").children.len(),
            2
        );
    }

    proptest! {
        /// Whatever the lines, every dział's and rozdział's amounts are the sums of its
        /// paragraphs, and the side's total is the sum of all its lines.
        #[test]
        fn totals_are_the_sums_of_their_parts(
            rows in proptest::collection::vec(
                (0u8..2, 0usize..4, 0usize..3, 0usize..5, -1_000_000i64..10_000_000, 0i64..10_000_000),
                0..60)
        ) {
            let codes = ["600", "801", "852", "900"];
            let lines: Vec<BudgetLine> = rows.iter().map(|&(s, d, r, p, plan, ex)| {
                let side = if s == 0 { Side::Income } else { Side::Spending };
                let mut l = line(side, &format!("{}{:02}", codes[d], r), &format!("{}", 4000 + p), plan, ex);
                l.changes = plan / 7;
                l
            }).collect();
            for side in [Side::Income, Side::Spending] {
                let t = tree(&lines, side, |c| c.to_owned());
                let all: Vec<&BudgetLine> = lines.iter().filter(|l| l.side == side).collect();
                prop_assert_eq!(total(&t).plan, all.iter().map(|l| l.plan).sum::<i64>());
                prop_assert_eq!(total(&t).executed, all.iter().map(|l| l.executed).sum::<i64>());
                for d in &t {
                    prop_assert_eq!(d.planned(), total(&d.children).planned());
                    for r in &d.children {
                        prop_assert!(r.code.starts_with(&d.code));
                        prop_assert_eq!(r.executed, total(&r.children).executed);
                        prop_assert_eq!(r.changes, total(&r.children).changes);
                    }
                }
            }
        }
    }
}
