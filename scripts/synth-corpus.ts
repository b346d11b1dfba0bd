// Deterministic synthetic corpus for the build benchmark: Vietnamese news articles about ASEAN
// diplomacy, shaped like the real samples (title, byline, body, page furniture), from the lexicon.
// Usage: tsx scripts/synth-corpus.ts --out DIR [--count 10000] [--seed 1]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32, type Random } from "./seeded-random.ts";

const LEXICON_DIR = resolve(import.meta.dirname, "../src/extract/lexicon");

/** The world knowledge the generator draws on: names of real states, bodies and cities. */
export interface SynthLexicon {
  countries: string[];
  organizations: string[];
  cities: string[];
  surnames: string[];
}

// Used when the lexicon files are absent, so the generator does not depend on the extractor.
const BUILT_IN: SynthLexicon = {
  countries: ["Việt Nam", "Campuchia", "Lào", "Thái Lan", "Indonesia", "Malaysia", "Singapore", "Philippines",
    "Myanmar", "Brunei", "Trung Quốc", "Nhật Bản", "Hàn Quốc", "Ấn Độ", "Australia", "New Zealand", "Hoa Kỳ", "Nga", "Canada"],
  organizations: ["ASEAN", "Liên Hợp Quốc", "Ban Thư ký ASEAN", "Tổ chức Y tế Thế giới", "Ngân hàng Phát triển châu Á",
    "Liên minh châu Âu", "Bộ Ngoại giao", "Bộ Công Thương", "Bộ Quốc phòng"],
  cities: ["Hà Nội", "Đà Nẵng", "Jakarta", "Bangkok", "Manila", "Kuala Lumpur", "Phnom Penh", "Vientiane", "Singapore"],
  surnames: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"],
};

function readLexiconList<T>(file: string, pick: (json: Record<string, unknown>) => T[] | undefined): T[] | undefined {
  const path = join(LEXICON_DIR, file);
  if (!existsSync(path)) return undefined;
  try {
    const list = pick(JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>);
    return Array.isArray(list) && list.length > 0 ? list : undefined;
  } catch {
    return undefined;
  }
}

const namesIn = (key: string) => (json: Record<string, unknown>) =>
  (json[key] as Array<{ name?: unknown }> | undefined)?.map((x) => x.name).filter((n): n is string => typeof n === "string");

/** The lexicon files under src/extract/lexicon when present, the built-in lists otherwise. */
export function loadSynthLexicon(): SynthLexicon {
  return {
    countries: readLexiconList("countries.json", namesIn("countries")) ?? BUILT_IN.countries,
    // Ministries of one country read oddly after "của"; keep international bodies and ASEAN organs.
    organizations: readLexiconList("organizations.json", namesIn("organizations")) ?? BUILT_IN.organizations,
    cities: readLexiconList("places.json", (j) => j.cities as string[] | undefined) ?? BUILT_IN.cities,
    surnames: readLexiconList("people.json", (j) => j.vietnameseSurnames as string[] | undefined) ?? BUILT_IN.surnames,
  };
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness: one generator per article, so article i is the same in every corpus size.


const articleSeed = (seed: number, index: number): number => Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);

