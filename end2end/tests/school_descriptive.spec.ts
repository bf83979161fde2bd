// Descriptive grades (classes 1–3, ustawa o systemie oświaty art. 44i ust. 1): the
// teacher of early education writes a pupil's term grade in words — a bare mark is
// refused with the reason and nothing is stored — corrects it, and the pupil on a phone
// reads it as written with both versions, while the average counts only marks.
import { test, expect, appReady, expectNoAxeViolations, logIn } from './fixtures';

test('the teacher of a class 1–3 writes a descriptive term grade and the pupil reads it on a phone', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  // The two projects share one server: each writes to a class of its own.
  const [className, teacher, teacherName] = testInfo.project.name === 'phone'
    ? ['3b', 'j.tabliczka@sp1.example.pl', 'Jolanta Tabliczka']
    : ['2a', 'i.elementarz@sp1.example.pl', 'Irena Elementarz'];
  const pupilContext = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  const pupil = await pupilContext.newPage();
  await logIn(pupil, `uczen.${className}.0@sp1.example.pl`);
  await expect(pupil).toHaveURL(/\/$/);
  await pupil.goto('/school');
  await appReady(pupil);
  await expect(pupil.getByRole('heading', { level: 2, name: 'Mój dziennik' })).toBeVisible();
  await pupil.locator('main a[href^="/school/pupils/"]').first().click();
  const heading = pupil.getByRole('heading', { level: 1, name: /^Dziś — / });
  await expect(heading).toBeVisible();
  const name = (await heading.innerText()).replace(/^Dziś — /, '');

  await logIn(page, teacher);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/school');
  await appReady(page);
  await page.getByRole('link', { name: new RegExp(`${className} · Edukacja wczesnoszkolna`) }).click();
  await page.getByRole('link', { name: 'Semestr 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edukacja wczesnoszkolna — ${className}` })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Ocena śródroczna\s*ocena opisowa/ })).toBeVisible();
  const cell = page.getByLabel(`${name} — Ocena śródroczna`, { exact: true });
  await expect(cell).toHaveJSProperty('tagName', 'TEXTAREA');

  // A mark is not a description: refused, named, nothing stored.
  await cell.fill('5');
  await page.getByRole('button', { name: 'Zapisz oceny' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Popraw zaznaczone komórki' });
  await expect(alert).toContainText('ocena śródroczna i roczna jest opisowa');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // Typed with the keyboard: Enter starts a new line in a description.
  const stamp = Date.now() % 100000;
  await cell.fill('');
  await cell.focus();
  await page.keyboard.type(`Czyta płynnie krótkie teksty (${stamp}).`);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Dodaje i odejmuje w zakresie 20.');
  await page.getByRole('button', { name: 'Zapisz oceny' }).click();
  await expect(page.getByText('Zapisano zmienione oceny: 1')).toBeVisible();
  await expect(cell).toHaveValue(`Czyta płynnie krótkie teksty (${stamp}).\nDodaje i odejmuje w zakresie 20.`);
  const better = `Czyta płynnie i ze zrozumieniem (${stamp}).\nDodaje i odejmuje w zakresie 100.`;
  await cell.fill(better);
  await page.getByRole('button', { name: 'Zapisz oceny' }).click();
  await expect(page.getByText('Zapisano zmienione oceny: 1')).toBeVisible();

  // The pupil, on the phone: the description as written, and both versions.
  await pupil.getByRole('navigation', { name: 'Dziennik ucznia' }).getByRole('link', { name: 'Oceny' }).click();
  await pupil.getByRole('link', { name: 'Semestr 1' }).click();
  const subject = pupil.locator('li.subject', { has: pupil.getByRole('heading', { name: 'Edukacja wczesnoszkolna' }) });
  await expect(subject.getByText('Ocena śródroczna (ocena opisowa):')).toBeVisible();
  await expect(subject.locator('p.description')).toHaveText(better);
  await subject.getByText('Historia zmian').click();
  const versions = subject.locator('.term-history ol.history li');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText(`Czyta płynnie krótkie teksty (${stamp}).`);
  await expect(versions.nth(1)).toContainText(teacherName);
  await expect(subject.getByText('Średnia: —')).toBeVisible();
  await expectNoAxeViolations(pupil);
  expect(await pupil.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await pupilContext.close();
});
