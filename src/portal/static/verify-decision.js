// 在浏览器中核验一份公开的行政执法决定 (no framework, no server trust): the text on the page hashes to the
// textSha256 named in the publication event; the event data hashes to the dataHash of the ledger entry;
// the entry is included (RFC 6962/9162) in the tree whose root the latest signed checkpoint states; and,
// where the browser supports Ed25519, the checkpoint's signature verifies with the published key.
(() => {
  const panel = document.getElementById('verify-panel');
  const source = document.getElementById('verify-data');
  if (!panel || !source) return;
  const button = panel.querySelector('button');
  const list = panel.querySelector('ol');
  const input = JSON.parse(source.textContent || '{}');

  const bytes = (text) => new TextEncoder().encode(text);
  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const concat = (...parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  const sha256 = async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  const leafHash = (entry) => sha256(concat(new Uint8Array([0]), entry));
  const nodeHash = (left, right) => sha256(concat(new Uint8Array([1]), left, right));
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  // RFC 9162 §2.1.3.2: the root an inclusion proof leads to.
  async function rootFromProof(index, size, leaf, proof) {
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of proof) {
      if (sn === 0) throw new Error('证明过长');
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn !== 0) throw new Error('证明过短');
    return r;
  }

  const report = (ok, text) => {
    const li = document.createElement('li');
    li.className = ok ? 'check-ok' : 'check-fail';
    li.textContent = `${ok ? '✓ ' : '✗ '}${text}`;
    list.append(li);
    return ok;
  };

  const getJson = async (url) => {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url}:HTTP ${res.status}`);
    return res.json();
  };

  // A C2SP signed note: the body (origin, size, root), a blank line, then "— name base64(keyId ‖ signature)".
  function parseNote(note) {
    const split = note.lastIndexOf('\n\n');
    const body = note.slice(0, split + 1);
    const [origin, size, root] = body.split('\n');
    const signatures = note
      .slice(split + 2)
      .split('\n')
      .filter((l) => l.startsWith('— '))
      .map((l) => {
        const [name, sig] = l.slice(2).split(' ');
        return { name, sig: fromBase64(sig) };
      });
    return { body, origin, size: Number(size), root: fromBase64(root), signatures };
  }

  async function verifySignature(note) {
    const { keys } = await getJson('/api/ledger/keys');
    const ed = keys.find((k) => k.algorithm === 'ed25519');
    const sig = ed && note.signatures.find((s) => s.name === ed.name);
    if (!ed || !sig) return report(false, '未找到检查点的 Ed25519 签名');
    // verifierKey: name+keyId+base64(0x01 ‖ 32-byte public key); the base64 may itself contain "+".
    const raw = fromBase64(ed.verifierKey.split('+').slice(2).join('+')).slice(1);
    let key;
    try {
      key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    } catch (error) {
      // Only an algorithm the browser lacks is excused; a malformed key is a failure like a wrong signature.
      if (error instanceof DOMException && error.name === 'NotSupportedError') {
        return report(true, '本浏览器不支持 Ed25519 签名核验,请在「签名检查点与验证公钥」页或用 sanxiang verify 核验签名');
      }
      return report(false, `检查点公钥无法读取:${error instanceof Error ? error.message : String(error)}`);
    }
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, sig.sig.slice(4), bytes(note.body));
    return report(ok, ok ? `检查点签名有效(Ed25519,${ed.name})` : '检查点签名无效');
  }

  async function run() {
    list.replaceChildren();
    button.disabled = true;
    try {
      if (!globalThis.crypto?.subtle) {
        report(false, '本浏览器未提供 Web Crypto(需 HTTPS 访问),请按页面说明手工核验');
        return;
      }
      const textHash = hex(await sha256(bytes(input.text)));
      const event = JSON.parse(input.eventData);
      if (!report(textHash === event.textSha256, `公开文本的 SHA-256 与账本事件所载一致:${textHash}`)) return;
      const entry = await getJson(`/api/ledger/entries/${input.ledgerIndex}`);
      const entryFields = JSON.parse(entry.entry);
      const dataHash = hex(await sha256(bytes(input.eventData)));
      if (!report(dataHash === entryFields.dataHash, `事件数据的 SHA-256 与第 ${input.ledgerIndex} 号账本条目的 dataHash 一致`)) return;
      const noteText = await (await fetch('/api/ledger/checkpoint')).text();
      const note = parseNote(noteText);
      if (!report(note.size > input.ledgerIndex, `最新检查点包含 ${note.size} 个条目`)) return;
      const proof = await getJson(`/api/ledger/proof/inclusion?index=${input.ledgerIndex}&size=${note.size}`);
      const leaf = await leafHash(bytes(entry.entry));
      const root = await rootFromProof(input.ledgerIndex, note.size, leaf, proof.hashes.map(fromBase64));
      if (!report(same(root, note.root), `包含证明(${proof.hashes.length} 个哈希)推出的根哈希与检查点一致`)) return;
      await verifySignature(note);
    } catch (error) {
      report(false, `核验未能完成:${error instanceof Error ? error.message : String(error)}`);
    } finally {
      button.disabled = false;
    }
  }

  panel.hidden = false;
  button.addEventListener('click', () => void run());
})();
