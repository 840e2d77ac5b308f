// The admin's omnichannel score page (every dimension explained: what it measures, how it is
// computed, the evidence and the next step) and its advisor, in the five languages. Merged into the
// main catalogs (index.tsx).
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
    '100 × the sum over selling channels ÷ their number. A channel the hub serves itself counts 1. A connected channel counts ⅓ per kind pushed (stock, price, listing) times its health: 0 when paused or disabled, minus ½ when it lags over 15 minutes, minus ¼ with parked items. An unconnected marketplace or shop counts 0.',
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
  'score.kind.order': 'Order',
  'score.kind.event': 'Event',
  'score.kind.cart': 'Cart',
  'score.kind.conversation': 'Conversation',
  'score.kind.campaign': 'Campaign',
  'score.kind.connection': 'Sync',
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

export const scoreEs: Record<ScoreKey, string> = {
  'nav.score': 'Puntuación omnicanal',
  'score.title': 'Puntuación omnicanal',
  'score.hint':
    '¿Eres omnicanal o multicanal? Cada dimensión se mide con los datos del hub en el periodo elegido, con las cifras y los registros que la sustentan y un siguiente paso.',
  'score.window': 'Periodo medido',
  'score.days': 'Últimos {days} días',
  'score.overall': 'Total: {score} / 100',
  'score.overallHow': 'La media de las ocho dimensiones siguientes.',
  'score.outOf': '{score} / 100',
  'score.formula': 'Cómo se calcula:',
  'score.evidence': 'Evidencia',
  'score.perChannel': 'Por canal',
  'score.channel': 'Canal',
  'score.sample': 'Registros detrás de las cifras',
  'score.next': 'Siguiente paso:',
  'score.dim.identity.title': 'Clientes conocidos',
  'score.dim.identity.what':
    'La proporción de pedidos y de eventos (visitas, vistas, mensajes) vinculados a un perfil de cliente conocido, por canal: solo a un cliente conocido se le puede seguir entre canales.',
  'score.dim.identity.formula':
    '100 × la media de (pedidos con cliente ÷ pedidos) y (eventos en un perfil conocido ÷ eventos), todos los canales juntos. Un perfil es conocido si tiene email, teléfono, id de usuario o tarjeta de fidelidad.',
  'score.dim.sync.title': 'Canales sincronizados',
  'score.dim.sync.what':
    'Si cada canal de venta vende con el stock, los precios y los listados del hub: la tienda web, la app y las tiendas los leen en vivo; los marketplaces y otras tiendas necesitan una sincronización activa y sin retraso.',
  'score.dim.sync.formula':
    '100 × la suma sobre los canales de venta ÷ su número. Un canal que sirve el propio hub cuenta 1. Un canal conectado cuenta ⅓ por tipo enviado (stock, precio, listado) por su salud: 0 en pausa o desactivado, menos ½ con más de 15 minutos de retraso, menos ¼ con elementos aparcados. Un marketplace o tienda sin conexión cuenta 0.',
  'score.dim.handoffs.title': 'Carritos entre canales',
  'score.dim.handoffs.what':
    'Carritos que pasaron de un canal a otro (un carrito web abierto en caja con su código, un carrito de la app continuado en la web): los clientes siguen donde lo dejaron.',
  'score.dim.handoffs.formula':
    '0 si ningún carrito cambió de canal; si no, 50 + 50 × min(1, (carritos movidos ÷ carritos creados) ÷ 5 %): todo uso cuenta, la nota máxima cuando uno de cada veinte cruza.',
  'score.dim.conversations.title': 'Conversaciones en la cronología',
  'score.dim.conversations.what':
    'Conversaciones de la bandeja vinculadas a un perfil de cliente, para que estén en su única cronología con pedidos y visitas, y los tipos de canal en los que escriben los clientes.',
  'score.dim.conversations.formula':
    '70 × conversaciones vinculadas a un perfil ÷ conversaciones + 30 × min(1, tipos de canal en uso ÷ 3); 0 sin conversaciones.',
  'score.dim.campaigns.title': 'Campañas en todos los canales',
  'score.dim.campaigns.what':
    'Promociones activas válidas en todos los canales de venta, para que quien vea una oferta pueda usarla donde compre.',
  'score.dim.campaigns.formula':
    '100 × campañas activas válidas en todos los canales de venta ÷ campañas activas; 0 sin campañas activas.',
  'score.dim.loyalty.title': 'Fidelización en todas partes',
  'score.dim.loyalty.what':
    'Si los clientes ganan puntos en todos los canales de venta y usan de verdad su monedero (puntos, tarjetas regalo, saldo) en ellos.',
  'score.dim.loyalty.formula':
    '60 × canales de venta donde se ganan puntos ÷ canales de venta + 40 × canales de venta donde se usó el monedero en el periodo ÷ canales de venta.',
  'score.dim.click_collect.title': 'Click & collect en uso',
  'score.dim.click_collect.what':
    'Pedidos hechos online y recogidos en tienda: la tienda pasa a formar parte de la venta online.',
  'score.dim.click_collect.formula':
    '0 sin pedidos click & collect; si no, 50 + 50 × min(1, (pedidos click & collect ÷ pedidos de web y app) ÷ 10 %).',
  'score.dim.return_anywhere.title': 'Devolución en cualquier canal',
  'score.dim.return_anywhere.what':
    'Devoluciones hechas en otro canal que el de la venta (un pedido online devuelto en tienda): no se manda al cliente al lugar de compra.',
  'score.dim.return_anywhere.formula':
    '0 sin devoluciones en otro canal que el de la venta; si no, 50 + 50 × min(1, (esas devoluciones ÷ devoluciones) ÷ 10 %).',
  'score.next.keep_going': 'Bien medido: sigue así y vigila si las cifras bajan.',
  'score.next.identify_customers':
    'Pide un email o la tarjeta de fidelidad en caja, ofrece iniciar sesión en la web y la app y envía llamadas identify desde cada fuente. Más débiles: {channels}.',
  'score.next.connect_sync':
    'Conecta una sincronización de canal (stock, precios y listados) para {channels}.',
  'score.next.resume_sync':
    'Reanuda la sincronización en pausa o desactivada de {channels}, tras corregir sus credenciales.',
  'score.next.fix_sync':
    'La sincronización de {channels} va con retraso o aparca elementos: revisa sus fallos y reenvíalos.',
  'score.next.cover_sync': 'Envía stock, precios y listados a {channels}.',
  'score.next.use_handoffs':
    'Muestra el código de traspaso del carrito (QR) en la web y la app, y deja que las cajas abran un carrito con él.',
  'score.next.connect_inbox':
    'Conecta email, chat o WhatsApp a la bandeja para que las conversaciones lleguen a la cronología única.',
  'score.next.link_conversations':
    'Vincula las conversaciones a perfiles de cliente (por email o teléfono, o a mano en la bandeja) y añade un segundo tipo de canal.',
  'score.next.create_campaign': 'Crea una campaña válida en todos los canales.',
  'score.next.widen_campaigns':
    'Abre a todos los canales, donde tenga sentido, las campañas limitadas a algunos.',
  'score.next.enable_loyalty': 'Activa el programa de fidelización.',
  'score.next.earn_everywhere': 'Deja que los clientes ganen puntos en {channels}.',
  'score.next.promote_wallet':
    'Promociona el monedero (puntos, tarjetas regalo, saldo) en {channels}, donde nadie lo ha usado aún.',
  'score.next.offer_click_collect': 'Ofrece click & collect en la web y la app, con recogida en tienda.',
  'score.next.accept_returns_anywhere': 'Acepta devoluciones de pedidos online en las cajas de tienda.',
  'score.f.orders': 'Pedidos',
  'score.f.ordersKnown': 'Pedidos con cliente',
  'score.f.ordersKnownPct': 'Pedidos con cliente (%)',
  'score.f.events': 'Eventos',
  'score.f.eventsKnown': 'Eventos en un perfil conocido',
  'score.f.eventsKnownPct': 'Eventos en un perfil conocido (%)',
  'score.f.sellingChannels': 'Canales de venta',
  'score.f.live': 'Servidos en vivo por el hub',
  'score.f.connected': 'Con sincronización',
  'score.f.unconnected': 'Sin sincronización',
  'score.f.paused': 'En pausa o desactivados',
  'score.f.mode': 'Cómo recibe los datos',
  'score.f.value': 'Cuenta (%)',
  'score.f.push': 'Enviado',
  'score.f.status': 'Estado',
  'score.f.lagSeconds': 'Retraso (s)',
  'score.f.queueDepth': 'En cola',
  'score.f.failed': 'Fallidos',
  'score.f.deadLettered': 'Aparcados',
  'score.f.lastPushedAt': 'Último envío',
  'score.f.cartsMade': 'Carritos creados',
  'score.f.cartsMoved': 'Carritos movidos a otro canal',
  'score.f.movedPct': 'Movidos (%)',
  'score.f.carts': 'Carritos',
  'score.f.conversations': 'Conversaciones',
  'score.f.linked': 'Vinculadas a un perfil',
  'score.f.linkedPct': 'Vinculadas (%)',
  'score.f.multiChannel': 'En más de un tipo de canal',
  'score.f.kindsInUse': 'Tipos de canal en uso',
  'score.f.activeCampaigns': 'Campañas activas',
  'score.f.everyChannel': 'Válidas en todos los canales',
  'score.f.narrowed': 'Limitadas a algunos canales',
  'score.f.campaigns': 'Campañas válidas aquí',
  'score.f.earning': 'Canales que dan puntos',
  'score.f.used': 'Canales donde se usó el monedero',
  'score.f.programmeOn': 'Programa activo (1 = sí)',
  'score.f.pointsPerUnit': 'Puntos por unidad',
  'score.f.earned': 'Puntos ganados',
  'score.f.redeemed': 'Canjeados',
  'score.f.entries': 'Movimientos del monedero',
  'score.f.onlineOrders': 'Pedidos de web y app',
  'score.f.clickCollect': 'Pedidos click & collect',
  'score.f.clickCollectPct': 'Click & collect (%)',
  'score.f.returns': 'Devoluciones',
  'score.f.elsewhere': 'Devueltas en otro canal',
  'score.f.elsewherePct': 'En otro canal (%)',
  'score.v.live': 'en vivo desde el hub',
  'score.v.none': 'sin sincronización',
  'score.v.connection': 'sincronización',
  'score.kind.order': 'Pedido',
  'score.kind.event': 'Evento',
  'score.kind.cart': 'Carrito',
  'score.kind.conversation': 'Conversación',
  'score.kind.campaign': 'Campaña',
  'score.kind.connection': 'Sincronización',
  'score.advisor.title': 'Asesor: qué integrar a continuación',
  'score.advisor.hint':
    'Cuéntale al hub cómo es tu negocio; con la puntuación de arriba te dice qué canales y capacidades añadir y por qué.',
  'score.advisor.commerceType': 'Tipo de comercio',
  'score.advisor.customerHabits': 'Cómo compran tus clientes',
  'score.advisor.loyalty': 'Con qué frecuencia vuelven los clientes',
  'score.advisor.annualOrders': 'Pedidos al año (todos los canales)',
  'score.advisor.yearsInBusiness': 'Años en el negocio',
  'score.advisor.goals': 'Objetivos',
  'score.advisor.save': 'Guardar y aconsejar',
  'score.advisor.saved': 'Tus respuestas se han guardado.',
  'score.advisor.advice': 'Integrar a continuación',
  'score.advisor.priority': 'prioridad {priority}',
  'score.advisor.nothing': 'Nada destaca: todas las dimensiones están bien para un negocio como el tuyo.',
  'score.advisor.fillIn': 'Rellena y guarda el formulario para recibir consejos.',
  'score.commerce.fashion': 'Moda y calzado',
  'score.commerce.grocery': 'Alimentación',
  'score.commerce.electronics': 'Electrónica',
  'score.commerce.home': 'Hogar y muebles',
  'score.commerce.beauty': 'Belleza y salud',
  'score.commerce.sports': 'Deporte y aire libre',
  'score.commerce.b2b': 'Entre empresas (B2B)',
  'score.commerce.other': 'Otro',
  'score.habits.digital_first': 'Sobre todo online y desde el móvil',
  'score.habits.mixed': 'Tanto online como en tienda',
  'score.habits.store_first': 'Sobre todo en tienda',
  'score.loyalty.low': 'Rara vez (compras puntuales)',
  'score.loyalty.medium': 'De vez en cuando',
  'score.loyalty.high': 'A menudo (habituales)',
  'score.goal.grow_online': 'Crecer en ventas online',
  'score.goal.store_traffic': 'Más visitas a las tiendas',
  'score.goal.retention': 'Que los clientes vuelvan',
  'score.goal.new_customers': 'Llegar a nuevos clientes',
  'score.goal.efficiency': 'Menos trabajo manual',
  'score.goal.service': 'Mejor atención al cliente',
  'score.rec.web': 'Abrir una tienda web',
  'score.rec.mobile_app': 'Lanzar una app',
  'score.rec.store': 'Abrir una tienda o showroom',
  'score.rec.marketplace': 'Vender en un marketplace',
  'score.rec.social': 'Abrir una tienda en redes sociales',
  'score.rec.messaging': 'Añadir chat o WhatsApp',
  'score.rec.identity': 'Reconocer a los clientes en todos los canales',
  'score.rec.sync': 'Sincronizar stock, precios y listados en todas partes',
  'score.rec.handoffs': 'Traspasar carritos entre canales',
  'score.rec.unified_inbox': 'Llevar las conversaciones a la cronología del cliente',
  'score.rec.omni_campaigns': 'Campañas en todos los canales',
  'score.rec.loyalty_everywhere': 'Fidelización en todos los canales',
  'score.rec.click_collect': 'Click & collect',
  'score.rec.return_anywhere': 'Devolución en cualquier canal',
  'score.rule.no_webshop':
    'Los clientes buscan la tienda online antes de ir; click & collect y los traspasos necesitan una tienda web.',
  'score.rule.loyal_customers_app':
    'Los clientes fieles y frecuentes abren más una app que una web; lleva su monedero y códigos de recogida.',
  'score.rule.showroom_for_touch_goods':
    'Lo que la gente quiere ver y probar se vende mejor con un lugar para hacerlo; una tienda también gestiona recogidas y devoluciones.',
  'score.rule.reach_on_marketplaces':
    'Los marketplaces traen compradores que aún no conocen la marca; el hub mantiene al día su stock y precios.',
  'score.rule.social_for_digital_customers':
    'Los clientes digitales descubren productos en redes sociales; una tienda social les deja comprar donde miran.',
  'score.rule.young_business_focus':
    'A un negocio joven o pequeño le va mejor dominar pocos canales antes de añadir un marketplace.',
  'score.rule.young_business_no_app':
    'Una app compensa con muchos clientes recurrentes; un negocio joven o pequeño aún tiene pocos.',
  'score.rule.messaging_for_service':
    'Los clientes esperan preguntar por chat o WhatsApp, no solo por email; la bandeja los mantiene en una cronología.',
  'score.rule.unknown_customers':
    'Muy pocos pedidos y visitas están vinculados a un cliente conocido: nada más puede seguirlos entre canales.',
  'score.rule.retention_needs_identity':
    'Retener clientes empieza por reconocerlos en todos los canales (inicio de sesión, tarjeta, email en caja).',
  'score.rule.channels_out_of_sync':
    'Algunos canales venden con stock, precios o listados que el hub no ha enviado: sobreventas y precios erróneos.',
  'score.rule.click_collect_for_stores':
    'Hay tiendas y tienda web, pero pocos pedidos se recogen en tienda: ahorra envíos y trae visitas.',
  'score.rule.click_collect_store_traffic':
    'Las recogidas traen clientes a la tienda, donde muchos compran algo más.',
  'score.rule.grocery_click_collect':
    'En alimentación se prefiere recoger la compra de camino a casa a esperar una franja de entrega.',
  'score.rule.return_anywhere_for_stores':
    'Los pedidos online casi nunca se devuelven en tienda: devolver fácil aumenta lo que se atreven a comprar online.',
  'score.rule.fashion_returns':
    'La moda tiene más devoluciones; una devolución en tienda suele ser un cambio en vez de un reembolso.',
  'score.rule.handoffs_for_mixed_customers':
    'Los clientes que miran online y compran en tienda (o al revés) deberían encontrar allí su carrito.',
  'score.rule.loyalty_not_everywhere':
    'Los puntos que sirven en un solo canal enseñan a los fieles a quedarse en él; ganar y gastar en todas partes.',
  'score.rule.conversations_off_timeline':
    'Las conversaciones sin cliente vinculado dejan a los agentes sin los pedidos ni el historial detrás de una pregunta.',
  'score.rule.campaigns_on_some_channels':
    'Una promoción que vale online pero no en tienda (o al revés) decepciona a quien la ve.',
  'score.rule.efficiency_automation': 'Sincronizar stock y precios ahorra actualizar cada canal a mano.',
};

