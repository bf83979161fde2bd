// The gmina's schools: the admin adds a school and names its secretary, who sets a
// password from the e-mailed link, adds an authenticator on a phone, opens a class and
// enrols a pupil. On the desktop run the pupil's guardian is Piotr Nowak, Ola's father at
// the first school, who then sees both children, each with their own school. The admin
// ends the secretary's lost authenticator: her session ends and she is told by e-mail.
import { test, expect, appReady, csvFile, expectNoAxeViolations, logIn, mailTo, pesel, totp, uniqueEmail } from './fixtures';

test('the admin adds a school and its office, which enrols a child of a family of two schools', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const phone = testInfo.project.name === 'phone';
  const school = `Szkoła Podstawowa nr ${phone ? 3 : 2} w Przykładowie ${Date.now() % 100000}`;
  const secretary = uniqueEmail('sekretariat');
  const guardian = phone ? uniqueEmail('opiekun') : 'piotr.nowak@example.pl';
  const child = `Jaś Testowy ${Date.now() % 100000}`;

  await logIn(page, 'admin@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office');
  await appReady(page);
  await page.getByRole('link', { name: 'Szkoły gminy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Szkoły gminy' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Szkoła Podstawowa nr 1/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // No name: refused at the field. Then the school, with the year in force.
  await page.getByRole('button', { name: 'Dodaj szkołę' }).click();
  await expect(page.getByLabel('Nazwa szkoły')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Nazwa szkoły').fill(school);
  await page.getByRole('button', { name: 'Dodaj szkołę' }).click();
  await expect(page.getByText(new RegExp(`Dodano szkołę ${school} z rokiem szkolnym \\d{4}/\\d{4}\\.`))).toBeVisible();
  await expect(page.getByRole('rowheader', { name: school })).toBeVisible();

  // Its secretary: a wrong address refused, then the account and its link.
  await page.getByRole('combobox', { name: 'Szkoła', exact: true }).selectOption({ label: school });
  await page.getByLabel('Imię i nazwisko').fill('Ewa Sekretarz');
  await page.getByLabel('Adres e-mail').fill('nie-adres');
  await page.getByRole('button', { name: 'Dodaj do sekretariatu' }).click();
  await expect(page.getByLabel('Adres e-mail')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Adres e-mail').fill(secretary);
  await page.getByRole('button', { name: 'Dodaj do sekretariatu' }).click();
  await expect(page.getByText(`Dodano ${secretary} do sekretariatu: ${school}.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(school) })).toContainText('czeka na ustawienie hasła');
  await expectNoAxeViolations(page);
  if (phone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The secretary, on her phone: the password from the link, then a new authenticator.
  await expect.poll(() => mailTo(secretary)?.match(/\/activate\/[a-z0-9]+/i)?.[0] ?? '', { timeout: 30_000 }).not.toBe('');
  const link = mailTo(secretary)!.match(/\/activate\/[a-z0-9]+/i)![0];
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL' });
  const ewa = await context.newPage();
  await ewa.goto(link);
  await appReady(ewa);
  await ewa.getByLabel('Nowe hasło').fill('Haslo-Sekretariatu-2');
  await ewa.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(ewa.getByText('Hasło ustawione.')).toBeVisible();
  await ewa.goto('/login');
  await appReady(ewa);
  await ewa.getByLabel('Adres e-mail').fill(secretary);
  await ewa.getByLabel('Hasło', { exact: true }).fill('Haslo-Sekretariatu-2');
  await ewa.getByRole('button', { name: 'Zaloguj się' }).click();
  const key = ewa.locator('code.secret');
  await expect(key).toHaveText(/^[A-Z2-7]{32}$/);
  await ewa.getByLabel('Kod z aplikacji uwierzytelniającej').fill(totp((await key.textContent()) ?? ''));
  await ewa.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(ewa).toHaveURL(/\/$/);

  // Her desk is her school's: a first class, and a pupil with a guardian.
  await ewa.goto('/office');
  await appReady(ewa);
  await expect(ewa.getByRole('heading', { level: 1, name: 'Sekretariat szkoły' })).toBeVisible();
  await expect(ewa.getByText(school).first()).toBeVisible();
  await ewa.getByLabel('Nazwa klasy').fill('1a');
  await ewa.getByRole('button', { name: 'Dodaj klasę' }).click();
  await ewa.getByRole('link', { name: '1a', exact: true }).click();
  await expect(ewa.getByRole('heading', { level: 1, name: 'Klasa 1a' })).toBeVisible();
  await ewa.getByLabel('Plik CSV').setInputFiles(csvFile('sp2', [`${child};${pesel()};;Piotr Nowak;${guardian}`]));
  await ewa.getByRole('button', { name: 'Wczytaj uczniów i opiekunów' }).click();
  await expect(ewa.getByText(/Wczytano wierszy: 1\. Nowi uczniowie w klasie: 1/)).toBeVisible();
  await expect(ewa.getByRole('row', { name: new RegExp(child) })).toContainText(guardian);
  await expectNoAxeViolations(ewa);

  if (!phone) {
    // Piotr: Ola at the first school and the new child at the second, each a card.
    const family = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL' });
    const piotr = await family.newPage();
    await logIn(piotr, guardian);
    await expect(piotr).toHaveURL(/\/$/);
    await piotr.goto('/school');
    await appReady(piotr);
    await expect(piotr.getByRole('link', { name: /Ola Nowak/ })).toContainText('Szkoła Podstawowa nr 1');
    const card = piotr.getByRole('link', { name: new RegExp(child) });
    await expect(card).toContainText('Klasa 1a');
    await expect(card).toContainText(school);
    await expectNoAxeViolations(piotr);
    await card.click();
    await expect(piotr.getByRole('heading', { level: 1 })).toContainText(child);
    await expectNoAxeViolations(piotr);
    await family.close();
  }

  // Her phone is lost: the admin ends the authenticator; her session ends, she is told.
  await page.reload();
  await appReady(page);
  await page.getByRole('combobox', { name: 'Konto', exact: true }).selectOption({ label: `Ewa Sekretarz <${secretary}>` });
  await page.getByRole('button', { name: 'Wyłącz aplikację' }).click();
  await expect(page.getByText(`Wyłączono aplikację uwierzytelniającą: Ewa Sekretarz <${secretary}>. Wysłano e-mail.`)).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await ewa.request.get('/api/auth/me')).status()).toBe(401);
  await expect.poll(() => mailTo(secretary) ?? '', { timeout: 20_000 }).toContain("The gmina's portal administrator turned off your account's authenticator");
  await context.close();
});
