// The send log panel on the admin's customer view (every journey message: format, template, journey,
// status, time), in the five languages. Merged into the main catalogs (index.tsx).
export const sendLogEn = {
  'sendLog.title': 'Messages sent',
  'sendLog.none': 'No messages to this customer yet.',
  'sendLog.when': 'Time',
  'sendLog.format': 'Channel',
  'sendLog.template': 'Template',
  'sendLog.journey': 'Journey',
  'sendLog.status': 'Status',
  'sendLog.reason': 'Why',
  'sendLog.status.queued': 'Queued',
  'sendLog.status.sent': 'Sent',
  'sendLog.status.refused': 'Not sent',
  'sendLog.status.failed': 'Failed',
  'sendLog.status.cancelled': 'Cancelled',
} as const;
export type SendLogKey = keyof typeof sendLogEn;

export const sendLogEs: Record<SendLogKey, string> = {
  'sendLog.title': 'Mensajes enviados',
  'sendLog.none': 'Aún no hay mensajes para este cliente.',
  'sendLog.when': 'Hora',
  'sendLog.format': 'Canal',
  'sendLog.template': 'Plantilla',
  'sendLog.journey': 'Recorrido',
  'sendLog.status': 'Estado',
  'sendLog.reason': 'Motivo',
  'sendLog.status.queued': 'En cola',
  'sendLog.status.sent': 'Enviado',
  'sendLog.status.refused': 'No enviado',
  'sendLog.status.failed': 'Fallido',
  'sendLog.status.cancelled': 'Cancelado',
};

export const sendLogSv: Record<SendLogKey, string> = {
  'sendLog.title': 'Skickade meddelanden',
  'sendLog.none': 'Inga meddelanden till den här kunden ännu.',
  'sendLog.when': 'Tid',
  'sendLog.format': 'Kanal',
  'sendLog.template': 'Mall',
  'sendLog.journey': 'Kundresa',
  'sendLog.status': 'Status',
  'sendLog.reason': 'Orsak',
  'sendLog.status.queued': 'I kö',
  'sendLog.status.sent': 'Skickat',
  'sendLog.status.refused': 'Inte skickat',
  'sendLog.status.failed': 'Misslyckades',
  'sendLog.status.cancelled': 'Avbrutet',
};

export const sendLogBg: Record<SendLogKey, string> = {
  'sendLog.title': 'Изпратени съобщения',
  'sendLog.none': 'Все още няма съобщения до този клиент.',
  'sendLog.when': 'Час',
  'sendLog.format': 'Канал',
  'sendLog.template': 'Шаблон',
  'sendLog.journey': 'Пътека',
  'sendLog.status': 'Състояние',
  'sendLog.reason': 'Причина',
  'sendLog.status.queued': 'На опашка',
  'sendLog.status.sent': 'Изпратено',
  'sendLog.status.refused': 'Неизпратено',
  'sendLog.status.failed': 'Неуспешно',
  'sendLog.status.cancelled': 'Отменено',
};

export const sendLogNl: Record<SendLogKey, string> = {
  'sendLog.title': 'Verstuurde berichten',
  'sendLog.none': 'Nog geen berichten aan deze klant.',
  'sendLog.when': 'Tijd',
  'sendLog.format': 'Kanaal',
  'sendLog.template': 'Sjabloon',
  'sendLog.journey': 'Klantreis',
  'sendLog.status': 'Status',
  'sendLog.reason': 'Reden',
  'sendLog.status.queued': 'In de wachtrij',
  'sendLog.status.sent': 'Verstuurd',
  'sendLog.status.refused': 'Niet verstuurd',
  'sendLog.status.failed': 'Mislukt',
  'sendLog.status.cancelled': 'Geannuleerd',
};
