// Common Chinese surnames, so that a 2–4 character word after 证人/投诉人/劳动者 is taken for a name
// only when it starts like one: the frequent single surnames of the public security ministry's yearly
// rankings (the first hundred alone are most of the population) and the compound surnames still met
// in practice. A name from the case data (options.parties / options.names) is
// found whatever its surname.

const SINGLE = new Set(
  [
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范',
    '金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜',
    '倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房',
    '滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣',
    '巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ]
    .join('')
    .split(''),
);

const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '令狐',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '闻人',
  '澹台',
  '申屠',
  '太史',
  '万俟',
  '钟离',
  '赫连',
];

/** The surname a name starts with: a listed compound surname, a listed single one, or undefined. */
export function knownSurname(text: string): string | undefined {
  const compound = COMPOUND.find((c) => text.startsWith(c));
  if (compound) return compound;
  const first = text.charAt(0);
  return SINGLE.has(first) ? first : undefined;
}

/** The surname for masking: a known one, else the first character (a code point, not a half surrogate pair). */
export function surnameOf(name: string): string {
  return knownSurname(name) ?? String.fromCodePoint(name.codePointAt(0) ?? 0x67d0);
}
