// The school office: the secretary opens the classes, a CSV with a bad PESEL is refused
// with its line named and nothing stored, the corrected file enrols the pupil and links
// a new guardian, who gets a link by e-mail (the local SMTP server's maildir), sets a
// password on a phone and sees the child in the gradebook.
import { test, expect, appReady, expectNoAxeViolations, csvFile, logIn, mailTo, pesel, totp, uniqueEmail } from './fixtures';


test('the school office imports a pupil and a new guardian, who sets a password and sees the child', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const className = testInfo.project.name === 'phone' ? '2a' : '2b';
  const child = `Zofia Testowa ${Date.now() % 100000}`;
  const guardian = uniqueEmail('opiekun');
  const id = pesel();
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sekretariat szkoły' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: className, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Klasa ${className}` })).toBeVisible();

  // A wrong checksum: refused, the line named, the roll unchanged.
  const badPesel = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
  await page.getByLabel('Plik CSV').setInputFiles(csvFile('bad', [`${child};${badPesel};;Marek Testowy;${guardian}`]));
  await page.getByRole('button', { name: 'Wczytaj uczniów i opiekunów' }).click();
  await expect(page.getByRole('alert')).toContainText('2');
  await expect(page.getByRole('alert')).toContainText('pesel');
  await expect(page.getByRole('rowheader', { name: new RegExp(child) })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByLabel('Plik CSV').setInputFiles(csvFile('good', [`${child};${id};;Marek Testowy;${guardian}`]));
  await page.getByRole('button', { name: 'Wczytaj uczniów i opiekunów' }).click();
  await expect(page.getByText('Wczytano wierszy: 1. Nowi uczniowie w klasie: 1, nowe konta: 2, nowe powiązania z opiekunami: 1.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(child) });
  await expect(row).toContainText(guardian);
  await expect(row).toContainText('bez własnego konta');

  // The guardian's link, and a password set on a phone.
  await expect.poll(() => mailTo(guardian)?.match(/\/activate\/[a-z0-9]+/i)?.[0] ?? '', { timeout: 30_000 }).not.toBe('');
  const first = mailTo(guardian)!.match(/\/activate\/[a-z0-9]+/i)![0];

  // The e-mail got lost: the secretary sends a new link, and only the new one works.
  await expect(row).toContainText('czeka na ustawienie hasła');
  await page.getByRole('combobox', { name: 'Konto', exact: true }).selectOption({ label: `Marek Testowy <${guardian}>` });
  await page.getByRole('button', { name: 'Wyślij nowy link' }).click();
  await expect(page.getByText(`Wysłano nowy link: Marek Testowy <${guardian}>.`)).toBeVisible();
  await expectNoAxeViolations(page);
  await expect.poll(() => mailTo(guardian)?.match(/\/activate\/[a-z0-9]+/i)?.[0] ?? first, { timeout: 30_000 }).not.toBe(first);
  const link = mailTo(guardian)!.match(/\/activate\/[a-z0-9]+/i)![0];
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL' });
  const marek = await phone.newPage();
  await marek.goto(first);
  await appReady(marek);
  await marek.getByLabel('Nowe hasło').fill('Haslo-Marka-2026');
  await marek.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(marek.getByText('Ten link jest nieważny, wykorzystany albo wygasł.', { exact: false })).toBeVisible();
  await marek.goto(link);
  await appReady(marek);
  await expect(marek.getByRole('heading', { level: 1, name: 'Ustaw hasło do konta' })).toBeVisible();
  await expectNoAxeViolations(marek);
  await marek.getByLabel('Nowe hasło').fill('Haslo-Marka-2026');
  await marek.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(marek.getByText('Hasło ustawione.')).toBeVisible();
  await logIn(marek, guardian, 'Haslo-Marka-2026');
  await expect(marek).toHaveURL(/\/$/);
  await marek.goto('/school');
  await appReady(marek);
  await expect(marek.getByRole('link', { name: new RegExp(child) })).toContainText(`Klasa ${className}`);
  // The link works once.
  await marek.goto(link);
  await appReady(marek);
  await marek.getByLabel('Nowe hasło').fill('Inne-Haslo-2026');
  await marek.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(marek.getByText('Ten link jest nieważny, wykorzystany albo wygasł.', { exact: false })).toBeVisible();
  await phone.close();
});

// The structure: the secretary adds a subject and a class with its form teacher, hands
// a subject of the new class to a teacher, moves a pupil of the year group into it (the
// pupil gets the last number there), and moves a pupil with grades, who keeps them.
test('the school office adds a class, gives it a subject teacher and moves a pupil into it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const phone = testInfo.project.name === 'phone';
  const [newClass, from, subject] = phone ? ['7d', '7b', 'Robotyka'] : ['7c', '7a', 'Szachy'];
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office/school');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sekretariat szkoły' })).toBeVisible();

  // A wrong name is refused at the field; nothing is added.
  await page.getByLabel('Nazwa klasy').fill('9a');
  await page.getByRole('button', { name: 'Dodaj klasę' }).click();
  await expect(page.getByLabel('Nazwa klasy')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Wpisz numer klasy od 1 do 8 i literę, np. 4a.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Nowy przedmiot').fill(subject);
  await page.getByRole('button', { name: 'Dodaj przedmiot' }).click();
  await expect(page.getByText(`Dodano przedmiot ${subject}.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: new RegExp(`^${subject}$`) })).toBeVisible();

  await page.getByLabel('Nazwa klasy').fill(newClass);
  await page.getByRole('combobox', { name: 'Wychowawca' }).selectOption({ label: 'Ewa Rachunek' });
  await page.getByRole('button', { name: 'Dodaj klasę' }).click();
  await expect(page.getByText(`Dodano klasę ${newClass}.`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`^${newClass}\\b`) });
  await expect(row).toContainText('Ewa Rachunek');

  // The new class: Matematyka to Tomasz Nauczyciel.
  await page.getByRole('link', { name: newClass, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Klasa ${newClass}` })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Wychowawca' })).toHaveValue(/.+/);
  await page.getByRole('combobox', { name: 'Matematyka', exact: true }).selectOption({ label: 'Tomasz Nauczyciel' });
  await page.getByRole('button', { name: 'Zapisz: Matematyka' }).click();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('combobox', { name: 'Matematyka', exact: true }) })).toContainText('Zapisano.');
  await expectNoAxeViolations(page);

  // A pupil of the year group moves in, numbered last.
  await page.goto('/office/school');
  await appReady(page);
  await page.getByRole('link', { name: from, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Klasa ${from}` })).toBeVisible();
  const pupil = page.getByRole('combobox', { name: 'Uczeń', exact: true });
  const choice = (await pupil.locator('option').nth(1).textContent())!;
  const name = choice.replace(/^\d+\.\s*/, '');
  await pupil.selectOption({ index: 1 });
  await page.getByRole('combobox', { name: 'Do klasy' }).selectOption({ label: newClass });
  await page.getByRole('button', { name: 'Przenieś' }).click();
  await expect(page.getByText(`Uczeń jest teraz w klasie ${newClass}.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  await page.goto('/office/school');
  await appReady(page);
  await page.getByRole('link', { name: newClass, exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) }).getByRole('cell').first()).toHaveText('1');

  // A pupil with grades and attendance moves too; they stay in 5a's register and remain
  // the pupil's (API test school_structure.rs). One project: both would pick from 5a.
  if (!phone) {
    await page.goto('/office/school');
    await appReady(page);
    await page.getByRole('link', { name: '5a', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Klasa 5a' })).toBeVisible();
    const graded = page.getByRole('combobox', { name: 'Uczeń', exact: true });
    const who = (await graded.locator('option').nth(1).textContent())!.replace(/^\d+\.\s*/, '');
    await graded.selectOption({ index: 1 });
    await page.getByRole('combobox', { name: 'Do klasy' }).selectOption({ label: '5b' });
    await page.getByRole('button', { name: 'Przenieś' }).click();
    await expect(page.getByText('Uczeń jest teraz w klasie 5b.')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(who) })).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});

