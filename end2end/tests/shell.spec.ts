// The HTML shell, its headers, the manifest and deep links.
import { test, expect, appReady } from './fixtures';

test('the shell paints the gmina name before the wasm and is served with a strict CSP', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('<span class="brand-name">Gmina Przykładowo</span>');
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('the web app manifest is installable', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  const manifest = JSON.parse(await response.text());
  expect(manifest.name).toContain('Okienko');
  expect(manifest.start_url).toBe('/');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  }
});

test('a deep link renders its page directly', async ({ page }) => {
  await page.goto('/accessibility');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Deklaracja dostępności' })).toBeVisible();
  await expect(page).toHaveTitle('Deklaracja dostępności — Gmina Przykładowo');
});

test('an unknown address shows the 404 page with a way home', async ({ page }) => {
  await page.goto('/nie-ma-takiej-strony');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Nie znaleziono strony' })).toBeVisible();
  await page.getByRole('link', { name: 'Wróć na stronę główną' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Okienko — e-usługi gminy' })).toBeVisible();
});
