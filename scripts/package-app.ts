import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mergeEnvFiles } from '../bot/config-env-files.js';
import { AppPackageError, buildAppPackage } from './app-package.js';
import { ROOT_DIR } from './dev-stack.js';

/**
 * `npm run package [-- <env>]`: fills appPackage/manifest.json from env/.env.<env> (+ .user twin) and
 * the real environment (which wins), validates it offline and writes
 * appPackage/build/appPackage.<env>.zip. The env name is the first argument, else APP_ENV, else `dev`.
 * Exits 1 with every problem listed when BOT_ID is missing or the manifest is invalid.
 */
async function main(): Promise<void> {
  const envName = process.argv[2] ?? process.env.APP_ENV ?? 'dev';
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) {
    process.stderr.write(`Invalid environment name "${envName}".\n`);
    process.exit(2);
  }
  const env = mergeEnvFiles(process.env, join(ROOT_DIR, 'env'), envName);
  const appPackageDir = join(ROOT_DIR, 'appPackage');
  try {
    const { manifest, zip } = await buildAppPackage(appPackageDir, env);
    const outDir = join(appPackageDir, 'build');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, `appPackage.${envName}.zip`);
    writeFileSync(out, zip);
    const bots = manifest.bots as { botId: string }[] | undefined;
    process.stdout.write(
      `Wrote ${relative(process.cwd(), out)} (${zip.length} bytes; manifest ${String(manifest.manifestVersion)}, bot ${bots?.[0]?.botId}).\n` +
        'Upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.\n',
    );
  } catch (error) {
    const message = error instanceof AppPackageError ? error.message : String(error);
    process.stderr.write(`npm run package (${envName}) failed: ${message}\n`);
    process.exit(1);
  }
}

void main();
