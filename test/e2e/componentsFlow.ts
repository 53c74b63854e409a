/**
 * What the e2e layers do with the live components, against whichever server serves the site:
 * the demo page's RpcCall → MineBlocks → Broadcast journey, axe-core, and the hostile token name.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { ROOT } from '../support/site.ts'

export const DEMO = '/guides/components.html'

const step = (page: Page, n: number) => page.locator(`#step-${n}`)

async function runStep(page: Page, n: number, button = 'button.kj-run'): Promise<void> {
  await step(page, n).locator(button).first().click()
  // The step's own state, reported once its component has rendered everything it got.
  await page.locator(`#step-${n}[data-state="done"]`).waitFor({ timeout: 60_000 })
}

/** The demo journey, live: every step ends `done` and the broadcast gains confirmations. */
export async function runDemoJourney(page: Page, base: string): Promise<void> {
  await page.goto(`${base}${DEMO}`)
  await page.locator('.kj-chain-facts [data-field="backend"]').waitFor()
  await expect(page.locator('[data-field="backend"]').textContent()).resolves.toContain('devchain')
  await step(page, 1).locator('.kj-rpc[data-method="getinfo"]').waitFor()
  await runStep(page, 1)
  await runStep(page, 2)
  await runStep(page, 3)
  await expect(step(page, 3).locator('tbody tr').count()).resolves.toBe(1)
  await runStep(page, 4)
  const hex = await step(page, 4).locator('.kj-json code').textContent()
  expect(JSON.parse(hex!).hex).toMatch(/^[0-9a-f]+$/)
  await runStep(page, 5)
  const txid = (await step(page, 5).locator('[data-field="txid"]').textContent())!.trim()
  expect(txid).toMatch(/^[0-9a-f]{64}$/)
  await runStep(page, 6)
  // Confirmations count up as the two blocks arrive.
  await page.waitForFunction(() => /\d+ confirmations|\d+ 个确认/.test(document.querySelector('#step-5 [data-field="confirmations"]')?.textContent ?? ''), null, { timeout: 30_000 })
  // The funding output is labelled with its module.
  const label = step(page, 7).locator('.kj-cc-label').first()
  await label.waitFor({ timeout: 30_000 })
  await expect(label.textContent()).resolves.toContain('Faucet')
  await expect(page.locator('.kj-progress').textContent()).resolves.toMatch(/^7 of 7 steps done|7 \/ 7/)
}

export async function axeSeriousViolations(page: Page, include: string[]): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') })
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
    const res = await axe.run({ include: sel.map((s) => [s]) }, { resultTypes: ['violations'] })
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  }, include)
}

/** Creates a token with a hostile name, mines it, reads it back: nothing may execute. */
export async function hostileTokenName(page: Page, base: string): Promise<{ dialogs: string[]; shown: string }> {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const evil = '<img src=x onerror=alert(1)>'
  await page.goto(`${base}${DEMO}`)
  const panel = page.locator('.kj-tokens')
  await panel.locator('input').first().fill(evil)
  await panel.locator('button', { hasText: /Create token|创建/ }).click()
  await panel.locator('[data-field="tokenid"]').waitFor({ timeout: 60_000 })
  const mine = page.locator('.kj-mine').last()
  await mine.locator('button.kj-run').click()
  await mine.locator('tbody tr').first().waitFor()
  await panel.locator('button', { hasText: /Refresh|刷新/ }).last().click()
  const name = panel.locator('[data-field="token-name"]')
  await name.waitFor({ timeout: 30_000 })
  // The token's OP_RETURN, decoded in TxView, carries the same name.
  await page.locator('.kj-txview .kj-opret').first().waitFor({ timeout: 30_000 })
  await page.waitForTimeout(500)
  const imgs = await page.locator('.kj-tokens img, .kj-txview img').count()
  expect(imgs).toBe(0)
  await expect(page.locator('.kj-txview .kj-opret').first().textContent()).resolves.toContain(evil)
  return { dialogs, shown: (await name.textContent()) ?? '' }
}
