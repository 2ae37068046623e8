// discord-api-spec points the types of its ./zod export at a .js file; declare the schemas the fake uses.
declare module 'discord-api-spec/zod' {
  import type { ZodMiniObject, ZodMiniType } from 'zod/mini';

  export const PongInteractionCallbackRequestSchema: ZodMiniType;
  export const CreateMessageInteractionCallbackRequestSchema: ZodMiniType;
  export const UpdateMessageInteractionCallbackRequestSchema: ZodMiniType;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: ZodMiniType;
  export const ModalInteractionCallbackRequestSchema: ZodMiniType;
  export const LaunchActivityInteractionCallbackRequestSchema: ZodMiniType;
  export const IncomingWebhookInteractionRequestSchema: ZodMiniObject;
  export const IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema: ZodMiniObject;
  export const IncomingWebhookRequestPartialSchema: ZodMiniObject;
  export const IncomingWebhookUpdateRequestPartialSchema: ZodMiniObject;
  // Application commands: one entry of the bulk-overwrite PUT body, and the options /feud uses.
  export const ApplicationCommandUpdateRequestSchema: ZodMiniObject;
  export const ApplicationCommandSubcommandOptionSchema: ZodMiniObject;
  export const ApplicationCommandStringOptionSchema: ZodMiniObject;
  export const ApplicationCommandBooleanOptionSchema: ZodMiniObject;
}
