// Every e-service of the demo catalogue opens its form, which says what is missing and
// passes axe; the forms speak English and Ukrainian too.
import { test, expect, appReady, expectNoAxeViolations, logIn, uniqueEmail } from './fixtures';

const SERVICES = [
  'pismo-ogolne', 'usuniecie-drzew', 'informacja-publiczna', 'zameldowanie',
  'zaswiadczenie', 'zajecie-pasa-drogowego', 'deklaracja-odpady', 'informacja-in1',
];
const PASSWORD = 'Haslo-testowe-2026';

async function newResident(page: import('@playwright/test').Page) {
  const email = uniqueEmail('forms');
  const r = await page.request.post('/api/auth/register', { data: { email, password: PASSWORD, full_name: 'Ola Formularz' } });
  expect(r.status()).toBe(201);
  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/$/);
}

test('each of the eight e-services opens its form, which explains what is missing', async ({ page }) => {
  test.setTimeout(150_000);
  await newResident(page);
  await page.goto('/cases');
  await appReady(page);
  for (const slug of SERVICES) {
    await expect(page.locator(`a[href="/cases/services/${slug}"]`)).toBeVisible();
  }
  for (const slug of SERVICES) {
    await page.goto(`/cases/services/${slug}`);
    await appReady(page);
    await page.getByRole('link', { name: 'Złóż wniosek przez internet' }).click();
    await expect(page).toHaveURL(/\/file\?draft=/);
    await page.getByRole('button', { name: 'Dalej: podsumowanie' }).click();
    await expect(page.getByText('To pole jest wymagane.').first()).toBeVisible();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused();
    await expectNoAxeViolations(page);
  }
});

for (const [lang, title, file, next, required] of [
  ['en', 'Application for a certificate', 'File online', 'Next: summary', 'This field is required.'],
  ['uk', 'Заява про видачу довідки', 'Подати заяву онлайн', 'Далі: підсумок', "Це поле обов'язкове."],
] as const) {
  test(`the certificate form in ${lang}`, async ({ page }) => {
    await newResident(page);
    await page.evaluate((l) => localStorage.setItem('okienko.lang', l), lang);
    await page.goto('/cases/services/zaswiadczenie');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.getByRole('link', { name: file }).click();
    await page.getByRole('button', { name: next }).click();
    await expect(page.getByText(required).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
