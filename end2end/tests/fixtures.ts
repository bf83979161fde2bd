// Shared fixtures: every test fails on a page error or a console error (a wasm crash
// leaves a blank page and shows up here), and an axe audit helper.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'Okienko-demo-2026';

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      // A 4xx answer to an API call (a refused login, say) is an expected outcome that
      // Chromium logs as a failed resource; anything else is a real error.
      const expected = /Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text());
      if (msg.type() === 'error' && !expected) problems.push(`console error: ${msg.text()}`);
    });
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/** Runs axe (WCAG 2.1 A and AA) and fails on serious or critical violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(bad, `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}

/** Waits until the app (not the static shell) has rendered. */
export async function appReady(page: Page) {
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('main h1')).toBeVisible();
}

/** Opens the phone menu when the navigation is collapsed. */
export async function openMenuIfCollapsed(page: Page) {
  const menu = page.getByRole('button', { name: /^(Menu|Меню)$/ });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
}

/**
 * Runs `action` with the phone menu open. A navigation closes the menu, possibly just
 * after it was checked (logging out navigates when the server answers), so the pair is
 * retried until the action succeeds; give the action short timeouts.
 */
export async function withMenuOpen(page: Page, action: () => Promise<void>) {
  await expect(async () => {
    await openMenuIfCollapsed(page);
    await action();
  }).toPass({ timeout: 15_000 });
}

/** Logs in through the form. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await appReady(page);
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  if (TEACHER.test(email)) await giveSecondFactor(page, email);
}

/** Teachers' demo accounts (the school's staff, not its pupils `uczen.…`) need the code of
 * the demo authenticator. */
const TEACHER = /^nauczyciel@|^(?!uczen\.).*@sp1\.example\.pl$/;
/** The demo teachers' authenticator secret (server/src/demo.rs, DEMO_TOTP_SECRET). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** RFC 6238 (SHA-1, 30 s, 6 digits) computed here, independently of the server. */
export function totp(secretBase32: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

/** Where the workers note the last step each account's code was used for, and the lock
 * that lets one worker at a time log a teacher in (the projects run in parallel). */
const STEPS_FILE = path.join(os.tmpdir(), 'okienko-e2e-totp-steps.json');
const STEPS_LOCK = `${STEPS_FILE}.lock`;

async function withStepsLock<T>(action: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      fs.mkdirSync(STEPS_LOCK);
      break;
    } catch {
      // A lock left by a crashed worker is taken over after a minute.
      const age = Date.now() - (fs.statSync(STEPS_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) fs.rmSync(STEPS_LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await action();
  } finally {
    fs.rmSync(STEPS_LOCK, { recursive: true, force: true });
  }
}

/** Types a code the server has not taken yet. It accepts the previous, current and next
 * step's code, each step once per account (a replay is a failed login, and five lock the
 * account for 15 minutes), so the workers share which step each account used last and
 * log teachers in one at a time: no code is ever refused. */
async function giveSecondFactor(page: Page, email: string) {
  const field = page.getByLabel('Kod z aplikacji uwierzytelniającej');
  await expect(field).toBeVisible();
  await withStepsLock(async () => {
    const used: Record<string, number> = fs.existsSync(STEPS_FILE) ? JSON.parse(fs.readFileSync(STEPS_FILE, 'utf8')) : {};
    let step = Math.max(Math.floor(Date.now() / 30_000), (used[email] ?? 0) + 1);
    // The next step's code is the furthest ahead the server takes.
    while (step > Math.floor(Date.now() / 30_000) + 1) {
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 200);
    }
    await field.fill(totp(DEMO_TOTP_SECRET, step * 30_000 + 1));
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    const response = await answer;
    used[email] = step;
    fs.writeFileSync(STEPS_FILE, JSON.stringify(used));
    if (!response.ok()) throw new Error(`the second factor of ${email} was refused: ${response.status()}`);
    await page.waitForURL((url) => url.pathname !== '/login');
  });
}

/** A fresh e-mail for each run. */
export function uniqueEmail(prefix = 'e2e') {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.pl`;
}

/** A valid PESEL of a child born in March 2019 (random serial, real checksum). */
export function pesel(): string {
  const day = String(10 + Math.floor(Math.random() * 18));
  const serial = String(Math.floor(Math.random() * 10000)).padStart(4, '0');
  const ten = `1903${day}${serial}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...ten].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return ten + String((10 - (sum % 10)) % 10);
}

/** The newest message in the maildir to `to`, quoted-printable decoded. */
export function mailTo(to: string): string | undefined {
  const dir = path.join(process.env.E2E_MAILDIR ?? '', 'new');
  if (!fs.existsSync(dir)) return undefined;
  const found = fs
    .readdirSync(dir)
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .filter((m) => m.includes(`To: ${to}`));
  return found.at(-1)?.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** A pupils-and-guardians CSV file of the school office's import. */
export function csvFile(name: string, rows: string[]): string {
  const file = path.join(os.tmpdir(), `${name}-${Date.now()}.csv`);
  fs.writeFileSync(file, ['uczen;pesel;email_ucznia;opiekun;email_opiekuna', ...rows].join('\n') + '\n');
  return file;
}
