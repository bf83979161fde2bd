// Civic budget journey: a resident proposes a project, a clerk verifies it, the resident
// votes on a phone-sized screen, changes the vote and gets a receipt, the admin closes
// voting, the results page shows the funded projects and the receipt counted, and the
// in-browser recount agrees with the official results.
import { APIRequestContext, Browser, Page, request as playwrightRequest } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, logIn, uniqueEmail, DEMO_PASSWORD } from './fixtures';

/** A valid PESEL for a birth date and a serial (checksum computed). */
function pesel(year: number, month: number, day: number, serial: number): string {
  const mm = year >= 2000 ? month + 20 : month;
  const digits = [year % 100, mm, day].map((n) => String(n).padStart(2, '0')).join('') + String(serial).padStart(4, '0');
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = digits.split('').reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return digits + String((10 - (sum % 10)) % 10);
}

function day(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
}

function timetable(voting: boolean) {
  return voting
    ? { proposals_from: day(-40), proposals_to: day(-30), verification_to: day(-20), appeals_to: day(-10), voting_from: day(-1), voting_to: day(10) }
    : { proposals_from: day(-1), proposals_to: day(5), verification_to: day(10), appeals_to: day(15), voting_from: day(20), voting_to: day(30) };
}

const RULES = { ballot: 'approval', rule: 'greedy', min_age: 16, guardian_consent: true, allow_change: true };

async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const r = await ctx.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(r.status(), await r.text()).toBe(200);
  return ctx;
}

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  return context.newPage();
}

