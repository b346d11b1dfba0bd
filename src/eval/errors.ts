// Why `diplograph eval` could not score: the answer key or the graph file is unusable.
// Messages name the file and the reason; tests check the class name.

export class GoldFileError extends Error {
  override name = "GoldFileError";
}

export class GraphFileError extends Error {
  override name = "GraphFileError";
}

export class ArticlesFolderError extends Error {
  override name = "ArticlesFolderError";
}
