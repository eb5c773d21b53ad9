/** Example user commands shown when a message cannot be understood. */
export const EXAMPLE_COMMANDS: readonly string[] = [
  'search vpn setup in ENG',
  'get 123456',
  'get "VPN Setup" in ENG',
  'create "Meeting notes" in ENG: first line of the page',
  'update 123456 append: one more line',
  'what is our VPN setup?',
  'approvals',
  'help',
];

/** Example creates shown when a new page is asked for without what it needs. */
export const CREATE_EXAMPLES: readonly string[] = [
  'create "Meeting notes 2024-06-03" in ENG: first line of the page',
  'create "Runbook" in OPS under 123456: # Steps',
];

/** The edit lines `update <page>` accepts, one per line, for failure messages and help. */
export const UPDATE_EDIT_FORMS: readonly string[] = [
  'append: <markdown>',
  'replace "old text" with "new text"',
  'section "Heading": <markdown>',
  'body: <markdown>',
  'title: <new title>',
];

/** Usage line of every `/confluence` admin command, keyed by sub-command. */
export const ADMIN_USAGE = {
  help: '/confluence help',
  status: '/confluence status',
  test: '/confluence test',
  connect: '/confluence connect (opens a form; never type an API token in chat)',
  disconnect: '/confluence disconnect [connector]',
  rotate: '/confluence rotate [connector] (opens a form)',
  policy:
    '/confluence policy | /confluence policy <search|get|create|update> <allowed|confirm|denied> | /confluence policy explain <search|get|create|update> [SPACE]',
  spaces: '/confluence spaces [add|remove <SPACEKEY>]',
  approvers: '/confluence approvers [add|remove <@mention|user id>]',
  admins: '/confluence admins [add|remove <@mention|user id>]',
  approvals: '/confluence approvals here',
  audit: '/confluence audit [N] [export]',
} as const;

/** Every admin usage line, one per line. */
export const ADMIN_USAGE_ALL = Object.values(ADMIN_USAGE).join('\n');
