// Why a file could not be read as an article. The message names the reason; the caller adds the file.

export class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
}