class Dice {
  constructor(private readonly random: Random) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error("synth-corpus: pick from an empty list");
    return item;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Invented people: syllable lists, never names taken from the answer key.

const VIET_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Hoài", "Bảo", "Gia", "Thế", "Công"];
const VIET_GIVEN = ["An", "Bách", "Cường", "Diệp", "Giao", "Hạnh", "Khải", "Lâm", "Ngân", "Phong", "Quân", "Sơn",
  "Tâm", "Thắng", "Uyên", "Vĩnh", "Yến", "Khoa", "Nhân", "Trí", "Hiển", "Lộc", "Tuệ", "Duy"];
const FOREIGN_SYLLABLES: Record<string, string[]> = {
  khmer: ["Sok", "Chan", "Vannak", "Sophea", "Rith", "Dara", "Kosal", "Pich", "Samnang", "Vuthy", "Chenda", "Borey"],
  lao: ["Khamphan", "Souk", "Vilay", "Phonsa", "Bounmy", "Sengdao", "Thongsay", "Keomany", "Chanthala"],
  malay: ["Azlan", "Hafiz", "Rahim", "Nurul", "Zainal", "Farid", "Iskandar", "Suria", "Halim", "Rosli"],
  thai: ["Anan", "Somchai", "Kittisak", "Wiraya", "Pranee", "Chatchai", "Suwit", "Nattapong", "Ratana"],
  other: ["Arlen", "Mirov", "Tessa", "Kalder", "Ingrid", "Oskar", "Lorin", "Davos", "Mika", "Renner"],
};
const STYLE_OF_COUNTRY: Record<string, string> = {
  Campuchia: "khmer", Lào: "lao", Malaysia: "malay", Indonesia: "malay", Brunei: "malay", Singapore: "malay", "Thái Lan": "thai",
};

function vietnameseName(d: Dice, lexicon: SynthLexicon): string {
  return `${d.pick(lexicon.surnames)} ${d.pick(VIET_MIDDLE)} ${d.pick(VIET_GIVEN)}`;
}

function foreignName(d: Dice, country: string): string {
  const syllables = FOREIGN_SYLLABLES[STYLE_OF_COUNTRY[country] ?? "other"] ?? [];
  return `${d.pick(syllables)} ${d.pick(syllables)}`;
}

// ---------------------------------------------------------------------------------------------
// The things an article talks about.

const MEETING_SERIES = ["Hội nghị Cấp cao ASEAN", "Hội nghị Bộ trưởng Ngoại giao ASEAN", "Hội nghị Bộ trưởng Kinh tế ASEAN",
  "Hội nghị Bộ trưởng Quốc phòng ASEAN", "Hội nghị Cấp cao Đông Á", "Hội nghị Quan chức Cao cấp ASEAN",
  "Diễn đàn Khu vực ASEAN", "Hội nghị Bộ trưởng Y tế ASEAN"];
const TOPICS = ["tăng cường hợp tác kinh tế số", "ứng phó biến đổi khí hậu", "phục hồi toàn diện sau đại dịch",
  "an ninh lương thực khu vực", "hợp tác biển bền vững", "phát triển nguồn nhân lực", "thu hẹp khoảng cách phát triển",
  "chuyển đổi năng lượng", "an ninh mạng", "bình đẳng giới", "y tế công cộng", "kết nối hạ tầng", "quản lý thiên tai"];
const DOC_HEADS = ["Tuyên bố", "Tuyên bố chung", "Kế hoạch hành động", "Chiến lược tổng thể", "Khung hợp tác", "Chương trình nghị sự"];
const VN_TITLES = ["Thủ tướng", "Phó Thủ tướng, Bộ trưởng Ngoại giao", "Bộ trưởng Ngoại giao", "Thứ trưởng Ngoại giao",
  "Bộ trưởng Công Thương", "Chủ tịch nước", "Thứ trưởng Bộ Ngoại giao, Trưởng SOM ASEAN Việt Nam"];
const FOREIGN_TITLES = ["Thủ tướng", "Tổng thống", "Bộ trưởng Ngoại giao", "Ngoại trưởng", "Phó Thủ tướng", "Bộ trưởng Kinh tế"];
const PUBLISHERS = ["Báo Thời sự", "Tin Ngoại giao", "Nhật báo Phương Nam", "Cổng Thông tin Khu vực", "Báo Đối ngoại"];
const FILLER = [
  "Các bên nhất trí tiếp tục thúc đẩy hợp tác thực chất, hiệu quả trên tất cả các trụ cột.",
  "Lãnh đạo các nước đánh giá cao những kết quả đã đạt được trong thời gian qua, đồng thời chỉ ra những thách thức còn tồn tại.",
  "Trong bối cảnh tình hình khu vực và thế giới diễn biến phức tạp, khó lường, vai trò trung tâm của ASEAN càng trở nên quan trọng.",
  "Các đại biểu cũng trao đổi về những vấn đề quốc tế và khu vực cùng quan tâm.",
  "Nhiều ý kiến cho rằng cần đẩy mạnh kết nối giữa các nền kinh tế, tạo thuận lợi cho thương mại và đầu tư.",
  "Kết quả này một lần nữa khẳng định tinh thần đoàn kết, tự cường và khả năng thích ứng của Cộng đồng.",
  "Các nước thành viên cam kết tiếp tục phối hợp chặt chẽ để triển khai hiệu quả các thỏa thuận đã đạt được.",
  "Phát biểu tại phiên thảo luận, nhiều trưởng đoàn nhấn mạnh tầm quan trọng của việc duy trì hòa bình, ổn định và hợp tác.",
];
const TEASERS = ["Toàn cảnh lễ đón các trưởng đoàn tại thủ đô", "Hình ảnh ấn tượng tại phiên khai mạc",
  "Doanh nghiệp kỳ vọng vào thỏa thuận thương mại mới", "Thời tiết ngày mai: mưa rào vài nơi",
  "Giá vàng hôm nay tăng nhẹ", "Những điểm nhấn của năm hợp tác khu vực", "Tổng kết hoạt động đối ngoại trong tháng"];

interface Scene {
  meeting: string;
  ordinal: number;
  host: string;
  city: string;
  year: number;
  month: number;
  day: number;
  online: boolean;
}

/**
 * Where and when a meeting took place: drawn from the meeting itself (series and ordinal), not from
 * the article, so that every article about one meeting agrees on its host, city and date, as real
 * coverage does (resolution must not be fed a 37th summit held in five different years).
 */
function meetingScene(seed: number, series: string, ordinal: number, lexicon: SynthLexicon): Scene {
  let hash = seed >>> 0;
  for (const ch of `${series}#${ordinal}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const d = new Dice(mulberry32(hash));
  return {
    meeting: series,
    ordinal,
    host: d.pick(lexicon.countries.slice(0, 12)),
    city: d.pick(lexicon.cities),
    year: d.int(2015, 2025),
    month: d.int(1, 12),
    day: d.int(1, 28),
    online: d.chance(0.3),
  };
}

function meetingName(series: string, ordinal: number, d: Dice): string {
  return d.chance(0.5) ? `${series} lần thứ ${ordinal}` : `${series} ${ordinal}`;
}

function documentName(d: Dice, scene: Scene, lexicon: SynthLexicon): string {
  const head = d.pick(DOC_HEADS);
  if (head === "Kế hoạch hành động") return `Kế hoạch hành động ASEAN - ${d.pick(lexicon.countries)} giai đoạn ${scene.year + 1}-${scene.year + 5}`;
  if (head === "Tuyên bố") return `Tuyên bố ${scene.city} về ${d.pick(TOPICS)}`;
  return `${head} ASEAN về ${d.pick(TOPICS)}`;
}

/** One body paragraph of one of several shapes: chairing, attending, adopting, proposing, filler. */
function paragraph(d: Dice, scene: Scene, lexicon: SynthLexicon): string {
  const m = meetingName(scene.meeting, scene.ordinal, d);
  const country = d.pick(lexicon.countries.filter((c) => c !== "Việt Nam"));
  const official = `${d.pick(FOREIGN_TITLES)} ${country} ${foreignName(d, country)}`;
  const vnOfficial = `${d.pick(VN_TITLES)} ${vietnameseName(d, lexicon)}`;
  const doc = (): string => documentName(d, scene, lexicon);
  const filler = (): string => d.pick(FILLER);
  const date = `ngày ${scene.day}/${scene.month}`;
  switch (d.int(0, 9)) {
    case 0:
      return `Từ ${date}, ${m} do ${scene.host} làm Chủ tịch đã diễn ra tại ${scene.city}${scene.online ? " theo hình thức trực tuyến" : ""}. ${filler()}`;
    case 1:
      return `${m} diễn ra dưới sự chủ trì của ${vnOfficial}, với sự tham dự của ${official} cùng lãnh đạo các nước thành viên. ${filler()}`;
    case 2:
      return `${official} đã tham dự ${m} và có bài phát biểu quan trọng về ${d.pick(TOPICS)}. ${filler()}`;
    case 3:
      return `Tại Hội nghị, các nhà lãnh đạo đã thông qua nhiều văn kiện quan trọng như: ${doc()}; ${doc()}; ${doc()}. ${filler()}`;
    case 4:
      return `${doc()} đã được thông qua tại ${m}, đánh dấu bước tiến mới trong hợp tác khu vực. ${filler()}`;
    case 5:
      return `${scene.host} đề xuất ${doc()}, được các nước đánh giá cao và ủng hộ. Đây là sáng kiến của ${scene.host} nhằm ${d.pick(TOPICS)}.`;
    case 6:
      return `Phát biểu tại phiên khai mạc, ${vnOfficial} khẳng định ${scene.host} sẵn sàng phối hợp với ${d.pick(lexicon.organizations)} thông qua các cơ chế hợp tác hiện có. ${filler()}`;
    case 7:
      return `Bên lề ${m}, ${vnOfficial} đã có cuộc gặp song phương với ${official}, trao đổi về ${d.pick(TOPICS)}. ${filler()}`;
    default:
      return `${filler()} ${filler()} ${filler()}`;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** Page furniture around the body, as news sites print it: each must stay out of the graph. */
function furniture(d: Dice, lexicon: SynthLexicon, publisher: string, title: string): { head: string[]; tail: string[] } {
  const teasers = Array.from({ length: d.int(2, 5) }, () => `• ${d.pick(TEASERS)}`);
  const tail = [
    vietnameseName(d, lexicon),
    d.pick(["Nổi bật", "NỔI BẬT TRANG CHỦ", "Đừng bỏ lỡ", "ĐỪNG BỎ LỠ"]),
    ...teasers,
    `Đường dây nóng: 0${d.int(900, 989)}.${d.int(10, 99)}.${d.int(10, 99)}.${d.int(10, 99)}`,
    `Bạn đang đọc bài viết "${title}" tại chuyên mục Thời sự của ${publisher}.`,
  ];
  return { head: [`Theo dõi ${publisher} trên`], tail };
}

/** Article `index` of the corpus for `seed`: the same text whatever the corpus size. */
export function generateArticle(seed: number, index: number, lexicon: SynthLexicon): string {
  const d = new Dice(mulberry32(articleSeed(seed, index)));
  const scene = meetingScene(seed, d.pick(MEETING_SERIES), d.int(1, 60), lexicon);
  const publisher = d.pick(PUBLISHERS);
  const title = `${meetingName(scene.meeting, scene.ordinal, d)}: ${d.pick(["thúc đẩy", "tăng cường", "hướng tới"])} ${d.pick(TOPICS)}`;
  const byline = `PV| ${pad2(scene.day)}/${pad2(scene.month)}/${scene.year} ${pad2(d.int(6, 22))}:${pad2(d.int(0, 59))}`;
  const { head, tail } = furniture(d, lexicon, publisher, title);

  // Sizes spread over 1–15 KB, more short articles than long ones, like the samples.
  const targetBytes = Math.round(1000 * Math.exp((d.int(0, 1000) / 1000) * Math.log(14)));
  const body: string[] = [];
  let bytes = Buffer.byteLength(title) + 400;
  while (bytes < targetBytes) {
    const p = paragraph(d, scene, lexicon);
    body.push(p);
    bytes += Buffer.byteLength(p) + 2;
    if (d.chance(0.12)) body.push(`${title} - Ảnh ${d.int(1, 3)}.`, `${d.pick(VN_TITLES)} ${vietnameseName(d, lexicon)} phát biểu tại hội nghị. - Ảnh: ${vietnameseName(d, lexicon)}`);
  }
  return [title, "", byline, ...head, "", ...body.flatMap((p) => [p, ""]), ...tail, ""].join("\n").normalize("NFC");
}

export const articleFileName = (index: number): string => `synth_${String(index).padStart(5, "0")}.txt`;

/** Writes articles 0..count-1 as .txt files into `dir` and returns the bytes written. */
export function writeCorpus(dir: string, count: number, seed: number, lexicon = loadSynthLexicon()): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = generateArticle(seed, i, lexicon);
    writeFileSync(join(dir, articleFileName(i)), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function main(argv: string[]): void {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const out = value("--out");
  if (!out) throw new Error("usage: tsx scripts/synth-corpus.ts --out DIR [--count 10000] [--seed 1]");
  const count = Number(value("--count") ?? 10_000);
  const seed = Number(value("--seed") ?? 1);
  const bytes = writeCorpus(out, count, seed);
  console.log(`wrote ${count} articles, ${(bytes / 1e6).toFixed(1)} MB, seed ${seed}, into ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
