// Keyboard only, one journey per area: from the skip link, Tab reaches each control in
// turn with a visible focus ring, and Enter or Space works it — no mouse, no focus set
// by the test. On the phone project each area's page is also photographed at 360 px
// (target/e2e/screenshots/) and checked not to scroll sideways.
import * as path from 'node:path';
import { test, expect, appReady, logIn } from './fixtures';
import type { Locator, Page, TestInfo } from '@playwright/test';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'target', 'e2e', 'screenshots');

/** Presses Tab until `target` has the focus (at most `max` times); the focus must show. */
async function tabTo(page: Page, target: Locator, max = 90) {
  await expect(target.first()).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.first().evaluate((el) => el === document.activeElement)) {
      const ring = await target.first().evaluate((el) => {
        const s = getComputedStyle(el);
        return el.matches(':focus-visible') && (s.outlineStyle !== 'none' || s.boxShadow !== 'none');
      });
      expect(ring, 'a visible focus ring').toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${target}`);
}

/** Opens a page and jumps past the header with the skip link, as a keyboard user does. */
async function start(page: Page, url: string) {
  await page.goto(url);
  await appReady(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Przejdź do treści' })).toBeFocused();
  await page.keyboard.press('Enter');
}

/** On the phone: a full-page picture of the area at 360 px, which must not scroll sideways. */
async function photograph(page: Page, testInfo: TestInfo, area: string) {
  if (testInfo.project.name !== 'phone') return;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), area).toBeLessThanOrEqual(360);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${area}-360.png`), fullPage: true });
}

test('keyboard only: Jan logs in and opens one of his cases', async ({ page }, testInfo) => {
  await start(page, '/login');
  await tabTo(page, page.getByLabel('Adres e-mail'));
  await page.keyboard.type('jan.kowalski@example.pl');
  await tabTo(page, page.getByLabel('Hasło', { exact: true }));
  await page.keyboard.type('Okienko-demo-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Witaj, Jan Kowalski' })).toBeVisible();
  await start(page, '/cases');
  await tabTo(page, page.getByRole('link', { name: 'Moje sprawy' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Moje sprawy' })).toBeVisible();
  await tabTo(page, page.locator('main a[href^="/cases/my/"]').first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/my\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await photograph(page, testInfo, 'cases');
});

test('keyboard only: Jan opens the payment of his taxes', async ({ page }, testInfo) => {
  await logIn(page, 'jan.kowalski@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await start(page, '/taxes');
  await expect(page.getByRole('heading', { level: 1, name: 'Podatki i opłaty' })).toBeVisible();
  await photograph(page, testInfo, 'taxes');
  await tabTo(page, page.getByRole('button', { name: /^Zapłać teraz/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Symulator płatności (demo)' })).toBeVisible();
});

test('keyboard only: a visitor opens the civic-budget edition that is voting', async ({ page }, testInfo) => {
  await start(page, '/civic-budget');
  await photograph(page, testInfo, 'civic-budget');
  await tabTo(page, page.getByRole('link', { name: /^Budżet obywatelski 2027/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Budżet obywatelski 2027/ })).toBeVisible();
});

test('keyboard only: a visitor opens the budget and switches to income', async ({ page }, testInfo) => {
  await start(page, '/public-info');
  await photograph(page, testInfo, 'public-info');
  await tabTo(page, page.getByRole('link', { name: /^Budżet gminy/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Budżet gminy' })).toBeVisible();
  const income = page.getByRole('button', { name: 'Dochody' });
  await tabTo(page, income);
  await page.keyboard.press('Enter');
  await expect(income).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('summary', { hasText: '756 Dochody od osób prawnych' })).toBeVisible();
});

test('keyboard only: a visitor subscribes to flood alerts by e-mail', async ({ page }, testInfo) => {
  await start(page, '/alerts/subscribe');
  await expect(page.getByRole('heading', { level: 1, name: 'Zapisz się na powiadomienia' })).toBeVisible();
  await photograph(page, testInfo, 'alerts');
  await tabTo(page, page.getByLabel('Adres e-mail'));
  await page.keyboard.type(`klawiatura-${Date.now()}@example.pl`);
  const area = page.getByRole('checkbox').first();
  await tabTo(page, area);
  await page.keyboard.press('Space');
  await expect(area).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Zapisz mnie' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Wysłaliśmy link potwierdzający')).toBeVisible();
});

test('keyboard only: Anna opens Ola’s grades and a grade’s history', async ({ page }, testInfo) => {
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await start(page, '/school');
  await tabTo(page, page.getByRole('link', { name: /^Ola Nowak/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dziś — Ola Nowak' })).toBeVisible();
  await photograph(page, testInfo, 'school');
  await tabTo(page, page.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Oceny' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Oceny — Ola Nowak' })).toBeVisible();
  const grade = page.locator('details.mark').first();
  await tabTo(page, grade.locator('summary'));
  await page.keyboard.press('Enter');
  await expect(grade).toHaveAttribute('open', '');
  await expect(grade.locator('ol.history li').first()).toBeVisible();
});

test('keyboard only: the clerk opens a case from the desk', async ({ page }, testInfo) => {
  await logIn(page, 'urzednik@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await start(page, '/office');
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawy do załatwienia' })).toBeVisible();
  await photograph(page, testInfo, 'office');
  await tabTo(page, page.locator('main a[href^="/office/cases/"]').first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/office\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
