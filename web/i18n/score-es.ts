// The omnichannel score page's texts in Spanish (see score.ts).
import type { ScoreKey } from './score-en.ts';

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
    '100 × la suma sobre los canales de venta ÷ su número. Un canal que sirve el propio hub cuenta 1. Un canal conectado cuenta ⅓ por tipo enviado (stock, precio, listado) por su salud: 0 en pausa o desactivado, menos ½ con más de 15 minutos de retraso, menos ¼ con elementos aparcados. Un marketplace o tienda sin conexión cuenta 0. Por su coherencia según la última auditoría de coherencia (que relee el canal, en cada intervalo de auditoría): un tipo con SKU divergentes cuenta 1 − ¼ − SKU divergentes ÷ SKU revisados, y como mucho ½ si no se pudo releer el canal. Una auditoría con más de dos intervalos, o ninguna, es evidencia desconocida: no cuenta, y se muestra así.',
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
  'score.next.fix_drift':
    'Los precios, el stock o los listados de {channels} difieren del hub: ejecuta las correcciones de la auditoría de coherencia.',
  'score.next.audit_sync':
    'No hay auditoría de coherencia de {channels} en los dos últimos intervalos: comprueba que el hub ejecuta sus tareas de fondo, o ejecuta la auditoría ahora.',
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
  'score.f.audited': 'Auditados recientemente',
  'score.f.auditUnknown': 'Auditoría desconocida (antigua o ninguna)',
  'score.f.driftedItems': 'Elementos divergentes',
  'score.f.audit': 'Auditoría de coherencia',
  'score.f.lastAuditAt': 'Última auditoría',
  'score.f.auditAgeMinutes': 'Antigüedad de la auditoría (min)',
  'score.f.checked': 'SKU revisados',
  'score.f.drifted': 'Divergentes',
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
  'score.v.audit_fresh': 'reciente',
  'score.v.audit_stale': 'demasiado antigua: desconocida',
  'score.v.audit_none': 'ninguna aún: desconocida',
  'score.v.audit_failing': 'canal no legible',
  'score.kind.order': 'Pedido',
  'score.kind.event': 'Evento',
  'score.kind.cart': 'Carrito',
  'score.kind.conversation': 'Conversación',
  'score.kind.campaign': 'Campaña',
  'score.kind.connection': 'Sincronización',
  'score.kind.drift': 'Elemento divergente',
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
