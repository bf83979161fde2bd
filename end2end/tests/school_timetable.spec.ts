// The school office keeps the timetable: it changes a lesson's room, frees the slot and
// puts the lesson back, and a lesson already in the register keeps its subject. It sets
// a substitution for a day of the coming weeks (a teacher missing is refused at the
// field), the family sees it in the child's week with the substitute and the note, a
// cancellation replaces it, and taking it away restores the lesson.
import { test, expect, appReady, expectNoAxeViolations, logIn } from './fixtures';
import type { Page } from '@playwright/test';

type Slot = { weekday: number; period: number; subject_id: string; teacher_name: string; room: string };
type Lesson = { id: string; on_date: string; period: number; starts: string; subject_name: string; teacher_name: string; change: string | null };
type Plan = {
  bell: { period: number; starts: string; ends: string }[];
  slots: Slot[];
  subjects: { subject_id: string; subject_name: string; teacher_name: string }[];
  week: { monday: string; lessons: Lesson[] };
  teachers: { id: string; full_name: string }[];
};

const DAYS = ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek'];

async function planOf(page: Page, classId: string, week?: string): Promise<Plan> {
  const r = await page.request.get(`/api/school/admin/classes/${classId}/timetable${week ? `?week=${week}` : ''}`);
  expect(r.status()).toBe(200);
  return r.json();
}

