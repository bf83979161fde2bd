// The gradebook's messages and agenda: Anna on a phone writes to Ola's form teacher, who
// is e-mailed (the local SMTP server's maildir), reads it and answers; Anna sees the
// read receipt and the answer. A parent switches an e-mail kind off and it stays off.
// The teacher sets homework for 6b, Ola finds it in her tests-and-homework calendar,
// and the teacher withdraws it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, appReady, expectNoAxeViolations, logIn } from './fixtures';
import type { Browser, Page } from '@playwright/test';

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  return context.newPage();
}

/** Every message in the maildir to `to`, quoted-printable decoded (ASCII parts intact). */
function mailsTo(to: string): string[] {
  const dir = path.join(process.env.E2E_MAILDIR ?? '', 'new');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .filter((m) => m.includes(`To: ${to}`))
    .map((m) => m.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
}

/** A day `days` from today in Warsaw, YYYY-MM-DD. */
function inDays(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date(Date.now() + days * 86_400_000));
}

test('Anna writes to the form teacher on a phone, he reads and answers, and she sees the receipt', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const topic = `Wycieczka ${testInfo.project.name} ${Date.now() % 100000}`;
  const anna = await phone(browser);
  await logIn(anna, 'anna.nowak@example.pl');
  await expect(anna).toHaveURL(/\/$/);
  await anna.goto('/school');
  await appReady(anna);
  await anna.getByRole('link', { name: /Ola Nowak/ }).click();
  await anna.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Wiadomości' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Wiadomości' })).toBeVisible();
  await anna.getByLabel('Do kogo').selectOption({ label: 'Tomasz Nauczyciel (wychowawca, Matematyka)' });
  // An empty text is refused and named.
  await anna.getByLabel('Temat').fill(topic);
  await anna.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(anna.getByLabel('Treść')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(anna);
  await anna.getByLabel('Treść').fill('Dzień dobry, Ola ma alergię na orzechy. Proszę o uwagę podczas wycieczki.');
  await anna.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: topic })).toBeVisible();
  await expect(anna.getByText('Jeszcze nieprzeczytane')).toBeVisible();
  await expectNoAxeViolations(anna);
  expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The teacher is told by e-mail that there is a message, without its text.
  await expect.poll(() => mailsTo('nauczyciel@example.pl').filter((m) => m.includes(topic)).length, { timeout: 30_000 }).toBe(1);
  const mail = mailsTo('nauczyciel@example.pl').find((m) => m.includes(topic))!;
  expect(mail).not.toContain('orzechy');

  await logIn(page, 'nauczyciel@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school');
  await appReady(page);
  await page.getByRole('link', { name: 'Wiadomości', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wiadomości' })).toBeVisible();
  const thread = page.getByRole('link', { name: new RegExp(topic) });
  await expect(thread).toContainText('nieprzeczytane: 1');
  await expectNoAxeViolations(page);
  await thread.click();
  await expect(page.getByText('orzechy')).toBeVisible();
  await page.getByLabel('Twoja odpowiedź').fill('Dziękuję, przekażę opiekunom wycieczki.');
  await page.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(page.getByText('Wiadomość wysłana.')).toBeVisible();
  await expectNoAxeViolations(page);

  await anna.reload();
  await appReady(anna);
  await expect(anna.getByText('Przeczytane przez: Tomasz Nauczyciel')).toBeVisible();
  await expect(anna.getByText('przekażę opiekunom')).toBeVisible();
  await anna.context().close();
});

test('a parent switches notices off in the e-mail settings and it stays off', async ({ page }, testInfo) => {
  // Each project its own person: the two runs go in parallel.
  const who = testInfo.project.name === 'phone' ? 'ola.nowak@example.pl' : 'piotr.nowak@example.pl';
  await logIn(page, who);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school/settings');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Powiadomienia e-mail' })).toBeVisible();
  const notices = page.getByLabel('Ogłoszenia nauczycieli');
  await expect(notices).toBeChecked();
  await notices.focus();
  await page.keyboard.press('Space');
  await expect(notices).not.toBeChecked();
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
  await expect(page.getByText('Ustawienia zapisane.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('Ogłoszenia nauczycieli')).not.toBeChecked();
  await expect(page.getByLabel('Nowe wiadomości')).toBeChecked();
  // Back on, for the next run.
  await page.getByLabel('Ogłoszenia nauczycieli').check();
  await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
  await expect(page.getByText('Ustawienia zapisane.')).toBeVisible();
});

