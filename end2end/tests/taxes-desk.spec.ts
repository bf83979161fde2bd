// The tax clerks' desk: a clerk imports assessments (a bad file is refused with its line),
// imports a bank statement that pays one taxpayer by account and one unknown account, is
// told when the same statement comes twice, matches the unknown payment by hand with a
// reason, and finds it on the taxpayer's ledger with the correction's history.
import { test, expect, appReady, expectNoAxeViolations, logIn } from './fixtures';

/** A valid Polish account (NRB) for the demo bank with these 16 digits after it. */
function nrb(rest16: string): string {
  const bban = `10901014${rest16}`;
  const check = 98n - (BigInt(`${bban}252100`) % 97n);
  return `${check.toString().padStart(2, '0')}${bban}`;
}

test('a clerk imports assessments and a statement, then matches an unknown payment by hand', async ({ page }, testInfo) => {
  // Once: the journey adds taxpayers and payments to the shared demo data.
  test.skip(testInfo.project.name !== 'desktop', 'the desk journey runs on the desktop viewport');
  const number = 700_000 + (Date.now() % 100_000);
  await logIn(page, 'urzednik@example.pl');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/office/taxes?arrears=true');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Podatki i opłaty' })).toBeVisible();
  // (Anna may have paid hers in another journey by now; Jan's arrears stay.)
  await expect(page.getByRole('link', { name: 'Jan Kowalski' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Assessments: a broken file first (nothing imported), then a good one.
  await page.getByRole('link', { name: 'Import decyzji i wyciągów' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import decyzji i wyciągów' })).toBeVisible();
  const header = 'numer_podatnika;nazwa;rodzaj;pesel_nip;rok;zobowiazanie;numer_decyzji;data_decyzji;przedmiot;podstawa;jednostka;stawka;kwota';
  const row = `${number};Ewa Testowa;person;;2027;property;FN.E2E.${number};2027-02-01;Dom, ul. Leśna 3;150;m2;1,23;184,50`;
  const assessmentForm = page.getByRole('region', { name: 'Decyzje wymiarowe (CSV)' });
  const assessments = assessmentForm.getByLabel('Plik', { exact: true });
  await assessments.setInputFiles({ name: 'zle.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row.replace('184,50', 'dużo')}\n`) });
  await assessmentForm.getByRole('button', { name: 'Importuj' }).click();
  await expect(assessmentForm.getByRole('alert')).toContainText('wiersz 2: kolumna „kwota”');
  await assessments.setInputFiles({ name: 'decyzje.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row}\n`) });
  await assessmentForm.getByRole('button', { name: 'Importuj' }).click();
  await expect(assessmentForm.getByRole('status')).toContainText('Zaimportowano decyzji: 1, rat: 4, na kwotę 185,00');
  await expectNoAxeViolations(page);

  // The new taxpayer's individual account, from the list.
  await page.goto(`/office/taxes?q=${number}`);
  await appReady(page);
  const listed = page.getByRole('row').filter({ hasText: 'Ewa Testowa' });
  await expect(listed).toBeVisible();
  const account = ((await listed.locator('td.nowrap').textContent()) ?? '').replace(/\s/g, '');
  expect(account).toMatch(/^\d{26}$/);

  // A statement: one payment to her account, one to an account nobody has, one debit.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
  const unknown = nrb(`99${String(number).padStart(14, '0')}`);
  const statement = [
    'data_ksiegowania;kwota;rachunek;nadawca;tytul;identyfikator',
    `${today};46,25;${account};EWA TESTOWA;rata 1;E2E-${number}-1`,
    `${today};33,00;${unknown};E. TESTOWA;podatek Leśna 3;E2E-${number}-2`,
    `${today};-5,00;;BANK;opłata;E2E-${number}-3`,
  ].join('\n');
  await page.goto('/office/taxes/import');
  await appReady(page);
  const statementForm = page.getByRole('region', { name: 'Wyciąg bankowy (CSV lub MT940)' });
  const statementFile = statementForm.getByLabel('Plik', { exact: true });
  await statementFile.setInputFiles({ name: `wyciag-${number}.csv`, mimeType: 'text/csv', buffer: Buffer.from(statement) });
  await statementForm.getByRole('button', { name: 'Importuj' }).click();
  await expect(statementForm.getByRole('status')).toContainText('przypisanych 1, do przypisania ręcznie 1');
  await expect(page.getByRole('rowheader', { name: `wyciag-${number}.csv (CSV)` })).toBeVisible();
  // The same file again: refused, nothing counted twice.
  await statementFile.setInputFiles({ name: `wyciag-${number}.csv`, mimeType: 'text/csv', buffer: Buffer.from(statement) });
  await statementForm.getByRole('button', { name: 'Importuj' }).click();
  await expect(statementForm.getByRole('alert')).toContainText('Ten wyciąg bankowy był już zaimportowany');

  // The unknown payment waits in the queue; the clerk matches it with a reason.
  await page.getByRole('link', { name: 'Wpłaty nieprzypisane' }).click();
  const card = page.locator('section.panel').filter({ hasText: 'podatek Leśna 3' });
  await expect(card).toBeVisible();
  await expectNoAxeViolations(page);
  await card.getByLabel('Numer podatnika').fill(String(number));
  await card.getByLabel(/^Powód/).fill('abc');
  await card.getByRole('button', { name: 'Przypisz' }).click();
  await expect(card.getByText('Za krótko.')).toBeVisible();
  await card.getByLabel(/^Powód/).fill('Tytuł wskazuje nieruchomość przy ul. Leśnej 3');
  await card.getByRole('button', { name: 'Przypisz' }).click();
  await expect(page.getByText(`Wpłata przypisana do podatnika nr ${number}.`)).toBeVisible();
  await expect(page.locator('section.panel').filter({ hasText: 'podatek Leśna 3' })).toHaveCount(0);

  // Her ledger: both payments, the first instalment paid, the correction with its reason.
  await page.goto(`/office/taxes?q=${number}`);
  await appReady(page);
  await page.getByRole('link', { name: 'Ewa Testowa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ewa Testowa — Nr ${number}` })).toBeVisible();
  await expect(page.locator('section.payment')).toHaveCount(2);
  await expect(page.getByRole('cell', { name: 'Tytuł wskazuje nieruchomość przy ul. Leśnej 3' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Katarzyna Urzędnik' })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const [lang, desk, imports, unmatched] of [
  ['pl', 'Podatki i opłaty', 'Import decyzji i wyciągów', 'Wpłaty nieprzypisane'],
  ['en', 'Taxes and fees', 'Import assessments and statements', 'Unmatched payments'],
  ['uk', 'Податки та збори', 'Імпорт рішень і виписок', "Неприв'язані платежі"],
]) {
  test(`the tax desk in ${lang}: every screen passes axe, fits the viewport and works with the keyboard`, async ({ page }) => {
    await logIn(page, 'urzednik@example.pl');
    await expect(page).toHaveURL(/\/$/);
    await page.evaluate((l) => localStorage.setItem('okienko.lang', l), lang);
    const fits = async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
    };
    await page.goto('/office/taxes');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: desk })).toBeVisible();
    await expectNoAxeViolations(page);
    await fits();
    // Keyboard only: search for Jan's number, open his ledger.
    await page.locator('#tax-q').focus();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/q=2/);
    const link = page.getByRole('link', { name: 'Jan Kowalski' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /^Jan Kowalski/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await fits();
    await page.goto('/office/taxes/import');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: imports })).toBeVisible();
    await expectNoAxeViolations(page);
    await fits();
    await page.goto('/office/taxes/unmatched');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: unmatched })).toBeVisible();
    await expectNoAxeViolations(page);
    await fits();
  });
}
