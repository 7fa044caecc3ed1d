// 在浏览器中重新进行一次双随机抽取并与公布的结果核对 (no framework, no server trust): the same draw as
// src/platform/draw/draw.ts — the RFC 3797 key string of the sources, PRK = HKDF-Extract(code, key string),
// VRS positions HMAC(PRK, label ‖ 0x01) or RFC 3797 picks (MD5, written out below since Web Crypto has
// none), then the team walk — computed with Web Crypto and BigInt, and compared with the published result
// (docs/draws.md). The visitor may change a source value or the code in the form and see another result.
// The core attaches to window.SanxiangDraw before any DOM is touched, so it also runs outside a page.
(() => {
  const FORMAT = 'sanxiang-draw/1';
  const ALGORITHMS = ['vrs', 'rfc3797'];
  const RFC3797_MAX = 0xffff;
  // Web Crypto calls in flight at once: enough to keep the browser's crypto busy, few enough to report progress.
  const CHUNK = 2000;

  class DrawInputError extends Error {}

  const encoder = new TextEncoder();
  const utf8 = (text) => encoder.encode(text);
  const hex = (data) => Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');
  const fromHex = (text) => Uint8Array.from(text.match(/../g) || [], (h) => Number.parseInt(h, 16));
  const concat = (...parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  /** The first 6 bytes big-endian: exact in a double, as Buffer.readUIntBE(0, 6). */
  const head48 = (b) => ((((b[0] * 256 + b[1]) * 256 + b[2]) * 256 + b[3]) * 256 + b[4]) * 256 + b[5];

  const sha256Hex = async (data) => hex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
  // HMAC pads a key shorter than a block with zero bytes, so the empty key (which Web Crypto refuses) is
  // the same key as a single zero byte.
  const hmacKey = (key) =>
    crypto.subtle.importKey('raw', key.length === 0 ? new Uint8Array(1) : key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const hmac = async (key, data) => new Uint8Array(await crypto.subtle.sign('HMAC', key, data));

  // MD5 (RFC 1321), only for RFC 3797 mode. The table is written out rather than computed from Math.sin,
  // whose last bit the language does not fix.
  // biome-ignore format: a table
  const MD5_K = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
  ];
  const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

  function md5(data) {
    const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
    padded.set(data);
    padded[data.length] = 0x80;
    const view = new DataView(padded.buffer);
    const bits = data.length * 8;
    view.setUint32(padded.length - 8, bits >>> 0, true);
    view.setUint32(padded.length - 4, Math.floor(bits / 2 ** 32), true);
    const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for (let block = 0; block < padded.length; block += 64) {
      let [a, b, c, d] = state;
      for (let i = 0; i < 64; i++) {
        const round = i >> 4;
        let f;
        let g;
        if (round === 0) {
          f = (b & c) | (~b & d);
          g = i;
        } else if (round === 1) {
          f = (d & b) | (~d & c);
          g = (5 * i + 1) % 16;
        } else if (round === 2) {
          f = b ^ c ^ d;
          g = (3 * i + 5) % 16;
        } else {
          f = c ^ (b | ~d);
          g = (7 * i) % 16;
        }
        const s = MD5_S[round * 4 + (i % 4)];
        const sum = (f + a + MD5_K[i] + view.getUint32(block + 4 * g, true)) | 0;
        a = d;
        d = c;
        c = b;
        b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
      }
      state[0] = (state[0] + a) | 0;
      state[1] = (state[1] + b) | 0;
      state[2] = (state[2] + c) | 0;
      state[3] = (state[3] + d) | 0;
    }
    const out = new Uint8Array(16);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 4; i++) outView.setUint32(4 * i, state[i], true);
    return out;
  }

  /** RFC 3797 §5: each source's numbers ascending, each followed by ".", each source closed by "/". */
  function keyString(sources) {
    return sources
      .map((s) => {
        const numbers = s.values.map((v) => {
          if (!/^\d{1,80}$/.test(v)) throw new DrawInputError(`「${s.name}」的数值「${v}」不是非负整数`);
          return BigInt(v);
        });
        numbers.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return `${numbers.map((n) => `${n}.`).join('')}/`;
      })
      .join('');
  }

  /** The 128-bit value of the j-th RFC 3797 pick: MD5(j ‖ key ‖ j), j as two bytes big-endian. */
  function rfc3797Value(keyBytes, j) {
    const counter = new Uint8Array([j >> 8, j & 0xff]);
    return BigInt(`0x${hex(md5(concat(counter, keyBytes, counter)))}`);
  }

  async function snapshotHashes(inputs) {
    return {
      population: await sha256Hex(utf8(inputs.population.map(([label, stratum]) => `${label}\t${stratum}\n`).join(''))),
      inspectors: await sha256Hex(utf8(inputs.inspectors.map((label) => `${label}\n`).join(''))),
      conflicts: await sha256Hex(utf8(inputs.conflicts.map(([inspector, target]) => `${inspector}\t${target}\n`).join(''))),
    };
  }

  // The checks of draw.ts's checkInputs, in its order, so a refused draw gives the same reason.
  async function checkInputs(inputs) {
    if (!ALGORITHMS.includes(inputs.algorithm)) throw new DrawInputError('未知的抽取算法');
    if (!/^[0-9a-f]{64}$/.test(inputs.commitment)) throw new DrawInputError('承诺值应为 64 位十六进制');
    if (!/^([0-9a-f]{2})*$/.test(inputs.code)) throw new DrawInputError('一次性码应为十六进制');
    if ((await sha256Hex(fromHex(inputs.code))) !== inputs.commitment) throw new DrawInputError('公布的一次性码与事先公告的承诺值不符');
    if (inputs.sources.length === 0 || inputs.sources.some((s) => s.values.length === 0))
      throw new DrawInputError('每个随机源都须有开奖数值');
    if (!Number.isInteger(inputs.teamSize) || inputs.teamSize < 0) throw new DrawInputError('每组人数应为非负整数');
    const cap = inputs.maxTasksPerInspector;
    if (cap !== null && !(Number.isInteger(cap) && cap >= 1)) throw new DrawInputError('每人最多任务数应为正整数');
    // Tab, line feed or NUL: the separators of the snapshot lines and the team messages.
    const unclean = (text) => {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 9 || c === 10 || c === 0) return true;
      }
      return false;
    };
    const labels = new Set();
    const strata = new Set();
    for (const [label, stratum] of inputs.population) {
      if (unclean(label) || unclean(stratum)) throw new DrawInputError('标识中不能含制表符、换行符或空字符');
      labels.add(label);
      strata.add(stratum);
    }
    if (labels.size !== inputs.population.length) throw new DrawInputError('检查对象名录中有重复的标识');
    if (new Set(inputs.inspectors).size !== inputs.inspectors.length || inputs.inspectors.some(unclean))
      throw new DrawInputError('执法检查人员名录中有重复或含分隔符的标识');
    const quotaStrata = new Set();
    for (const q of inputs.quotas) {
      if (!Number.isInteger(q.count) || q.count < 0) throw new DrawInputError(`「${q.stratum}」类的抽取数应为非负整数`);
      if (quotaStrata.has(q.stratum)) throw new DrawInputError(`「${q.stratum}」类的抽取数重复`);
      quotaStrata.add(q.stratum);
      if (!strata.has(q.stratum) && q.count > 0) throw new DrawInputError(`名录中没有「${q.stratum}」类对象`);
    }
  }

  function strataLabels(inputs) {
    const byStratum = new Map();
    for (const [label, stratum] of inputs.population) {
      const list = byStratum.get(stratum);
      if (list) list.push(label);
      else byStratum.set(stratum, [label]);
    }
    return byStratum;
  }

  const tooMany = (stratum, size, count) => new DrawInputError(`「${stratum}」类只有 ${size} 个对象,不能抽取 ${count} 个`);

  async function pickByPosition(inputs, prk, onProgress) {
    const byStratum = strataLabels(inputs);
    const total = inputs.quotas.reduce((n, q) => n + (byStratum.get(q.stratum) || []).length, 0);
    let done = 0;
    const picks = [];
    for (const { stratum, count } of inputs.quotas) {
      const labels = byStratum.get(stratum) || [];
      if (count > labels.length) throw tooMany(stratum, labels.length, count);
      // Position = HKDF-Expand(PRK, info = label, 32) = HMAC(PRK, label ‖ 0x01).
      const positions = new Array(labels.length);
      for (let start = 0; start < labels.length; start += CHUNK) {
        const chunk = labels.slice(start, start + CHUNK);
        const computed = await Promise.all(chunk.map((label) => hmac(prk, concat(utf8(label), new Uint8Array([1])))));
        computed.forEach((p, i) => {
          positions[start + i] = p;
        });
        done += chunk.length;
        onProgress(done, total);
      }
      // Lowest first: by the 48-bit head, on a tie there by the whole position, then by label (lowestPositions).
      const heads = positions.map(head48);
      const order = labels.map((_, i) => i);
      order.sort((a, b) => {
        const d = heads[a] - heads[b];
        if (d !== 0) return d;
        const fa = hex(positions[a]);
        const fb = hex(positions[b]);
        return fa < fb ? -1 : fa > fb ? 1 : labels[a] < labels[b] ? -1 : 1;
      });
      for (const i of order.slice(0, count)) picks.push({ label: labels[i], stratum, position: hex(positions[i]) });
    }
    return picks;
  }

  function pickByRfc3797(inputs, key) {
    const byStratum = strataLabels(inputs);
    const total = inputs.quotas.reduce((n, q) => n + q.count, 0);
    if (total > RFC3797_MAX) throw new DrawInputError(`RFC 3797 方式最多抽取 ${RFC3797_MAX} 个`);
    const keyBytes = utf8(key);
    const picks = [];
    // The counter j runs on across strata.
    let j = 0;
    for (const { stratum, count } of inputs.quotas) {
      const labels = byStratum.get(stratum) || [];
      if (labels.length > RFC3797_MAX) throw new DrawInputError(`RFC 3797 方式每类对象不能超过 ${RFC3797_MAX} 个`);
      if (count > labels.length) throw tooMany(stratum, labels.length, count);
      const remaining = labels.map((label, i) => ({ label, number: i + 1 }));
      for (let k = 0; k < count; k++, j++) {
        const index = Number(rfc3797Value(keyBytes, j) % BigInt(remaining.length));
        const [chosen] = remaining.splice(index, 1);
        picks.push({ label: chosen.label, stratum, position: String(chosen.number) });
      }
    }
    return picks;
  }

  /** The team walk's values HMAC(PRK, "team" 0x00 target 0x00 decimal(j)), first 6 bytes, computed ahead in batches. */
  function teamValues(prk) {
    const cache = new Map();
    const compute = async (wanted) => {
      const missing = wanted.filter(([label, j]) => !cache.has(`${label}\u0000${j}`));
      for (let start = 0; start < missing.length; start += CHUNK) {
        const chunk = missing.slice(start, start + CHUNK);
        const values = await Promise.all(chunk.map(([label, j]) => hmac(prk, utf8(`team\u0000${label}\u0000${j}`))));
        values.forEach((v, i) => {
          const [label, j] = chunk[i];
          cache.set(`${label}\u0000${j}`, head48(v));
        });
      }
    };
    return {
      prefetch: compute,
      async value(label, j, ahead) {
        const key = `${label}\u0000${j}`;
        if (!cache.has(key)) await compute(Array.from({ length: ahead }, (_, k) => [label, j + k]));
        return cache.get(key);
      },
    };
  }

  async function assignTeams(inputs, prk, picks) {
    const conflicts = new Set(inputs.conflicts.map(([inspector, target]) => `${inspector}\u0000${target}`));
    const load = new Map();
    const cap = inputs.maxTasksPerInspector ?? Number.POSITIVE_INFINITY;
    const walkLength = Math.min(inputs.teamSize, inputs.inspectors.length);
    const values = teamValues(prk);
    // A walk takes at least teamSize steps, one more per conflict met; load skips compute more on demand.
    if (walkLength > 0) {
      const conflictsOf = new Map();
      for (const [, target] of inputs.conflicts) conflictsOf.set(target, (conflictsOf.get(target) || 0) + 1);
      await values.prefetch(
        picks.flatMap((p) =>
          Array.from({ length: Math.min(inputs.inspectors.length, walkLength + (conflictsOf.get(p.label) || 0)) }, (_, j) => [p.label, j]),
        ),
      );
    }
    const recusals = [];
    const targets = [];
    for (const pick of picks) {
      const remaining = [...inputs.inspectors];
      const team = [];
      const open = [];
      for (let j = 0; team.length < inputs.teamSize && remaining.length > 0; j++) {
        const value = await values.value(pick.label, j, Math.max(8, inputs.teamSize));
        const [inspector] = remaining.splice(value % remaining.length, 1);
        if (conflicts.has(`${inspector}\u0000${pick.label}`)) {
          const recusal = { target: pick.label, inspector, substitute: null };
          recusals.push(recusal);
          open.push(recusal);
          continue;
        }
        if ((load.get(inspector) || 0) >= cap) continue;
        team.push(inspector);
        load.set(inspector, (load.get(inspector) || 0) + 1);
        const waiting = open.shift();
        if (waiting) waiting.substitute = inspector;
      }
      targets.push({ label: pick.label, stratum: pick.stratum, position: pick.position, team, unfilled: inputs.teamSize - team.length });
    }
    return { targets, recusals };
  }

  async function drawFromInputs(inputs, onProgress) {
    await checkInputs(inputs);
    const key = keyString(inputs.sources);
    // PRK = HKDF-Extract(salt = code, IKM = key string) = HMAC(code, key string).
    const prk = await hmacKey(await hmac(await hmacKey(fromHex(inputs.code)), utf8(key)));
    const picks = inputs.algorithm === 'vrs' ? await pickByPosition(inputs, prk, onProgress) : pickByRfc3797(inputs, key);
    return assignTeams(inputs, prk, picks);
  }

  // The bundle's shape (bundle.ts's DrawBundleSchema), so a file that is no draw bundle says so.
  function shapeProblem(bundle) {
    const isString = (v) => typeof v === 'string';
    const isInt = (min) => (v) => Number.isInteger(v) && v >= min;
    const nullOr = (test) => (v) => v === null || test(v);
    const hex64 = (v) => isString(v) && /^[0-9a-f]{64}$/.test(v);
    const pair = (v) => Array.isArray(v) && v.length === 2 && v.every(isString);
    const arrayOf = (test) => (v) => Array.isArray(v) && v.every(test);
    const object = (fields) => (v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(fields).every(([k, test]) => test(v[k]));
    const parts = {
      '/format': (v) => v === FORMAT,
      '/id': isString,
      '/title': isString,
      '/inputs': object({
        algorithm: (v) => ALGORITHMS.includes(v),
        population: arrayOf(pair),
        quotas: arrayOf(object({ stratum: isString, count: isInt(0) })),
        inspectors: arrayOf(isString),
        conflicts: arrayOf(pair),
        teamSize: isInt(0),
        maxTasksPerInspector: nullOr(isInt(1)),
        sources: arrayOf(object({ name: isString, values: arrayOf(isString) })),
        code: isString,
        commitment: hex64,
      }),
      '/announced': object({
        populationSha256: hex64,
        inspectorsSha256: hex64,
        conflictsSha256: hex64,
        populationCount: isInt(0),
        at: isString,
        ledgerIndex: nullOr(isInt(0)),
      }),
      '/result': object({
        targets: arrayOf(object({ label: isString, stratum: isString, position: isString, team: arrayOf(isString), unfilled: isInt(0) })),
        recusals: arrayOf(object({ target: isString, inspector: isString, substitute: nullOr(isString) })),
      }),
      '/drawn': object({ at: isString, ledgerIndex: nullOr(isInt(0)) }),
    };
    if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return '/';
    const bad = Object.entries(parts).find(([path, test]) => !test(bundle[path.slice(1)]));
    return bad ? bad[0] : null;
  }

  function firstDifference(actual, published) {
    if (actual.targets.length !== published.targets.length)
      return `重新抽取得 ${actual.targets.length} 个对象,公布为 ${published.targets.length} 个`;
    for (let i = 0; i < actual.targets.length; i++) {
      const a = actual.targets[i];
      const p = published.targets[i];
      if (a.label !== p.label) return `第 ${i + 1} 个对象:重新抽取得 ${a.label},公布为 ${p.label}`;
      if (a.stratum !== p.stratum || a.position !== p.position || a.unfilled !== p.unfilled)
        return `${a.label} 的类别、位置或缺员数与公布的不一致`;
      if (a.team.join(',') !== p.team.join(',')) return `${a.label} 的检查组:重新抽取得 ${a.team.join('、')},公布为 ${p.team.join('、')}`;
    }
    const key = (r) => `${r.target}/${r.inspector}/${r.substitute ?? ''}`;
    if (actual.recusals.map(key).join(',') !== published.recusals.map(key).join(',')) return '回避记录与公布的不一致';
    return null;
  }

  const noProgress = () => {};

  /** Re-runs the bundle's draw; the result in the published shape. Throws on inputs that form no draw. */
  async function runDraw(bundle, options = {}) {
    return drawFromInputs(bundle.inputs, options.onProgress || noProgress);
  }

  /** The checks of verifyDraw (same names, same order) and the recomputed result (null when refused). */
  async function verify(bundle, options = {}) {
    const problem = shapeProblem(bundle);
    if (problem !== null)
      return { ok: false, checks: [{ name: '文件格式', ok: false, detail: `不是 ${FORMAT} 抽取记录(${problem})` }], result: null };
    const { inputs, announced, drawn } = bundle;
    // The announcement must precede the draw (ISO 8601 UTC times compare as text).
    const checks = [{ name: '公告先于抽取', ok: announced.at < drawn.at, detail: `公告 ${announced.at},抽取 ${drawn.at}` }];
    const hashes = await snapshotHashes(inputs);
    const compare = (name, actual, expected) =>
      checks.push({ name, ok: actual === expected, detail: actual === expected ? actual : `计算得 ${actual},公告为 ${expected}` });
    compare('检查对象名录快照', hashes.population, announced.populationSha256);
    compare('检查对象数量', String(inputs.population.length), String(announced.populationCount));
    compare('执法检查人员名录快照', hashes.inspectors, announced.inspectorsSha256);
    compare('利害关系申报快照', hashes.conflicts, announced.conflictsSha256);
    const opens = /^([0-9a-f]{2})*$/.test(inputs.code) && (await sha256Hex(fromHex(inputs.code))) === inputs.commitment;
    checks.push({
      name: '一次性码与承诺值',
      ok: opens,
      detail: opens
        ? `SHA-256(${inputs.code.slice(0, 16)}…) = ${inputs.commitment.slice(0, 16)}…`
        : '公布的一次性码的 SHA-256 与事先公告的承诺值不符',
    });
    if (!opens) return { ok: false, checks, result: null };
    let result;
    try {
      result = await drawFromInputs(inputs, options.onProgress || noProgress);
    } catch (error) {
      if (!(error instanceof DrawInputError)) throw error;
      checks.push({ name: '重新抽取', ok: false, detail: error.message });
      return { ok: false, checks, result: null };
    }
    const difference = firstDifference(result, bundle.result);
    checks.push({
      name: '重新抽取结果',
      ok: difference === null,
      detail: difference ?? `${result.targets.length} 个检查对象、${result.recusals.length} 次回避,与公布结果一致`,
    });
    return { ok: checks.every((c) => c.ok), checks, result };
  }

  const root = typeof window === 'object' && window !== null ? window : globalThis;
  root.SanxiangDraw = Object.freeze({ runDraw, verify });

  // ——— The page: <section id="draw-verify" data-bundle-url=…> with #draw-verify-run, #draw-verify-output
  // and the form #draw-verify-inputs (textarea "sources", one source per line; input "code").
  if (typeof document !== 'object' || document === null) return;
  const panel = document.getElementById('draw-verify');
  const button = document.getElementById('draw-verify-run');
  const output = document.getElementById('draw-verify-output');
  if (!panel || !button || !output) return;
  const form = document.getElementById('draw-verify-inputs');
  const sourcesField = form ? form.querySelector('[name="sources"]') : null;
  const codeField = form ? form.querySelector('[name="code"]') : null;

  const element = (tag, text, className) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  };

  // Same numbers for the key string: order within a source and leading zeros do not count as a change.
  const normalized = (values) => values.map((v) => (/^\d{1,80}$/.test(v) ? BigInt(v).toString() : v)).sort();
  const sameValues = (a, b) => normalized(a).join(' ') === normalized(b).join(' ');

  /** The bundle with the form's sources and code; an empty field is filled from the bundle instead. */
  function withFormInputs(bundle) {
    const published = bundle.inputs;
    const changed = [];
    let sources = published.sources;
    const lines = sourcesField ? sourcesField.value.split(/\r?\n/).filter((line) => line.trim() !== '') : [];
    if (lines.length === 0) {
      if (sourcesField) sourcesField.value = published.sources.map((s) => s.values.join(' ')).join('\n');
    } else {
      sources = lines.map((line, i) => ({
        name: published.sources[i] ? published.sources[i].name : `第 ${i + 1} 个随机源`,
        values: line.trim().split(/[\s,,、]+/),
      }));
      sources.forEach((s, i) => {
        if (!published.sources[i] || !sameValues(s.values, published.sources[i].values)) changed.push(`「${s.name}」的数值`);
      });
      if (lines.length < published.sources.length) changed.push(`少了 ${published.sources.length - lines.length} 个随机源`);
    }
    let code = published.code;
    const typed = codeField ? codeField.value.trim().toLowerCase() : '';
    if (typed === '') {
      if (codeField) codeField.value = published.code;
    } else if (typed !== published.code) {
      code = typed;
      changed.push('一次性码');
    }
    return { bundle: { ...bundle, inputs: { ...published, sources, code } }, changed };
  }

  function resultTable() {
    let table = document.getElementById('draw-verify-result');
    if (!table) {
      table = element('table', undefined, 'stack');
      table.id = 'draw-verify-result';
      const row = element('tr');
      for (const title of ['序号', '检查对象', '风险类别', '抽取位置', '检查组', '回避', '与公布结果']) row.append(element('th', title));
      const thead = element('thead');
      thead.append(row);
      table.append(thead);
      output.append(table);
    }
    let tbody = table.querySelector('tbody');
    if (!tbody) {
      tbody = element('tbody');
      table.append(tbody);
    }
    return tbody;
  }

  function renderResult(result, published) {
    const rows = result.targets.map((t, i) => {
      const p = published.targets[i];
      const same = p !== undefined && p.label === t.label && p.team.join(',') === t.team.join(',');
      const recused = result.recusals
        .filter((r) => r.target === t.label)
        .map((r) => `${r.inspector} 回避,${r.substitute === null ? '无人替补' : `由 ${r.substitute} 替补`}`);
      const tr = element('tr', undefined, same ? '' : 'draw-differs');
      tr.setAttribute('data-target', t.label);
      const cells = [
        ['序号', String(i + 1)],
        ['检查对象', t.label],
        ['风险类别', t.stratum],
        // A VRS position is 64 hex digits; its first 16 identify it, the cell's title holds all.
        ['抽取位置', t.position.length > 16 ? `${t.position.slice(0, 16)}…` : t.position],
        ['检查组', t.team.length === 0 ? '—' : `${t.team.join('、')}${t.unfilled > 0 ? `(缺 ${t.unfilled} 人)` : ''}`],
        ['回避', recused.length === 0 ? '—' : recused.join(';')],
        [
          '与公布结果',
          same ? '一致' : p === undefined ? '不同:公布结果中没有此项' : `不同:公布为 ${p.label},检查组 ${p.team.join('、') || '—'}`,
        ],
      ];
      for (const [label, text] of cells) {
        const td = element('td', text, label === '与公布结果' ? (same ? 'check-ok' : 'check-fail') : undefined);
        td.setAttribute('data-label', label);
        if (label === '抽取位置') td.setAttribute('title', t.position);
        tr.append(td);
      }
      return tr;
    });
    resultTable().replaceChildren(...rows);
  }

  let running = false;
  async function run() {
    if (running) return;
    running = true;
    button.disabled = true;
    output.replaceChildren();
    const status = element('p', '正在读取抽取记录…', 'draw-verify-status');
    const list = element('ol', undefined, 'draw-verify-checks');
    output.append(status, list);
    const report = (ok, text) => list.append(element('li', `${ok ? '✓ ' : '✗ '}${text}`, ok ? 'check-ok' : 'check-fail'));
    const existing = document.getElementById('draw-verify-result');
    const tbody = existing ? existing.querySelector('tbody') : null;
    if (tbody) tbody.replaceChildren();
    try {
      if (!globalThis.crypto || !globalThis.crypto.subtle) {
        status.textContent = '';
        report(false, '本浏览器未提供 Web Crypto(需 HTTPS 访问),请下载抽取记录后用 sanxiang draw verify 核验');
        return;
      }
      const res = await fetch(panel.dataset.bundleUrl, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`${panel.dataset.bundleUrl}:HTTP ${res.status}`);
      const published = await res.json();
      const problem = shapeProblem(published);
      if (problem !== null) {
        status.textContent = '';
        report(false, `文件格式:不是 ${FORMAT} 抽取记录(${problem})`);
        return;
      }
      const { bundle, changed } = withFormInputs(published);
      status.textContent = '正在重新抽取…';
      const verification = await verify(bundle, {
        onProgress: (done, total) => {
          status.textContent = `正在计算排序位置:${done} / ${total}`;
        },
      });
      status.textContent =
        changed.length === 0
          ? '已按公布的数值重新抽取。'
          : `已按表单中改动的数值重新抽取(改动了${changed.join('、')}),结果因此可能与公布的不同。`;
      for (const check of verification.checks) report(check.ok, `${check.name}:${check.detail}`);
      report(
        verification.ok,
        verification.ok ? '核验通过:重新抽取的结果与公布的结果完全一致。' : '核验未通过:以上标 ✗ 的项目与公布的不一致。',
      );
      if (verification.result) renderResult(verification.result, published.result);
    } catch (error) {
      report(false, `核验未能完成:${error instanceof Error ? error.message : String(error)}`);
    } finally {
      button.disabled = false;
      running = false;
    }
  }

  if (form) {
    // Enter in the code field submits the form: run instead of leaving the page.
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run();
    });
  }
  button.addEventListener('click', (event) => {
    if (form && button.type === 'submit') event.preventDefault();
    void run();
  });
  panel.hidden = false;
})();
