// Recognises page furniture line by line: the parts of a news page that are not the
// article (headers, bylines, player strings, photo credits, teaser blocks, hotlines).
import { dropCaptions, isGluedCaption } from "./captions.ts";

/** "PV| 16/11/2020 16:21", "Thời sự 09/11/2020 21:01", "Thứ Hai, 16/11/2020, 16:21 (GMT+7)", "Thứ Ba, 21:15, 28/10/2025", "Ngoại giao · 29/01/2026 19:05", and a byline or section after it:
 * "Thứ Năm, 23/07/2026 19:40 | Hồng Nhung", "29-05-2026 - 06:30 | Thời sự", "Ban Thời sự-Thứ tư, ngày 05/08/2015 16:20 GMT+7". */
const DATELINE = /^(?:[\p{L}. -]{0,30}[|,·•]\s*)?(?:[\p{L} ]{0,30}\s)?(?:\d{1,2}[:h]\d{2}\s*[,|·]?\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[,|·-]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?(?:\s*\(?GMT[+-]\d+\)?)?(?:\s*[|·]\s*[^|·\d]{1,40})?$/u;
/** ISO dates in HTML metadata or text: 2020-11-16, 2020-11-16T16:21:00+07:00. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/**
 * A dateline in ISO form, alone or after a label, with the site's counters after it:
 * "2019-11-30", "Cập nhật: 2023-09-07 21:39:34", "Mới nhất:2023-09-07 21:39 Lượt xem:0 Nguồn:XYZ".
 */
const ISO_DATELINE = /^(?:[\p{L} ]{1,30}:\s*)?((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?:\s.{0,60})?$/u;
const ISO_DATELINE_MAX = 100;

/** Blocks that end the article: everything after them is comments and site chrome. */
const CUTOFF = /^(?:bạn đang đọc bài viết|powered by|bình luận|ý kiến bạn đọc|tags?\s*:|từ khóa\s*:|chia sẻ bài viết)/iu;
/**
 * Blocks of related articles: their teaser titles are furniture; they usually close the page, but
 * some sites set them between two paragraphs, and the report goes on after them.
 */
const RELATED = /^(?:nổi bật|đừng bỏ lỡ|tin liên quan|tin cùng chuyên mục|tin mới|tin khác|bài viết liên quan|bài liên quan|xem thêm|đọc thêm|có thể bạn quan tâm)/iu;
const FOLLOW_US = /^theo dõi\s+(.+?)\s+trên(?![\p{L}\p{N}])/iu;
/** Player and sharing controls: "0:00 / 3:12", "Nghe bài viết", "Chia sẻ", "In bài". */
const PLAYER = /^(?:\d{1,2}:\d{2}(?:\s*\/\s*\d{1,2}:\d{2})?|play|pause|tắt tiếng|nghe bài viết|video|chia sẻ|in bài(?: viết)?|lưu bài(?: viết)?|gửi bài(?: viết)?|copy link|sao chép liên kết)$/iu;
/** A page's counters and stray glyphs of its icons: "Lượt xem: 56", "Số lượt đọc: 1.204", "Z". */
const COUNTER = /^(?:(?:số\s+)?(?:lượt xem|lượt đọc|lượt truy cập|lần xem)\s*:?\s*[\d.,]+|views?\s*:?\s*[\d.,]+|\p{L})$/iu;
const HOTLINE = /(?:đường dây nóng|liên hệ quảng cáo|hotline|đặt báo|[\w.+-]+@[\w-]+\.[\w.]+|^[\d .()+-]{9,}$)/iu;
/** A caption that only repeats the title: "… - Ảnh 1.", "… ảnh 2". */
const PHOTO_MARKER = /(?:^|\s[-–]\s|\s)ảnh\s*\d+\.?$/iu;
/** "Theo Bộ Ngoại giao", "Theo TTXVN": the source line that closes a report. */
const SOURCE_LINE = /^[Tt]heo\s+\p{Lu}[^.!?]{0,60}$/u;
/** "(Ngày Nay) - ", "(Chinhphu.vn) - ": the publisher tag that opens a lead paragraph. */
const LEAD_PUBLISHER = /^\(([^()]{2,40})\)\s*[-–—]\s*/u;

/** Longer lines are paragraphs that may hold a caption, never only one (captions.ts cuts it out of them). */
const CAPTION_LINE_MAX = 400;

/** "menu" is given by the page splitter, which sees the lines around (see markMenus). */
export type LineKind = "blank" | "dateline" | "follow" | "player" | "hotline" | "cutoff" | "related" | "photo" | "source" | "menu" | "teaser" | "text";

/** "[Việt Nam đề xuất 13 ưu tiên cho Hội nghị …]": a related article linked in brackets between paragraphs. */
const BRACKETED_TEASER = /^\[[^[\]]{10,250}\]$/u;

export function classifyLine(line: string): LineKind {
  const t = line.replace(/^[•·●▪■\-*]\s*/u, "").trim();
  if (!t) return "blank";
  if ((t.length < 80 && DATELINE.test(t)) || (t.length < ISO_DATELINE_MAX && ISO_DATELINE.test(t))) return "dateline";
  if (FOLLOW_US.test(t)) return "follow";
  if (PLAYER.test(t) || COUNTER.test(t)) return "player";
  if (BRACKETED_TEASER.test(t)) return "teaser";
  if (CUTOFF.test(t)) return "cutoff";
  if (RELATED.test(t)) return "related";
  if (t.length < 120 && HOTLINE.test(t)) return "hotline";
  if (PHOTO_MARKER.test(t) && t.length < 250) return "photo";
  // a caption with its credit, or a photo block flattened onto one line (captions.ts); a long line holds more than a caption
  if (t.length < CAPTION_LINE_MAX && (isGluedCaption(t) || dropCaptions(t) === "")) return "photo";
  if (SOURCE_LINE.test(t) && t.split(/\s+/).length <= 8) return "source";
  return "text";
}

/** The date of a dateline or an ISO date, as YYYY-MM-DD, or null. */
export function datelineDate(line: string): string | null {
  const t = line.replace(/^[•·●▪■\-*]\s*/u, "").trim();
  const iso = ISO_DATE.exec(t) ?? (t.length < ISO_DATELINE_MAX ? ISO_DATELINE.exec(t) : null);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = DATELINE.exec(t);
  if (!m) return null;
  return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
}

function validDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function followUsPublisher(line: string): string | null {
  return FOLLOW_US.exec(line.trim())?.[1]?.trim() ?? null;
}

/** Splits "(Ngày Nay) - Ngày 17/6, …" into the publisher and the rest of the line. */
export function splitLeadPublisher(line: string): { publisher: string | null; rest: string } {
  const m = LEAD_PUBLISHER.exec(line);
  if (!m) return { publisher: null, rest: line };
  return { publisher: m[1]!.trim(), rest: line.slice(m[0].length) };
}

/**
 * A byline: one to four capitalised words with nothing else ("Minh Đức", "BNG", "PV"), or a name
 * with what the writer did ("Minh Châu thực hiện").
 * Only taken for one at the end of an article, where a heading would not stand.
 */
export function looksLikeByline(line: string): boolean {
  const t = line.trim();
  // "Minh Châu thực hiện" (an interview), "Ngọc Vân tổng hợp"
  if (/^\p{Lu}[\p{L}\p{M} ]{1,40}\s(?:thực hiện|tổng hợp|lược dịch|ghi)$/u.test(t)) return true;
  if (!t || /[.,:;!?"“”()\d]/u.test(t)) return false;
  const words = t.split(/\s+/);
  return words.length <= 4 && words.every((w) => /^[\p{Lu}]/u.test(w));
}
