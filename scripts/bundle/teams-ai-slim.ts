/*
 * What the bot uses of @microsoft/teams-ai, imported from the files that define it. The package's
 * index also loads its AI stack (OpenAI and Azure OpenAI clients, gpt-tokenizer, prompt files…),
 * which the bot never uses; the build points `@microsoft/teams-ai` here (scripts/build.ts) so that
 * none of it is bundled or loaded. A value the bot starts importing from the package that is missing
 * here fails the build with "No matching export", never silently at run time.
 */
export { Application } from '@microsoft/teams-ai/lib/Application.js';
export { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
