// The omnichannel score page's texts in Swedish (see score.ts).
import type { ScoreKey } from './score-en.ts';

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
    '100 × summan över säljkanalerna ÷ deras antal. En kanal som hubben själv betjänar räknas som 1. En ansluten kanal räknas ⅓ per typ som skickas (lager, pris, listning) gånger dess hälsa: 0 när pausad eller avstängd, minus ½ vid mer än 15 minuters fördröjning, minus ¼ med parkerade poster. En oansluten marknadsplats eller butik räknas 0. Gånger dess konsekvens enligt den senaste konsekvenskontrollen (som läser tillbaka kanalen, varje kontrollintervall): en typ med avvikande SKU:er räknas 1 − ¼ − avvikande SKU:er ÷ kontrollerade SKU:er, och högst ½ när kanalen inte kunde läsas tillbaka. En kontroll äldre än två intervall, eller ingen, är okänt underlag: räknas inte, och visas så.',
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
  'score.next.fix_drift':
    'Priser, lager eller listningar på {channels} skiljer sig från hubben: kör åtgärderna i konsekvenskontrollen.',
  'score.next.audit_sync':
    'Ingen konsekvenskontroll av {channels} under de senaste två intervallen: kontrollera att hubben kör sina bakgrundsjobb, eller kör kontrollen nu.',
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
  'score.f.audited': 'Nyligen kontrollerade',
  'score.f.auditUnknown': 'Kontroll okänd (äldre eller ingen)',
  'score.f.driftedItems': 'Avvikande poster',
  'score.f.audit': 'Konsekvenskontroll',
  'score.f.lastAuditAt': 'Senaste kontroll',
  'score.f.auditAgeMinutes': 'Kontrollens ålder (min)',
  'score.f.checked': 'Kontrollerade SKU:er',
  'score.f.drifted': 'Avvikande',
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
  'score.v.audit_fresh': 'nylig',
  'score.v.audit_stale': 'för gammal: okänd',
  'score.v.audit_none': 'ingen ännu: okänd',
  'score.v.audit_failing': 'kanalen går inte att läsa',
  'score.kind.order': 'Order',
  'score.kind.event': 'Händelse',
  'score.kind.cart': 'Varukorg',
  'score.kind.conversation': 'Konversation',
  'score.kind.campaign': 'Kampanj',
  'score.kind.connection': 'Synk',
  'score.kind.drift': 'Avvikande post',
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
