// The omnichannel score page's texts in English, the reference: every key here is in every
// language (score-<language>.ts), and ScoreKey is their type.
export const scoreEn = {
  'nav.score': 'Omnichannel score',
  'score.title': 'Omnichannel score',
  'score.hint':
    "Are you omnichannel or multichannel? Each dimension is measured from the hub's own data over the window chosen, with the figures and records behind it and a next step.",
  'score.window': 'Period measured',
  'score.days': 'Last {days} days',
  'score.overall': 'Overall: {score} / 100',
  'score.overallHow': 'The mean of the eight dimensions below.',
  'score.outOf': '{score} / 100',
  'score.formula': 'How it is computed:',
  'score.evidence': 'Evidence',
  'score.perChannel': 'Per channel',
  'score.channel': 'Channel',
  'score.sample': 'Records behind the figures',
  'score.next': 'Next step:',
  'score.dim.identity.title': 'Known customers',
  'score.dim.identity.what':
    'The share of orders and of events (visits, views, messages) tied to a known customer profile, per channel: only a known customer can be followed across channels.',
  'score.dim.identity.formula':
    '100 × the mean of (orders with a customer ÷ orders) and (events on a known profile ÷ events), all channels together. A profile is known when it has an email, phone, user id or loyalty card.',
  'score.dim.sync.title': 'Channels in sync',
  'score.dim.sync.what':
    "Whether every selling channel sells with the hub's stock, prices and listings: the webshop, app and stores read them live; marketplaces and other shops need a channel sync that pushes them, active and without lag.",
  'score.dim.sync.formula':
    '100 × the sum over selling channels ÷ their number. A channel the hub serves itself counts 1. A connected channel counts ⅓ per kind pushed (stock, price, listing) times its health: 0 when paused or disabled, minus ½ when it lags over 15 minutes, minus ¼ with parked items. An unconnected marketplace or shop counts 0. Times its consistency by the last consistency audit (which reads the channel back, every audit interval): a kind with drifted SKUs counts 1 − ¼ − drifted SKUs ÷ SKUs checked, and at most ½ when the channel could not be read back. An audit older than two intervals, or none, is unknown evidence: not counted, and shown as such.',
  'score.dim.handoffs.title': 'Carts across channels',
  'score.dim.handoffs.what':
    'Carts that moved from one channel to another (a webshop cart opened at a till by its code, an app cart continued on the web): customers carry on where they left off.',
  'score.dim.handoffs.formula':
    '0 when no cart changed channel; otherwise 50 + 50 × min(1, (carts moved ÷ carts made) ÷ 5 %): any use counts, full marks when one cart in twenty crosses.',
  'score.dim.conversations.title': 'Conversations on the timeline',
  'score.dim.conversations.what':
    "Inbox conversations linked to a customer profile, so they sit on the customer's one timeline with orders and visits, and the channel kinds customers write on.",
  'score.dim.conversations.formula':
    '70 × conversations linked to a profile ÷ conversations + 30 × min(1, channel kinds in use ÷ 3); 0 without conversations.',
  'score.dim.campaigns.title': 'Campaigns on every channel',
  'score.dim.campaigns.what':
    'Active promotions valid on every selling channel, so a customer who sees an offer can use it wherever they shop.',
  'score.dim.campaigns.formula':
    '100 × active campaigns valid on every selling channel ÷ active campaigns; 0 without active campaigns.',
  'score.dim.loyalty.title': 'Loyalty everywhere',
  'score.dim.loyalty.what':
    'Whether customers earn loyalty points on every selling channel and actually use their wallet (points, gift cards, store credit) there.',
  'score.dim.loyalty.formula':
    '60 × selling channels where points are earned ÷ selling channels + 40 × selling channels where the wallet was used in the period ÷ selling channels.',
  'score.dim.click_collect.title': 'Click & collect in use',
  'score.dim.click_collect.what':
    'Orders placed online and collected in a store: the store becomes part of the online sale.',
  'score.dim.click_collect.formula':
    '0 without click & collect orders; otherwise 50 + 50 × min(1, (click & collect orders ÷ webshop and app orders) ÷ 10 %).',
  'score.dim.return_anywhere.title': 'Return anywhere in use',
  'score.dim.return_anywhere.what':
    'Returns made on another channel than the sale (an online order brought back to a store): customers are not sent back to where they bought.',
  'score.dim.return_anywhere.formula':
    '0 without returns on another channel than the sale; otherwise 50 + 50 × min(1, (such returns ÷ returns) ÷ 10 %).',
  'score.next.keep_going': 'Measured well: keep it up and watch the figures for drops.',
  'score.next.identify_customers':
    'Ask for an email or loyalty card at the till, offer sign-in on the webshop and app, and send identify calls from every source. Weakest: {channels}.',
  'score.next.connect_sync': 'Connect a channel sync (stock, prices and listings) for {channels}.',
  'score.next.resume_sync': 'Resume the paused or disabled sync of {channels}, after fixing its credentials.',
  'score.next.fix_sync': 'The sync of {channels} lags or parks items: look at its failures and replay them.',
  'score.next.cover_sync': 'Push all of stock, prices and listings to {channels}.',
  'score.next.fix_drift':
    'Prices, stock or listings on {channels} differ from the hub: run the fixes listed in the consistency audit.',
  'score.next.audit_sync':
    'No consistency audit of {channels} in the last two intervals: check that the hub runs its background jobs, or run the audit now.',
  'score.next.use_handoffs':
    'Show the cart hand-off code (QR) on the webshop and app, and let tills open a cart by it.',
  'score.next.connect_inbox':
    'Connect email, chat or WhatsApp to the inbox so conversations reach the unified timeline.',
  'score.next.link_conversations':
    'Link conversations to customer profiles (by email or phone, or by hand in the inbox) and add a second channel kind.',
  'score.next.create_campaign': 'Create a campaign valid on every channel.',
  'score.next.widen_campaigns':
    'Open the campaigns narrowed to some channels to every channel where that makes sense.',
  'score.next.enable_loyalty': 'Switch the loyalty programme on.',
  'score.next.earn_everywhere': 'Let customers earn points on {channels}.',
  'score.next.promote_wallet':
    'Promote the wallet (points, gift cards, store credit) on {channels}, where nobody used it yet.',
  'score.next.offer_click_collect':
    'Offer click & collect on the webshop and app, with pickup in the stores.',
  'score.next.accept_returns_anywhere': 'Accept online orders back at the store tills (return anywhere).',
  'score.f.orders': 'Orders',
  'score.f.ordersKnown': 'Orders with a customer',
  'score.f.ordersKnownPct': 'Orders with a customer (%)',
  'score.f.events': 'Events',
  'score.f.eventsKnown': 'Events on a known profile',
  'score.f.eventsKnownPct': 'Events on a known profile (%)',
  'score.f.sellingChannels': 'Selling channels',
  'score.f.live': 'Served live by the hub',
  'score.f.connected': 'With a channel sync',
  'score.f.unconnected': 'Without a sync',
  'score.f.paused': 'Paused or disabled',
  'score.f.mode': 'How it gets the data',
  'score.f.value': 'Counts (%)',
  'score.f.push': 'Pushed',
  'score.f.status': 'Status',
  'score.f.lagSeconds': 'Lag (s)',
  'score.f.queueDepth': 'Queued',
  'score.f.failed': 'Failed',
  'score.f.deadLettered': 'Parked',
  'score.f.lastPushedAt': 'Last push',
  'score.f.audited': 'Audited recently',
  'score.f.auditUnknown': 'Audit unknown (older or none)',
  'score.f.driftedItems': 'Drifted items',
  'score.f.audit': 'Consistency audit',
  'score.f.lastAuditAt': 'Last audit',
  'score.f.auditAgeMinutes': 'Audit age (min)',
  'score.f.checked': 'SKUs checked',
  'score.f.drifted': 'Drifted',
  'score.f.cartsMade': 'Carts made',
  'score.f.cartsMoved': 'Carts moved to another channel',
  'score.f.movedPct': 'Moved (%)',
  'score.f.carts': 'Carts',
  'score.f.conversations': 'Conversations',
  'score.f.linked': 'Linked to a profile',
  'score.f.linkedPct': 'Linked (%)',
  'score.f.multiChannel': 'On more than one channel kind',
  'score.f.kindsInUse': 'Channel kinds in use',
  'score.f.activeCampaigns': 'Active campaigns',
  'score.f.everyChannel': 'Valid on every channel',
  'score.f.narrowed': 'Narrowed to some channels',
  'score.f.campaigns': 'Campaigns valid here',
  'score.f.earning': 'Channels earning points',
  'score.f.used': 'Channels where the wallet was used',
  'score.f.programmeOn': 'Programme on (1 = yes)',
  'score.f.pointsPerUnit': 'Points per unit',
  'score.f.earned': 'Points earned',
  'score.f.redeemed': 'Redeemed',
  'score.f.entries': 'Wallet entries',
  'score.f.onlineOrders': 'Webshop and app orders',
  'score.f.clickCollect': 'Click & collect orders',
  'score.f.clickCollectPct': 'Click & collect (%)',
  'score.f.returns': 'Returns',
  'score.f.elsewhere': 'Returned on another channel',
  'score.f.elsewherePct': 'On another channel (%)',
  'score.v.live': 'live from the hub',
  'score.v.none': 'no sync',
  'score.v.connection': 'channel sync',
  'score.v.audit_fresh': 'recent',
  'score.v.audit_stale': 'too old: unknown',
  'score.v.audit_none': 'none yet: unknown',
  'score.v.audit_failing': 'channel not readable',
  'score.kind.order': 'Order',
  'score.kind.event': 'Event',
  'score.kind.cart': 'Cart',
  'score.kind.conversation': 'Conversation',
  'score.kind.campaign': 'Campaign',
  'score.kind.connection': 'Sync',
  'score.kind.drift': 'Drifted item',
  'score.advisor.title': 'Advisor: what to integrate next',
  'score.advisor.hint':
    'Tell the hub about your business; with the score above it says which channels and capabilities to add next, and why.',
  'score.advisor.commerceType': 'Type of commerce',
  'score.advisor.customerHabits': 'How your customers shop',
  'score.advisor.loyalty': 'How often customers come back',
  'score.advisor.annualOrders': 'Orders a year (all channels)',
  'score.advisor.yearsInBusiness': 'Years in business',
  'score.advisor.goals': 'Goals',
  'score.advisor.save': 'Save and advise',
  'score.advisor.saved': 'Your answers are saved.',
  'score.advisor.advice': 'Integrate next',
  'score.advisor.priority': 'priority {priority}',
  'score.advisor.nothing': 'Nothing stands out: every dimension is measured well for a business like yours.',
  'score.advisor.fillIn': 'Fill in and save the form to get advice.',
  'score.commerce.fashion': 'Fashion and shoes',
  'score.commerce.grocery': 'Grocery',
  'score.commerce.electronics': 'Electronics',
  'score.commerce.home': 'Home and furniture',
  'score.commerce.beauty': 'Beauty and health',
  'score.commerce.sports': 'Sports and outdoor',
  'score.commerce.b2b': 'Business to business',
  'score.commerce.other': 'Other',
  'score.habits.digital_first': 'Mostly online and on their phones',
  'score.habits.mixed': 'Both online and in stores',
  'score.habits.store_first': 'Mostly in stores',
  'score.loyalty.low': 'Rarely (one-off purchases)',
  'score.loyalty.medium': 'Now and then',
  'score.loyalty.high': 'Often (regulars)',
  'score.goal.grow_online': 'Grow online sales',
  'score.goal.store_traffic': 'More visits to the stores',
  'score.goal.retention': 'Keep customers coming back',
  'score.goal.new_customers': 'Reach new customers',
  'score.goal.efficiency': 'Less manual work',
  'score.goal.service': 'Better customer service',
  'score.rec.web': 'Open a webshop',
  'score.rec.mobile_app': 'Launch an app',
  'score.rec.store': 'Open a store or showroom',
  'score.rec.marketplace': 'Sell on a marketplace',
  'score.rec.social': 'Open a social shop',
  'score.rec.messaging': 'Add chat or WhatsApp',
  'score.rec.identity': 'Recognise customers on every channel',
  'score.rec.sync': 'Sync stock, prices and listings everywhere',
  'score.rec.handoffs': 'Hand carts over between channels',
  'score.rec.unified_inbox': 'Put conversations on the customer timeline',
  'score.rec.omni_campaigns': 'Run campaigns on every channel',
  'score.rec.loyalty_everywhere': 'Loyalty on every channel',
  'score.rec.click_collect': 'Click & collect',
  'score.rec.return_anywhere': 'Return anywhere',
  'score.rule.no_webshop':
    'Customers look a shop up online before they visit; click & collect and hand-offs need a webshop.',
  'score.rule.loyal_customers_app':
    'Frequent, loyal customers open an app more than a website; it carries their wallet and pickup codes.',
  'score.rule.showroom_for_touch_goods':
    'Goods people want to see and try sell better with a place to do it; a store also takes pickups and returns.',
  'score.rule.reach_on_marketplaces':
    'Marketplaces bring shoppers who do not know the brand yet; the hub keeps their stock and prices in step.',
  'score.rule.social_for_digital_customers':
    'Digital-first customers discover products on social media; a social shop lets them buy where they look.',
  'score.rule.young_business_focus':
    'A young or small business does best mastering a few channels before adding a marketplace.',
  'score.rule.young_business_no_app':
    'An app pays off with many returning customers; a young or small business has too few yet.',
  'score.rule.messaging_for_service':
    'Customers expect to ask questions on chat or WhatsApp, not only email; the inbox keeps them on one timeline.',
  'score.rule.unknown_customers':
    'Too few orders and visits are tied to a known customer: nothing else can follow them across channels.',
  'score.rule.retention_needs_identity':
    'Keeping customers starts with recognising them on every channel (sign-in, loyalty card, email at the till).',
  'score.rule.channels_out_of_sync':
    'Some channels sell with stock, prices or listings the hub has not pushed: oversold items and wrong prices.',
  'score.rule.click_collect_for_stores':
    'Stores and a webshop are there, but few orders are collected in store: it saves shipping and brings visits.',
  'score.rule.click_collect_store_traffic':
    'Pickups bring customers into the store, where many buy something more.',
  'score.rule.grocery_click_collect':
    'Grocery shoppers favour collecting a basket on their way home over waiting for a delivery slot.',
  'score.rule.return_anywhere_for_stores':
    'Online orders are hardly ever returned in a store: easy returns raise what people dare to buy online.',
  'score.rule.fashion_returns':
    'Fashion has the most returns; a return in store is often an exchange instead of a refund.',
  'score.rule.handoffs_for_mixed_customers':
    'Customers who browse online and buy in store (or the other way round) should find their cart there.',
  'score.rule.loyalty_not_everywhere':
    'Points that work on one channel only teach loyal customers to stay on it; earn and spend everywhere.',
  'score.rule.conversations_off_timeline':
    'Conversations not linked to a customer leave agents without the orders and history behind a question.',
  'score.rule.campaigns_on_some_channels':
    'A promotion that works online but not in store (or the reverse) disappoints customers who see it.',
  'score.rule.efficiency_automation': 'Synced stock and prices save keeping each channel up to date by hand.',
} as const;
export type ScoreKey = keyof typeof scoreEn;
