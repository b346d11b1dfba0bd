// Errors as a reader of the Vietnamese interface should see them: a plain sentence that
// says what happened and what to do, by the error's name (the server's messages are
// developer English). A browser whose first language is English gets the same in English.
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
  EmptySelectionError: "Bộ lọc hiện không giữ lại nút nào nên không có gì để xuất. Hãy bật lại một loại nút, một bài báo hoặc nới khoảng thời gian.",
  NodeNotFoundError: "Nút này không còn trong đồ thị (đồ thị có thể vừa được dựng lại). Hãy tải lại trang.",
  EdgeNotFoundError: "Quan hệ này không còn trong đồ thị (đồ thị có thể vừa được dựng lại). Hãy tải lại trang.",
  UnauthorizedError: "Máy chủ cần mã truy cập. Hãy mở trình xem bằng địa chỉ đầy đủ (có #token=…) mà lệnh khởi động in ra.",
  NetworkError: "Không liên lạc được với máy chủ của trình xem. Hãy kiểm tra máy chủ còn chạy rồi thử lại.",
};

const ENGLISH: Record<string, string> = {
  GraphNotFoundError: "There is no graph to show yet. Build it first (`npx diplograph build`), then reload the page.",
  GraphLoadError: "The graph could not be loaded from the server. Check that the server is running, then reload the page.",
  ForbiddenHostError: "The server refused this address. Open the viewer at the address its start command printed.",
  BadRequestError: "The query is not valid (empty or too long).",
  WriteQueryRefusedError: "The console is read-only: this query writes or changes data, so it was refused.",
  CypherError: "Neo4j did not understand the query. Check its Cypher syntax.",
  QueryTimeoutError: "The query ran too long and was stopped. Narrow it (add a LIMIT or a condition).",
  CypherConsoleUnavailableError: "Neo4j is not connected, so the Cypher console is off.",
  Neo4jUnavailableError: "Neo4j does not answer. Start it (`npm run neo4j:start`) and try again.",
  Neo4jAuthError: "Neo4j refused the user name or password.",
  SelectionError: "The filters contradict each other, so there is nothing to show or export.",
  DateOrderError: "The “From” date is after the “To” date: no such period exists. Change one of them.",
  EmptySelectionError: "The filters keep no node, so there is nothing to export. Show a kind or an article again, or widen the dates.",
  NodeNotFoundError: "This node is no longer in the graph (it may just have been rebuilt). Reload the page.",
  EdgeNotFoundError: "This relation is no longer in the graph (it may just have been rebuilt). Reload the page.",
  UnauthorizedError: "The server needs an access token. Open the viewer at the full address (with #token=…) its start command printed.",
  NetworkError: "The viewer's server cannot be reached. Check that it is running, then try again.",
};

const FALLBACK = "Đã xảy ra lỗi không mong đợi.";
const ENGLISH_FALLBACK = "Something unexpected went wrong.";

/** Every error the reader can meet has a sentence in both languages (checked by a unit test). */
export const KNOWN_ERRORS = Object.keys(VIETNAMESE);

function prefersEnglish(): boolean {
  const language = typeof navigator === "undefined" ? "vi" : (navigator.languages?.[0] ?? navigator.language ?? "vi");
  return language.toLowerCase().startsWith("en");
}

/** The interface's words in the reader's language: Vietnamese, or English when the browser asks for it. */
export function localized(vietnamese: string, english: string): string {
  return prefersEnglish() ? english : vietnamese;
}

/** A sentence for the reader; the technical detail stays available for a tooltip. */
export function readableError(name: string, _detail: string): string {
  if (prefersEnglish()) return ENGLISH[name] ?? ENGLISH_FALLBACK;
  return VIETNAMESE[name] ?? FALLBACK;
}