/** Opens a class's timetable from the office's list; returns the class's id. */
async function openPlan(page: Page, className: string): Promise<string> {
  await page.goto('/office/school');
  await appReady(page);
  await page.getByRole('link', { name: className, exact: true }).click();
  await page.getByRole('link', { name: 'Plan lekcji i zastępstwa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Plan lekcji · Klasa ${className}` })).toBeVisible();
  return page.url().split('/classes/')[1].split('/')[0];
}

test('the school office moves a lesson in the timetable, and a lesson in the register keeps its subject', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // Classes without attendance yet, one per project (the runs go in parallel).
  const className = testInfo.project.name === 'phone' ? '5a' : '6a';
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  const classId = await openPlan(page, className);
  await expectNoAxeViolations(page);
  const plan = await planOf(page, classId);
  const slot = plan.slots[0];
  const bell = plan.bell.find((b) => b.period === slot.period)!;
  const subject = plan.subjects.find((s) => s.subject_id === slot.subject_id)!;
  const cell = page.getByRole('row', { name: new RegExp(`^${bell.period}\\. ${bell.starts}`) }).getByRole('cell').nth(slot.weekday - 1);
  await expect(cell).toContainText(subject.subject_name);
  const choose = async (subjectLabel: string, room: string) => {
    await page.getByRole('combobox', { name: 'Dzień tygodnia' }).selectOption({ label: DAYS[slot.weekday - 1] });
    await page.getByRole('combobox', { name: 'Lekcja', exact: true }).selectOption({ label: `${bell.period}. ${bell.starts}–${bell.ends}` });
    await page.getByRole('combobox', { name: 'Przedmiot' }).selectOption({ label: subjectLabel });
    await page.getByLabel('Sala').fill(room);
    await page.getByRole('button', { name: 'Zapisz lekcję' }).click();
  };
  const label = `${subject.subject_name} (${subject.teacher_name})`;

  await choose(label, 'aula');
  await expect(page.getByText('Plan zapisany.')).toBeVisible();
  await expect(cell).toContainText('aula');
  await choose('— wolne (bez lekcji) —', '');
  await expect(cell).toHaveText('');
  await choose(label, slot.room);
  await expect(cell).toContainText(subject.subject_name);
  await expect(cell).toContainText(slot.room);
  await expectNoAxeViolations(page);
  if (testInfo.project.name === 'phone') {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }

  // 6b's lessons have attendance: freeing one is refused with the reason, nothing changes.
  const sixB = await openPlan(page, '6b');
  const sixBPlan = await planOf(page, sixB);
  const held = sixBPlan.slots[0];
  const heldBell = sixBPlan.bell.find((b) => b.period === held.period)!;
  await page.getByRole('combobox', { name: 'Dzień tygodnia' }).selectOption({ label: DAYS[held.weekday - 1] });
  await page.getByRole('combobox', { name: 'Lekcja', exact: true }).selectOption({ label: `${heldBell.period}. ${heldBell.starts}–${heldBell.ends}` });
  await page.getByRole('combobox', { name: 'Przedmiot' }).selectOption({ label: '— wolne (bez lekcji) —' });
  await page.getByRole('button', { name: 'Zapisz lekcję' }).click();
  await expect(page.getByRole('combobox', { name: 'Przedmiot' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Ta lekcja ma już w dzienniku frekwencję lub zastępstwa', { exact: false }).first()).toBeVisible();
  const again = await planOf(page, sixB);
  expect(again.slots.find((s) => s.weekday === held.weekday && s.period === held.period)?.subject_id).toBe(held.subject_id);
});

test('the school office sets a substitution the family sees on the day, then a cancellation, then takes it away', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const phone = testInfo.project.name === 'phone';
  // Each project its own class and week: the runs go in parallel.
  const [className, weeks] = phone ? ['5a', 3] : ['6b', 2];
  await logIn(page, 'sekretariat@sp1.example.pl');
  await expect(page).toHaveURL(/\/$/);
  const classId = await openPlan(page, className);
  for (let i = 0; i < weeks; i++) {
    const before = page.url();
    await page.getByRole('link', { name: 'Następny tydzień →' }).click();
    await expect(page).not.toHaveURL(before);
  }
  const week = new URL(page.url()).searchParams.get('week')!;
  const plan = await planOf(page, classId, week);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(plan.week.monday) })).toBeVisible();
  const lesson = plan.week.lessons.find((l) => !l.change)!;
  const weekday = new Date(`${lesson.on_date}T12:00:00Z`).getUTCDay();
  // Who is taken then: every class's lesson at that time, and that day's substitutes.
  const classes: { id: string }[] = await (await page.request.get('/api/school/admin/classes')).json();
  const busy = new Set<string>([lesson.teacher_name]);
  for (const c of classes) {
    const p = await planOf(page, c.id, week);
    p.slots.filter((s) => s.weekday === weekday && s.period === lesson.period).forEach((s) => busy.add(s.teacher_name));
    p.week.lessons
      .filter((l) => l.on_date === lesson.on_date && l.period === lesson.period && l.change === 'substitution')
      .forEach((l) => busy.add(l.teacher_name));
  }
  const substitute = plan.teachers.find((t) => !busy.has(t.full_name))!;
  const option = `${DAYS[weekday - 1]} ${lesson.on_date}, ${lesson.period}. ${lesson.starts} · ${lesson.subject_name}`;

  // A substitution names its teacher: refused at the field without one.
  await page.getByRole('combobox', { name: 'Lekcja w tym tygodniu' }).selectOption({ label: option });
  await page.getByRole('combobox', { name: 'Zmiana', exact: true }).selectOption({ label: 'zastępstwo' });
  await page.getByRole('button', { name: 'Zapisz zmianę' }).click();
  await expect(page.getByRole('combobox', { name: 'Nauczyciel zastępujący' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('combobox', { name: 'Nauczyciel zastępujący' }).selectOption({ label: substitute.full_name });
  await page.getByLabel('Uwaga dla rodziców i uczniów (nieobowiązkowa)').fill('Lekcja w sali 12');
  await page.getByRole('button', { name: 'Zapisz zmianę' }).click();
  await expect(page.getByText('Zmiana zapisana', { exact: false })).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: `${lesson.on_date}, ${lesson.period}. ` });
  await expect(row).toContainText('zastępstwo');
  await expect(row).toContainText(substitute.full_name);
  await expectNoAxeViolations(page);

  if (!phone) {
    // Anna, on her phone: Ola's week shows the substitute and the note.
    const family = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: 'pl-PL' });
    const anna = await family.newPage();
    await logIn(anna, 'anna.nowak@example.pl');
    await expect(anna).toHaveURL(/\/$/);
    const me = await (await anna.request.get('/api/school/me')).json();
    const ola = me.children.find((c: { full_name: string }) => c.full_name === 'Ola Nowak').id;
    await anna.goto(`/school/pupils/${ola}/timetable?week=${lesson.on_date}`);
    await appReady(anna);
    const line = anna.locator('li.lesson-substitution').filter({ hasText: lesson.subject_name }).filter({ hasText: substitute.full_name });
    await expect(line).toContainText('Zastępstwo');
    await expect(line).toContainText('Lekcja w sali 12');
    await expectNoAxeViolations(anna);
    expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await family.close();
  }

  // A cancellation replaces it; then the change is taken away.
  await page.getByRole('combobox', { name: 'Lekcja w tym tygodniu' }).selectOption({ label: option });
  await page.getByRole('combobox', { name: 'Zmiana', exact: true }).selectOption({ label: 'odwołana' });
  await page.getByRole('button', { name: 'Zapisz zmianę' }).click();
  await expect(row).toContainText('odwołana');
  await row.getByRole('button', { name: /^Usuń zmianę/ }).click();
  await expect(row).toHaveCount(0);
  const after = await planOf(page, classId, week);
  expect(after.week.lessons.find((l) => l.id === lesson.id && l.on_date === lesson.on_date)?.change).toBeNull();
});
