import fs from 'node:fs/promises';
import { verifyBundle } from '../platform/draw/bundle.js';

// `sanxiang draw verify <file>`: re-runs a published 双随机 draw from its verification bundle (the JSON of
// GET /api/public/draws/:id) offline. It needs no configuration, database or network, so anyone who
// downloaded the bundle can run it; main.ts dispatches it before loading the configuration.

const USAGE = '用法:sanxiang draw verify <抽取记录文件.json>';

/** `sanxiang draw …`: only `verify <file>` so far. */
export async function runDrawCommand(args: readonly string[]): Promise<number> {
  const [sub, file, ...extra] = args;
  if (sub !== 'verify' || file === undefined || extra.length > 0) {
    console.error(USAGE);
    return 1;
  }
  return runDrawVerify(file);
}

/** Prints each check (✓/✗ name:detail) and a verdict; 0 when the file reproduces its published result. */
export async function runDrawVerify(file: string): Promise<number> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : error instanceof Error ? error.message : String(error);
    console.error(`无法读取 ${file}:${reason}`);
    return 1;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    console.error(`${file} 不是有效的 JSON:${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const described = describe(value);
  if (described) console.log(described);
  const verification = verifyBundle(value);
  for (const check of verification.checks) console.log(`${check.ok ? '✓' : '✗'} ${check.name}:${check.detail}`);
  if (verification.ok) {
    console.log('核验通过:快照与公告一致,一次性码与承诺值相符,重新抽取的结果与公布的结果完全一致。');
    return 0;
  }
  console.log('核验未通过:以上标 ✗ 的项目与公布的不一致。');
  return 1;
}

/** The bundle's title and id when the file has them (before its shape is checked), for the reader's bearings. */
function describe(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, title } = value as { id?: unknown; title?: unknown };
  return typeof title === 'string' && typeof id === 'string' ? `抽取记录:${title}(${id})` : null;
}
