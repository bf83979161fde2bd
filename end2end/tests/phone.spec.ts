// A phone at 360 px: no horizontal scrolling, a working menu, 44 px targets, keyboard.
import { test, expect, appReady, logIn } from './fixtures';

const PAGES = ['/', '/login', '/register', '/cases', '/taxes', '/civic-budget', '/school', '/public-info', '/alerts', '/accessibility', '/nie-ma-takiej-strony'];

test.describe('phone', () => {
  test.skip(({ viewport }) => (viewport?.width ?? 0) > 400, 'phone project only');

  test('no page scrolls sideways at 360 px', async ({ page }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await appReady(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    await logIn(page, 'anna.nowak@example.pl');
    await expect(page.getByRole('heading', { level: 1, name: 'Witaj, Anna Nowak' })).toBeVisible();
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 2, name: 'Aktywne sesje' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('the menu opens the navigation and its targets are at least 44 px tall', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('navigation', { name: 'Menu główne' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const nav = page.getByRole('navigation', { name: 'Menu główne' });
    await expect(nav).toBeVisible();
    const targets = page.locator('header a:visible, header button:visible');
    const count = await targets.count();
    expect(count).toBeGreaterThan(8);
    for (let i = 0; i < count; i++) {
      const box = await targets.nth(i).boundingBox();
      expect(box?.height ?? 0, await targets.nth(i).innerText()).toBeGreaterThanOrEqual(44);
    }
    await nav.getByRole('link', { name: 'Szkoła' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Szkoła' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
});

test('the keyboard reaches the skip link first and it moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Przejdź do treści' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('after a client-side navigation the focus is on the new heading', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  // Cases are in the residents' bundle (the school has its own, loaded afresh).
  await page.getByRole('main').getByRole('link', { name: /^Sprawy/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sprawy' })).toBeFocused();
  await expect(page).toHaveTitle('Sprawy — Gmina Przykładowo');
});
