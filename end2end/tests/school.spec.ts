// The e-gradebook: the teacher types a column of grades with the keyboard (a refused
// cell is marked and nothing of it is stored until corrected), changes one, and Anna on
// a phone switches between her children, sees the new grade with its history and the
// average, and who at the school looked; the teacher takes a lesson's attendance from
// the timetable, Anna excuses the absence and the form teacher accepts it; Ola sees only
// her own gradebook.
import { test, expect, appReady, expectNoAxeViolations, logIn } from './fixtures';
import type { Browser, Page } from '@playwright/test';

/** Today in Warsaw, YYYY-MM-DD (inside the demo's current term). */
function warsawToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
}

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  return context.newPage();
}

async function openSixBMaths(page: Page) {
  await logIn(page, 'nauczyciel@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school');
  await appReady(page);
  await page.getByRole('link', { name: /6b · Matematyka/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matematyka — 6b' })).toBeVisible();
}

test('the teacher types a column with the keyboard and Anna on a phone sees the grade with its history', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const topic = `Ułamki ${Date.now() % 100000}`;
  await openSixBMaths(page);
  await expectNoAxeViolations(page);
  await page.getByText('Nowa kolumna ocen').click();
  await page.getByLabel('Kategoria').selectOption({ label: 'Sprawdzian (waga 3)' });
  await page.getByLabel('Temat').fill(topic);
  await page.getByLabel('Data').fill(warsawToday());
  await page.getByRole('button', { name: 'Dodaj kolumnę' }).click();
  await expect(page.getByText('Dodano kolumnę.')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: new RegExp(topic) })).toBeVisible();

  // Down the column from the first pupil: Enter moves to the next one.
  const names = await page.locator('.grade-grid tbody th').allInnerTexts();
  const olaRow = names.indexOf('Ola Nowak');
  expect(olaRow).toBeGreaterThanOrEqual(0);
  const cell = (row: number) => page.getByLabel(`${names[row]} — ${topic}`, { exact: true });
  await cell(0).focus();
  for (const mark of ['5', '4+', '6+']) {
    await page.keyboard.type(mark);
    await page.keyboard.press('Enter');
  }
  await expect(cell(3)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell(2)).toBeFocused();
  await cell(olaRow).fill('5');
  await page.getByRole('button', { name: 'Zapisz oceny' }).click();
  // 6+ is not on the scale: the cell is marked, the column is not stored.
  const alert = page.getByRole('alert').filter({ hasText: 'Popraw zaznaczone komórki' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(names[2]);
  await expect(cell(2)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await cell(2).fill('3-');
  await page.getByRole('button', { name: 'Zapisz oceny' }).click();
  await expect(page.getByText(/Zapisano zmienione oceny: [34]/)).toBeVisible();
  await expect(cell(0)).toHaveValue('5');
  await expect(cell(2)).toHaveValue('3−');
  // A correction: Ola's 5 becomes 4+ with a comment typed from the cell (Alt+K, Enter
  // back), one new version.
  await cell(olaRow).fill('4+');
  await page.keyboard.press('Alt+k');
  const comment = page.locator('#grid-comment');
  await expect(comment).toBeFocused();
  await expect(page.getByText(`Komentarz — Ola Nowak, ${topic}`)).toBeVisible();
  await page.keyboard.type('Błąd w zadaniu 3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.grade-cell:focus')).toHaveAttribute('aria-label', `Ola Nowak — ${topic}, komentarz`);
  await page.getByRole('button', { name: 'Zapisz oceny' }).click();
  await expect(page.getByText('Zapisano zmienione oceny: 1')).toBeVisible();
  await expect(page.getByLabel(`Ola Nowak — ${topic}, komentarz`, { exact: true })).toHaveValue('4+');

  // Anna, on a phone.
  const anna = await phone(browser);
  await logIn(anna, 'anna.nowak@example.pl');
  await expect(anna).toHaveURL(/\/$/);
  await anna.goto('/school');
  await appReady(anna);
  await expect(anna.getByRole('heading', { level: 2, name: 'Moje dzieci' })).toBeVisible();
  await anna.getByRole('link', { name: /Ola Nowak/ }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Dziś — Ola Nowak' })).toBeVisible();
  // Today: the new grade is among the week's.
  await expect(anna.locator('.recent li', { hasText: topic })).toContainText('4+');
  await expectNoAxeViolations(anna);
  await anna.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Oceny' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Oceny — Ola Nowak' })).toBeVisible();
  const maths = anna.locator('li.subject', { has: anna.getByRole('heading', { name: 'Matematyka' }) });
  await expect(maths.getByText(/Średnia: \d,\d\d/)).toBeVisible();
  const grade = maths.locator('details.mark', { hasText: topic });
  await grade.locator('summary').click();
  const history = grade.locator('ol.history li');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('5 — Tomasz Nauczyciel');
  await expect(history.nth(1)).toContainText('4+ — Tomasz Nauczyciel');
  await expect(history.nth(1)).toContainText('Błąd w zadaniu 3');
  await expect(grade.getByText('Komentarz: Błąd w zadaniu 3')).toBeVisible();
  await expect(grade).toContainText('Sprawdzian: ' + topic + ', waga 3');
  await expectNoAxeViolations(anna);
  expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Who looked: the teacher, through the class's grid.
  await anna.getByRole('link', { name: 'Kto przeglądał dane' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Kto przeglądał dane' })).toBeVisible();
  await expect(anna.getByRole('cell', { name: 'Tomasz Nauczyciel' }).first()).toBeVisible();
  await expect(anna.getByRole('cell', { name: 'oceny klasy z przedmiotu' }).first()).toBeVisible();
  await expectNoAxeViolations(anna);
  // The other child, from the switcher: the same section.
  await anna.getByRole('navigation', { name: 'Moje dzieci' }).getByRole('link', { name: 'Staś Nowak' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Kto przeglądał dane' })).toBeVisible();
  await anna.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Oceny' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Oceny — Staś Nowak' })).toBeVisible();
  await expect(anna.getByText('Klasa 4a', { exact: false })).toBeVisible();
  await anna.context().close();
});

