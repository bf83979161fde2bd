// Journey: a resident files a tree-removal application with an attachment, signs it with
// her password, gets the receipt (UPO) and checks it on the public verify page.
import { test, expect, appReady, expectNoAxeViolations, logIn } from './fixtures';

test('Anna files a tree-removal application with a map and her receipt verifies', async ({ page }) => {
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/cases/services/usuniecie-drzew');
  await appReady(page);
  await page.getByRole('link', { name: 'Złóż wniosek przez internet' }).click();
  await expect(page).toHaveURL(/\/file\?draft=/);
  await expect(page.getByRole('group', { name: 'Wnioskodawca' })).toBeVisible();

  // Sending it empty shows what is missing, next to each field.
  await page.getByRole('button', { name: 'Dalej: podsumowanie' }).click();
  await expect(page.getByText('To pole jest wymagane.').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Imię i nazwisko').fill('Anna Nowak');
  await page.getByLabel('Ulica').fill('ul. Lipowa');
  await page.getByLabel('Numer domu').fill('5');
  await page.getByLabel('Kod pocztowy').fill('00-950');
  await page.getByLabel('Miejscowość').fill('Przykładowo');
  await page.getByLabel('Jestem właścicielem nieruchomości').check();
  await page.getByLabel('Numer działki ewidencyjnej i obręb').fill('123/4, obręb Przykładowo');
  await page.getByLabel('Rysunek lub mapa z położeniem drzew').setInputFiles({
    name: 'mapa.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% map of the plot\n%%EOF\n'),
  });
  await expect(page.getByText(/mapa\.pdf \(1 kB\)/)).toBeVisible();
  await page.getByLabel('Gatunek').fill('Topola');
  await page.getByLabel('Obwód pnia').fill('240');
  await page.getByLabel('Przyczyna usunięcia').selectOption({ label: 'Zagraża bezpieczeństwu' });
  await page.getByLabel('Gatunek').click();
  await expect(page.getByText('Wersja robocza zapisana')).toBeVisible();

  // The draft is on the server: a reload resumes it.
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('Gatunek')).toHaveValue('Topola');
  await expect(page.getByLabel('Przyczyna usunięcia')).toHaveValue(/.+/);

  await page.getByRole('button', { name: 'Dalej: podsumowanie' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sprawdź i podpisz' })).toBeVisible();
  await expect(page.getByText('123/4, obręb Przykładowo')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel(/^Hasło do konta/).fill('not-my-password');
  await page.getByRole('button', { name: 'Podpisz i wyślij' }).click();
  await expect(page.getByRole('alert')).toContainText('Popraw zaznaczone pola');
  await page.getByLabel(/^Hasło do konta/).fill('Okienko-demo-2026');
  await page.getByRole('button', { name: 'Podpisz i wyślij' }).click();
  await expect(page.getByText('Wniosek złożony. Urząd potwierdził odbiór (UPO).')).toBeVisible();
  await expect(page.getByText(/^GK\.6131\.\d+\.\d{4}$/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Przejdź do sprawy' }).click();
  await expect(page.locator('.facts').getByText('Złożona')).toBeVisible();
  const id = page.url().split('/').pop();
  // She downloads the UPO file and checks it on the public page, as anyone could.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Pobierz UPO (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('UPO.json');
  const saved = await download.path();
  const fs = await import('node:fs');
  const receipt = fs.readFileSync(saved, 'utf8');
  await page.goto('/verify');
  await appReady(page);
  await page.getByLabel('Plik UPO (JSON)').setInputFiles(saved);
  await expect(page.getByLabel('albo wklej treść UPO')).toHaveValue(receipt);
  await page.getByRole('button', { name: 'Sprawdź' }).click();
  await expect(page.getByText('UPO jest prawdziwe')).toBeVisible();
  await expect(page.getByText('mapa.pdf')).toBeVisible();

  // The printable UPO carries every signed field and a QR code; the code's address opens
  // the verify page with this receipt, which checks it straight away.
  await page.goto(`/cases/my/${id}`);
  await appReady(page);
  await page.getByRole('link', { name: 'UPO do druku z kodem QR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Urzędowe poświadczenie odbioru (UPO)' })).toBeVisible();
  const parsed = JSON.parse(receipt);
  await expect(page.getByText(parsed.signature)).toBeVisible();
  const qr = page.getByRole('img', { name: /^Kod QR/ });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expectNoAxeViolations(page);
  const packed = Buffer.from(JSON.stringify(parsed)).toString('base64url');
  await page.goto(`/verify#upo=${packed}`);
  await appReady(page);
  await expect(page.getByText('UPO jest prawdziwe')).toBeVisible();
  const forged = Buffer.from(JSON.stringify({ ...parsed, document: { ...parsed.document, received_at: '2020-01-01T00:00:00+01:00' } })).toString('base64url');
  await page.goto('about:blank');
  await page.goto(`/verify#upo=${forged}`);
  await appReady(page);
  await expect(page.getByText('UPO jest nieprawidłowe: treść, czas lub podpis zostały zmienione')).toBeVisible();
});
