// Journey at the clerk's desk: a paper letter is registered with its scan, assigned,
// completion is asked; the resident completes; the clerk issues the decision; the
// resident sees "decision ready" and downloads it. Then the case is closed to the archive.
import { Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, logIn, withMenuOpen } from './fixtures';

/** The page itself never scrolls sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
}

test('a paper letter goes from the registry to a decision the resident downloads', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const subject = `Wycinka orzecha przy ul. Polnej ${Date.now()}`;

  // The clerk of GK reaches the desk from the portal's menu (a separate bundle).
  await logIn(page, 'urzednik@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await withMenuOpen(page, async () => {
    await page.getByRole('link', { name: 'Panel urzędnika' }).click({ timeout: 2_000 });
  });
  await expect(page).toHaveURL(/\/office$/);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawy do załatwienia' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Registering the letter: a missing sender is refused next to the field, nothing stored.
  await page.getByRole('link', { name: 'Zarejestruj pismo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zarejestruj pismo' })).toBeVisible();
  await page.getByLabel('Sprawa', { exact: true }).fill(subject);
  await page.getByLabel('Referat').selectOption('GK');
  await page.getByLabel('Klasa JRWA').selectOption('6131');
  await page.getByRole('button', { name: 'Zarejestruj' }).click();
  await expect(page.getByRole('alert')).toContainText('Popraw zaznaczone pola');
  await expect(page.getByLabel(/^Nadawca/)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.getByLabel(/^Nadawca/).fill('Jan Kowalski');
  await page.getByLabel(/^PESEL nadawcy/).fill('90020301234');
  await page.getByLabel(/^Skan pisma/).setInputFiles({
    name: 'pismo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% a scanned letter\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Zarejestruj' }).click();
  await expect(page).toHaveURL(/\/office\/cases\//);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.locator('.facts').getByText('papier')).toBeVisible();
  await expect(page.getByRole('link', { name: 'pismo.pdf' })).toBeVisible();
  const caseUrl = page.url();
  const caseId = caseUrl.split('/').pop();

  // It is in the registry of correspondence.
  await page.getByRole('link', { name: 'Dziennik korespondencji' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dziennik korespondencji' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: subject })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(caseUrl);
  await appReady(page);

  // Dekretacja to the clerk himself, then a request for completion.
  await page.getByLabel('Referat').selectOption('GK');
  await page.getByLabel('Referent').selectOption({ label: 'Katarzyna Urzędnik' });
  await page.getByRole('button', { name: 'Przydziel' }).click();
  await expect(page.locator('.facts').getByText('W toku')).toBeVisible();
  await expect(page.getByText(/^GK\.6131\.\d+\.\d{4}$/)).toBeVisible();
  // The case will take longer: the office names a new date and why (KPA art. 36).
  const later = new Date(Date.now() + 45 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
  await page.getByLabel('Przyczyna zwłoki').fill('Oczekiwanie na opinię regionalnego konserwatora przyrody.');
  await page.getByLabel('Nowy termin załatwienia sprawy').fill(later);
  await page.getByRole('button', { name: 'Wyślij zawiadomienie' }).click();
  await expect(page.getByText('Urząd wyznaczył nowy termin załatwienia sprawy (art. 36 KPA)')).toBeVisible();
  await page.getByLabel('Dni na uzupełnienie (co najmniej 7)').fill('3');
  await page.getByLabel('Czego brakuje').fill('Proszę dołączyć zgodę współwłaściciela działki.');
  await page.getByRole('button', { name: 'Wyślij wezwanie' }).click();
  await expect(page.getByText('Wartość jest za mała.')).toBeVisible();
  await page.getByLabel('Dni na uzupełnienie (co najmniej 7)').fill('7');
  await page.getByRole('button', { name: 'Wyślij wezwanie' }).click();
  await expect(page.locator('.facts').getByText('Wymaga uzupełnienia')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Jan completes it on his phone or laptop.
  const janContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const jan = await janContext.newPage();
  await logIn(jan, 'jan.kowalski@example.pl');
  await expect(jan).toHaveURL(/\/$/);
  await jan.goto(`/cases/my/${caseId}`);
  await appReady(jan);
  await expect(jan.getByText('Proszę dołączyć zgodę współwłaściciela działki.').first()).toBeVisible();
  await expect(jan.getByText('Urząd wyznaczył nowy termin załatwienia sprawy (art. 36 KPA)')).toBeVisible();
  await expect(jan.getByText(/Oczekiwanie na opinię regionalnego konserwatora przyrody/)).toBeVisible();
  await jan.getByLabel('Twoja odpowiedź').fill('W załączeniu zgoda żony.');
  await jan.getByLabel(/Załączniki/).setInputFiles({ name: 'zgoda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% consent\n%%EOF\n') });
  await jan.getByRole('button', { name: 'Wyślij uzupełnienie' }).click();
  await expect(jan.locator('.facts').getByText('W toku')).toBeVisible();

  // The clerk sees the completion and decides.
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('link', { name: 'zgoda.pdf' })).toBeVisible();
  await page.getByLabel('Pozytywna (zgoda)').check();
  await page.getByLabel('Rozstrzygnięcie i uzasadnienie').fill('Zezwala się na usunięcie orzecha włoskiego o obwodzie 180 cm.');
  await page.getByRole('button', { name: 'Wydaj i doręcz decyzję' }).click();
  await expect(page.locator('.facts').getByText('Decyzja gotowa')).toBeVisible();

  // Jan sees "decision ready" and downloads the decision.
  await jan.reload();
  await appReady(jan);
  await expect(jan.locator('.facts').getByText('Decyzja gotowa')).toBeVisible();
  const [download] = await Promise.all([
    jan.waitForEvent('download'),
    jan.getByRole('link', { name: /^decyzja-.*\.txt$/ }).click(),
  ]);
  const saved = await download.path();
  const fs = await import('node:fs');
  expect(fs.readFileSync(saved, 'utf8')).toContain('Zezwala się na usunięcie orzecha włoskiego');
  await expectNoAxeViolations(jan);
  await janContext.close();

  // Closing sends it to the archive with its JRWA category.
  await page.getByRole('button', { name: 'Zakończ i przekaż do archiwum' }).click();
  await expect(page.locator('.facts').getByText('Zakończona')).toBeVisible();
  await expect(page.locator('.facts').getByText('B5')).toBeVisible();
});

test('a resident does not get into the desk', async ({ page }) => {
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office');
  await appReady(page);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});