export const scoreSv: Record<ScoreKey, string> = {
  'nav.score': 'Omnikanalpoäng',
  'score.title': 'Omnikanalpoäng',
  'score.hint':
    'Är du omnikanal eller flerkanal? Varje dimension mäts på hubbens egna data under vald period, med siffrorna och posterna bakom och ett nästa steg.',
  'score.window': 'Period som mäts',
  'score.days': 'Senaste {days} dagarna',
  'score.overall': 'Totalt: {score} / 100',
  'score.overallHow': 'Medelvärdet av de åtta dimensionerna nedan.',
  'score.outOf': '{score} / 100',
  'score.formula': 'Så beräknas den:',
  'score.evidence': 'Underlag',
  'score.perChannel': 'Per kanal',
  'score.channel': 'Kanal',
  'score.sample': 'Poster bakom siffrorna',
  'score.next': 'Nästa steg:',
  'score.dim.identity.title': 'Kända kunder',
  'score.dim.identity.what':
    'Andelen ordrar och händelser (besök, visningar, meddelanden) som hör till en känd kundprofil, per kanal: bara en känd kund kan följas mellan kanaler.',
  'score.dim.identity.formula':
    '100 × medelvärdet av (ordrar med kund ÷ ordrar) och (händelser på känd profil ÷ händelser), alla kanaler tillsammans. En profil är känd när den har e-post, telefon, användar-id eller kundkort.',
  'score.dim.sync.title': 'Kanaler i synk',
  'score.dim.sync.what':
    'Om varje säljkanal säljer med hubbens lager, priser och listningar: webbutiken, appen och butikerna läser dem direkt; marknadsplatser och andra butiker behöver en kanalsynk som skickar dem, aktiv och utan fördröjning.',
  'score.dim.sync.formula':
    '100 × summan över säljkanalerna ÷ deras antal. En kanal som hubben själv betjänar räknas som 1. En ansluten kanal räknas ⅓ per typ som skickas (lager, pris, listning) gånger dess hälsa: 0 när pausad eller avstängd, minus ½ vid mer än 15 minuters fördröjning, minus ¼ med parkerade poster. En oansluten marknadsplats eller butik räknas 0.',
  'score.dim.handoffs.title': 'Varukorgar mellan kanaler',
  'score.dim.handoffs.what':
    'Varukorgar som flyttat från en kanal till en annan (en webbkorg öppnad i kassan med sin kod, en appkorg som fortsatt på webben): kunderna fortsätter där de slutade.',
  'score.dim.handoffs.formula':
    '0 när ingen varukorg bytt kanal; annars 50 + 50 × min(1, (flyttade korgar ÷ skapade korgar) ÷ 5 %): all användning räknas, full pott när var tjugonde korg byter.',
  'score.dim.conversations.title': 'Konversationer på tidslinjen',
  'score.dim.conversations.what':
    'Inkorgens konversationer kopplade till en kundprofil, så att de ligger på kundens enda tidslinje med ordrar och besök, och de kanaltyper kunderna skriver på.',
  'score.dim.conversations.formula':
    '70 × konversationer kopplade till en profil ÷ konversationer + 30 × min(1, kanaltyper i bruk ÷ 3); 0 utan konversationer.',
  'score.dim.campaigns.title': 'Kampanjer i alla kanaler',
  'score.dim.campaigns.what':
    'Aktiva kampanjer som gäller i alla säljkanaler, så att en kund som ser ett erbjudande kan använda det var den än handlar.',
  'score.dim.campaigns.formula':
    '100 × aktiva kampanjer som gäller i alla säljkanaler ÷ aktiva kampanjer; 0 utan aktiva kampanjer.',
  'score.dim.loyalty.title': 'Lojalitet överallt',
  'score.dim.loyalty.what':
    'Om kunderna tjänar poäng i alla säljkanaler och faktiskt använder sin plånbok (poäng, presentkort, tillgodo) där.',
  'score.dim.loyalty.formula':
    '60 × säljkanaler där poäng tjänas ÷ säljkanaler + 40 × säljkanaler där plånboken användes under perioden ÷ säljkanaler.',
  'score.dim.click_collect.title': 'Klicka och hämta i bruk',
  'score.dim.click_collect.what':
    'Ordrar lagda online och hämtade i butik: butiken blir en del av onlineförsäljningen.',
  'score.dim.click_collect.formula':
    '0 utan klicka-och-hämta-ordrar; annars 50 + 50 × min(1, (klicka-och-hämta-ordrar ÷ webb- och appordrar) ÷ 10 %).',
  'score.dim.return_anywhere.title': 'Returnera var som helst',
  'score.dim.return_anywhere.what':
    'Returer gjorda i en annan kanal än köpet (en onlineorder tillbaka i butik): kunden skickas inte tillbaka dit den köpte.',
  'score.dim.return_anywhere.formula':
    '0 utan returer i en annan kanal än köpet; annars 50 + 50 × min(1, (sådana returer ÷ returer) ÷ 10 %).',
  'score.next.keep_going': 'Bra resultat: fortsätt så och håll koll på om siffrorna sjunker.',
  'score.next.identify_customers':
    'Be om e-post eller kundkort i kassan, erbjud inloggning i webbutiken och appen och skicka identify-anrop från varje källa. Svagast: {channels}.',
  'score.next.connect_sync': 'Anslut en kanalsynk (lager, priser och listningar) för {channels}.',
  'score.next.resume_sync':
    'Återuppta den pausade eller avstängda synken för {channels}, efter att ha rättat dess inloggningsuppgifter.',
  'score.next.fix_sync':
    'Synken för {channels} släpar eller parkerar poster: se över felen och skicka om dem.',
  'score.next.cover_sync': 'Skicka både lager, priser och listningar till {channels}.',
  'score.next.use_handoffs':
    'Visa varukorgens överlämningskod (QR) i webbutiken och appen, och låt kassorna öppna en korg med den.',
  'score.next.connect_inbox':
    'Anslut e-post, chatt eller WhatsApp till inkorgen så att konversationerna hamnar på den gemensamma tidslinjen.',
  'score.next.link_conversations':
    'Koppla konversationer till kundprofiler (via e-post eller telefon, eller för hand i inkorgen) och lägg till en andra kanaltyp.',
  'score.next.create_campaign': 'Skapa en kampanj som gäller i alla kanaler.',
  'score.next.widen_campaigns':
    'Öppna kampanjerna som är begränsade till vissa kanaler för alla kanaler där det är rimligt.',
  'score.next.enable_loyalty': 'Slå på lojalitetsprogrammet.',
  'score.next.earn_everywhere': 'Låt kunderna tjäna poäng på {channels}.',
  'score.next.promote_wallet':
    'Marknadsför plånboken (poäng, presentkort, tillgodo) på {channels}, där ingen har använt den än.',
  'score.next.offer_click_collect':
    'Erbjud klicka och hämta i webbutiken och appen, med upphämtning i butik.',
  'score.next.accept_returns_anywhere': 'Ta emot returer av onlineordrar i butikskassorna.',
  'score.f.orders': 'Ordrar',
  'score.f.ordersKnown': 'Ordrar med kund',
  'score.f.ordersKnownPct': 'Ordrar med kund (%)',
  'score.f.events': 'Händelser',
  'score.f.eventsKnown': 'Händelser på känd profil',
  'score.f.eventsKnownPct': 'Händelser på känd profil (%)',
  'score.f.sellingChannels': 'Säljkanaler',
  'score.f.live': 'Betjänas direkt av hubben',
  'score.f.connected': 'Med kanalsynk',
  'score.f.unconnected': 'Utan synk',
  'score.f.paused': 'Pausade eller avstängda',
  'score.f.mode': 'Hur den får data',
  'score.f.value': 'Räknas (%)',
  'score.f.push': 'Skickas',
  'score.f.status': 'Status',
  'score.f.lagSeconds': 'Fördröjning (s)',
  'score.f.queueDepth': 'I kö',
  'score.f.failed': 'Misslyckade',
  'score.f.deadLettered': 'Parkerade',
  'score.f.lastPushedAt': 'Senast skickat',
  'score.f.cartsMade': 'Skapade korgar',
  'score.f.cartsMoved': 'Korgar flyttade till annan kanal',
  'score.f.movedPct': 'Flyttade (%)',
  'score.f.carts': 'Korgar',
  'score.f.conversations': 'Konversationer',
  'score.f.linked': 'Kopplade till profil',
  'score.f.linkedPct': 'Kopplade (%)',
  'score.f.multiChannel': 'På fler än en kanaltyp',
  'score.f.kindsInUse': 'Kanaltyper i bruk',
  'score.f.activeCampaigns': 'Aktiva kampanjer',
  'score.f.everyChannel': 'Gäller i alla kanaler',
  'score.f.narrowed': 'Begränsade till vissa kanaler',
  'score.f.campaigns': 'Kampanjer som gäller här',
  'score.f.earning': 'Kanaler som ger poäng',
  'score.f.used': 'Kanaler där plånboken användes',
  'score.f.programmeOn': 'Programmet på (1 = ja)',
  'score.f.pointsPerUnit': 'Poäng per enhet',
  'score.f.earned': 'Intjänade poäng',
  'score.f.redeemed': 'Inlösta',
  'score.f.entries': 'Plånboksposter',
  'score.f.onlineOrders': 'Webb- och appordrar',
  'score.f.clickCollect': 'Klicka-och-hämta-ordrar',
  'score.f.clickCollectPct': 'Klicka och hämta (%)',
  'score.f.returns': 'Returer',
  'score.f.elsewhere': 'Returnerade i annan kanal',
  'score.f.elsewherePct': 'I annan kanal (%)',
  'score.v.live': 'direkt från hubben',
  'score.v.none': 'ingen synk',
  'score.v.connection': 'kanalsynk',
  'score.kind.order': 'Order',
  'score.kind.event': 'Händelse',
  'score.kind.cart': 'Varukorg',
  'score.kind.conversation': 'Konversation',
  'score.kind.campaign': 'Kampanj',
  'score.kind.connection': 'Synk',
  'score.advisor.title': 'Rådgivare: vad ni bör integrera härnäst',
  'score.advisor.hint':
    'Berätta för hubben om er verksamhet; med poängen ovan säger den vilka kanaler och funktioner ni bör lägga till härnäst, och varför.',
  'score.advisor.commerceType': 'Typ av handel',
  'score.advisor.customerHabits': 'Hur era kunder handlar',
  'score.advisor.loyalty': 'Hur ofta kunderna kommer tillbaka',
  'score.advisor.annualOrders': 'Ordrar per år (alla kanaler)',
  'score.advisor.yearsInBusiness': 'År i branschen',
  'score.advisor.goals': 'Mål',
  'score.advisor.save': 'Spara och ge råd',
  'score.advisor.saved': 'Era svar är sparade.',
  'score.advisor.advice': 'Integrera härnäst',
  'score.advisor.priority': 'prioritet {priority}',
  'score.advisor.nothing': 'Inget sticker ut: alla dimensioner mäts väl för en verksamhet som er.',
  'score.advisor.fillIn': 'Fyll i och spara formuläret för att få råd.',
  'score.commerce.fashion': 'Mode och skor',
  'score.commerce.grocery': 'Dagligvaror',
  'score.commerce.electronics': 'Elektronik',
  'score.commerce.home': 'Hem och möbler',
  'score.commerce.beauty': 'Skönhet och hälsa',
  'score.commerce.sports': 'Sport och friluftsliv',
  'score.commerce.b2b': 'Företag till företag',
  'score.commerce.other': 'Annat',
  'score.habits.digital_first': 'Mest online och i mobilen',
  'score.habits.mixed': 'Både online och i butik',
  'score.habits.store_first': 'Mest i butik',
  'score.loyalty.low': 'Sällan (enstaka köp)',
  'score.loyalty.medium': 'Då och då',
  'score.loyalty.high': 'Ofta (stamkunder)',
  'score.goal.grow_online': 'Öka onlineförsäljningen',
  'score.goal.store_traffic': 'Fler besök i butikerna',
  'score.goal.retention': 'Få kunderna att komma tillbaka',
  'score.goal.new_customers': 'Nå nya kunder',
  'score.goal.efficiency': 'Mindre manuellt arbete',
  'score.goal.service': 'Bättre kundservice',
  'score.rec.web': 'Öppna en webbutik',
  'score.rec.mobile_app': 'Lansera en app',
  'score.rec.store': 'Öppna en butik eller showroom',
  'score.rec.marketplace': 'Sälj på en marknadsplats',
  'score.rec.social': 'Öppna en butik i sociala medier',
  'score.rec.messaging': 'Lägg till chatt eller WhatsApp',
  'score.rec.identity': 'Känn igen kunderna i alla kanaler',
  'score.rec.sync': 'Synka lager, priser och listningar överallt',
  'score.rec.handoffs': 'Lämna över varukorgar mellan kanaler',
  'score.rec.unified_inbox': 'Lägg konversationerna på kundens tidslinje',
  'score.rec.omni_campaigns': 'Kör kampanjer i alla kanaler',
  'score.rec.loyalty_everywhere': 'Lojalitet i alla kanaler',
  'score.rec.click_collect': 'Klicka och hämta',
  'score.rec.return_anywhere': 'Returnera var som helst',
  'score.rule.no_webshop':
    'Kunder söker upp butiken online innan de besöker den; klicka och hämta och överlämningar kräver en webbutik.',
  'score.rule.loyal_customers_app':
    'Trogna stamkunder öppnar en app oftare än en webbplats; den bär deras plånbok och hämtkoder.',
  'score.rule.showroom_for_touch_goods':
    'Varor man vill se och prova säljer bättre med en plats att göra det; en butik tar också emot upphämtningar och returer.',
  'score.rule.reach_on_marketplaces':
    'Marknadsplatser ger köpare som inte känner varumärket än; hubben håller lager och priser i takt.',
  'score.rule.social_for_digital_customers':
    'Digitala kunder upptäcker produkter i sociala medier; en social butik låter dem köpa där de tittar.',
  'score.rule.young_business_focus':
    'Ett ungt eller litet företag gör bäst i att bemästra några kanaler innan det lägger till en marknadsplats.',
  'score.rule.young_business_no_app':
    'En app lönar sig med många återkommande kunder; ett ungt eller litet företag har för få än.',
  'score.rule.messaging_for_service':
    'Kunder förväntar sig att kunna fråga via chatt eller WhatsApp, inte bara e-post; inkorgen håller dem på en tidslinje.',
  'score.rule.unknown_customers':
    'För få ordrar och besök hör till en känd kund: inget annat kan följa dem mellan kanaler.',
  'score.rule.retention_needs_identity':
    'Att behålla kunder börjar med att känna igen dem i alla kanaler (inloggning, kundkort, e-post i kassan).',
  'score.rule.channels_out_of_sync':
    'Vissa kanaler säljer med lager, priser eller listningar som hubben inte skickat: översålda varor och fel priser.',
  'score.rule.click_collect_for_stores':
    'Butiker och webbutik finns, men få ordrar hämtas i butik: det sparar frakt och ger besök.',
  'score.rule.click_collect_store_traffic':
    'Upphämtningar tar kunder till butiken, där många köper något mer.',
  'score.rule.grocery_click_collect':
    'Dagligvarukunder hämtar hellre en korg på vägen hem än väntar på en leveranstid.',
  'score.rule.return_anywhere_for_stores':
    'Onlineordrar returneras nästan aldrig i butik: enkla returer ökar vad folk vågar köpa online.',
  'score.rule.fashion_returns':
    'Mode har flest returer; en retur i butik blir ofta ett byte i stället för en återbetalning.',
  'score.rule.handoffs_for_mixed_customers':
    'Kunder som tittar online och köper i butik (eller tvärtom) ska hitta sin varukorg där.',
  'score.rule.loyalty_not_everywhere':
    'Poäng som bara gäller i en kanal lär trogna kunder att stanna där; tjäna och använd överallt.',
  'score.rule.conversations_off_timeline':
    'Konversationer utan kopplad kund lämnar agenterna utan ordrar och historik bakom en fråga.',
  'score.rule.campaigns_on_some_channels':
    'En kampanj som gäller online men inte i butik (eller tvärtom) gör kunderna som ser den besvikna.',
  'score.rule.efficiency_automation':
    'Synkat lager och synkade priser sparar att hålla varje kanal aktuell för hand.',
};

