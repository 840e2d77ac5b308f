// The inbox page's shared vocabulary: channel kinds and statuses with their message keys, and the
// API's conversation type (kept apart so the page and the conversation view share it without a cycle).
import type { MessageKey } from '../../i18n/index.tsx';
import type { paths } from '../../ui/api.ts';

export type ListQuery = NonNullable<paths['/api/inbox/conversations']['get']['parameters']['query']>;
export type Conversation =
  paths['/api/inbox/conversations']['get']['responses'][200]['content']['application/json']['items'][number];
export type ChannelKind = NonNullable<ListQuery['channelKind']>;
export type Status = NonNullable<ListQuery['status']>;

export const STATUSES: Status[] = ['open', 'pending', 'snoozed', 'resolved'];
export const KINDS: ChannelKind[] = [
  'web_chat',
  'email',
  'messenger',
  'instagram',
  'whatsapp',
  'sms',
  'phone_note',
  'store_note',
];
export const kindLabel = (kind: ChannelKind): MessageKey => `inbox.kind.${kind}`;
