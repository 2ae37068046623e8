// INTERACTION_CREATE payloads as Discord documents them; each call gets fresh ids and a fresh token.
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  type APIActionRowComponent,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIBaseInteraction,
  type APIButtonComponent,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIStringSelectComponent,
  type APIUser,
  type ChannelFlags,
  type GuildMemberFlags,
  type Locale,
  type UserFlags,
} from 'discord.js';
import {
  FAKE_APPLICATION_ID,
  FAKE_CHANNEL_ID,
  FAKE_COMMAND_ID,
  FAKE_GUILD_ID,
  FAKE_USER_ID,
  nextSnowflake,
} from './ids.ts';
import { fakeMessage } from './messages.ts';

/** Where and by whom the interaction happens. */
export interface Invoker {
  /** true (default): a guild text channel with member + guild_id; false: the bot's DM with `user`. */
  guild?: boolean;
  locale?: `${Locale}`;
  guildLocale?: `${Locale}`;
  user?: Partial<APIUser>;
}

export interface OptionInput {
  name: string;
  value: string | number | boolean;
  /** Inferred from `value` when left out: string → 3, integer → 4, other number → 10, boolean → 5. */
  type?: ApplicationCommandOptionType;
  focused?: boolean;
}

export interface ChatInputInput extends Invoker {
  command?: string;
  subcommand?: string;
  options?: OptionInput[];
}

export interface AutocompleteInput extends ChatInputInput {
  /** The option being typed; it gets `focused: true` and comes after `options`. */
  focused: OptionInput;
}

export interface ComponentInput extends Invoker {
  customId: string;
  /** The message the component sits on; by default one carrying that very component. */
  message?: Partial<APIMessage>;
}

export interface SelectInput extends ComponentInput {
  values: string[];
}

// Permission bits Discord typically reports for an ordinary member and for the app in a text channel.
const MEMBER_PERMISSIONS = '2248473465835073';
const APP_PERMISSIONS = '2248473465835073';
// Discord's default upload limit, in bytes, for a guild without boosts.
const ATTACHMENT_SIZE_LIMIT = 10_485_760;

export function chatInput(input: ChatInputInput = {}): APIChatInputApplicationCommandInteraction {
  return {
    ...base(InteractionType.ApplicationCommand, input),
    data: {
      id: FAKE_COMMAND_ID,
      name: input.command ?? 'feud',
      type: ApplicationCommandType.ChatInput,
      ...optionsOf(input.subcommand, (input.options ?? []).map(toDataOption)),
    },
  } as APIChatInputApplicationCommandInteraction;
}

export function autocomplete(input: AutocompleteInput): APIApplicationCommandAutocompleteInteraction {
  const options = [...(input.options ?? []), { ...input.focused, focused: true }].map(toDataOption);
  return {
    ...base(InteractionType.ApplicationCommandAutocomplete, input),
    data: {
      id: FAKE_COMMAND_ID,
      name: input.command ?? 'feud',
      type: ApplicationCommandType.ChatInput,
      options: optionsOf(input.subcommand, options).options ?? [],
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

export function button(input: ComponentInput): APIMessageComponentButtonInteraction {
  const onMessage = {
    type: ComponentType.Button,
    custom_id: input.customId,
    style: ButtonStyle.Secondary,
    label: input.customId,
  } as const;
  return {
    ...base(InteractionType.MessageComponent, input),
    data: { custom_id: input.customId, component_type: ComponentType.Button },
    message: messageCarrying(onMessage, input.message),
  } as APIMessageComponentButtonInteraction;
}

export function select(input: SelectInput): APIMessageComponentSelectMenuInteraction {
  const onMessage = {
    type: ComponentType.StringSelect,
    custom_id: input.customId,
    options: input.values.map((value) => ({ label: value, value })),
  } as const;
  return {
    ...base(InteractionType.MessageComponent, input),
    data: { custom_id: input.customId, component_type: ComponentType.StringSelect, values: input.values },
    message: messageCarrying(onMessage, input.message),
  } as APIMessageComponentSelectMenuInteraction;
}

type BaseFields = Omit<APIBaseInteraction<InteractionType, unknown>, 'data' | 'message'>;

function base(type: InteractionType, invoker: Invoker): BaseFields {
  const user: APIUser = {
    id: FAKE_USER_ID,
    username: 'tester',
    discriminator: '0',
    global_name: 'Tester',
    avatar: null,
    public_flags: 0 as UserFlags,
    ...invoker.user,
  };
  const common = {
    id: nextSnowflake(),
    application_id: FAKE_APPLICATION_ID,
    type,
    token: `fake-interaction-${randomBytes(24).toString('base64url')}`,
    version: 1 as const,
    app_permissions: APP_PERMISSIONS,
    locale: (invoker.locale ?? 'en-US') as Locale,
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    channel_id: FAKE_CHANNEL_ID,
  };
  if (invoker.guild === false) {
    return {
      ...common,
      user,
      channel: {
        id: FAKE_CHANNEL_ID,
        type: ChannelType.DM,
        recipients: [user],
        last_message_id: null,
        flags: 0 as ChannelFlags,
      },
      context: InteractionContextType.BotDM,
      // A guild-installed app answering in its own DM: the owner id is "0".
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
    };
  }
  // Discord adds the invoker's computed `permissions` to the partial channel; the typings lack it.
  const guildChannel = {
    id: FAKE_CHANNEL_ID,
    type: ChannelType.GuildText as const,
    guild_id: FAKE_GUILD_ID,
    name: 'general',
    position: 0,
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    permissions: MEMBER_PERMISSIONS,
    flags: 0 as ChannelFlags,
  };
  const guildLocale = (invoker.guildLocale ?? 'en-US') as Locale;
  return {
    ...common,
    guild_id: FAKE_GUILD_ID,
    guild: { id: FAKE_GUILD_ID, locale: guildLocale, features: [] },
    guild_locale: guildLocale,
    member: {
      user,
      roles: [],
      permissions: MEMBER_PERMISSIONS,
      joined_at: '2024-01-01T00:00:00.000000+00:00',
      premium_since: null,
      nick: null,
      avatar: null,
      banner: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0 as GuildMemberFlags,
      communication_disabled_until: null,
    },
    channel: guildChannel,
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: FAKE_GUILD_ID },
  };
}

function optionsOf(
  subcommand: string | undefined,
  options: APIApplicationCommandInteractionDataBasicOption[],
): { options?: APIApplicationCommandInteractionDataOption[] } {
  if (subcommand === undefined) return options.length > 0 ? { options } : {};
  return { options: [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }] };
}

function toDataOption(option: OptionInput): APIApplicationCommandInteractionDataBasicOption {
  const type = option.type ?? inferType(option.value);
  const focused = option.focused ? { focused: true } : {};
  return {
    name: option.name,
    type,
    value: option.value,
    ...focused,
  } as APIApplicationCommandInteractionDataBasicOption;
}

function inferType(value: OptionInput['value']): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'string') return ApplicationCommandOptionType.String;
  return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
}

function messageCarrying(
  component: APIButtonComponent | APIStringSelectComponent,
  overrides: Partial<APIMessage> | undefined,
): APIMessage {
  const row: APIActionRowComponent<APIButtonComponent | APIStringSelectComponent> = {
    type: ComponentType.ActionRow,
    components: [component],
  };
  return fakeMessage({ components: [row], ...overrides });
}
