// Chinese, Korean and Vietnamese names are written family name first ("Xi Jinping" is "Xi" for short),
// and their given names are rarely in Western name lists. A common family name followed by a
// well-formed romanised given name is strong evidence of a person.

const CHINESE_SURNAMES = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang ' +
    'han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin ' +
    'fu xi wen qin bai mao hou shi meng long kong cui qiu qian tan jia zou xiong duan lei fang yan lai gong wan ' +
    'chang kang yin hao niu xue ou lam chan wong lee leung cheung ng ho tsang yip tsai'
  ).split(' '),
);

const KOREAN_SURNAMES = new Set(
  'kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song hong moon ko bae baek'.split(' '),
);

const VIETNAMESE_SURNAMES = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly to'.split(' '),
);

// Hanyu Pinyin syllables: an optional initial and a final; given names are one or two syllables.
const PINYIN_SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|a|e|i|o|u|v)';
const PINYIN_GIVEN = new RegExp(`^(?:${PINYIN_SYLLABLE}){1,2}$`);
const HYPHENATED_GIVEN = /^\p{L}+-\p{L}+$/u;

/** True when `family` `given` (folded) reads as a family-name-first East Asian name. */
export function isEastAsianName(family: string, given: string, third?: string): boolean {
  if (CHINESE_SURNAMES.has(family) && third === undefined) {
    return PINYIN_GIVEN.test(given.replace(/-|'/g, '')) && given.length >= 2;
  }
  if (KOREAN_SURNAMES.has(family)) {
    return third === undefined ? HYPHENATED_GIVEN.test(given) : given.length <= 5 && third.length <= 5;
  }
  if (VIETNAMESE_SURNAMES.has(family)) return third !== undefined;
  return false;
}
