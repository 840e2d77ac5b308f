// The web chat widget: one script tag, no framework, a few KB. It recognises the analytics client's
// anonymous id (analytics.js keeps it as ajs_anonymous_id) and, through the session cookie, a
// signed-in shopper; it posts with the storefront's publishable key and listens on SSE.
//   <script src="https://hub.example/chat/widget.js" data-key="ohk_pub_…" async></script>
export const CHAT_WIDGET_JS = String.raw`(function () {
  var me = document.currentScript;
  if (!me || window.__omnihubChat) return;
  window.__omnihubChat = true;
  var base = new URL(me.src).origin, key = me.getAttribute('data-key') || '';
  var lang = (me.getAttribute('data-lang') || document.documentElement.lang || 'en').slice(0, 2);
  var T = {
    en: ['Chat with us', 'Write a message…', 'Send', 'Could not send, try again'],
    es: ['Chatea con nosotros', 'Escribe un mensaje…', 'Enviar', 'No se pudo enviar, inténtalo de nuevo'],
    sv: ['Chatta med oss', 'Skriv ett meddelande…', 'Skicka', 'Kunde inte skicka, försök igen'],
    bg: ['Пишете ни', 'Напишете съобщение…', 'Изпрати', 'Неуспешно изпращане, опитайте отново'],
    nl: ['Chat met ons', 'Schrijf een bericht…', 'Verstuur', 'Versturen mislukt, probeer opnieuw'],
  }[lang] || null;
  T = T || ['Chat with us', 'Write a message…', 'Send', 'Could not send, try again'];
  var store = window.localStorage, TOKEN = 'omnihub.chat.token';
  function anonymousId() {
    var v = store.getItem('ajs_anonymous_id');
    if (!v) { var m = /(?:^|; )ajs_anonymous_id=([^;]+)/.exec(document.cookie); v = m && decodeURIComponent(m[1]); }
    if (v) { try { v = JSON.parse(v); } catch (e) {} }
    if (!v) { v = 'chat-' + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)); store.setItem('ajs_anonymous_id', JSON.stringify(v)); }
    return String(v);
  }
  function el(tag, css, text) { var e = document.createElement(tag); if (css) e.style.cssText = css; if (text) e.textContent = text; return e; }
  var btn = el('button', 'position:fixed;right:16px;bottom:16px;z-index:2147483000;padding:10px 16px;border-radius:20px;border:0;background:#1d4ed8;color:#fff;font:14px sans-serif;cursor:pointer', T[0]);
  btn.setAttribute('data-omnihub-chat', 'open');
  var box = el('div', 'position:fixed;right:16px;bottom:64px;z-index:2147483000;width:300px;height:380px;display:none;flex-direction:column;background:#fff;border:1px solid #ccc;border-radius:8px;font:14px sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)');
  box.setAttribute('role', 'dialog'); box.setAttribute('aria-label', T[0]);
  var list = el('div', 'flex:1;overflow:auto;padding:8px');
  list.setAttribute('data-omnihub-chat', 'messages'); list.setAttribute('aria-live', 'polite');
  var form = el('form', 'display:flex;border-top:1px solid #eee');
  var input = el('input', 'flex:1;border:0;padding:8px;font:inherit');
  input.placeholder = T[1]; input.setAttribute('aria-label', T[1]); input.setAttribute('data-omnihub-chat', 'input');
  var send = el('button', 'border:0;background:none;color:#1d4ed8;padding:8px;cursor:pointer', T[2]);
  form.appendChild(input); form.appendChild(send); box.appendChild(list); box.appendChild(form);
  document.body.appendChild(box); document.body.appendChild(btn);
  btn.onclick = function () { box.style.display = box.style.display === 'none' ? 'flex' : 'none'; if (box.style.display === 'flex') { input.focus(); load(); } };
  function render(items) {
    list.textContent = '';
    items.forEach(function (m) {
      var mine = m.direction === 'inbound';
      var b = el('div', 'margin:4px 0;padding:6px 10px;border-radius:10px;max-width:80%;white-space:pre-wrap;' + (mine ? 'margin-left:auto;background:#dbeafe' : 'background:#f3f4f6'), m.text);
      b.setAttribute('data-direction', m.direction);
      list.appendChild(b);
    });
    list.scrollTop = list.scrollHeight;
  }
  var source = null;
  function listen(token) {
    if (source || !token || !window.EventSource) return;
    source = new EventSource(base + '/chat/stream?token=' + encodeURIComponent(token));
    source.onmessage = load;
    ['inbox.message_received', 'inbox.message_queued'].forEach(function (t) { source.addEventListener(t, load); });
  }
  function load() {
    var token = store.getItem(TOKEN);
    if (!token) return;
    fetch(base + '/chat/messages', { headers: { 'x-chat-token': token } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (b) { render(b.items); listen(token); });
  }
  form.onsubmit = function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    var token = store.getItem(TOKEN);
    fetch(base + '/api/chat/messages', {
      method: 'POST', credentials: 'include',
      headers: Object.assign({ 'content-type': 'application/json', authorization: 'Bearer ' + key }, token ? { 'x-chat-token': token } : {}),
      body: JSON.stringify({ text: text, anonymousId: anonymousId() }),
    }).then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (b) { store.setItem(TOKEN, b.token); input.value = ''; load(); })
      .catch(function () { input.setCustomValidity(T[3]); input.reportValidity(); setTimeout(function () { input.setCustomValidity(''); }, 2000); });
  };
  if (store.getItem(TOKEN)) load();
})();
`;
