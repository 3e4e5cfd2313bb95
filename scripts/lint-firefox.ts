// `npm run lint:firefox`: `web-ext lint` (Mozilla's addons-linter) on the Firefox package that `npm run zip` makes
// (.output/firefox-mv3). Fails on any error, and on any warning that is not one of the known ones from bundled
// dependencies, each recognised by the code around it:
// - Preact's renderer assigns innerHTML only for `dangerouslySetInnerHTML`, which our components never use;
// - Readability (`@mozilla/readability`, Firefox background page only): it copies markup between nodes of the inert
//   document that DOMParser made from the page copy (restoring a body after a failed attempt, unwrapping <noscript>
//   images); nothing it assigns is ever inserted into a live document.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIR = '.output/firefox-mv3';

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const DEPENDENCY_WARNINGS: { code: string; file: RegExp; around: RegExp; from: string }[] = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /\.js$/, around: /\.__html/, from: "Preact's dangerouslySetInnerHTML support" },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^background\.js$/, around: /this\._(?:attempts|isSingleImage)\b/, from: "Readability's work on the inert page copy" },
];

/** The ~300 characters of bundle code around a finding (line and column are 1-based; column may be 0-based). */
function around({ file, line = 1, column = 0 }: Finding): string {
  const text = readFileSync(join(SOURCE_DIR, file ?? ''), 'utf8').split('\n')[line - 1] ?? '';
  return text.slice(Math.max(0, column - 150), column + 150);
}

let output: string;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', SOURCE_DIR, '--output', 'json'], { encoding: 'utf8' });
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
  if (!output) throw error;
}
const report = JSON.parse(output) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
let failed = report.errors.length > 0;
for (const error of report.errors) console.error(`error ${error.code} ${error.file ?? ''}: ${error.message}`);
for (const warning of report.warnings) {
  const known = DEPENDENCY_WARNINGS.find(
    (w) => w.code === warning.code && w.file.test(warning.file ?? '') && w.around.test(around(warning)),
  );
  if (known) console.log(`warning ${warning.code} in ${warning.file}: ${known.from} (a dependency, not our code)`);
  else {
    failed = true;
    console.error(`warning ${warning.code} ${warning.file ?? ''}:${warning.line ?? ''}: ${warning.message}`);
  }
}
console.log(`web-ext lint ${SOURCE_DIR}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
if (failed) {
  console.error('The Firefox package has lint findings of ours (above).');
  process.exit(1);
}
