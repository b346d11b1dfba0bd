// Errors as a reader of the Vietnamese interface should see them: a plain sentence that
// says what happened and what to do, by the error's name (the server's messages are
// developer English). A browser whose first language is English gets the original message.
const VIETNAMESE: Record<string, string> = {
  GraphNotFoundError: "Chưa có đồ thị để hiển thị. Hãy dựng đồ thị trước (lệnh `npx diplograph build`) rồi tải lại trang.",
  GraphLoadError: "Không tải được đồ thị từ máy chủ. Hãy kiểm tra máy chủ còn chạy rồi tải lại trang.",
  ForbiddenHostError: "Máy chủ từ chối địa chỉ này. Hãy mở trình xem bằng địa chỉ mà lệnh khởi động in ra.",
  BadRequestError: "Câu truy vấn không hợp lệ (trống hoặc quá dài).",
  WriteQueryRefusedError: "Bảng điều khiển chỉ cho phép đọc: câu truy vấn này ghi hoặc thay đổi dữ liệu nên đã bị từ chối.",
  CypherError: "Neo4j không hiểu câu truy vấn. Hãy kiểm tra cú pháp Cypher.",
  QueryTimeoutError: "Câu truy vấn chạy quá lâu nên đã bị dừng. Hãy thu hẹp truy vấn (thêm LIMIT hoặc điều kiện).",
  CypherConsoleUnavailableError: "Chưa kết nối Neo4j nên bảng điều khiển Cypher đang tắt.",
  Neo4jUnavailableError: "Không kết nối được Neo4j. Hãy khởi động Neo4j (`npm run neo4j:start`) rồi thử lại.",
  Neo4jAuthError: "Neo4j từ chối tên đăng nhập hoặc mật khẩu.",
  SelectionError: "Bộ lọc mâu thuẫn nên không có gì để hiển thị hay xuất.",
  DateOrderError: "Ngày “Từ” đứng sau ngày “Đến”: không có khoảng thời gian nào như vậy. Hãy đổi một trong hai ngày.",
};

const ENGLISH: Record<string, string> = {
  GraphNotFoundError: "There is no graph to show yet. Build it first (`npx diplograph build`), then reload the page.",
  GraphLoadError: "The graph could not be loaded from the server. Check that the server is running, then reload the page.",
  WriteQueryRefusedError: "The console is read-only: this query writes or changes data, so it was refused.",
  QueryTimeoutError: "The query ran too long and was stopped. Narrow it (add a LIMIT or a condition).",
  Neo4jUnavailableError: "Neo4j does not answer. Start it (`npm run neo4j:start`) and try again.",
  SelectionError: "The filters contradict each other, so there is nothing to show or export.",
  DateOrderError: "The “From” date is after the “To” date: no such period exists. Change one of them.",
};

const FALLBACK = "Đã xảy ra lỗi không mong đợi.";

function prefersEnglish(): boolean {
  const language = typeof navigator === "undefined" ? "vi" : (navigator.languages?.[0] ?? navigator.language ?? "vi");
  return language.toLowerCase().startsWith("en");
}

/** A sentence for the reader; the technical detail stays available for a tooltip. */
export function readableError(name: string, detail: string): string {
  if (prefersEnglish()) return ENGLISH[name] ?? (detail || name);
  return VIETNAMESE[name] ?? FALLBACK;
}