export const scoreBg: Record<ScoreKey, string> = {
  'nav.score': 'Омниканален резултат',
  'score.title': 'Омниканален резултат',
  'score.hint':
    'Омниканални ли сте или многоканални? Всяко измерение се измерва от данните на хъба за избрания период, с цифрите и записите зад него и следваща стъпка.',
  'score.window': 'Измерван период',
  'score.days': 'Последните {days} дни',
  'score.overall': 'Общо: {score} / 100',
  'score.overallHow': 'Средното на осемте измерения по-долу.',
  'score.outOf': '{score} / 100',
  'score.formula': 'Как се изчислява:',
  'score.evidence': 'Доказателства',
  'score.perChannel': 'По канал',
  'score.channel': 'Канал',
  'score.sample': 'Записи зад цифрите',
  'score.next': 'Следваща стъпка:',
  'score.dim.identity.title': 'Познати клиенти',
  'score.dim.identity.what':
    'Делът на поръчките и събитията (посещения, прегледи, съобщения), свързани с познат клиентски профил, по канал: само познат клиент може да бъде проследен между каналите.',
  'score.dim.identity.formula':
    '100 × средното на (поръчки с клиент ÷ поръчки) и (събития на познат профил ÷ събития), за всички канали заедно. Профилът е познат, ако има имейл, телефон, потребителски идентификатор или карта за лоялност.',
  'score.dim.sync.title': 'Синхронизирани канали',
  'score.dim.sync.what':
    'Дали всеки канал за продажби продава с наличностите, цените и обявите на хъба: уеб магазинът, приложението и магазините ги четат на живо; пазарите и другите магазини се нуждаят от активна синхронизация без закъснение.',
  'score.dim.sync.formula':
    '100 × сумата по каналите за продажби ÷ броя им. Канал, обслужван от самия хъб, се брои 1. Свързан канал се брои ⅓ за всеки изпращан вид (наличност, цена, обява) по неговото състояние: 0 при пауза или изключване, минус ½ при закъснение над 15 минути, минус ¼ при паркирани елементи. Несвързан пазар или магазин се брои 0.',
  'score.dim.handoffs.title': 'Колички между канали',
  'score.dim.handoffs.what':
    'Колички, преминали от един канал в друг (количка от уеб магазина, отворена на касата с кода ѝ, количка от приложението, продължена в мрежата): клиентите продължават откъдето са спрели.',
  'score.dim.handoffs.formula':
    '0, ако никоя количка не е сменила канал; иначе 50 + 50 × min(1, (преместени колички ÷ създадени колички) ÷ 5 %): всяко ползване се брои, пълен резултат при една от двайсет.',
  'score.dim.conversations.title': 'Разговори в хронологията',
  'score.dim.conversations.what':
    'Разговори във входящата кутия, свързани с клиентски профил, така че да са в единната му хронология с поръчки и посещения, и видовете канали, по които пишат клиентите.',
  'score.dim.conversations.formula':
    '70 × разговори, свързани с профил ÷ разговори + 30 × min(1, използвани видове канали ÷ 3); 0 без разговори.',
  'score.dim.campaigns.title': 'Кампании във всички канали',
  'score.dim.campaigns.what':
    'Активни промоции, валидни във всички канали за продажби, така че клиент, видял оферта, да може да я използва, където и да пазарува.',
  'score.dim.campaigns.formula':
    '100 × активни кампании, валидни във всички канали за продажби ÷ активни кампании; 0 без активни кампании.',
  'score.dim.loyalty.title': 'Лоялност навсякъде',
  'score.dim.loyalty.what':
    'Дали клиентите печелят точки във всеки канал за продажби и реално използват портфейла си (точки, карти за подарък, кредит) там.',
  'score.dim.loyalty.formula':
    '60 × канали за продажби, в които се печелят точки ÷ канали за продажби + 40 × канали за продажби, в които портфейлът е използван през периода ÷ канали за продажби.',
  'score.dim.click_collect.title': '„Поръчай и вземи“ в употреба',
  'score.dim.click_collect.what':
    'Поръчки, направени онлайн и взети от магазин: магазинът става част от онлайн продажбата.',
  'score.dim.click_collect.formula':
    '0 без поръчки „поръчай и вземи“; иначе 50 + 50 × min(1, (такива поръчки ÷ поръчки от уеб и приложение) ÷ 10 %).',
  'score.dim.return_anywhere.title': 'Връщане навсякъде',
  'score.dim.return_anywhere.what':
    'Връщания в друг канал, различен от продажбата (онлайн поръчка, върната в магазин): клиентите не се връщат там, откъдето са купили.',
  'score.dim.return_anywhere.formula':
    '0 без връщания в друг канал; иначе 50 + 50 × min(1, (такива връщания ÷ връщания) ÷ 10 %).',
  'score.next.keep_going': 'Добър резултат: продължавайте и следете за спад в цифрите.',
  'score.next.identify_customers':
    'Искайте имейл или карта за лоялност на касата, предложете вход в уеб магазина и приложението и изпращайте identify от всеки източник. Най-слаби: {channels}.',
  'score.next.connect_sync': 'Свържете синхронизация на канал (наличности, цени и обяви) за {channels}.',
  'score.next.resume_sync':
    'Възобновете спряната или изключена синхронизация на {channels}, след като поправите данните за достъп.',
  'score.next.fix_sync':
    'Синхронизацията на {channels} изостава или паркира елементи: прегледайте грешките и ги изпратете отново.',
  'score.next.cover_sync': 'Изпращайте наличности, цени и обяви към {channels}.',
  'score.next.use_handoffs':
    'Показвайте кода за прехвърляне на количката (QR) в уеб магазина и приложението и позволете на касите да я отварят с него.',
  'score.next.connect_inbox':
    'Свържете имейл, чат или WhatsApp към входящата кутия, за да влизат разговорите в единната хронология.',
  'score.next.link_conversations':
    'Свържете разговорите с клиентски профили (по имейл или телефон, или ръчно във входящата кутия) и добавете втори вид канал.',
  'score.next.create_campaign': 'Създайте кампания, валидна във всички канали.',
  'score.next.widen_campaigns':
    'Отворете кампаниите, ограничени до някои канали, към всички канали, където има смисъл.',
  'score.next.enable_loyalty': 'Включете програмата за лоялност.',
  'score.next.earn_everywhere': 'Позволете на клиентите да печелят точки в {channels}.',
  'score.next.promote_wallet':
    'Популяризирайте портфейла (точки, карти за подарък, кредит) в {channels}, където още никой не го е ползвал.',
  'score.next.offer_click_collect':
    'Предложете „поръчай и вземи“ в уеб магазина и приложението с вземане от магазин.',
  'score.next.accept_returns_anywhere': 'Приемайте връщане на онлайн поръчки на касите в магазините.',
  'score.f.orders': 'Поръчки',
  'score.f.ordersKnown': 'Поръчки с клиент',
  'score.f.ordersKnownPct': 'Поръчки с клиент (%)',
  'score.f.events': 'Събития',
  'score.f.eventsKnown': 'Събития на познат профил',
  'score.f.eventsKnownPct': 'Събития на познат профил (%)',
  'score.f.sellingChannels': 'Канали за продажби',
  'score.f.live': 'Обслужвани на живо от хъба',
  'score.f.connected': 'Със синхронизация',
  'score.f.unconnected': 'Без синхронизация',
  'score.f.paused': 'Спрени или изключени',
  'score.f.mode': 'Как получава данните',
  'score.f.value': 'Брои се (%)',
  'score.f.push': 'Изпраща се',
  'score.f.status': 'Състояние',
  'score.f.lagSeconds': 'Закъснение (s)',
  'score.f.queueDepth': 'На опашка',
  'score.f.failed': 'Неуспешни',
  'score.f.deadLettered': 'Паркирани',
  'score.f.lastPushedAt': 'Последно изпращане',
  'score.f.cartsMade': 'Създадени колички',
  'score.f.cartsMoved': 'Колички, преместени в друг канал',
  'score.f.movedPct': 'Преместени (%)',
  'score.f.carts': 'Колички',
  'score.f.conversations': 'Разговори',
  'score.f.linked': 'Свързани с профил',
  'score.f.linkedPct': 'Свързани (%)',
  'score.f.multiChannel': 'В повече от един вид канал',
  'score.f.kindsInUse': 'Използвани видове канали',
  'score.f.activeCampaigns': 'Активни кампании',
  'score.f.everyChannel': 'Валидни във всички канали',
  'score.f.narrowed': 'Ограничени до някои канали',
  'score.f.campaigns': 'Кампании, валидни тук',
  'score.f.earning': 'Канали с точки',
  'score.f.used': 'Канали, в които е ползван портфейлът',
  'score.f.programmeOn': 'Програмата е включена (1 = да)',
  'score.f.pointsPerUnit': 'Точки на единица',
  'score.f.earned': 'Спечелени точки',
  'score.f.redeemed': 'Използвани',
  'score.f.entries': 'Записи в портфейла',
  'score.f.onlineOrders': 'Поръчки от уеб и приложение',
  'score.f.clickCollect': 'Поръчки „поръчай и вземи“',
  'score.f.clickCollectPct': '„Поръчай и вземи“ (%)',
  'score.f.returns': 'Връщания',
  'score.f.elsewhere': 'Върнати в друг канал',
  'score.f.elsewherePct': 'В друг канал (%)',
  'score.v.live': 'на живо от хъба',
  'score.v.none': 'без синхронизация',
  'score.v.connection': 'синхронизация',
  'score.kind.order': 'Поръчка',
  'score.kind.event': 'Събитие',
  'score.kind.cart': 'Количка',
  'score.kind.conversation': 'Разговор',
  'score.kind.campaign': 'Кампания',
  'score.kind.connection': 'Синхронизация',
  'score.advisor.title': 'Съветник: какво да интегрирате след това',
  'score.advisor.hint':
    'Разкажете на хъба за бизнеса си; заедно с резултата по-горе той казва кои канали и възможности да добавите и защо.',
  'score.advisor.commerceType': 'Вид търговия',
  'score.advisor.customerHabits': 'Как пазаруват клиентите ви',
  'score.advisor.loyalty': 'Колко често се връщат клиентите',
  'score.advisor.annualOrders': 'Поръчки годишно (всички канали)',
  'score.advisor.yearsInBusiness': 'Години в бизнеса',
  'score.advisor.goals': 'Цели',
  'score.advisor.save': 'Запази и посъветвай',
  'score.advisor.saved': 'Отговорите ви са запазени.',
  'score.advisor.advice': 'Интегрирайте след това',
  'score.advisor.priority': 'приоритет {priority}',
  'score.advisor.nothing': 'Нищо не изпъква: всички измерения са добре за бизнес като вашия.',
  'score.advisor.fillIn': 'Попълнете и запазете формуляра, за да получите съвет.',
  'score.commerce.fashion': 'Мода и обувки',
  'score.commerce.grocery': 'Хранителни стоки',
  'score.commerce.electronics': 'Електроника',
  'score.commerce.home': 'Дом и мебели',
  'score.commerce.beauty': 'Красота и здраве',
  'score.commerce.sports': 'Спорт и туризъм',
  'score.commerce.b2b': 'Бизнес към бизнес',
  'score.commerce.other': 'Друго',
  'score.habits.digital_first': 'Предимно онлайн и от телефона',
  'score.habits.mixed': 'И онлайн, и в магазини',
  'score.habits.store_first': 'Предимно в магазини',
  'score.loyalty.low': 'Рядко (еднократни покупки)',
  'score.loyalty.medium': 'От време на време',
  'score.loyalty.high': 'Често (редовни клиенти)',
  'score.goal.grow_online': 'Ръст на онлайн продажбите',
  'score.goal.store_traffic': 'Повече посещения в магазините',
  'score.goal.retention': 'Клиентите да се връщат',
  'score.goal.new_customers': 'Достигане до нови клиенти',
  'score.goal.efficiency': 'По-малко ръчна работа',
  'score.goal.service': 'По-добро обслужване на клиенти',
  'score.rec.web': 'Отворете уеб магазин',
  'score.rec.mobile_app': 'Пуснете приложение',
  'score.rec.store': 'Отворете магазин или шоурум',
  'score.rec.marketplace': 'Продавайте на онлайн пазар',
  'score.rec.social': 'Отворете магазин в социалните мрежи',
  'score.rec.messaging': 'Добавете чат или WhatsApp',
  'score.rec.identity': 'Разпознавайте клиентите във всички канали',
  'score.rec.sync': 'Синхронизирайте наличности, цени и обяви навсякъде',
  'score.rec.handoffs': 'Прехвърляйте колички между каналите',
  'score.rec.unified_inbox': 'Поставете разговорите в хронологията на клиента',
  'score.rec.omni_campaigns': 'Провеждайте кампании във всички канали',
  'score.rec.loyalty_everywhere': 'Лоялност във всички канали',
  'score.rec.click_collect': '„Поръчай и вземи“',
  'score.rec.return_anywhere': 'Връщане навсякъде',
  'score.rule.no_webshop':
    'Клиентите търсят магазина онлайн, преди да го посетят; „поръчай и вземи“ и прехвърлянията изискват уеб магазин.',
  'score.rule.loyal_customers_app':
    'Честите, лоялни клиенти отварят приложение по-често от сайт; то носи портфейла и кодовете им за вземане.',
  'score.rule.showroom_for_touch_goods':
    'Стоките, които хората искат да видят и пробват, се продават по-добре с място за това; магазинът приема и вземания и връщания.',
  'score.rule.reach_on_marketplaces':
    'Пазарите водят купувачи, които още не познават марката; хъбът поддържа наличностите и цените им в синхрон.',
  'score.rule.social_for_digital_customers':
    'Дигиталните клиенти откриват продукти в социалните мрежи; социален магазин им позволява да купуват там, където гледат.',
  'score.rule.young_business_focus':
    'Млад или малък бизнес се справя най-добре, като овладее няколко канала, преди да добави пазар.',
  'score.rule.young_business_no_app':
    'Приложението се изплаща при много завръщащи се клиенти; млад или малък бизнес все още има твърде малко.',
  'score.rule.messaging_for_service':
    'Клиентите очакват да питат в чат или WhatsApp, не само по имейл; входящата кутия ги държи в една хронология.',
  'score.rule.unknown_customers':
    'Твърде малко поръчки и посещения са свързани с познат клиент: нищо друго не може да ги проследи между каналите.',
  'score.rule.retention_needs_identity':
    'Задържането на клиенти започва с разпознаването им във всеки канал (вход, карта за лоялност, имейл на касата).',
  'score.rule.channels_out_of_sync':
    'Някои канали продават с наличности, цени или обяви, които хъбът не е изпратил: свръхпродажби и грешни цени.',
  'score.rule.click_collect_for_stores':
    'Има магазини и уеб магазин, но малко поръчки се вземат от магазин: това спестява доставка и носи посещения.',
  'score.rule.click_collect_store_traffic':
    'Вземанията водят клиенти в магазина, където мнозина купуват още нещо.',
  'score.rule.grocery_click_collect':
    'Купувачите на храни предпочитат да вземат кошницата на път за вкъщи пред чакането на доставка.',
  'score.rule.return_anywhere_for_stores':
    'Онлайн поръчките почти не се връщат в магазин: лесното връщане увеличава онова, което хората смеят да купят онлайн.',
  'score.rule.fashion_returns':
    'Модата има най-много връщания; връщането в магазин често е замяна вместо възстановяване на сума.',
  'score.rule.handoffs_for_mixed_customers':
    'Клиентите, които разглеждат онлайн и купуват в магазина (или обратно), трябва да намират количката си там.',
  'score.rule.loyalty_not_everywhere':
    'Точки, валидни само в един канал, учат лоялните клиенти да стоят в него; печелете и харчете навсякъде.',
  'score.rule.conversations_off_timeline':
    'Разговорите без свързан клиент оставят агентите без поръчките и историята зад въпроса.',
  'score.rule.campaigns_on_some_channels':
    'Промоция, валидна онлайн, но не в магазина (или обратно), разочарова клиентите, които я виждат.',
  'score.rule.efficiency_automation':
    'Синхронизираните наличности и цени спестяват ръчното обновяване на всеки канал.',
};

