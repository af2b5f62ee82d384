// npm run reliability [-- --seconds N]: the reliability figures in one run, and a non-zero exit
// unless nothing was lost: fuzzing (N s per target, default 30), the hostile-input corpus
// through the public JS API, 1,000 concurrent metadata updates under injected faults, and the
// journal's growth over 1,000 logins of a user with 1 MB of metadata. Needs `npm run build`.
import { fileURLToPath } from 'node:url';
import { step } from './run.mjs';
import { buildFuzzers, runFuzzers, seedCorpora } from './fuzz.mjs';

async function main() {
  const at = process.argv.indexOf('--seconds');
  const seconds = at >= 0 ? Number(process.argv[at + 1]) : 30;
  const { publicApiCorpus } = await import('../tests/reliability/public-api-corpus.mjs');
  const { concurrentUpdates } = await import('../tests/reliability/concurrent-updates.mjs');
  const { journalGrowth } = await import('../tests/reliability/journal-growth.mjs');

  buildFuzzers();
  step(`fuzzing, ${seconds} s per target (${seedCorpora()} seeds)`);
  const fuzz = runFuzzers(seconds);
  step('hostile inputs through the public JS API');
  const corpus = await publicApiCorpus();
  step('1,000 concurrent updates under injected faults');
  const updates = await concurrentUpdates({ updates: 1000 });
  step('journal growth: 1,000 logins of a user with 1 MB of user_metadata');
  const journal = await journalGrowth({ logins: 1000 });

  const faults = updates.faultsSeen;
  const rows = [
    ...fuzz.map((r) => [`fuzz ${r.target}`, `${r.executions} executions (${r.perSecond}/s), ${r.found ? 'FINDING' : 'no crash'}`]),
    ['public API inputs tried', `${corpus.inputs} (${corpus.resolved} resolved, ${corpus.refused} refused with a code), ${corpus.problems.length} problems`],
    ['faults injected', `${faults.rateLimited} 429s, ${faults.serverErrors} 5xx, ${faults.dropped} dropped, over ${faults.requests} requests`],
    ['updates acknowledged / present', `${updates.acknowledged} / ${updates.present} (${updates.failed} reported failed, ${updates.uncodedFailures} without a code)`],
    ['journal bytes per login', `${Math.round(journal.bytesPerLogin)} (${journal.journalBytes} B for ${journal.logins} logins; restart kept ${journal.loginsAfterRestart} logins)`],
  ];
  console.log('\n| check | figure |\n|---|---|');
  for (const [check, figure] of rows) console.log(`| ${check} | ${figure} |`);
  for (const problem of corpus.problems) console.error(`problem: ${problem}`);

  const lost = fuzz.some((r) => r.found) || corpus.problems.length > 0 || updates.missing.length > 0
    || updates.uncodedFailures > 0 || journal.loginsAfterRestart !== journal.logins || !journal.metadataIntact;
  console.log(lost ? '\nSOMETHING WAS LOST OR BROKEN' : '\nnothing lost');
  if (lost) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}
