// The commands as data: the deploy script registers exactly these, and the bot answers them.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
} from 'discord-api-types/payloads/v10';
import type {
  RESTPostAPIApplicationCommandsJSONBody,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export const QUERY_MAX_LENGTH = 100;

/** Simplified (zh-CN) and Traditional (zh-TW) forms of one name or description. */
const zh = (cn: string, tw: string) => ({ 'zh-CN': cn, 'zh-TW': tw });

const privateOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'private',
  name_localizations: zh('仅自己可见', '僅自己可見'),
  description: 'Show the answer only to you (default: everyone in the channel sees it)',
  description_localizations: zh('只让你自己看到回答(默认频道里所有人可见)', '只讓你自己看到回答(預設頻道裡所有人可見)'),
  required: false,
};

function queryOption(description: string, cn: string, tw: string): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: 'query',
    name_localizations: zh('问题', '問題'),
    description,
    description_localizations: zh(cn, tw),
    required: true,
    max_length: QUERY_MAX_LENGTH,
    autocomplete: true,
  };
}

// Installed to a server or to a user's account; usable in servers, the bot's DM, and any DM or group DM.
const REACH = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export const FEUD_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: 'feud',
  name_localizations: zh('恩怨', '恩怨'),
  description: 'Ask about the feud between Elon Musk and OpenAI',
  description_localizations: zh('查询马斯克与OpenAI之间的恩怨', '查詢馬斯克與OpenAI之間的恩怨'),
  ...REACH,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'ask',
      name_localizations: zh('提问', '提問'),
      description: 'Ask anything about the feud in your own words; the bot picks when, quote or who',
      description_localizations: zh(
        '用自己的话随便问,机器人自动判断是问时间、语录还是人物',
        '用自己的話隨便問,機器人自動判斷是問時間、語錄還是人物',
      ),
      options: [
        queryOption(
          'A question, e.g. "who sued OpenAI?", "马斯克什么时候离开董事会?"',
          '一个问题,例如“谁起诉了OpenAI?”、“马斯克什么时候离开董事会?”',
          '一個問題,例如「誰起訴了OpenAI?」、「馬斯克什麼時候離開董事會?」',
        ),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'when',
      name_localizations: zh('何时', '何時'),
      description: 'When did something happen? e.g. "Musk leaves the board", "GPT-2"',
      description_localizations: zh(
        '某件事发生在什么时候?例如“马斯克离开董事会”、“GPT-2”',
        '某件事發生在什麼時候?例如「馬斯克離開董事會」、「GPT-2」',
      ),
      options: [
        queryOption(
          'An event, a year or a keyword, in English, Chinese or pinyin',
          '事件、年份或关键词,中英文或拼音均可',
          '事件、年份或關鍵詞,中英文或拼音均可',
        ),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'quote',
      name_localizations: zh('语录', '語錄'),
      description: 'What did someone say? Search quotes by speaker or topic',
      description_localizations: zh('谁说了什么?按说话人或话题搜索引语', '誰說了什麼?按說話人或話題搜尋引語'),
      options: [
        queryOption(
          'A speaker or a topic, e.g. "LeCun", "open source"',
          '说话人或话题,例如“杨立昆”、“开源”',
          '說話人或話題,例如「楊立昆」、「開源」',
        ),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'who',
      name_localizations: zh('人物', '人物'),
      description: 'Who is someone, and what is their part in the feud?',
      description_localizations: zh('某人是谁,在这场恩怨中扮演什么角色?', '某人是誰,在這場恩怨中扮演什麼角色?'),
      options: [
        queryOption(
          'A person or organisation, e.g. "Altman", "奥特曼"',
          '人物或机构,例如“Altman”、“奥特曼”',
          '人物或機構,例如「Altman」、「奧特曼」',
        ),
        privateOption,
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'timeline',
      name_localizations: zh('时间线', '時間線'),
      description: 'The dated events of the feud, oldest first',
      description_localizations: zh('按时间顺序列出这场恩怨中的事件', '按時間順序列出這場恩怨中的事件'),
      options: [privateOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'help',
      name_localizations: zh('帮助', '幫助'),
      description: 'What each subcommand is for, with examples',
      description_localizations: zh('每个子命令的用途和示例', '每個子命令的用途和範例'),
      options: [privateOption],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Right-click (or long-press) a message → Apps → "Ask feud-bot": its text is asked as a question. */
export const ASK_MESSAGE_COMMAND = {
  type: ApplicationCommandType.Message,
  name: 'Ask feud-bot',
  name_localizations: zh('向 feud-bot 提问', '向 feud-bot 提問'),
  // Message commands have no description (Discord stores it as empty).
  ...REACH,
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export const COMMANDS: RESTPostAPIApplicationCommandsJSONBody[] = [FEUD_COMMAND, ASK_MESSAGE_COMMAND];

/**
 * The body deploy sends. Guild commands ignore integration_types and contexts (and do not support BOT_DM),
 * so a guild deploy sends neither field.
 */
export function commandsFor(scope: 'global' | 'guild'): RESTPostAPIApplicationCommandsJSONBody[] {
  if (scope === 'global') return COMMANDS;
  return COMMANDS.map(({ integration_types: _i, contexts: _c, ...rest }) => rest);
}
