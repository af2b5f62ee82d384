// npm start: installs what is missing, builds, and runs the local tenant on 127.0.0.1 with a
// seeded demo user. (The demo web app joins it with the widget.)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { step } from './run.mjs';
import { build } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = `${root}/demo/tenant.config.json`;
const [demoUser] = JSON.parse(readFileSync(configFile, 'utf8')).users;

await build();
step('starting the local tenant');
const port = process.env.PORT ?? '3000';
const tenant = spawn(process.execPath,
  [`${root}/dist/tenant-cli.js`, '--port', port, '--data', `${root}/.tenant-data`, '--config', configFile],
  { stdio: ['ignore', 'pipe', 'inherit'] });

createInterface({ input: tenant.stdout }).once('line', (line) => {
  const url = line.replace(/^listening on /, '');
  console.log(`\nmetalock local tenant: ${url}`);
  console.log(`  OpenID configuration: ${url}/.well-known/openid-configuration`);
  console.log(`  SPA client id:        metalock-demo (connection Username-Password-Authentication)`);
  console.log(`  demo login:           ${demoUser.email} / ${demoUser.password}`);
  console.log('Press Ctrl+C to stop.');
});
const stop = () => tenant.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
tenant.on('exit', (code) => process.exit(code ?? 0));
