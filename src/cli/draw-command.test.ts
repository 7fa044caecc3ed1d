import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCapture } from '../../test/support/console-capture.js';
import { runDrawCommand, runDrawVerify } from './draw-command.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/sanxiang.mjs');
const vectorsDir = path.join(root, 'test/vectors/draws');
const vectors = fs.readdirSync(vectorsDir).filter((f) => f.endsWith('.json'));

describe('sanxiang draw verify', () => {
  let dir: string;
  const { output, capture } = consoleCapture();
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-draw-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('has test vectors to run', () => {
    expect(vectors).toEqual(expect.arrayContaining(['rfc3797-example.json', 'vrs-strata-teams.json', 'rfc3797-teams.json']));
  });

  it.each(vectors)('reproduces %s: every check ✓ and exit 0', async (name) => {
    capture();
    expect(await runDrawVerify(path.join(vectorsDir, name))).toBe(0);
    expect(output[0]).toMatch(/^抽取记录:测试向量/);
    const checks = output.filter((l) => /^[✓✗] /.test(l));
    expect(checks).toHaveLength(7);
    expect(checks.every((l) => l.startsWith('✓ '))).toBe(true);
    expect(output.at(-1)).toMatch(/^核验通过/);
  });

  it('exits 1 naming the target when one team member was changed', async () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(vectorsDir, 'vrs-strata-teams.json'), 'utf8'));
    const target = bundle.result.targets[3];
    target.team[0] = target.team[0] === '62010020260001' ? '62010020260002' : '62010020260001';
    capture();
    expect(await runDrawVerify(write('changed.json', JSON.stringify(bundle)))).toBe(1);
    expect(output).toContainEqual(expect.stringMatching(new RegExp(`^✗ 重新抽取结果:${target.label} 的检查组`)));
    expect(output.at(-1)).toMatch(/^核验未通过/);
  });

  it('exits 1 on a wrong code, reporting it against the commitment', async () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(vectorsDir, 'rfc3797-example.json'), 'utf8'));
    bundle.inputs.code = 'ab';
    capture();
    expect(await runDrawVerify(write('code.json', JSON.stringify(bundle)))).toBe(1);
    expect(output).toContainEqual('✗ 一次性码与承诺值:公布的一次性码的 SHA-256 与事先公告的承诺值不符');
  });

  it.each([
    ['invalid JSON', '{"format": "sanxiang-draw/1",', /不是有效的 JSON/],
    ['JSON that is no bundle', '{"format": "sanxiang-draw/1"}', /✗ 文件格式:不是 sanxiang-draw\/1 抽取记录/],
    ['an empty file', '', /不是有效的 JSON/],
  ])('exits 1 on %s with a clear message', async (_, text, message) => {
    capture();
    expect(await runDrawVerify(write('bad.json', text))).toBe(1);
    expect(output.join('\n')).toMatch(message);
  });

  it('exits 1 on a missing file or a directory', async () => {
    capture();
    expect(await runDrawVerify(path.join(dir, 'absent.json'))).toBe(1);
    expect(output.join('\n')).toMatch(/absent\.json:文件不存在/);
    expect(await runDrawVerify(dir)).toBe(1);
    expect(output.join('\n')).toMatch(/这是一个目录/);
  });

  it('explains its usage on other arguments', async () => {
    capture();
    for (const args of [[], ['check', 'x.json'], ['verify'], ['verify', 'a.json', 'b.json']]) expect(await runDrawCommand(args)).toBe(1);
    expect(output.every((l) => l.startsWith('用法:sanxiang draw verify'))).toBe(true);
  });

  it('runs as `sanxiang draw verify <file>` without any configuration', async () => {
    // A configuration that would stop every other command: draw verify must not read it.
    const env = { ...process.env, PORT: 'x', SANXIANG_DATABASE_URL: 'oracle://db' };
    const [ok, failure, { stdout }] = await Promise.all([
      run(process.execPath, [bin, 'draw', 'verify', 'test/vectors/draws/rfc3797-example.json'], { cwd: root, env }),
      run(process.execPath, [bin, 'draw', 'verify', path.join(dir, 'absent.json')], { cwd: root, env }).catch((e: unknown) => e),
      run(process.execPath, [bin, 'help']),
    ]);
    expect(ok.stdout).toContain('✓ 重新抽取结果:5 个检查对象、0 次回避,与公布结果一致');
    expect(ok.stdout).toMatch(/核验通过/);
    expect(failure).toMatchObject({ code: 1 });
    expect(String((failure as { stderr: string }).stderr)).toContain('文件不存在');
    expect(stdout).toContain('sanxiang draw verify');
  });
});