export const scoreNl: Record<ScoreKey, string> = {
  'nav.score': 'Omnichannelscore',
  'score.title': 'Omnichannelscore',
  'score.hint':
    'Bent u omnichannel of multichannel? Elke dimensie wordt gemeten op de eigen gegevens van de hub over de gekozen periode, met de cijfers en records erachter en een volgende stap.',
  'score.window': 'Gemeten periode',
  'score.days': 'Laatste {days} dagen',
  'score.overall': 'Totaal: {score} / 100',
  'score.overallHow': 'Het gemiddelde van de acht dimensies hieronder.',
  'score.outOf': '{score} / 100',
  'score.formula': 'Zo wordt het berekend:',
  'score.evidence': 'Onderbouwing',
  'score.perChannel': 'Per kanaal',
  'score.channel': 'Kanaal',
  'score.sample': 'Records achter de cijfers',
  'score.next': 'Volgende stap:',
  'score.dim.identity.title': 'Bekende klanten',
  'score.dim.identity.what':
    'Het aandeel bestellingen en gebeurtenissen (bezoeken, weergaven, berichten) dat aan een bekend klantprofiel hangt, per kanaal: alleen een bekende klant is over kanalen heen te volgen.',
  'score.dim.identity.formula':
    '100 × het gemiddelde van (bestellingen met een klant ÷ bestellingen) en (gebeurtenissen op een bekend profiel ÷ gebeurtenissen), alle kanalen samen. Een profiel is bekend als het een e-mail, telefoon, gebruikers-id of klantenkaart heeft.',
  'score.dim.sync.title': 'Kanalen in sync',
  'score.dim.sync.what':
    'Of elk verkoopkanaal verkoopt met de voorraad, prijzen en vermeldingen van de hub: de webshop, app en winkels lezen ze live; marktplaatsen en andere shops hebben een actieve kanaalsync zonder vertraging nodig.',
  'score.dim.sync.formula':
    '100 × de som over de verkoopkanalen ÷ hun aantal. Een kanaal dat de hub zelf bedient telt 1. Een gekoppeld kanaal telt ⅓ per soort die wordt gepusht (voorraad, prijs, vermelding) maal zijn gezondheid: 0 als gepauzeerd of uitgeschakeld, min ½ bij meer dan 15 minuten achterstand, min ¼ met geparkeerde items. Een niet-gekoppelde marktplaats of shop telt 0.',
  'score.dim.handoffs.title': 'Winkelwagens over kanalen',
  'score.dim.handoffs.what':
    'Winkelwagens die van het ene naar het andere kanaal gingen (een webshopwagen aan de kassa geopend met zijn code, een app-wagen verder op het web): klanten gaan verder waar ze waren.',
  'score.dim.handoffs.formula':
    '0 als geen winkelwagen van kanaal wisselde; anders 50 + 50 × min(1, (verplaatste wagens ÷ aangemaakte wagens) ÷ 5 %): elk gebruik telt, de volle score als één op de twintig wisselt.',
  'score.dim.conversations.title': 'Gesprekken op de tijdlijn',
  'score.dim.conversations.what':
    'Inboxgesprekken die aan een klantprofiel gekoppeld zijn, zodat ze op de ene tijdlijn van de klant staan met bestellingen en bezoeken, en de soorten kanalen waarop klanten schrijven.',
  'score.dim.conversations.formula':
    '70 × gesprekken gekoppeld aan een profiel ÷ gesprekken + 30 × min(1, soorten kanalen in gebruik ÷ 3); 0 zonder gesprekken.',
  'score.dim.campaigns.title': 'Acties op elk kanaal',
  'score.dim.campaigns.what':
    'Actieve acties die op elk verkoopkanaal gelden, zodat een klant die een aanbieding ziet die overal kan gebruiken.',
  'score.dim.campaigns.formula':
    '100 × actieve acties die op elk verkoopkanaal gelden ÷ actieve acties; 0 zonder actieve acties.',
  'score.dim.loyalty.title': 'Loyaliteit overal',
  'score.dim.loyalty.what':
    'Of klanten op elk verkoopkanaal punten sparen en hun wallet (punten, cadeaukaarten, tegoed) daar ook gebruiken.',
  'score.dim.loyalty.formula':
    '60 × verkoopkanalen waar punten gespaard worden ÷ verkoopkanalen + 40 × verkoopkanalen waar de wallet in de periode gebruikt is ÷ verkoopkanalen.',
  'score.dim.click_collect.title': 'Click & collect in gebruik',
  'score.dim.click_collect.what':
    'Online geplaatste bestellingen die in een winkel worden opgehaald: de winkel wordt deel van de onlineverkoop.',
  'score.dim.click_collect.formula':
    '0 zonder click & collect-bestellingen; anders 50 + 50 × min(1, (click & collect-bestellingen ÷ webshop- en app-bestellingen) ÷ 10 %).',
  'score.dim.return_anywhere.title': 'Overal retourneren',
  'score.dim.return_anywhere.what':
    'Retouren via een ander kanaal dan de verkoop (een onlinebestelling teruggebracht in een winkel): klanten worden niet teruggestuurd naar waar ze kochten.',
  'score.dim.return_anywhere.formula':
    '0 zonder retouren via een ander kanaal dan de verkoop; anders 50 + 50 × min(1, (zulke retouren ÷ retouren) ÷ 10 %).',
  'score.next.keep_going': 'Goed gemeten: ga zo door en let op dalingen in de cijfers.',
  'score.next.identify_customers':
    'Vraag om een e-mail of klantenkaart aan de kassa, bied inloggen aan in de webshop en app en stuur identify-oproepen vanuit elke bron. Zwakst: {channels}.',
  'score.next.connect_sync': 'Koppel een kanaalsync (voorraad, prijzen en vermeldingen) voor {channels}.',
  'score.next.resume_sync':
    'Hervat de gepauzeerde of uitgeschakelde sync van {channels}, nadat de inloggegevens zijn hersteld.',
  'score.next.fix_sync':
    'De sync van {channels} loopt achter of parkeert items: bekijk de fouten en speel ze opnieuw af.',
  'score.next.cover_sync': 'Push voorraad, prijzen én vermeldingen naar {channels}.',
  'score.next.use_handoffs':
    "Toon de overdrachtscode (QR) van de winkelwagen in de webshop en app, en laat kassa's er een wagen mee openen.",
  'score.next.connect_inbox':
    'Koppel e-mail, chat of WhatsApp aan de inbox zodat gesprekken op de ene tijdlijn komen.',
  'score.next.link_conversations':
    'Koppel gesprekken aan klantprofielen (via e-mail of telefoon, of met de hand in de inbox) en voeg een tweede soort kanaal toe.',
  'score.next.create_campaign': 'Maak een actie die op elk kanaal geldt.',
  'score.next.widen_campaigns':
    'Open de acties die tot sommige kanalen beperkt zijn voor elk kanaal waar dat zinvol is.',
  'score.next.enable_loyalty': 'Zet het loyaliteitsprogramma aan.',
  'score.next.earn_everywhere': 'Laat klanten punten sparen op {channels}.',
  'score.next.promote_wallet':
    'Promoot de wallet (punten, cadeaukaarten, tegoed) op {channels}, waar nog niemand hem gebruikte.',
  'score.next.offer_click_collect':
    'Bied click & collect aan in de webshop en app, met afhalen in de winkels.',
  'score.next.accept_returns_anywhere': "Neem onlinebestellingen retour aan de winkelkassa's.",
  'score.f.orders': 'Bestellingen',
  'score.f.ordersKnown': 'Bestellingen met klant',
  'score.f.ordersKnownPct': 'Bestellingen met klant (%)',
  'score.f.events': 'Gebeurtenissen',
  'score.f.eventsKnown': 'Gebeurtenissen op bekend profiel',
  'score.f.eventsKnownPct': 'Gebeurtenissen op bekend profiel (%)',
  'score.f.sellingChannels': 'Verkoopkanalen',
  'score.f.live': 'Live bediend door de hub',
  'score.f.connected': 'Met kanaalsync',
  'score.f.unconnected': 'Zonder sync',
  'score.f.paused': 'Gepauzeerd of uitgeschakeld',
  'score.f.mode': 'Hoe het de gegevens krijgt',
  'score.f.value': 'Telt (%)',
  'score.f.push': 'Gepusht',
  'score.f.status': 'Status',
  'score.f.lagSeconds': 'Achterstand (s)',
  'score.f.queueDepth': 'In de wachtrij',
  'score.f.failed': 'Mislukt',
  'score.f.deadLettered': 'Geparkeerd',
  'score.f.lastPushedAt': 'Laatste push',
  'score.f.cartsMade': 'Aangemaakte wagens',
  'score.f.cartsMoved': 'Wagens naar ander kanaal',
  'score.f.movedPct': 'Verplaatst (%)',
  'score.f.carts': 'Wagens',
  'score.f.conversations': 'Gesprekken',
  'score.f.linked': 'Gekoppeld aan profiel',
  'score.f.linkedPct': 'Gekoppeld (%)',
  'score.f.multiChannel': 'Op meer dan één soort kanaal',
  'score.f.kindsInUse': 'Soorten kanalen in gebruik',
  'score.f.activeCampaigns': 'Actieve acties',
  'score.f.everyChannel': 'Geldig op elk kanaal',
  'score.f.narrowed': 'Beperkt tot sommige kanalen',
  'score.f.campaigns': 'Acties die hier gelden',
  'score.f.earning': 'Kanalen met punten',
  'score.f.used': 'Kanalen waar de wallet gebruikt is',
  'score.f.programmeOn': 'Programma aan (1 = ja)',
  'score.f.pointsPerUnit': 'Punten per eenheid',
  'score.f.earned': 'Gespaarde punten',
  'score.f.redeemed': 'Ingewisseld',
  'score.f.entries': 'Walletboekingen',
  'score.f.onlineOrders': 'Webshop- en app-bestellingen',
  'score.f.clickCollect': 'Click & collect-bestellingen',
  'score.f.clickCollectPct': 'Click & collect (%)',
  'score.f.returns': 'Retouren',
  'score.f.elsewhere': 'Via ander kanaal geretourneerd',
  'score.f.elsewherePct': 'Via ander kanaal (%)',
  'score.v.live': 'live uit de hub',
  'score.v.none': 'geen sync',
  'score.v.connection': 'kanaalsync',
  'score.kind.order': 'Bestelling',
  'score.kind.event': 'Gebeurtenis',
  'score.kind.cart': 'Winkelwagen',
  'score.kind.conversation': 'Gesprek',
  'score.kind.campaign': 'Actie',
  'score.kind.connection': 'Sync',
  'score.advisor.title': 'Adviseur: wat u hierna koppelt',
  'score.advisor.hint':
    'Vertel de hub over uw bedrijf; met de score hierboven zegt hij welke kanalen en mogelijkheden u hierna toevoegt, en waarom.',
  'score.advisor.commerceType': 'Soort handel',
  'score.advisor.customerHabits': 'Hoe uw klanten winkelen',
  'score.advisor.loyalty': 'Hoe vaak klanten terugkomen',
  'score.advisor.annualOrders': 'Bestellingen per jaar (alle kanalen)',
  'score.advisor.yearsInBusiness': 'Jaren actief',
  'score.advisor.goals': 'Doelen',
  'score.advisor.save': 'Opslaan en adviseren',
  'score.advisor.saved': 'Uw antwoorden zijn opgeslagen.',
  'score.advisor.advice': 'Hierna koppelen',
  'score.advisor.priority': 'prioriteit {priority}',
  'score.advisor.nothing': 'Niets springt eruit: elke dimensie scoort goed voor een bedrijf als het uwe.',
  'score.advisor.fillIn': 'Vul het formulier in en sla het op voor advies.',
  'score.commerce.fashion': 'Mode en schoenen',
  'score.commerce.grocery': 'Boodschappen',
  'score.commerce.electronics': 'Elektronica',
  'score.commerce.home': 'Wonen en meubels',
  'score.commerce.beauty': 'Beauty en gezondheid',
  'score.commerce.sports': 'Sport en outdoor',
  'score.commerce.b2b': 'Zakelijk (B2B)',
  'score.commerce.other': 'Anders',
  'score.habits.digital_first': 'Vooral online en op hun telefoon',
  'score.habits.mixed': 'Zowel online als in winkels',
  'score.habits.store_first': 'Vooral in winkels',
  'score.loyalty.low': 'Zelden (eenmalige aankopen)',
  'score.loyalty.medium': 'Af en toe',
  'score.loyalty.high': 'Vaak (vaste klanten)',
  'score.goal.grow_online': 'Onlineverkoop laten groeien',
  'score.goal.store_traffic': 'Meer bezoek in de winkels',
  'score.goal.retention': 'Klanten laten terugkomen',
  'score.goal.new_customers': 'Nieuwe klanten bereiken',
  'score.goal.efficiency': 'Minder handwerk',
  'score.goal.service': 'Betere klantenservice',
  'score.rec.web': 'Open een webshop',
  'score.rec.mobile_app': 'Lanceer een app',
  'score.rec.store': 'Open een winkel of showroom',
  'score.rec.marketplace': 'Verkoop op een marktplaats',
  'score.rec.social': 'Open een social shop',
  'score.rec.messaging': 'Voeg chat of WhatsApp toe',
  'score.rec.identity': 'Herken klanten op elk kanaal',
  'score.rec.sync': 'Synchroniseer voorraad, prijzen en vermeldingen overal',
  'score.rec.handoffs': 'Winkelwagens overdragen tussen kanalen',
  'score.rec.unified_inbox': 'Zet gesprekken op de klanttijdlijn',
  'score.rec.omni_campaigns': 'Voer acties op elk kanaal',
  'score.rec.loyalty_everywhere': 'Loyaliteit op elk kanaal',
  'score.rec.click_collect': 'Click & collect',
  'score.rec.return_anywhere': 'Overal retourneren',
  'score.rule.no_webshop':
    'Klanten zoeken een winkel online op voor ze langskomen; click & collect en overdrachten hebben een webshop nodig.',
  'score.rule.loyal_customers_app':
    'Trouwe, vaste klanten openen een app vaker dan een website; die bevat hun wallet en afhaalcodes.',
  'score.rule.showroom_for_touch_goods':
    'Wat mensen willen zien en passen verkoopt beter met een plek daarvoor; een winkel neemt ook afhalingen en retouren aan.',
  'score.rule.reach_on_marketplaces':
    'Marktplaatsen brengen kopers die het merk nog niet kennen; de hub houdt voorraad en prijzen gelijk.',
  'score.rule.social_for_digital_customers':
    'Digitale klanten ontdekken producten op sociale media; een social shop laat ze kopen waar ze kijken.',
  'score.rule.young_business_focus':
    'Een jong of klein bedrijf kan beter eerst een paar kanalen beheersen voor het een marktplaats toevoegt.',
  'score.rule.young_business_no_app':
    'Een app loont bij veel terugkerende klanten; een jong of klein bedrijf heeft er nog te weinig.',
  'score.rule.messaging_for_service':
    'Klanten verwachten vragen te stellen via chat of WhatsApp, niet alleen e-mail; de inbox houdt ze op één tijdlijn.',
  'score.rule.unknown_customers':
    'Te weinig bestellingen en bezoeken hangen aan een bekende klant: niets anders kan ze over kanalen volgen.',
  'score.rule.retention_needs_identity':
    'Klanten behouden begint met ze op elk kanaal herkennen (inloggen, klantenkaart, e-mail aan de kassa).',
  'score.rule.channels_out_of_sync':
    'Sommige kanalen verkopen met voorraad, prijzen of vermeldingen die de hub niet heeft gepusht: oververkochte artikelen en verkeerde prijzen.',
  'score.rule.click_collect_for_stores':
    'Er zijn winkels en een webshop, maar weinig bestellingen worden in de winkel opgehaald: dat bespaart verzending en brengt bezoek.',
  'score.rule.click_collect_store_traffic':
    'Afhalingen brengen klanten in de winkel, waar velen nog iets kopen.',
  'score.rule.grocery_click_collect':
    'Boodschappers halen liever een mand op weg naar huis dan te wachten op een bezorgmoment.',
  'score.rule.return_anywhere_for_stores':
    'Onlinebestellingen worden bijna nooit in een winkel geretourneerd: makkelijk retourneren vergroot wat mensen online durven te kopen.',
  'score.rule.fashion_returns':
    'Mode heeft de meeste retouren; een retour in de winkel wordt vaak een ruil in plaats van een terugbetaling.',
  'score.rule.handoffs_for_mixed_customers':
    'Klanten die online kijken en in de winkel kopen (of andersom) horen hun winkelwagen daar te vinden.',
  'score.rule.loyalty_not_everywhere':
    'Punten die maar op één kanaal werken leren trouwe klanten daar te blijven; sparen en besteden overal.',
  'score.rule.conversations_off_timeline':
    'Gesprekken zonder gekoppelde klant laten medewerkers zonder de bestellingen en geschiedenis achter een vraag.',
  'score.rule.campaigns_on_some_channels':
    'Een actie die online werkt maar niet in de winkel (of andersom) stelt klanten die hem zien teleur.',
  'score.rule.efficiency_automation':
    'Gesynchroniseerde voorraad en prijzen besparen het handmatig bijhouden van elk kanaal.',
};
