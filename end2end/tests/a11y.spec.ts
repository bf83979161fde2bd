// axe audit (WCAG 2.1 AA): no serious or critical findings on any page.
import { test, expect, appReady, logIn, expectNoAxeViolations } from './fixtures';

const PUBLIC_PAGES: [string, string][] = [
  ['/', 'Okienko — e-usługi gminy'],
  ['/login', 'Logowanie'],
  ['/register', 'Rejestracja'],
  ['/cases', 'Sprawy'],
  ['/taxes', 'Podatki i opłaty'],
  ['/civic-budget', 'Budżet obywatelski'],
  ['/school', 'Szkoła'],
  ['/public-info', 'Informacja publiczna'],
  ['/public-info/budget', 'Budżet gminy'],
  ['/public-info/registers/property', 'Mienie komunalne'],
  ['/public-info/registers/alcohol', 'Zezwolenia na sprzedaż alkoholu'],
  ['/public-info/registers/road-lane', 'Zajęcie pasa drogowego'],
  ['/public-info/announcements', 'Ogłoszenia urzędu'],
  ['/public-info/data', 'Otwarte dane'],
  ['/alerts', 'Ostrzeżenia kryzysowe'],
  ['/alerts/subscribe', 'Zapisz się na powiadomienia'],
  ['/accessibility', 'Deklaracja dostępności'],
  ['/nie-ma-takiej-strony', 'Nie znaleziono strony'],
];

for (const [path, heading] of PUBLIC_PAGES) {
  test(`axe finds nothing serious on ${path}`, async ({ page }) => {
    await page.goto(path);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('axe finds nothing serious on the dashboard, my account and a form with errors', async ({ page }) => {
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page.getByRole('heading', { level: 1, name: 'Witaj, Anna Nowak' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 2, name: 'Aktywne sesje' })).toBeVisible();
  await expect(page.getByText('(to urządzenie)')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Zmień hasło' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the accessibility declaration names the office contact', async ({ page }) => {
  await page.goto('/accessibility');
  await appReady(page);
  await expect(page.getByText('sekretariat@przykladowo.example.pl').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Procedura wnioskowo-skargowa' })).toBeVisible();
});

// The pages of public information and alerts in English and Ukrainian too: the language
// is the one a visitor chose (remembered in the browser), and axe still finds nothing.
const TRANSLATED_PAGES: [string, Record<'en' | 'uk', string>][] = [
  ['/school', { en: 'School', uk: 'Школа' }],
  ['/public-info', { en: 'Public information', uk: 'Публічна інформація' }],
  ['/public-info/budget', { en: "The gmina's budget", uk: 'Бюджет гміни' }],
  ['/public-info/registers/property', { en: 'Municipal property', uk: 'Комунальне майно' }],
  ['/public-info/registers/road-lane', { en: 'Road-lane occupation', uk: 'Заняття смуги дороги' }],
  ['/public-info/announcements', { en: 'Announcements of the office', uk: 'Оголошення управи' }],
  ['/public-info/data', { en: 'Open data', uk: 'Відкриті дані' }],
  ['/alerts', { en: 'Crisis alerts', uk: 'Кризові попередження' }],
  ['/alerts/subscribe', { en: 'Subscribe to notifications', uk: 'Підписатися на сповіщення' }],
];

for (const lang of ['en', 'uk'] as const) {
  for (const [path, headings] of TRANSLATED_PAGES) {
    test(`axe finds nothing serious on ${path} in ${lang}`, async ({ page }) => {
      await page.addInitScript((tag) => window.localStorage.setItem('okienko.lang', tag), lang);
      await page.goto(path);
      await appReady(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1, name: headings[lang] })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
}

// The gradebook's family pages in English and Ukrainian, logged in.
const GRADEBOOK_PAGES: [string, Record<'en' | 'uk', string>][] = [
  ['/school/messages', { en: 'Messages', uk: 'Повідомлення' }],
  ['/school/settings', { en: 'E-mail notifications', uk: 'Сповіщення електронною поштою' }],
];

for (const lang of ['en', 'uk'] as const) {
  test(`axe finds nothing serious on the gradebook's messages, settings and agenda in ${lang}`, async ({ page }) => {
    // The login form in Polish, then the language chosen (remembered in the browser).
    await logIn(page, 'anna.nowak@example.pl');
    await expect(page).toHaveURL(/\/$/);
    await page.evaluate((tag) => window.localStorage.setItem('okienko.lang', tag), lang);
    for (const [path, headings] of GRADEBOOK_PAGES) {
      await page.goto(path);
      await appReady(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1, name: headings[lang] })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto('/school');
    await appReady(page);
    await page.getByRole('link', { name: /Ola Nowak/ }).click();
    const agenda = { en: 'Tests and homework', uk: 'Контрольні та завдання' }[lang];
    await page.getByRole('link', { name: agenda }).click();
    await expect(page.getByRole('heading', { level: 1, name: agenda })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
