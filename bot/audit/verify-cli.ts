import { runVerifyCli } from './run-verify-cli.js';

const result = await runVerifyCli(process.argv.slice(2), process.env);
(result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
process.exitCode = result.exitCode;
