/**
 * A fake of Slack's Web API for tests: the methods the bot calls, Slack's error answers and Block Kit
 * limits, a seeded workspace (people, channels), every call recorded.
 */
export {
  checkBlocks,
  checkModal,
  MAX_MESSAGE_BLOCKS,
  MAX_MESSAGE_TEXT,
  MAX_MODAL_BLOCKS,
} from './block-limits.js';
export {
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_CHANNELS,
  FAKE_TEAM_ID,
  FAKE_USERS,
  type FakeSlackChannel,
  type FakeSlackUser,
} from './directory.js';
export {
  FAKE_MAX_BODY_BYTES,
  FAKE_RESPONSE_URL_MAX_POSTS,
  type FakeSlackEphemeral,
  type FakeSlackFault,
  type FakeSlackMessage,
  type FakeSlackResponsePost,
  type FakeSlackView,
  type RecordedSlackCall,
  type SlackFake,
  type SlackFakeOptions,
  startSlackFake,
} from './server.js';