test('the teacher sets homework for 6b, Ola finds it in her calendar, and he withdraws it', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const topic = `Zadania ze str. ${testInfo.project.name === 'phone' ? 42 : 43}, ${Date.now() % 100000}`;
  await logIn(page, 'nauczyciel@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school');
  await appReady(page);
  await page.getByRole('link', { name: '6b', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terminarz klasy 6b' })).toBeVisible();
  await page.getByLabel('Temat').fill(topic);
  await page.getByLabel('Szczegóły').fill('Pokaż obliczenia.');
  await page.getByLabel('Termin').fill(inDays(-1));
  await page.getByRole('button', { name: 'Zadaj pracę domową' }).click();
  await expect(page.getByLabel('Termin')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Termin').fill(inDays(2));
  await page.getByRole('button', { name: 'Zadaj pracę domową' }).click();
  await expect(page.getByText('Zadanie zapisane.')).toBeVisible();
  const item = page.locator('li.box', { hasText: topic });
  await expect(item).toContainText('Zadanie domowe: Matematyka');
  await expectNoAxeViolations(page);

  const ola = await phone(browser);
  await logIn(ola, 'ola.nowak@example.pl');
  await expect(ola).toHaveURL(/\/$/);
  await ola.goto('/school');
  await appReady(ola);
  await ola.getByRole('link', { name: /Ola Nowak/ }).click();
  await ola.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Sprawdziany i zadania' }).click();
  await expect(ola.getByRole('heading', { level: 1, name: 'Sprawdziany i zadania' })).toBeVisible();
  const hers = ola.locator('li.box', { hasText: topic });
  await expect(hers).toContainText('Pokaż obliczenia.');
  await expect(hers.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(ola);
  expect(await ola.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await item.getByRole('button', { name: 'Wycofaj' }).click();
  await expect(page.getByText('Zadanie wycofane.')).toBeVisible();
  await expect(page.locator('li.box', { hasText: topic })).toHaveCount(0);
  await ola.reload();
  await appReady(ola);
  await expect(ola.getByRole('heading', { level: 1, name: 'Sprawdziany i zadania' })).toBeVisible();
  await expect(ola.locator('li.box', { hasText: topic })).toHaveCount(0);
  await ola.context().close();
});

test('the teacher writes to the families of 6b, and Anna answers on a phone in her own thread', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const topic = `Zebranie ${testInfo.project.name} ${Date.now() % 100000}`;
  await logIn(page, 'nauczyciel@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school/messages');
  await appReady(page);
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Wiadomość do rodziców klasy' }) });
  await form.getByLabel('Klasa').selectOption({ label: '6b' });
  await form.getByLabel('Temat').fill(topic);
  // No text: refused at the field, nothing sent.
  await form.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(form.getByLabel('Treść')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await form.getByLabel('Treść').fill('Zapraszam na zebranie w czwartek o 17:00 w sali 12.');
  await form.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(form.getByText(/Wysłano do rodzin uczniów: [1-9]\d*\. Bez opiekuna w systemie: \d+\./)).toBeVisible();
  // Ola's family has a thread of its own, with both her guardians.
  const olas = page.getByRole('link', { name: new RegExp(topic) }).filter({ hasText: 'Ola Nowak' });
  await expect(olas).toHaveCount(1);
  await expect(olas).toContainText('Anna Nowak, Piotr Nowak');
  await expectNoAxeViolations(page);

  const anna = await phone(browser);
  await logIn(anna, 'anna.nowak@example.pl');
  await expect(anna).toHaveURL(/\/$/);
  await anna.goto('/school');
  await appReady(anna);
  await anna.getByRole('link', { name: /Ola Nowak/ }).click();
  await anna.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Wiadomości' }).click();
  await anna.getByRole('link', { name: new RegExp(topic) }).click();
  await expect(anna.getByRole('heading', { level: 1, name: topic })).toBeVisible();
  await expect(anna.getByText('w sali 12')).toBeVisible();
  await anna.getByLabel('Twoja odpowiedź').fill('Będziemy oboje.');
  await anna.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(anna.getByText('Wiadomość wysłana.')).toBeVisible();
  await expectNoAxeViolations(anna);
  expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await anna.context().close();

  // The teacher sees the answer in Ola's thread only.
  await page.reload();
  await appReady(page);
  await expect(olas).toContainText('nieprzeczytane: 1');
  await expect(page.getByRole('link', { name: new RegExp(topic) }).filter({ hasText: 'nieprzeczytane' })).toHaveCount(1);
});
