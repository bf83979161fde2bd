// Taxes and fees: Anna and Jan see their own ledgers on a phone — arrears with interest
// today and for a later payment day, every instalment's status, the account number with
// a QR transfer code, the payments and how each was allocated.
import { test, expect, appReady, expectNoAxeViolations, logIn } from './fixtures';

test('Jan sees his arrears with interest, and interest for a later payment day', async ({ page }) => {
  await logIn(page, 'jan.kowalski@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/taxes');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Podatki i opłaty' })).toBeVisible();
  const balance = page.locator('section.balance');
  await expect(balance.getByRole('heading', { name: /^Saldo na dzień/ })).toBeVisible();
  await expect(balance.getByText('Do zapłaty, aby uregulować zaległość')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Podatek od środków transportowych/ }).first()).toBeVisible();
  await expect(page.getByText('zaległa').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /Kod QR przelewu/ })).toBeVisible();
  const account = await page.locator('#account-number').inputValue();
  expect(account.replace(/ /g, '')).toMatch(/^\d{26}$/);
  await expectNoAxeViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);

  // Interest for a payment day two months on is higher.
  const interestNow = await balance.locator('dd').nth(1).textContent();
  const later = new Date(Date.now() + 60 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
  await page.getByLabel('Dzień zapłaty').fill(later);
  await page.getByRole('button', { name: 'Przelicz' }).click();
  await expect(balance.getByRole('heading', { name: `Saldo na dzień ${later}` })).toBeVisible();
  const interestLater = await balance.locator('dd').nth(1).textContent();
  const zl = (s: string | null) => Number((s ?? '').replace(/[^\d,]/g, '').replace(',', '.'));
  expect(zl(interestLater)).toBeGreaterThan(zl(interestNow));
  // Last year's late payment shows interest in its allocation.
  await expect(page.getByRole('cell', { name: /odsetki [1-9]/ }).first()).toBeVisible();
});

test('a ledger of someone else is not found, and anonymous visitors are asked to log in', async ({ page }) => {
  await page.goto('/taxes');
  await appReady(page);
  await expect(page.getByText('Zaloguj się, aby zobaczyć swoje podatki i opłaty.')).toBeVisible();
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/taxes');
  await appReady(page);
  await expect(page.getByText('Anna Nowak', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Opłata za gospodarowanie odpadami/ }).first()).toBeVisible();
  const r = await page.request.get('/api/taxes/taxpayers/nobody');
  expect(r.status()).toBe(404);
});

test('Anna sees her arrears with interest on a phone, pays through the simulator, and the balance updates', async ({ page }, testInfo) => {
  // One run only: the payment changes the shared demo ledger.
  test.skip(testInfo.project.name !== 'phone', 'the payment journey runs on the phone viewport');
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/taxes');
  await appReady(page);
  const balance = page.locator('section.balance');
  const zl = (s: string | null) => Number((s ?? '').replace(/[^\d,]/g, '').replace(',', '.'));
  expect(zl(await balance.locator('dd').nth(0).textContent())).toBeGreaterThan(0);
  expect(zl(await balance.locator('dd').nth(1).textContent())).toBeGreaterThan(0);
  await page.getByRole('button', { name: /^Zapłać teraz/ }).click();
  await expect(page.getByRole('heading', { name: 'Symulator płatności (demo)' })).toBeVisible();
  await page.getByRole('button', { name: 'Zapłać' }).click();
  await expect(page).toHaveURL(/\/taxes\?taxpayer=.*payment=paid/);
  await appReady(page);
  await expect(page.getByText('Płatność przyjęta. Saldo uwzględnia już wpłatę.')).toBeVisible();
  await expect(balance.locator('dd').nth(0)).toHaveText('0,00\u00a0zł');
  await expect(page.getByRole('row').filter({ hasText: 'należność' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('Jan switches his e-mail reminders off and on again', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one run: the switch is Jan\'s shared setting');
  await logIn(page, 'jan.kowalski@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/taxes');
  await appReady(page);
  const reminders = page.getByLabel('Przypominaj mi e-mailem tydzień przed terminem każdej raty');
  await expect(reminders).toBeChecked();
  await reminders.uncheck();
  await expect(page.getByText('Zapisano ustawienie przypomnień.')).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(reminders).not.toBeChecked();
  await reminders.check();
  await expect(page.getByText('Zapisano ustawienie przypomnień.')).toBeVisible();
  await expectNoAxeViolations(page);
});
