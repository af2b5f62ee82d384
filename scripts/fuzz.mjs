// npm run fuzz [-- --seconds N]: builds the libFuzzer targets (tests/fuzz, clang, ASan + UBSan)
// in build/fuzz, seeds each target's corpus from tests/vectors, runs each for N seconds
// (default 30) and prints executions per target. Exits non-zero on a finding; the input that
// found it is saved under build/fuzz/findings/ (make it a regression vector).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = `${root}build/fuzz`;
const TARGETS = ['json', 'profile', 'metadata', 'signup', 'jwt', 'token_cache', 'responses'];

export function buildFuzzers() {
  step('fuzz targets (clang, libFuzzer, ASan + UBSan)');
  run('cmake', ['-S', root, '-B', buildDir, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=RelWithDebInfo',
    '-DCMAKE_C_COMPILER=clang', '-DCMAKE_CXX_COMPILER=clang++',
    '-DMETALOCK_FUZZ=ON', '-DMETALOCK_TESTS=OFF', '-DMETALOCK_BENCH=OFF']);
  run('cmake', ['--build', buildDir, '--parallel', '2']);
}

// Which target each vector op feeds, and with what text.
function seedsOf(testCase) {
  const { op, input = {} } = testCase;
  const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  const seeds = [['json', JSON.stringify(input)]];
  if (op === 'profile') seeds.push(['profile', text(input.userinfo)], ['json', text(input.userinfo)]);
  if (op === 'merge' || op === 'diff' || op === 'validate_patch') seeds.push(['metadata', JSON.stringify(input)]);
  if (op === 'signup' || op === 'signup_body') seeds.push(['signup', JSON.stringify(input)]);
  if ((op === 'id_token' || op === 'access_token') && typeof input.token === 'string') seeds.push(['jwt', input.token]);
  if (op === 'token_cache') {
    // The stored form the steps would leave behind, so the fuzzer starts from well-formed caches.
    const entries = (input.steps ?? []).filter((s) => s.do === 'put' && s.entry).map((s) => ({
      client_id: String(s.entry.client_id ?? ''), audience: String(s.entry.audience ?? 'default'), scope: String(s.entry.scope ?? ''),
      access_token: String(s.entry.access_token ?? ''), id_token: '', refresh_token: '', token_type: 'Bearer',
      expires_at: Number(s.at ?? 0) + Number(s.entry.expires_in ?? 0), id_token_claims: {},
    }));
    seeds.push(['token_cache', JSON.stringify({ version: 1, entries })]);
  }
  return seeds;
}

export function seedCorpora() {
  const vectorsDir = `${root}tests/vectors`;
  for (const target of TARGETS) mkdirSync(`${buildDir}/corpus/${target}`, { recursive: true });
  writeFileSync(`${buildDir}/corpus/token_cache/empty`, '{"version":1,"entries":[]}');
  writeFileSync(`${buildDir}/corpus/responses/management-400`, '\x03{"statusCode":400,"error":"Bad Request","message":"m","errorCode":"invalid_body"}');
  let count = 0;
  for (const file of readdirSync(vectorsDir).filter((name) => name.endsWith('.json'))) {
    const { cases = [] } = JSON.parse(readFileSync(`${vectorsDir}/${file}`, 'utf8'));
    for (const testCase of cases) {
      let seeds;
      try {
        seeds = seedsOf(testCase);
      } catch {
        continue;   // an input too deep for JSON.stringify (json-limits' 10,000 levels): not a useful seed
      }
      for (const [target, text] of seeds) {
        if (typeof text !== 'string' || text.length > 1 << 20) continue;
        const name = createHash('sha1').update(text).digest('hex');
        writeFileSync(`${buildDir}/corpus/${target}/${name}`, text);
        count += 1;
      }
    }
  }
  return count;
}

// -> [{target, executions, perSecond, found}]
export function runFuzzers(seconds) {
  mkdirSync(`${buildDir}/findings`, { recursive: true });
  return TARGETS.map((target) => {
    const result = spawnSync(`${buildDir}/tests/fuzz/fuzz_${target}`, [
      `${buildDir}/corpus/${target}`, `-max_total_time=${seconds}`, '-max_len=65536', '-timeout=10',
      '-rss_limit_mb=4096', '-print_final_stats=1', `-artifact_prefix=${buildDir}/findings/${target}-`,
    ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const output = `${result.stdout}${result.stderr}`;
    const executions = Number(/stat::number_of_executed_units: (\d+)/.exec(output)?.[1] ?? 0);
    const found = result.status !== 0;
    if (found) console.error(output.split('\n').filter((line) => /ERROR|invariant|SUMMARY|artifact/.test(line)).join('\n'));
    return { target, executions, perSecond: Math.round(executions / seconds), found };
  });
}

function main() {
  const at = process.argv.indexOf('--seconds');
  const seconds = at >= 0 ? Number(process.argv[at + 1]) : 30;
  if (!(seconds > 0)) throw new Error('usage: npm run fuzz [-- --seconds N]');
  buildFuzzers();
  step(`fuzzing each target for ${seconds} s (corpora seeded from tests/vectors: ${seedCorpora()} inputs)`);
  const results = runFuzzers(seconds);
  console.log('target        executions   exec/s  result');
  for (const r of results) {
    console.log(`${r.target.padEnd(13)} ${String(r.executions).padStart(10)} ${String(r.perSecond).padStart(8)}  ${r.found ? 'FINDING (build/fuzz/findings/)' : 'ok'}`);
  }
  const findings = results.filter((r) => r.found).length;
  console.log(`${results.length} targets, ${results.reduce((sum, r) => sum + r.executions, 0)} executions, ${findings} findings`);
  if (findings > 0) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error.message);
    process.exit(error.exitCode ?? 1);
  }
}
