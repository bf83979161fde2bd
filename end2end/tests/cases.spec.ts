// Journeys: a resident follows her cases and checks her receipt (UPO) on the public
// verify page; a resident answers the office's request for completion with a file.
import { test, expect, appReady, expectNoAxeViolations, logIn, DEMO_PASSWORD } from './fixtures';

test('Anna sees her cases, opens one, and her receipt verifies while an altered one fails', async ({ page }) => {
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/cases/my');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Moje sprawy' })).toBeVisible();
  // The demo's tree-removal case being handled (the filing journey may add another).
  const tree = page.getByRole('link', { name: /Zezwolenie na usunięcie drzew.*W toku/ });
  await expect(tree).toBeVisible();
  await expect(page.getByRole('link', { name: /zajęcie pasa drogowego/ })).toContainText('Decyzja gotowa');
  await expectNoAxeViolations(page);

  await tree.click();
  await expect(page.getByRole('heading', { level: 1, name: /Zezwolenie na usunięcie drzew/ })).toBeVisible();
  await expect(page.getByText(/^GK\.6131\.\d+\.\d{4}$/)).toBeVisible();
  await expect(page.getByText(/Decyzja przewidywana do: \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Historia sprawy' })).toBeVisible();
  await expect(page.getByText('Wpłynęła do urzędu')).toBeVisible();
  await expect(page.getByRole('link', { name: 'mapa-dzialki-123-4.pdf' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Download the UPO as the browser would, then check it on the public page.
  const id = page.url().split('/').pop();
  const upo = await page.request.get(`/api/cases/${id}/receipt`);
  expect(upo.ok()).toBeTruthy();
  const receipt = await upo.text();
  await page.getByRole('link', { name: 'Sprawdź UPO' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sprawdź urzędowe poświadczenie odbioru/ })).toBeVisible();
  await page.getByLabel('albo wklej treść UPO').fill(receipt);
  await page.getByRole('button', { name: 'Sprawdź' }).click();
  await expect(page.getByText('UPO jest prawdziwe')).toBeVisible();
  await expect(page.getByText(/^GK\.6131\./)).toBeVisible();
  await expectNoAxeViolations(page);

  const altered = receipt.replace(/"received_at":"(\d{4})/, (_m, y) => `"received_at":"${Number(y) - 1}`);
  expect(altered).not.toEqual(receipt);
  await page.getByLabel('albo wklej treść UPO').fill(altered);
  await page.getByRole('button', { name: 'Sprawdź' }).click();
  await expect(page.getByText('UPO jest nieprawidłowe: treść, czas lub podpis zostały zmienione')).toBeVisible();
});

test('Jan answers a request for completion with a scan and his case goes back to the clerk', async ({ page, playwright, baseURL }) => {
  // The clerk's side through the API: a paper letter from Jan, assigned, completion asked.
  const clerk = await playwright.request.newContext({ baseURL });
  expect((await clerk.post('/api/auth/login', { data: { email: 'urzednik@example.pl', password: DEMO_PASSWORD } })).ok()).toBeTruthy();
  const scan = await clerk.post('/api/attachments?name=skan.pdf', {
    headers: { 'Content-Type': 'application/pdf' },
    data: Buffer.from('%PDF-1.4\n% letter\n%%EOF\n'),
  });
  expect(scan.status()).toBe(201);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
  const subject = `Wniosek o wycinkę jabłoni ${Date.now()}`;
  const letter = await clerk.post('/api/office/letters', {
    data: {
      sender_name: 'Jan Kowalski', sender_pesel: '90020301234', received_on: today, channel: 'paper',
      subject, department_code: 'GK', jrwa_symbol: '6131', period: '1m', scans: [await scan.json()],
    },
  });
  expect(letter.status()).toBe(201);
  const caseId = (await letter.json()).id;
  const clerks = await (await clerk.get('/api/office/clerks')).json();
  const me = clerks.find((c: { department_code: string }) => c.department_code === 'GK');
  expect((await clerk.post(`/api/office/cases/${caseId}/assign`, { data: { department_code: 'GK', assignee_id: me.id } })).ok()).toBeTruthy();
  expect((await clerk.post(`/api/office/cases/${caseId}/completion-request`, {
    data: { text: 'Proszę dołączyć mapę z zaznaczonym drzewem.', days: 7 },
  })).ok()).toBeTruthy();

  await logIn(page, 'jan.kowalski@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/cases/my/${caseId}`);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Urząd prosi o uzupełnienie' })).toBeVisible();
  await expect(page.getByText('Proszę dołączyć mapę z zaznaczonym drzewem.').first()).toBeVisible();
  await expect(page.getByText('Termin wstrzymany do czasu uzupełnienia')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Twoja odpowiedź').fill('W załączeniu mapa.');
  await page.getByLabel(/Załączniki/).setInputFiles({ name: 'mapa.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% map\n%%EOF\n') });
  await page.getByRole('button', { name: 'Wyślij uzupełnienie' }).click();
  await expect(page.getByText('Uzupełniona przez Ciebie')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Urząd prosi o uzupełnienie' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'mapa.pdf' })).toBeVisible();
  await expect(page.locator('.facts').getByText('W toku')).toBeVisible();
  await clerk.dispose();
});

test('a stranger cannot open someone else\'s case, and the verify page works without an account', async ({ page }) => {
  await logIn(page, 'jan.kowalski@example.pl');
  await expect(page).toHaveURL(/\/$/);
  const mine: { id: string }[] = await (await page.request.get('/api/cases')).json();
  await page.goto('/cases/my/00000000-0000-0000-0000-000000000000');
  await expect(page.getByRole('alert')).toHaveText('Nie znaleziono.');
  expect(mine.length).toBeGreaterThan(0);
  await page.context().clearCookies();
  await page.goto('/verify');
  await appReady(page);
  await page.getByLabel('albo wklej treść UPO').fill('{"not": "a receipt"}');
  await page.getByRole('button', { name: 'Sprawdź' }).click();
  await expect(page.getByText('UPO jest nieprawidłowe: to nie jest plik UPO')).toBeVisible();
  await expectNoAxeViolations(page);
});
