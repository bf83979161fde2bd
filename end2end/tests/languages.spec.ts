// Every route of every bundle, in Polish, English and Ukrainian, as the role that may see
// it: the page is in the chosen language (`<html lang>`), has its heading, and axe (WCAG
// 2.1 A and AA) finds nothing serious or critical. Routes with an id take a real one from
// the API as that person. One test per role logs in once and goes through the languages;
// every page's problems are collected and reported together.
import type { Page } from '@playwright/test';
import { test, expect, appReady, logIn, expectNoAxeViolations } from './fixtures';

const LANGS = ['pl', 'en', 'uk'] as const;

/** The first `id` anywhere in a JSON value, depth first. */
function firstId(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const id = firstId(v);
      if (id) return id;
    }
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string') return o.id;
    for (const v of Object.values(o)) {
      const id = firstId(v);
      if (id) return id;
    }
  }
  return undefined;
}

async function json(page: Page, path: string): Promise<unknown> {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return r.json();
}

/** The id `pick` finds in `api`'s answer, in `route` (`{id}`), or a problem noted. */
async function withId(page: Page, api: string, route: string, problems: string[], pick = firstId) {
  const id = pick(await json(page, api));
  if (!id) problems.push(`no id in ${api} for ${route}`);
  return id ? [route.replace('{id}', id)] : [];
}

/** Visits each path in each language; returns what went wrong. */
async function sweep(page: Page, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const lang of LANGS) {
    await page.evaluate((tag) => window.localStorage.setItem('okienko.lang', tag), lang);
    for (const path of paths) {
      try {
        await page.goto(path);
        await appReady(page);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('lang', lang, { timeout: 2_000 });
        await expect(page.locator('main h1')).not.toBeEmpty();
        await expectNoAxeViolations(page);
      } catch (e) {
        problems.push(`${path} in ${lang}: ${String(e).split('\n').slice(0, 6).join(' ')}`);
      }
    }
  }
  // Back to Polish, for the next login's form.
  await page.evaluate(() => window.localStorage.setItem('okienko.lang', 'pl'));
  return problems;
}

test.describe.configure({ timeout: 300_000 });

test('every public page, in three languages', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const problems: string[] = [];
  const paths = [
    '/', '/login', '/register', '/verify', '/accessibility', '/nie-ma-takiej-strony',
    '/cases', '/cases/services/usuniecie-drzew', '/taxes', '/civic-budget', '/civic-budget/recount', '/school',
    '/public-info', '/public-info/budget', '/public-info/registers/property', '/public-info/registers/alcohol',
    '/public-info/registers/road-lane', '/public-info/announcements', '/public-info/data',
    '/alerts', '/alerts/subscribe',
  ];
  paths.push(...(await withId(page, '/api/info/announcements', '/public-info/announcements/{id}', problems)));
  paths.push(...(await withId(page, '/api/civic/editions', '/civic-budget/{id}', problems)));
  paths.push(...(await withId(page, '/api/civic/editions', '/civic-budget/{id}/results', problems)));
  problems.push(...(await sweep(page, paths)));
  expect(problems, problems.join('\n')).toEqual([]);
});

test("a resident's and parent's pages, in three languages", async ({ page }) => {
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  const problems: string[] = [];
  const paths = ['/', '/account', '/cases/my', '/cases/services/usuniecie-drzew/file', '/taxes', '/school',
    '/school/messages', '/school/settings'];
  paths.push(...(await withId(page, '/api/cases', '/cases/my/{id}', problems)));
  paths.push(...(await withId(page, '/api/civic/editions', '/civic-budget/{id}/vote', problems)));
  paths.push(...(await withId(page, '/api/civic/editions', '/civic-budget/{id}/propose', problems)));
  const ola = (me: unknown) =>
    (me as { children: { id: string; full_name: string }[] }).children.find((c) => c.full_name === 'Ola Nowak')?.id;
  for (const tail of ['', '/grades', '/attendance', '/timetable', '/agenda', '/messages', '/access']) {
    paths.push(...(await withId(page, '/api/school/me', `/school/pupils/{id}${tail}`, problems, ola)));
  }
  problems.push(...(await sweep(page, paths)));
  expect(problems, problems.join('\n')).toEqual([]);
});

test("a teacher's pages, in three languages", async ({ page }) => {
  await logIn(page, 'nauczyciel@example.pl');
  await expect(page).toHaveURL(/\/$/);
  const problems: string[] = [];
  const paths = ['/school', '/school/timetable', '/school/notices', '/school/excuses'];
  const me = (await json(page, '/api/school/me')) as { teaching: { class_id: string; subject_id: string }[] };
  const t = me.teaching[0];
  if (t) {
    paths.push(`/school/classes/${t.class_id}/subjects/${t.subject_id}`, `/school/classes/${t.class_id}/agenda`);
  } else {
    problems.push('the demo teacher teaches nothing');
  }
  problems.push(...(await sweep(page, paths)));
  expect(problems, problems.join('\n')).toEqual([]);
});

test("the clerks' desk, the school office, the gmina's schools and the crisis team, in three languages", async ({ page }) => {
  const problems: string[] = [];
  await logIn(page, 'urzednik@example.pl');
  await expect(page).toHaveURL(/\/$/);
  const desk = ['/office', '/office/registry', '/office/letters/new', '/office/taxes', '/office/taxes/import',
    '/office/taxes/unmatched', '/public-info/office'];
  desk.push(...(await withId(page, '/api/office/cases?queue=department', '/office/cases/{id}', problems)));
  desk.push(...(await withId(page, '/api/office/taxes/taxpayers?q=&arrears=false', '/office/taxes/taxpayers/{id}', problems)));
  problems.push(...(await sweep(page, desk)));

  await page.context().clearCookies();
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  const office = ['/office/school'];
  office.push(...(await withId(page, '/api/school/admin/classes', '/office/school/classes/{id}', problems)));
  office.push(...(await withId(page, '/api/school/admin/classes', '/office/school/classes/{id}/timetable', problems)));
  problems.push(...(await sweep(page, office)));

  await page.context().clearCookies();
  await logIn(page, 'admin@example.pl');
  await expect(page).toHaveURL(/\/$/);
  problems.push(...(await sweep(page, ['/office/schools'])));

  await page.context().clearCookies();
  await logIn(page, 'kryzys@example.pl');
  await expect(page).toHaveURL(/\/$/);
  const team = ['/alerts/team'];
  team.push(...(await withId(page, '/api/crisis/alerts', '/alerts/team/{id}', problems)));
  problems.push(...(await sweep(page, team)));
  expect(problems, problems.join('\n')).toEqual([]);
});
