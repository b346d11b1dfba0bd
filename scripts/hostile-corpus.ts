// Adversarial inputs for the build, generated on demand (never committed as megabytes): each is
// one file (or link, or odd name) that once crashed or stalled `diplograph build`. Shared by the
// hostile-corpus test (test/unit/build-hostile.test.ts) and `npm run bench:hostile`.
import { execFileSync } from "node:child_process";
import { closeSync, openSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface HostileInput {
  name: string;
  /** What the attack was, for the benchmark's table. */
  what: string;
  /** Writes the input into `dir`; returns the bytes written (0 for links and names). */
  write(dir: string): number;
}

/** A header that makes a page an article with a date, so only the body is hostile. */
const HEADER = "Bài kiểm tra đầu vào khác thường của hệ thống\n\nPV| 10/04/2020 09:02\n\n";

function writeText(path: string, text: string): number {
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** Writes `chunk` until `bytes` are written, without building the whole text in memory. */
function writeRepeated(path: string, head: string, chunk: string, bytes: number, tail = ""): number {
  const fd = openSync(path, "w");
  let written = writeSync(fd, head);
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor(65_536 / Buffer.byteLength(chunk)))));
  while (written < bytes) written += writeSync(fd, block);
  written += writeSync(fd, tail);
  closeSync(fd);
  return written;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Công"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Mạnh", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh"];

/** 10,000 distinct officials' names. */
function officialNames(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const given = GIVEN[i % GIVEN.length]!;
    const middle = MIDDLE[Math.floor(i / GIVEN.length) % MIDDLE.length]!;
    const family = FAMILY[Math.floor(i / (GIVEN.length * MIDDLE.length)) % FAMILY.length]!;
    const second = GIVEN[Math.floor(i / (GIVEN.length * MIDDLE.length * FAMILY.length)) % GIVEN.length]!;
    names.push(`${family} ${middle} ${second} ${given}`);
  }
  return names;
}

export const HOSTILE_INPUTS: HostileInput[] = [
  {
    name: "officials.txt",
    what: "one sentence listing 10,000 officials (320 KB)",
    write: (dir) =>
      writeText(
        join(dir, "officials.txt"),
        `${HEADER}Hội nghị Cấp cao ASEAN lần thứ 37 có sự tham dự của ${officialNames(10_000).map((n) => `Bộ trưởng ${n}`).join(", ")}.\n`,
      ),
  },
  {
    name: "nested.html",
    what: "50,000 nested <article> elements",
    write: (dir) => {
      const n = 50_000;
      const html = `<html><head><title>Trang lồng nhau</title><meta property="article:published_time" content="2020-04-10"></head><body>${"<article><p>Hội nghị Cấp cao ASEAN lần thứ 37 diễn ra tại Hà Nội.</p>".repeat(n)}${"</article>".repeat(n)}</body></html>`;
      return writeText(join(dir, "nested.html"), html);
    },
  },
  {
    name: "fifo-link.txt",
    what: "a symbolic link to a FIFO",
    write: (dir) => {
      execFileSync("mkfifo", [join(dir, "pipe.fifo")]);
      symlinkSync(join(dir, "pipe.fifo"), join(dir, "fifo-link.txt"));
      return 0;
    },
  },
  {
    name: "dots.txt",
    what: "100,000 dots",
    write: (dir) => writeText(join(dir, "dots.txt"), `${HEADER}Hội nghị ${".".repeat(100_000)}\n`),
  },
  {
    name: "asean.txt",
    what: "'(ASEAN ' × 50,000",
    write: (dir) => writeText(join(dir, "asean.txt"), `${HEADER}Hội nghị ${"(ASEAN ".repeat(50_000)}\n`),
  },
  {
    name: "hoi-nghi.txt",
    what: "1 MB of 'Hội nghị '",
    write: (dir) => writeRepeated(join(dir, "hoi-nghi.txt"), HEADER, "Hội nghị ", 1024 * 1024, "\n"),
  },
  {
    name: "paragraph.txt",
    what: "a 0.33 MB paragraph without a sentence end",
    write: (dir) => writeRepeated(join(dir, "paragraph.txt"), HEADER, "Bộ trưởng Ngoại giao các nước ASEAN thảo luận về hợp tác khu vực ", 0.33 * 1024 * 1024, "\n"),
  },
  {
    name: "line.txt",
    what: "a 5 MB line",
    write: (dir) => writeRepeated(join(dir, "line.txt"), HEADER, "Hội nghị Cấp cao ASEAN lần thứ 37 diễn ra tại Hà Nội. ", 5 * 1024 * 1024, "\n"),
  },
  {
    name: "brackets.md",
    what: "100 KB of '![' in Markdown",
    write: (dir) => writeText(join(dir, "brackets.md"), `${HEADER}${"![".repeat(50_000)}\n`),
  },
  {
    name: "many-warnings.txt",
    what: "19 MB file of 2,000 copies of one dated article (one warning each)",
    write: (dir) => {
      const article = `Tiêu đề bài báo lặp lại trên trang\n\nPV| 10/04/2020 09:02\n\n${"Hội nghị Cấp cao ASEAN lần thứ 37 diễn ra tại Hà Nội với sự tham dự của lãnh đạo các nước. ".repeat(100)}\n\n`;
      return writeRepeated(join(dir, "many-warnings.txt"), "", article, 19 * 1024 * 1024);
    },
  },
  {
    name: "newline-name",
    what: "a file name with a newline forging a warning line",
    write: (dir) => writeText(join(dir, "evil\nwarning: forged.txt: this line is forged.txt"), ""),
  },
  {
    name: "latin1-name",
    what: "a file name that is not UTF-8",
    write: (dir) => {
      const name = Buffer.concat([Buffer.from(join(dir, "caf")), Buffer.from([0xe9]), Buffer.from(".txt")]);
      writeFileSync(name, `${HEADER}Bộ trưởng Ngoại giao Bùi Thanh Sơn tham dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57 tại Viêng Chăn.\n`);
      return 0;
    },
  },
  {
    name: "long-path",
    what: "a path longer than the OS limit (PATH_MAX)",
    write: (dir) => {
      // mkdir one level at a time from inside the last one: no single call sees the whole path
      const part = "d".repeat(200);
      const script = `cd "$1" && for i in $(seq 1 25); do mkdir ${part} && cd -P ${part} || exit 1; done && printf 'x' > deep.txt`;
      execFileSync("sh", ["-c", script, "sh", dir]);
      return 1;
    },
  },
];
