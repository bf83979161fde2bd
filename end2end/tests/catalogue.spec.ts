// Journey: a resident finds an e-service in the catalogue and reads its card.
import { test, expect, appReady, expectNoAxeViolations, openMenuIfCollapsed } from './fixtures';

test('the catalogue is searched and a service card tells who may file and how long it takes', async ({ page }) => {
  await page.goto('/cases');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Katalog e-usług' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Środowisko i zieleń' })).toBeVisible();
  await page.getByLabel('Szukaj usługi').fill('drzew');
  await page.getByRole('button', { name: 'Szukaj' }).click();
  await expect(page).toHaveURL(/\/cases\?q=drzew$/);
  const result = page.getByRole('link', { name: /Zezwolenie na usunięcie drzew/ });
  await expect(result).toBeVisible();
  await expect(page.getByRole('link', { name: /Pismo ogólne/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await result.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zezwolenie na usunięcie drzew lub krzewów' })).toBeVisible();
  await expect(page.getByText('Kto może złożyć')).toBeVisible();
  await expect(page.getByText('do 1 miesiąca')).toBeVisible();
  await expect(page.getByText('bezpłatnie')).toBeVisible();
  await expect(page).toHaveTitle('Zezwolenie na usunięcie drzew lub krzewów — Gmina Przykładowo');
  await expectNoAxeViolations(page);

  // On a phone the switch is inside the menu.
  await openMenuIfCollapsed(page);
  await page.getByRole('group', { name: 'Język' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Permit to remove trees or shrubs' })).toBeVisible();
  await expect(page.getByText('up to 1 month')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the e-services' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'E-services' })).toBeVisible();
});

test('a search with no match says so, and an unknown service is not found', async ({ page }) => {
  await page.goto('/cases?q=paszport');
  await appReady(page);
  await expect(page.getByText('Nie znaleziono usług. Spróbuj innych słów.')).toBeVisible();
  await page.goto('/cases/services/nie-ma-takiej');
  await expect(page.getByRole('alert')).toHaveText('Nie znaleziono.');
});
