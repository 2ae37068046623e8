// The /feud command as data: the deploy script registers exactly this, and the bot answers it.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export const QUERY_MAX_LENGTH = 100;

const privateOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'private',
  name_localizations: { 'zh-CN': '仅自己可见' },
  description: 'Show the answer only to you (default: everyone in the channel sees it)',
  description_localizations: { 'zh-CN': '只让你自己看到回答(默认频道里所有人可见)' },
  required: false,
};

function queryOption(description: string, descriptionZh: string): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: 'query',
    name_localizations: { 'zh-CN': '问题' },
    description,
    description_localizations: { 'zh-CN': descriptionZh },
    required: true,
    max_length: QUERY_MAX_LENGTH,
    autocomplete: true,
  };
}

export const FEUD_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: 'feud',
  name_localizations: { 'zh-CN': '恩怨' },
  description: 'Ask about the feud between Elon Musk and OpenAI',
  description_localizations: { 'zh-CN': '查询马斯克与OpenAI之间的恩怨' },
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'ask',
      name_localizations: { 'zh-CN': '提问' },
      description: 'Ask anything about the feud in your own words; the bot picks when, quote or who',
      description_localizations: { 'zh-CN': '用自己的话随便问,机器人自动判断是问时间、语录还是人物' },
      options: [
        queryOption(
          'A question, e.g. "who sued OpenAI?", "马斯克什么时候离开董事会?"',
          '一个问题,例如“谁起诉了OpenAI?”、“马斯克什么时候离开董事会?”',
        ),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'when',
      name_localizations: { 'zh-CN': '何时' },
      description: 'When did something happen? e.g. "Musk leaves the board", "GPT-2"',
      description_localizations: { 'zh-CN': '某件事发生在什么时候?例如“马斯克离开董事会”、“GPT-2”' },
      options: [
        queryOption(
          'An event, a year or a keyword, in English, Chinese or pinyin',
          '事件、年份或关键词,中英文或拼音均可',
        ),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'quote',
      name_localizations: { 'zh-CN': '语录' },
      description: 'What did someone say? Search quotes by speaker or topic',
      description_localizations: { 'zh-CN': '谁说了什么?按说话人或话题搜索引语' },
      options: [
        queryOption('A speaker or a topic, e.g. "LeCun", "open source"', '说话人或话题,例如“杨立昆”、“开源”'),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'who',
      name_localizations: { 'zh-CN': '人物' },
      description: 'Who is someone, and what is their part in the feud?',
      description_localizations: { 'zh-CN': '某人是谁,在这场恩怨中扮演什么角色?' },
      options: [
        queryOption('A person or organisation, e.g. "Altman", "奥特曼"', '人物或机构,例如“Altman”、“奥特曼”'),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'timeline',
      name_localizations: { 'zh-CN': '时间线' },
      description: 'The dated events of the feud, oldest first',
      description_localizations: { 'zh-CN': '按时间顺序列出这场恩怨中的事件' },
      options: [privateOption],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const COMMANDS = [FEUD_COMMAND];