test('the teacher takes attendance, Anna excuses the absence on a phone and the form teacher accepts it', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await logIn(page, 'nauczyciel@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school');
  await appReady(page);
  await page.getByRole('link', { name: 'Mój plan lekcji' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mój plan lekcji' })).toBeVisible();
  // Each project its own week, so the two runs (in parallel) excuse different days.
  const weeksBack = test.info().project.name === 'phone' ? 2 : 1;
  for (let i = 0; i < weeksBack; i++) {
    // The week shown stays until the next one has loaded: wait for it, so the next
    // click takes the new week's link and not the old one's.
    const previous = page.getByRole('link', { name: 'Poprzedni tydzień' });
    const week = new URL((await previous.getAttribute('href'))!, page.url()).searchParams.get('week')!;
    await previous.click();
    await expect(page).toHaveURL(new RegExp(`week=${week}$`));
    await expect(page.getByText(`Tydzień od ${week}`)).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Matematyka · 6b' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawdź obecność' })).toBeVisible();
  const date = new URL(page.url()).searchParams.get('date')!;
  await page.getByRole('button', { name: 'Wszyscy obecni' }).click();
  await page.getByLabel(/\d+\. Ola Nowak/).selectOption({ label: 'nieobecny' });
  await page.getByRole('button', { name: 'Zapisz obecność' }).click();
  await expect(page.getByText('Obecność zapisana.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Anna, on a phone, excuses that day.
  const anna = await phone(browser);
  await logIn(anna, 'anna.nowak@example.pl');
  await expect(anna).toHaveURL(/\/$/);
  await anna.goto('/school');
  await appReady(anna);
  await anna.getByRole('link', { name: /Ola Nowak/ }).click();
  await expect(anna.getByText('Nieusprawiedliwione nieobecności w tym semestrze:')).toBeVisible();
  await anna.getByRole('link', { name: 'Usprawiedliw' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Frekwencja' })).toBeVisible();
  await expect(anna.locator('.absence-absent', { hasText: date }).first()).toBeVisible();
  await anna.getByLabel('Od dnia').fill(date);
  await anna.getByLabel('Powód').fill('Przeziębienie, zostawała w domu.');
  await anna.getByRole('button', { name: 'Wyślij do wychowawcy' }).click();
  await expect(anna.getByText('Usprawiedliwienie wysłane do wychowawcy.')).toBeVisible();
  await expect(anna.locator('.excuses li', { hasText: 'Przeziębienie' }).first()).toContainText('czeka na wychowawcę');
  await expectNoAxeViolations(anna);
  expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The form teacher accepts it; the absence becomes excused.
  await page.goto('/school/excuses');
  await appReady(page);
  const item = page.locator('.excuses li', { hasText: `Ola Nowak: ${date}` }).first();
  await expect(item).toContainText('Przeziębienie');
  await expectNoAxeViolations(page);
  await item.getByRole('button', { name: 'Przyjmij' }).click();
  await expect(page.getByText('Decyzja zapisana.')).toBeVisible();
  await anna.reload();
  await appReady(anna);
  await expect(anna.locator('.absence-absent', { hasText: date })).toHaveCount(0);
  await expect(anna.locator('.absence-excused', { hasText: date }).first()).toBeVisible();
  await anna.context().close();
});

test('Ola sees her own gradebook and nobody else’s', async ({ page, browser }) => {
  test.setTimeout(150_000);
  // 6b's Polish teacher writes to the class first.
  const notice = `Konkurs recytatorski ${Date.now() % 100000}`;
  const teacher = await phone(browser);
  await logIn(teacher, 'm.polonska@sp1.example.pl');
  await expect(teacher).toHaveURL(/\/$/);
  await teacher.goto('/school');
  await appReady(teacher);
  await teacher.getByRole('link', { name: 'Ogłoszenia' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Ogłoszenia' })).toBeVisible();
  await teacher.getByLabel('Do kogo').selectOption({ label: 'Klasa 6b' });
  await teacher.getByLabel('Temat').fill(notice);
  await teacher.getByLabel('Treść').fill('W czwartek po 6. lekcji w sali 21.');
  await teacher.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(teacher.getByText('Ogłoszenie opublikowane.')).toBeVisible();
  await expectNoAxeViolations(teacher);
  await teacher.context().close();

  // Her brother's address, as their mother sees it.
  const anna = await phone(browser);
  await logIn(anna, 'anna.nowak@example.pl');
  await expect(anna).toHaveURL(/\/$/);
  await anna.goto('/school');
  await appReady(anna);
  const stas = await anna.getByRole('link', { name: /Staś Nowak/ }).getAttribute('href');
  await anna.context().close();

  await logIn(page, 'ola.nowak@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Mój dziennik' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Moje dzieci' })).toHaveCount(0);
  await page.getByRole('link', { name: /Ola Nowak/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dziś — Ola Nowak' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: notice })).toBeVisible();
  await expectNoAxeViolations(page);
  // Her timetable, with the address for the phone's calendar.
  await page.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Plan lekcji' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan lekcji' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Subskrybuj kalendarz' })).toHaveAttribute('href', /^webcal:\/\/.+\/api\/school\/calendar\/.+\.ics$/);
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Oceny' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oceny — Ola Nowak' })).toBeVisible();
  // The demo's corrected quiz: 2, then 4+ after the rewrite.
  const corrected = page.locator('details.mark', { hasText: 'zmiany' }).first();
  await corrected.locator('summary').click();
  await expect(corrected.locator('ol.history li').first()).toContainText('Tomasz Nauczyciel');
  await page.getByRole('link', { name: 'Rok' }).click();
  await expect(page.getByRole('link', { name: 'Rok' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page);
  await page.goto(stas!);
  await appReady(page);
  await expect(page.getByRole('alert')).toContainText('Nie znaleziono');
});
