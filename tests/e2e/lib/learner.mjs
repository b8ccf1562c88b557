// A learner's hands: answers questions through the page as a person would (clicking
// labels, typing, choosing in lists, moving items with the buttons), given a response in the
// runtime's neutral form. The right answers come from the page's own data, so a test can
// answer everything right, or everything wrong, for any course.

/** The runtime data embedded in the page. */
export async function pageData(page) {
  return page.evaluate(() => JSON.parse(document.getElementById('cp-data').textContent));
}

/** The right response to `q`. */
export function rightAnswer(q) {
  switch (q.type) {
    case 'single': return q.correct[0];
    case 'multiple': return q.correct.slice();
    case 'true-false': return q.answer;
    case 'fill-in': return q.answers[0];
    case 'numeric': return String(q.answer);
    case 'matching': return Object.fromEntries(q.pairs.map((p) => [p, p]));
    case 'sequencing': return q.order.slice();
  }
  throw new Error(`unknown type ${q.type}`);
}

/** A wrong (but complete) response to `q`. */
export function wrongAnswer(q) {
  switch (q.type) {
    case 'single': return q.options.find((o) => !q.correct.includes(o));
    case 'multiple': return q.options.filter((o) => !q.correct.includes(o)).slice(0, 1);
    case 'true-false': return !q.answer;
    case 'fill-in': return 'certainly not this';
    case 'numeric': return String(q.answer + (q.tolerance || 0) + 7);
    case 'matching': return Object.fromEntries(q.pairs.map((p, i) => [p, q.pairs[(i + 1) % q.pairs.length]]));
    case 'sequencing': return q.order.slice().reverse();
  }
  throw new Error(`unknown type ${q.type}`);
}

/** Gives `response` to question `id` through the page. */
export async function answer(page, id, q, response) {
  const fs = page.locator(`#q-${id}`);
  switch (q.type) {
    case 'single':
      await fs.locator(`label[for="q-${id}-${response}"]`).click();
      break;
    case 'multiple':
      for (const o of q.options) {
        const box = fs.locator(`#q-${id}-${o}`);
        if ((await box.isChecked()) !== response.includes(o)) await fs.locator(`label[for="q-${id}-${o}"]`).click();
      }
      break;
    case 'true-false':
      await fs.locator(`label[for="q-${id}-${response}"]`).click();
      break;
    case 'fill-in':
    case 'numeric':
      await fs.locator(`#q-${id}-input`).fill(response);
      break;
    case 'matching':
      for (const [source, target] of Object.entries(response)) await fs.locator(`#q-${id}-${source}`).selectOption(target);
      break;
    case 'sequencing':
      // Move each wanted item up until it reaches its place, with the keyboard.
      for (let target = 0; target < response.length; target++) {
        for (;;) {
          const order = await fs.locator('.cp-item').evaluateAll((els) => els.map((e) => e.dataset.item));
          const at = order.indexOf(response[target]);
          if (at <= target) break;
          const up = fs.locator(`.cp-item[data-item="${response[target]}"] .cp-move[data-move="-1"]`);
          await up.focus();
          // A frame has no keyboard of its own: type on its page's.
          await (page.keyboard ?? page.page().keyboard).press('Enter');
        }
      }
      break;
    default:
      throw new Error(`unknown type ${q.type}`);
  }
}

/** Ids of the final-test questions shown in the current attempt, in order. */
export async function shownTestQuestions(page) {
  return page.locator('#cp-test-form .cp-question:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.question));
}

/** Goes to the page with id `pageId` using the Next/Previous buttons. */
export async function goToPage(page, pageId) {
  const ids = await page.locator('.cp-page').evaluateAll((els) => els.map((e) => e.id));
  // Never more steps than pages: a button that does not move the learner ends in the error.
  for (let i = 0; i <= ids.length; i++) {
    const visible = await page.locator('.cp-page:not([hidden])').getAttribute('id');
    if (visible === pageId) return;
    await page.click(ids.indexOf(visible) < ids.indexOf(pageId) ? '#cp-next' : '#cp-prev');
  }
  throw new Error(`could not reach ${pageId}`);
}

/** Every page in order with the Next button, then the final test answered with `pick`
    (rightAnswer or wrongAnswer) when the module has one. Works on a page or a frame. */
export async function takeModule(page, pick) {
  const ids = await page.locator('.cp-page').evaluateAll((els) => els.map((e) => e.id));
  for (let i = 1; i < ids.length; i++) await page.click('#cp-next');
  const data = await pageData(page);
  if (!data.test) return { data, asked: [] };
  await page.click('#cp-test-start');
  const asked = await shownTestQuestions(page);
  for (const id of asked) await answer(page, id, data.questions[id], pick(data.questions[id]));
  await page.click('#cp-test-submit');
  await page.waitForSelector('#cp-test-result p');
  return { data, asked };
}
