/**
 * The syntax tree of a `.kfreq` request file.
 *
 * Positions follow the editor convention (0-based line, 0-based UTF-16 character) so the extension
 * can hand ranges to VS Code 1:1 and the CLI can print `line + 1:character + 1`.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** Stable identifier (`unknown-endpoint`, `missing-param`, ...) so tests and quick fixes need not match prose. */
  readonly code: string;
}

/** A piece of source text together with where it was written. */
export interface Token {
  readonly text: string;
  readonly range: Range;
}

export type VariableKind = 'file' | 'system' | 'request';

/** One `{{ ... }}` occurrence. */
export interface VariableRef {
  /** The trimmed text between the braces, e.g. `$randomInt 1 10` or `placed.response.status`. */
  readonly expression: string;
  readonly kind: VariableKind;
  /** For `file`: the variable name; for `system`: the name without `$`; for `request`: the request name. */
  readonly name: string;
  /** Range including the braces. */
  readonly range: Range;
  /** Range of the text between the braces. */
  readonly innerRange: Range;
}

/** Text that may contain `{{variables}}`. Multi-line values keep their lines joined with `\n`. */
export interface TemplateText {
  readonly text: string;
  readonly range: Range;
  readonly refs: readonly VariableRef[];
}

export interface FileVariable {
  readonly name: Token;
  readonly value: TemplateText;
  readonly range: Range;
}

export interface Param {
  readonly key: Token;
  readonly value: TemplateText;
  /** The whole `key = value` element, possibly spanning several lines for a JSON value. */
  readonly range: Range;
  readonly multiline: boolean;
}

export type DirectiveName = 'name' | 'env' | 'sign' | 'no-sign' | 'assert';

export interface Directive {
  /** The directive word without `@` (may be an unknown word; diagnostics flag it). */
  readonly name: Token;
  /** Everything after the directive word, trimmed; absent when nothing follows. */
  readonly argument?: TemplateText;
  readonly range: Range;
}

export interface RequestLine {
  readonly range: Range;
  /** Absent when the line starts with the target (method then defaults to GET). */
  readonly method?: Token;
  /** The path or URL without the query string; may contain variables. */
  readonly target: TemplateText;
  /** The query string after `?`, verbatim (no leading `?`). */
  readonly query?: TemplateText;
}

export interface KfreqRequest {
  /** Position among the requests of the file (0-based); blocks without a request line are not counted. */
  readonly index: number;
  /** From the block's first line through its last line. */
  readonly range: Range;
  /** Text after `###` on the separator line that opened the block. */
  readonly title?: Token;
  readonly requestLine: RequestLine;
  /** Upper-case method; `GET` when none was written. */
  readonly method: string;
  readonly params: readonly Param[];
  readonly directives: readonly Directive[];
  /** The `# @name` value, when given. */
  readonly name?: Token;
  /** The `# @env` value, when given. */
  readonly env?: Token;
  /** `true` for `# @sign`, `false` for `# @no-sign`, absent to infer from the catalog. */
  readonly sign?: boolean;
  readonly asserts: readonly Directive[];
}

export interface Comment {
  readonly text: string;
  readonly range: Range;
}

export interface KfreqFile {
  /** The source split into lines (without line terminators); completion and hover read partial input from here. */
  readonly lines: readonly string[];
  readonly requests: readonly KfreqRequest[];
  readonly fileVariables: readonly FileVariable[];
  readonly comments: readonly Comment[];
  /** Directives found in blocks that contain no request (they apply to nothing). */
  readonly strayDirectives: readonly Directive[];
  /** Syntax problems; semantic ones come from `diagnoseKfreq`. */
  readonly diagnostics: readonly Diagnostic[];
}
