// The omnichannel score page's texts in Dutch (see score.ts).
import type { ScoreKey } from './score-en.ts';

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
    "100 × de som over de verkoopkanalen ÷ hun aantal. Een kanaal dat de hub zelf bedient telt 1. Een gekoppeld kanaal telt ⅓ per soort die wordt gepusht (voorraad, prijs, vermelding) maal zijn gezondheid: 0 als gepauzeerd of uitgeschakeld, min ½ bij meer dan 15 minuten achterstand, min ¼ met geparkeerde items. Een niet-gekoppelde marktplaats of shop telt 0. Maal de consistentie volgens de laatste consistentiecontrole (die het kanaal terugleest, elk controle-interval): een soort met afwijkende SKU's telt 1 − ¼ − afwijkende SKU's ÷ gecontroleerde SKU's, en hoogstens ½ als het kanaal niet teruggelezen kon worden. Een controle ouder dan twee intervallen, of geen, is onbekend bewijs: niet meegeteld, en zo getoond.",
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
  'score.next.fix_drift':
    'Prijzen, voorraad of vermeldingen op {channels} wijken af van de hub: voer de herstelacties uit de consistentiecontrole uit.',
  'score.next.audit_sync':
    'Geen consistentiecontrole van {channels} in de laatste twee intervallen: controleer of de hub zijn achtergrondtaken draait, of voer de controle nu uit.',
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
  'score.f.audited': 'Recent gecontroleerd',
  'score.f.auditUnknown': 'Controle onbekend (ouder of geen)',
  'score.f.driftedItems': 'Afwijkende items',
  'score.f.audit': 'Consistentiecontrole',
  'score.f.lastAuditAt': 'Laatste controle',
  'score.f.auditAgeMinutes': 'Leeftijd controle (min)',
  'score.f.checked': "Gecontroleerde SKU's",
  'score.f.drifted': 'Afwijkend',
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
  'score.v.audit_fresh': 'recent',
  'score.v.audit_stale': 'te oud: onbekend',
  'score.v.audit_none': 'nog geen: onbekend',
  'score.v.audit_failing': 'kanaal niet leesbaar',
  'score.kind.order': 'Bestelling',
  'score.kind.event': 'Gebeurtenis',
  'score.kind.cart': 'Winkelwagen',
  'score.kind.conversation': 'Gesprek',
  'score.kind.campaign': 'Actie',
  'score.kind.connection': 'Sync',
  'score.kind.drift': 'Afwijkend item',
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
