// Addresses below district/county level. A natural person's home address must be hidden (浙江办法 §7,
// domain-research A8), but the district it lies in is harmless and helps the reader, so the finding is
// only the part after the last 区/县/旗/市 (or after a leading 镇/乡/街道 when no county is written):
// 石嘴山市大武口区朝阳西街12号3栋2单元501室 → 石嘴山市大武口区******.
//
// An address is recognised by its shape, with no place lexicon: a run of components such as 朝阳西街,
// 12号, 3栋, 2单元, 501室, 小店子村, 3组, right after a county-level name. The run must reach house level
// (a number, or a village or its group) — 大武口区长胜街道办事处 names an office, not a home.

import { ADDRESS_MASK } from './masks.js';
import type { Candidate } from './types.js';

/** A Han character that is not an administrative suffix, so a component never swallows 大武口区. */
const NAME = String.raw`(?:(?![省市区县旗镇乡])\p{Script=Han})`;
const NAMED_SUFFIX = '街道|大街|大道|胡同|社区|小区|花园|家园|公寓|大厦|广场|新村|村|组|队|屯|街|路|巷|弄|里|苑|园|庄|坊|院|城|道|镇|乡';
/** Parts of a housing estate written without a name of their own: 长城花园小区, 锦林社区北区. */
const STANDALONE = '小区|社区|园区|花园|家园|新村|公寓|大厦|北区|南区|东区|西区|[A-Z]区';
// Word documents often put a space around numbers (朝阳西街 8 号 3 单元 502 室): one space (or full-width
// space) is allowed between a number and its unit and between components.
const SP = '[ \u3000]?';
const NUMBERED = String.raw`(?:\d+(?:-\d+)*|[一二三四五六七八九十百零〇]+)${SP}(?:号楼|号院|号|#楼|#|栋|幢|座|单元|楼|层|室|户|组|队|排|门|弄|巷)|[A-Z]\d*(?:栋|座|幢)`;
/** 2单元501, 3-2-501: bare digits end a run, unless they are a date, an amount or a count. */
const BARE = String.raw`\d+(?:-\d+)*(?![\d年月日元万个人名天次%.])`;
const DETAIL = new RegExp(
  `(?:${NAME}{1,8}?(?:${NAMED_SUFFIX})|${STANDALONE}|${NUMBERED})(?:${SP}(?:${NAME}{1,8}?(?:${NAMED_SUFFIX})|${STANDALONE}|${NUMBERED}))*(?:${SP}${BARE})?`,
  'gu',
);
const FIRST_COMPONENT = new RegExp(`^${NAME}{1,8}?(?:街道|镇|乡)`, 'u');
const HOUSE_LEVEL = /\d|[一二三四五六七八九十百零〇]+(?:号|栋|幢|单元|楼|层|室|户|组|队|排)|[村组队屯]/u;

/** 区/县/旗/市 closing a place name — but not 社区, 小区, 超市, 城市 and the like. */
const COUNTY_END = /[区县旗市]$/u;
const NOT_COUNTY = /(?:社区|小区|园区|校区|景区|片区|厂区|超市|城市|门市|集市|夜市|菜市|都市)$/u;
/** An institution at that place, not a home: 小店子村村委会, 胜利街道办事处. */
const INSTITUTION_AFTER =
  /^(?:村民委员会|居民委员会|村委会|居委会|委员会|办事处|派出所|人民政府|政府|卫生院|卫生室|小学|中学|学校|医院|支行|分行|营业部|分理处|党支部|党委)/u;

const PERSON_LABELS = /(?:家庭住址|现住址|住址|户籍所在地|户籍地|居住地|现住|暂住|住在)[:：\s]*[^:：]*$/u;
const ORG_LABELS = /(?:注册地址|经营场所|营业场所|经营地址|办公地址|单位地址|注册地)[:：\s]*[^:：]*$/u;
const ANY_LABEL = /(?:住址|住所|地址|场所|户籍|居住|现住|暂住|位于|坐落)/u;

export interface AddressContext {
  /** Organisations whose addresses are public (options.keepAddressesOf). */
  readonly keepOf: readonly string[];
  /** Where natural persons' names were found: an address right after one is that person's. */
  readonly personStarts: readonly number[];
}

export function addresses(s: string, context: AddressContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.matchAll(DETAIL)) {
    let start = m.index;
    let detail = m[0];
    const before = s.slice(Math.max(0, start - 6), start);
    if (!COUNTY_END.test(before) || NOT_COUNTY.test(before)) {
      // No county written: after an address label, a leading town or 街道 is the kept prefix
      // (住址：姚伏镇小店子村五队 → 姚伏镇******); without a label it is a place in the narrative.
      const town = FIRST_COMPONENT.exec(detail);
      if (!town || !ANY_LABEL.test(clauseBefore(s, start))) continue;
      start += town[0].length;
      detail = detail.slice(town[0].length);
    }
    const end = start + detail.length;
    if (detail === '' || !HOUSE_LEVEL.test(detail) || INSTITUTION_AFTER.test(s.slice(end))) continue;
    const clause = clauseBefore(s, start);
    const keep = publicAddress(s, start, clause, context);
    out.push({
      kind: 'address_detail',
      start,
      end,
      confidence: ANY_LABEL.test(clause) ? 'high' : 'medium',
      replacement: keep ? detail : ADDRESS_MASK,
      reason: keep ? '组织的地址（公开）：区县以下部分' : '地址：区县以下部分',
      keep,
    });
  }
  return out;
}

/** The current clause up to the address: back to the nearest line break or sentence punctuation. */
function clauseBefore(s: string, start: number): string {
  const window = s.slice(Math.max(0, start - 40), start);
  return window.split(/[\n。；;，,]/u).pop() ?? '';
}

/**
 * Whether the address is an organisation's and public. Kept simple on purpose: within the block
 * before the address (back to a blank line or 。, at most 200 characters), a personal label
 * (住址, 户籍地 …) never keeps it; an organisational label (注册地址, 经营场所 …) keeps it when one of
 * the organisations is named in the block; otherwise (住所, 地址, no label) the nearer of the last
 * named organisation and the last natural person's name decides.
 */
function publicAddress(s: string, start: number, clause: string, context: AddressContext): boolean {
  if (context.keepOf.length === 0 || PERSON_LABELS.test(clause)) return false;
  const from = Math.max(0, start - 200, s.lastIndexOf('。', start - 1) + 1, s.lastIndexOf('\n\n', start - 1) + 2);
  const block = s.slice(from, start);
  const orgAt = Math.max(...context.keepOf.filter((n) => n !== '').map((n) => block.lastIndexOf(n)), -1);
  if (orgAt < 0) return false;
  if (ORG_LABELS.test(clause)) return true;
  const personAt = Math.max(...context.personStarts.filter((p) => p >= from && p < start).map((p) => p - from), -1);
  return orgAt > personAt;
}
