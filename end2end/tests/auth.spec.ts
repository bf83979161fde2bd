// Journey: register → log in → dashboard → my account → log out; and the refusals.
import { test, expect, appReady, logIn, withMenuOpen, uniqueEmail, DEMO_PASSWORD } from './fixtures';

test('a new resident registers, logs in, sees the dashboard and logs out', async ({ page }) => {
  const email = uniqueEmail();
  await page.goto('/');
  await appReady(page);
  await page.getByRole('main').getByRole('link', { name: 'Załóż konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rejestracja' })).toBeVisible();
  await page.getByLabel('Imię i nazwisko').fill('Ewa Testowa');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill('Haslo-testowe-2026');
  await page.getByRole('button', { name: 'Załóż konto' }).click();

  await expect(page).toHaveURL(/\/login\?registered=1$/);
  await expect(page.getByRole('status')).toContainText('Konto zostało utworzone. Możesz się zalogować.');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill('Haslo-testowe-2026');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Witaj, Ewa Testowa' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await withMenuOpen(page, () => page.getByRole('link', { name: 'Moje konto' }).click({ timeout: 2_000 }));
  await expect(page.getByRole('heading', { level: 1, name: 'Moje konto' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await withMenuOpen(page, () => page.getByRole('button', { name: 'Wyloguj się' }).click({ timeout: 2_000 }));
  // Logging out lands on the home page (which closes the phone menu), then the header
  // offers "Zaloguj się" again.
  await expect(page.getByRole('heading', { level: 1, name: 'Okienko — e-usługi gminy' })).toBeVisible();
  // The menu may close just after it was opened here; withMenuOpen retries.
  await withMenuOpen(page, () =>
    expect(page.getByRole('banner').getByRole('link', { name: 'Zaloguj się' })).toBeVisible({ timeout: 2_000 }),
  );
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await logIn(page, 'jan.kowalski@example.pl', 'to-nie-jest-haslo');
  await expect(page.getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');
  await expect(page.getByLabel('Hasło', { exact: true })).toHaveValue('');
});

test('an invalid PESEL is shown next to its field and nothing is sent', async ({ page }) => {
  await page.goto('/register');
  await appReady(page);
  await page.getByLabel('Imię i nazwisko').fill('Piotr Testowy');
  await page.getByLabel('Adres e-mail').fill(uniqueEmail('pesel'));
  await page.getByLabel('Hasło', { exact: true }).fill('Haslo-testowe-2026');
  await page.getByLabel('PESEL (opcjonalnie)').fill('12345678901');
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  const pesel = page.getByLabel('PESEL (opcjonalnie)');
  await expect(pesel).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Nieprawidłowy numer PESEL.')).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);
});

test('a deep link to my account goes through the login and back', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=\/account$/);
  await page.getByLabel('Adres e-mail').fill('anna.nowak@example.pl');
  await page.getByLabel('Hasło', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Dane konta' })).toBeVisible();
  await expect(page.getByText('Ola Nowak')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Aktywne sesje' })).toBeVisible();
  await expect(page.getByText('(to urządzenie)')).toBeVisible();
});

test('the back button returns to the previous page', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('main').getByRole('link', { name: /^Sprawy/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawy' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Okienko — e-usługi gminy' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawy' })).toBeVisible();
});

test('logging out everywhere ends the session on this device too', async ({ page }) => {
  await logIn(page, 'jan.kowalski@example.pl');
  await expect(page.getByRole('heading', { level: 1, name: 'Witaj, Jan Kowalski' })).toBeVisible();
  await page.goto('/account');
  await page.getByRole('button', { name: 'Wyloguj ze wszystkich urządzeń' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
});