test('the school office ends a lost authenticator and the teacher adds a new one from its QR code', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  // Each project its own teacher: the projects run at once against one server.
  const [name, email] = testInfo.project.name === 'phone'
    ? ['Jerzy Dziejowy', 'j.dziejowy@sp1.example.pl']
    : ['Paweł Mapa', 'p.mapa@sp1.example.pl'];
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office/school');
  await appReady(page);
  const teacher = page.getByRole('combobox', { name: 'Nauczyciel', exact: true });

  // Nobody chosen: refused at the field.
  await page.getByRole('button', { name: 'Wyłącz aplikację' }).click();
  await expect(teacher).toHaveAttribute('aria-invalid', 'true');

  await teacher.selectOption({ label: name });
  await page.getByRole('button', { name: 'Wyłącz aplikację' }).click();
  await expect(page.getByText(`Wyłączono aplikację uwierzytelniającą: ${name}. Wysłano e-mail.`)).toBeVisible();
  // Ended: the teacher is no longer among those with one.
  await expect(teacher.locator('option', { hasText: name })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expect.poll(() => mailTo(email) ?? '', { timeout: 20_000 }).toContain("The school office turned off your account's authenticator");

  // The teacher, on their new phone: the password, then the new key's QR code.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL' });
  const phone = await context.newPage();
  await phone.goto('/login');
  await appReady(phone);
  await phone.getByLabel('Adres e-mail').fill(email);
  await phone.getByLabel('Hasło', { exact: true }).fill('Okienko-demo-2026');
  await phone.getByRole('button', { name: 'Zaloguj się' }).click();
  const qr = phone.getByRole('img', { name: 'Kod QR klucza do zeskanowania aplikacją uwierzytelniającą' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const key = (await phone.locator('code.secret').textContent()) ?? '';
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(phone);
  await phone.getByLabel('Kod z aplikacji uwierzytelniającej').fill(totp(key));
  await phone.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(phone).toHaveURL(/\/$/);
  const me = await phone.request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe(email);
  await context.close();
});

test('the school office checks its grading rules and opens the next school year with the classes taken up', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const phone = testInfo.project.name === 'phone';
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office/school');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Zasady ocen' })).toBeVisible();

  // The rules: not a number and too much are refused at their fields; the same rules save.
  const plus = page.getByLabel('Plus dodaje (setne)');
  await expect(plus).toHaveValue('50');
  await plus.fill('pół');
  await page.getByRole('button', { name: 'Zapisz zasady' }).click();
  await expect(plus).toHaveAttribute('aria-invalid', 'true');
  await plus.fill('100');
  await page.getByRole('button', { name: 'Zapisz zasady' }).click();
  await expect(plus).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'Wagi kategorii' }).getByLabel('sprawdzian')).toHaveValue(/^\d+$/);
  await expectNoAxeViolations(page);
  await plus.fill('50');
  await page.getByRole('button', { name: 'Zapisz zasady' }).click();
  await expect(plus).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Zasady ocen' }) }).getByRole('status')).toHaveText('Zapisano.');

  // The next year: the desktop takes the first free September, the phone the one after
  // (they run side by side); term 2 before the start is refused.
  const school = (await (await page.request.get('/api/school/admin/schools')).json())[0];
  const lastEnd: string = school.years.at(-1).ends_on;
  const y = Number(lastEnd.slice(0, 4)) + (phone ? 2 : 0);
  const [sep, feb, jun] = [`${y}-09-01`, `${y + 1}-02-01`, `${y + 1}-06-26`];
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Nowy rok szkolny' }) });
  await section.getByLabel('Pierwszy dzień', { exact: true }).fill(sep);
  await section.getByLabel('Pierwszy dzień II półrocza').fill(`${y}-08-01`);
  await section.getByLabel('Ostatni dzień').fill(jun);
  await expect(section.getByLabel('Przenieś klasy poprzedniego roku o rok wyżej')).toBeChecked();
  await section.getByRole('button', { name: 'Otwórz rok szkolny' }).click();
  await expect(section.getByLabel('Pierwszy dzień II półrocza')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText('Ta data musi być późniejsza od poprzedniej.')).toBeVisible();
  await expectNoAxeViolations(page);
  await section.getByLabel('Pierwszy dzień II półrocza').fill(feb);
  await section.getByRole('button', { name: 'Otwórz rok szkolny' }).click();
  const name = `${y}/${y + 1}`;
  await expect(page.getByText(new RegExp(`Otwarto rok ${name}\\. Klasy przeniesione: [1-9]\\d*, ich uczniowie: [1-9]\\d*, kończą szkołę: \\d+\\.`))).toBeVisible();

  // This year's classes are still the ones shown; the new year's are a choice away.
  await expect(page.getByRole('link', { name: '6b', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Pokaż klasy roku' }).selectOption({ label: name });
  await expect(page.getByRole('link', { name: '8b', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '1a', exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '7b', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Klasa 7b' })).toBeVisible();
  await expect(page.getByText(name)).toBeVisible();
  // Its pupils came with it (which ones depends on the year it was taken up from).
  await expect(page.getByRole('rowheader').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Matematyka', exact: true })).toHaveValue(/.+/);
  await expectNoAxeViolations(page);
});

// Religion and ethics keep marks 1–6 in classes 1–3: the office marks a subject so, the
// list shows it, and the setting goes back. Each project its own subject.
test('the school office sets which subjects keep marks in classes 1–3', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const [subject, first] = testInfo.project.name === 'phone' ? ['Muzyka', true] : ['Religia', false];
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office/school');
  await appReady(page);
  const item = page.getByRole('listitem').filter({ hasText: new RegExp(`^${subject}`) });
  await expect(item).toContainText(first ? subject : `${subject} (klasy 1–3: skala 1–6)`);
  for (const on of [first, !first]) {
    await page.getByRole('combobox', { name: 'Przedmiot', exact: true }).selectOption({ label: subject });
    await page.getByLabel('Oceny w skali 1–6 także w klasach 1–3').setChecked(on);
    await page.getByRole('button', { name: 'Zapisz ustawienie ocen' }).click();
    await expect(page.getByText(`Zapisano ustawienie ocen przedmiotu ${subject}.`)).toBeVisible();
    if (on) await expect(item).toContainText('klasy 1–3: skala 1–6');
    else await expect(item).not.toContainText('klasy 1–3');
  }
  await expectNoAxeViolations(page);
});
