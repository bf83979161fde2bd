// Two gminy on one server, chosen by host name: nothing crosses between them.
import { test, expect, appReady, logIn } from './fixtures';

const port = process.env.E2E_PORT ?? '8080';
const sasiednia = `http://sasiednia.localhost:${port}`;

test('each host shows its own gmina, and accounts do not cross', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('banner')).toContainText('Gmina Przykładowo');

  await page.goto(`${sasiednia}/`);
  await appReady(page);
  await expect(page.getByRole('banner')).toContainText('Gmina Sąsiednia');
  await expect(page.getByRole('banner')).not.toContainText('Przykładowo');

  await page.goto(`${sasiednia}/login`);
  await appReady(page);
  await page.getByLabel('Adres e-mail').fill('anna.nowak@example.pl');
  await page.getByLabel('Hasło', { exact: true }).fill('Okienko-demo-2026');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nieprawidłowy e-mail lub hasło.');

  await page.getByLabel('Adres e-mail').fill('marta.zielinska@example.pl');
  await page.getByLabel('Hasło', { exact: true }).fill('Okienko-demo-2026');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Witaj, Marta Zielińska' })).toBeVisible();
});

test('a session in one gmina is not a session in the other', async ({ page }) => {
  await logIn(page, 'anna.nowak@example.pl');
  await expect(page.getByRole('heading', { level: 1, name: 'Witaj, Anna Nowak' })).toBeVisible();
  const here = await page.request.get('/api/auth/me');
  expect(here.status()).toBe(200);
  // Node does not resolve *.localhost, so send the other gmina's Host to the same server,
  // with this session's cookie attached by hand.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'okienko_session');
  expect(session, 'the session cookie').toBeTruthy();
  expect(session?.httpOnly).toBe(true);
  const there = await page.request.get('/api/auth/me', {
    headers: { host: `sasiednia.localhost:${port}`, cookie: `okienko_session=${session?.value}` },
  });
  expect(there.status()).toBe(401);
});
