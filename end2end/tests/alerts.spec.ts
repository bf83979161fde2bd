// Crisis alerts: a visitor subscribes on a phone (e-mail link and SMS code, both read
// from the local SMTP server's maildir and the SMS gateway simulator), the crisis team
// sends an alert and watches its deliveries reach "sent", and the banner appears.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, appReady, expectNoAxeViolations, logIn, uniqueEmail } from './fixtures';

/** The newest message in the maildir to `to`, quoted-printable decoded. */
function mailTo(to: string): string | undefined {
  const dir = path.join(process.env.E2E_MAILDIR ?? '', 'new');
  if (!fs.existsSync(dir)) return undefined;
  const found = fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .filter((m) => m.includes(`To: ${to}`));
  const last = found.at(-1);
  return last?.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

async function smsTo(request: import('@playwright/test').APIRequestContext, phone: string): Promise<string[]> {
  const r = await request.get(`${process.env.E2E_SMS_URL}/messages`);
  const all = (await r.json()) as { to: string; message: string }[];
  return all.filter((m) => m.to === phone).map((m) => m.message);
}

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw', dateStyle: 'short', timeStyle: 'short' }).format(d);
  return parts.replace(' ', 'T');
}

test('a visitor subscribes on a phone; the crisis team sends an alert, the counts reach "sent" and the banner appears', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one run: the alert is shown to every page of the shared demo');
  test.setTimeout(90_000);
  const email = uniqueEmail('alerty');
  const phone = `6${String(Date.now()).slice(-8)}`;
  await page.goto('/alerts');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ostrzeżenia kryzysowe' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Zapisz się na powiadomienia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zapisz się na powiadomienia' })).toBeVisible();
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Numer telefonu komórkowego').fill(`+48 ${phone}`);
  await page.getByLabel('ul. Rzeczna').check();
  await page.getByLabel('Powódź').check();
  await expectNoAxeViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: 'Zapisz mnie' }).click();
  await expect(page.getByText('Wysłaliśmy link potwierdzający')).toBeVisible();
  await expect(page.getByText(`+48${phone}`)).toBeVisible();
  // The code arrives at the gateway within the sender's half-second round.
  let code = '';
  await expect(async () => {
    code = ((await smsTo(request, `48${phone}`))[0] ?? '').slice(0, 6);
    expect(code).toMatch(/^\d{6}$/);
  }).toPass({ timeout: 15_000 });
  await page.getByLabel('Kod z SMS-a (6 cyfr)').fill(code);
  await page.getByRole('button', { name: 'Potwierdź numer' }).click();
  await expect(page.getByText(`Gotowe: +48 *** *** ${phone.slice(-3)}`)).toBeVisible();
  let link = '';
  await expect(async () => {
    link = mailTo(email)?.match(/\/alerts\/confirm\/[0-9a-f]+/)?.[0] ?? '';
    expect(link).not.toBe('');
  }).toPass({ timeout: 15_000 });
  await page.goto(link);
  await appReady(page);
  await expect(page.getByText(/^Gotowe: a\*\*\*@example\.pl/)).toBeVisible();

  // The crisis team sends a flood alert for the Centrum district (ul. Rzeczna is in it).
  await logIn(page, 'kryzys@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/alerts/team');
  await appReady(page);
  await page.getByLabel('Stopień zagrożenia').selectOption('severe');
  await page.getByLabel('Rodzaj zagrożenia').selectOption('flood');
  await page.getByLabel('Osiedle Centrum').check();
  await page.getByLabel('Do', { exact: true }).fill(inDays(1));
  await page.getByLabel('Tytuł (po polsku)').fill('Wysoki stan wody w Centrum');
  await page.getByLabel('Treść (po polsku)').fill('Rzeka przekroczyła stan alarmowy. Nie parkuj przy ul. Rzecznej.');
  await page.getByLabel('Treść SMS').fill('Alarm powodziowy w Centrum. Nie parkuj przy ul. Rzecznej.');
  await expect(page.getByText(/znaków, 1 SMS/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Wyślij ostrzeżenie' }).click();
  await expect(page.getByText('Ostrzeżenie wysłane do kolejki.')).toBeVisible();
  const first = page.locator('section.team-alert').first();
  await expect(first.getByRole('heading', { name: 'Wysoki stan wody w Centrum' })).toBeVisible();
  // Live counts: both channels reach "sent" (refreshed every two seconds).
  await expect(first.locator('tbody tr').nth(0).locator('td').nth(1)).not.toHaveText('0', { timeout: 20_000 });
  await expect(first.locator('tbody tr').nth(1).locator('td').nth(1)).not.toHaveText('0', { timeout: 20_000 });
  await expect(first.locator('tbody tr').nth(0).locator('td').nth(0)).toHaveText('0');
  await expect(async () => {
    const texts = await smsTo(request, `48${phone}`);
    expect(texts.some((t) => t.startsWith('Alarm powodziowy w Centrum'))).toBe(true);
  }).toPass({ timeout: 10_000 });
  expect(mailTo(email)).toContain('Wysoki stan wody w Centrum');
  // Each recipient's delivery, the address hidden.
  await first.getByRole('link', { name: 'Odbiorcy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Odbiorcy ostrzeżenia' })).toBeVisible();
  const smsRow = page.getByRole('row', { name: new RegExp(`\\+48 \\*\\*\\* \\*\\*\\* ${phone.slice(-3)}`) });
  await expect(smsRow).toContainText('SMS');
  await expect(smsRow).toContainText('wysłane');
  await expect(page.getByRole('row', { name: /a\*\*\*@example\.pl/ }).first()).toContainText('wysłane');
  await expect(page.getByText(email)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByLabel('Stan').selectOption('failed');
  await expect(page.getByRole('status').getByText(/^0–0 z 0$/)).toBeVisible();

  // The banner is on every page, in every bundle (browsers may keep the list of alerts
  // for 15 seconds, so a page loaded just before the alert may need a reload).
  for (const where of ['/', '/taxes', '/alerts', '/public-info']) {
    await expect(async () => {
      await page.goto(where);
      await appReady(page);
      await expect(page.locator('.alert-banner')).toContainText('Wysoki stan wody w Centrum', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }
  await expectNoAxeViolations(page);
  // The team ends it; the banner goes.
  await page.goto('/alerts/team');
  await appReady(page);
  await page.locator('section.team-alert').first().getByRole('button', { name: 'Zakończ teraz' }).click();
  await expect(page.locator('section.team-alert').first().getByText('zakończone')).toBeVisible();
});

test('an unknown unsubscribe link is refused politely, after one click', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run');
  const phone = `5${String(Date.now()).slice(-8)}`;
  const r = await request.post('/api/alerts/subscriptions', { data: { phone } });
  expect(r.status()).toBe(202);
  await expect(async () => {
    const code = ((await smsTo(request, `48${phone}`))[0] ?? '').slice(0, 6);
    expect(code).toMatch(/^\d{6}$/);
    const ok = await request.post('/api/alerts/subscriptions/confirm-sms', { data: { phone, code } });
    expect(ok.status()).toBe(200);
  }).toPass({ timeout: 15_000 });
  // A token is only in the messages; an unknown one is refused politely.
  await page.goto('/a/nieznany');
  await appReady(page);
  await page.getByRole('button', { name: 'Wypisz mnie z ostrzeżeń' }).click();
  await expect(page.getByText('Ten link jest nieważny lub wygasł.')).toBeVisible();
  await expectNoAxeViolations(page);
  // The real link from the alert SMS is tested by the API suite; here the page's button.
  const again = await request.post('/api/alerts/subscriptions/unsubscribe', { data: { token: 'nieznany' } });
  expect(again.status()).toBe(404);
});
