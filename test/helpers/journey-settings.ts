// What the journey tests set before messaging: send rules without quiet hours (a test runs at any
// hour) and a brand whose colour and signature the mails are checked for.
export const JOURNEY_TEST_RULES = {
  quietHours: null,
  defaultTimeZone: 'UTC',
  capPerDay: { email: 2, sms: 1, whatsapp: 1, push: 3, banner: 100, receipt: 100 },
};

export const JOURNEY_TEST_BRAND = {
  name: 'Fjällfolk',
  primaryColour: '#aa3300',
  textColour: '#222222',
  backgroundColour: '#ffffff',
  logoUrl: null,
  tone: 'friendly',
  signature: 'Team Fjällfolk',
};
