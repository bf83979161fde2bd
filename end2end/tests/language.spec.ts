// Journey: the language switch — Polish by default, English, Ukrainian, remembered.
import { test, expect, appReady, openMenuIfCollapsed } from './fixtures';

test('the portal speaks Polish, English and Ukrainian and remembers the choice', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await openMenuIfCollapsed(page);
  const nav = page.getByRole('navigation', { name: 'Menu główne' });
  await expect(nav.getByRole('link', { name: 'Sprawy', exact: true })).toBeVisible();

  await page.getByRole('group', { name: 'Język' }).getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const navEn = page.getByRole('navigation', { name: 'Main menu' });
  await expect(navEn.getByRole('link', { name: 'Cases', exact: true })).toBeVisible();
  await expect(navEn.getByRole('link', { name: 'Taxes and fees', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Українська' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('navigation', { name: 'Головне меню' }).getByRole('link', { name: 'Справи', exact: true })).toBeVisible();

  await page.reload();
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await openMenuIfCollapsed(page);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Податки та збори', exact: true })).toBeVisible();

  // Error messages from the server follow the language too.
  await page.goto('/login');
  await appReady(page);
  await page.getByLabel('Електронна адреса').fill('nikt@example.pl');
  await page.getByLabel('Пароль', { exact: true }).fill('nie-ma-takiego');
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неправильна електронна адреса або пароль.');

  await openMenuIfCollapsed(page);
  await page.getByRole('group', { name: 'Мова' }).getByRole('button', { name: 'Polski' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();
});
