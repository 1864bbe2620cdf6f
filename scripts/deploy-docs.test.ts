import fs from 'node:fs'
import path from 'node:path'
import { docsSections, readmeSection, type DocsSection } from './check-deploy'

/**
 * The README's deployment tables are generated from what they describe (the database manifest,
 * each function's config.json, the notification catalogue). When one of these changes, run
 * `npx tsx scripts/check-deploy.ts --docs` and paste its tables over the README's.
 */
const README = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8')

let sections: Record<DocsSection, string>

beforeAll(async () => {
  sections = await docsSections()
}, 60_000)

test.each<DocsSection>(['collections', 'functions', 'templates', 'privacy'])('README table "%s" matches its source (regenerate with npx tsx scripts/check-deploy.ts --docs)', (name) => {
  expect(readmeSection(README, name)).toBe(sections[name])
})

test('readmeSection reads between its markers only', () => {
  const text = 'a\n<!-- deploy:templates:start -->\n| x |\n<!-- deploy:templates:end -->\nb'
  expect(readmeSection(text, 'templates')).toBe('| x |')
  expect(readmeSection(text, 'functions')).toBeNull()
})