test('a project is proposed, verified and voted for; the results and the recount agree', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const admin = await apiAs(base, 'admin@example.pl');
  const title = `BO e2e ${Date.now()}`;
  let r = await admin.post('/api/civic/editions', {
    data: {
      title, timetable: timetable(false), rules: RULES,
      pools: [
        { name: 'Ogólnogminny', district: false, budget: 10_000_000, max_choices: 2, min_choices: 0 },
        { name: 'Osiedle Zachód', district: true, budget: 5_000_000, max_choices: 1, min_choices: 0 },
      ],
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const edition = await r.json();
  const city = edition.pools.find((p: { district: boolean }) => !p.district).id;

  // A new resident with a PESEL (one vote per person).
  const email = uniqueEmail('bo');
  const serial = Math.floor(Math.random() * 9000) + 1000;
  const residentPesel = pesel(1960 + (serial % 40), 1 + (serial % 12), 1 + (serial % 28), serial);
  const anon = await playwrightRequest.newContext({ baseURL: base });
  r = await anon.post('/api/auth/register', { data: { email, password: DEMO_PASSWORD, full_name: 'Ewa Głosująca', pesel: residentPesel } });
  expect(r.status(), await r.text()).toBe(201);

  // The resident proposes a project through the form; a bad cost is refused first.
  await logIn(page, email);
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/civic-budget/${edition.id}/propose`);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Zgłoś projekt' })).toBeVisible();
  const projectTitle = `Łąka kwietna ${serial}`;
  await page.getByLabel('Pula').selectOption({ label: 'Ogólnogminny (100 000 zł)' });
  await page.getByLabel(/^Tytuł projektu/).fill(projectTitle);
  await page.getByLabel('Opis', { exact: true }).fill('Łąka kwietna zamiast trawnika: mniej koszenia, więcej owadów zapylających.');
  await page.getByLabel('Miejsce', { exact: true }).fill('Skwer przy ul. Lipowej');
  await page.getByLabel('Szacowany koszt w złotych').fill('dużo');
  await page.getByLabel('Kategoria').selectOption('greenery');
  await page.getByRole('button', { name: 'Zgłoś projekt' }).click();
  await expect(page.getByLabel('Szacowany koszt w złotych')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.getByLabel('Szacowany koszt w złotych').fill('40 000');
  await page.getByRole('button', { name: 'Zgłoś projekt' }).click();
  await expect(page).toHaveURL(/\/civic-budget\/projects\//);
  await expect(page.getByRole('heading', { level: 1, name: projectTitle })).toBeVisible();
  await expect(page.locator('.facts').getByText('Zgłoszony')).toBeVisible();
  const projectUrl = page.url();
  const projectId = projectUrl.split('/').pop() ?? '';

  // A second project, proposed through the API, so the ballot has a choice.
  const resident = await apiAs(base, email);
  r = await resident.post(`/api/civic/editions/${edition.id}/projects`, {
    data: { pool_id: city, title: `Ławki na rynku ${serial}`, description: 'Nowe ławki z oparciem na rynku i przy przystanku.', location: 'Rynek', point: null, estimated_cost: 2_000_000, category: 'other' },
  });
  expect(r.status(), await r.text()).toBe(201);
  const second = await r.json();

  // The clerk verifies the first project in the browser, lowering the cost with a reason.
  const clerkContext = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const clerk = await clerkContext.newPage();
  await logIn(clerk, 'urzednik@example.pl');
  await expect(clerk).toHaveURL(/\/$/);
  await clerk.goto(projectUrl);
  await appReady(clerk);
  await expect(clerk.getByRole('heading', { name: 'Weryfikacja projektu' })).toBeVisible();
  await clerk.getByRole('radio', { name: /Pozytywna/ }).check();
  await clerk.getByLabel(/^Koszt po weryfikacji/).fill('35 000');
  await clerk.getByLabel(/^Uzasadnienie/).fill('Kosztorys urzędu: tańsze sadzonki.');
  await clerk.getByRole('button', { name: 'Zapisz weryfikację' }).click();
  await expect(clerk.locator('.facts').getByText('Na karcie do głosowania')).toBeVisible();
  await expect(clerk.getByText('Urząd zmienił koszt')).toBeVisible();
  await expectNoAxeViolations(clerk);
  const clerkApi = await apiAs(base, 'urzednik@example.pl');
  r = await clerkApi.post(`/api/civic/projects/${second.id}/verification`, { data: { accept: true, reason: '', conflict_group: null } });
  expect(r.status(), await r.text()).toBe(200);

  // Voting opens (the admin moves the timetable).
  r = await admin.put(`/api/civic/editions/${edition.id}`, { data: { title, timetable: timetable(true), rules: RULES } });
  expect(r.status(), await r.text()).toBe(200);

  // The resident votes on a phone: one project, review, cast, receipt.
  const mobile = await phone(browser);
  await logIn(mobile, email);
  await expect(mobile).toHaveURL(/\/$/);
  await mobile.goto(`/civic-budget/${edition.id}/vote`);
  await appReady(mobile);
  await expect(mobile.getByText('Możesz wybrać jeszcze 2 (z 2).')).toBeVisible();
  await mobile.getByLabel(new RegExp(projectTitle)).check();
  await expect(mobile.getByText('Możesz wybrać jeszcze 1 (z 2).')).toBeVisible();
  await expectNoAxeViolations(mobile);
  const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await mobile.getByRole('button', { name: 'Dalej: sprawdź wybór' }).click();
  await expect(mobile.getByRole('heading', { name: 'Sprawdź swój wybór' })).toBeVisible();
  await mobile.getByRole('button', { name: 'Oddaj głos' }).click();
  await expect(mobile.getByRole('heading', { name: 'Twój głos został zapisany' })).toBeVisible();
  const code = ((await mobile.locator('.receipt-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectNoAxeViolations(mobile);

  // A second ballot is impossible; the vote can be changed instead.
  r = await resident.post(`/api/civic/editions/${edition.id}/ballot`, { data: { choices: [{ pool_id: city, projects: [second.id] }] } });
  expect(r.status()).toBe(409);
  await mobile.goto(`/civic-budget/${edition.id}/vote`);
  await appReady(mobile);
  await mobile.getByRole('button', { name: 'Zmień mój głos' }).click();
  await mobile.getByLabel(new RegExp(`Ławki na rynku ${serial}`)).check();
  await expect(mobile.getByText('Wybrano tyle, ile można.')).toBeVisible();
  await mobile.getByRole('button', { name: 'Dalej: sprawdź wybór' }).click();
  await mobile.getByRole('button', { name: 'Zapisz zmianę' }).click();
  await expect(mobile.getByText('Zmiana została zapisana. Twój kod potwierdzenia się nie zmienia.')).toBeVisible();

  // The admin closes voting in the browser.
  const adminContext = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, 'admin@example.pl');
  await expect(adminPage).toHaveURL(/\/$/);
  await adminPage.goto(`/civic-budget/${edition.id}`);
  await appReady(adminPage);
  await adminPage.getByRole('button', { name: 'Zakończ głosowanie i policz głosy' }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/civic-budget/${edition.id}/results`));

  // Results: both projects funded (350 + 200 zł... of 100 000 zł), the receipt counted.
  await page.goto(`/civic-budget/${edition.id}/results`);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: `Wyniki: ${title}` })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: projectTitle });
  await expect(row).toContainText('Do realizacji');
  await expect(page.getByRole('row').filter({ hasText: `Ławki na rynku ${serial}` })).toContainText('Do realizacji');
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Kod potwierdzenia' }).fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Sprawdź' }).click();
  await expect(page.getByText('Głos z tym kodem został policzony.')).toBeVisible();

  // The recount in the browser agrees with the official results.
  await page.getByRole('link', { name: 'Przelicz tę pulę samodzielnie' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Policz to sam' })).toBeVisible();
  await page.getByRole('button', { name: 'Policz' }).click();
  await expect(page.getByText('Zgadza się z oficjalnymi wynikami.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The project page is public and shows every step.
  const viewer = await browser.newPage();
  await viewer.goto(projectUrl);
  await appReady(viewer);
  await expect(viewer.getByText('Zweryfikowany pozytywnie — na karcie do głosowania')).toBeVisible();
  expect(projectId).not.toBe('');
});

test('the demo results page shows funded projects and turnout, and a malformed .pb is refused with its line', async ({ page }) => {
  await page.goto('/civic-budget');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Budżet obywatelski 2026' }).click();
  await appReady(page);
  await page.getByRole('link', { name: 'Wyniki', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Frekwencja' })).toBeVisible();
  await expect(page.getByText('Do realizacji').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/civic-budget/recount');
  await appReady(page);
  await page.getByLabel(/albo własny plik \.pb/).setInputFiles({
    name: 'zly.pb', mimeType: 'text/plain', buffer: Buffer.from('META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;abc\nVOTES\nvoter_id;vote\n'),
  });
  await page.getByRole('button', { name: 'Policz' }).click();
  await expect(page.getByText(/wiersz 6/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the admin announces an edition, imports a .pb file, a clerk enters a paper ballot, the count includes both', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  await logIn(page, 'admin@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/civic-budget/new');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Nowa edycja budżetu obywatelskiego' })).toBeVisible();
  const title = `BO import ${stamp}`;
  await page.getByLabel('Nazwa edycji').fill(title);
  const dates: [string, number][] = [
    ['Zgłaszanie projektów od', -40], ['Zgłaszanie projektów do', -30], ['Weryfikacja do', -20],
    ['Odwołania do', -10], ['Głosowanie od', -1], ['Głosowanie do', 10],
  ];
  // Voting before appeals end is refused next to the field.
  for (const [label, offset] of dates) await page.getByLabel(label, { exact: true }).fill(day(offset));
  await page.getByLabel('Głosowanie od', { exact: true }).fill(day(-15));
  await page.getByLabel('Nazwa puli').fill('Cała gmina');
  await page.getByLabel('Budżet puli w złotych').fill('1000');
  await page.getByRole('button', { name: 'Ogłoś edycję' }).click();
  await expect(page.getByLabel('Głosowanie od', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.getByLabel('Głosowanie od', { exact: true }).fill(day(-1));
  await page.getByRole('button', { name: 'Ogłoś edycję' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const editionUrl = page.url();

  // Import: a malformed file is refused with its line; a good one becomes a pool.
  await page.getByRole('link', { name: 'Zarządzanie edycją' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zarządzanie edycją' })).toBeVisible();
  await page.getByLabel('Nazwa puli').fill('Import e2e');
  const bad = 'META\nkey;value\nbudget;1000\nPROJECTS\nproject_id;cost;name\n1;600;Park\nVOTES\nvoter_id;vote\nv1;7\n';
  await page.getByLabel('Plik .pb').setInputFiles({ name: 'zly.pb', mimeType: 'text/plain', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Importuj' }).click();
  await expect(page.getByRole('alert')).toContainText('line 9');
  const good = 'META\nkey;value\nbudget;1000\nPROJECTS\nproject_id;cost;name\n1;600;Park kieszonkowy\n2;500;Stojaki rowerowe\n3;300;Ławki\nVOTES\nvoter_id;vote\nv1;1,3\nv2;1\nv3;2\nv4;2,3\n';
  await page.getByLabel('Plik .pb').setInputFiles({ name: 'dobry.pb', mimeType: 'text/plain', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Importuj' }).click();
  await expect(page.getByText('Zaimportowano pulę Import e2e (1 000 zł).')).toBeVisible();
  await expectNoAxeViolations(page);

  // A clerk enters a paper ballot for the bike racks.
  const clerkContext = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const clerk = await clerkContext.newPage();
  await logIn(clerk, 'urzednik@example.pl');
  await expect(clerk).toHaveURL(/\/$/);
  await clerk.goto(`${editionUrl}/manage`);
  await appReady(clerk);
  await clerk.getByLabel(/^PESEL głosującego/).fill(pesel(1975, 4, 12, stamp % 10000));
  await clerk.getByLabel('Pula', { exact: true }).selectOption({ label: 'Import e2e' });
  await clerk.getByLabel(/Stojaki rowerowe/).check();
  await clerk.getByRole('button', { name: 'Zapisz kartę' }).click();
  await expect(clerk.getByText(/Karta zapisana\. Kod potwierdzenia dla głosującego: [A-Z2-9-]{19}/)).toBeVisible();

  // The admin closes voting: 5 ballots, 1 on paper; racks (3 votes) and the park fit.
  await page.goto(editionUrl);
  await appReady(page);
  await page.getByRole('button', { name: 'Zakończ głosowanie i policz głosy' }).click();
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByRole('row').filter({ hasText: 'Stojaki rowerowe' })).toContainText('Do realizacji');
  await expect(page.getByRole('row').filter({ hasText: 'Ławki' })).toContainText('Do realizacji');
  await expect(page.getByRole('row').filter({ hasText: 'Park kieszonkowy' })).toContainText('zostało tylko');
});
