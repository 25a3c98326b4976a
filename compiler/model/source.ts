/** A position in a user's source file. Lines and columns are 1-based, as editors show them. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Characters covered, for the caret underline. */
  readonly length?: number;
}

/** One source file of a project, as read from disk. */
export interface SourceFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  /** sha256 hex of the UTF-8 bytes. */
  readonly sha256: string;
}

/**
 * Whether a file (as a source map or a bundle's metafile names it, or a path) belongs to an npm
 * package rather than to the project: its reports point at the user's call instead, and its
 * cycles and components are its authors' business.
 */
export function isPackageFile(file: string): boolean {
  return /(^|[\\/])node_modules[\\/]/.test(file);
}
