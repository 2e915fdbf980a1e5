// Shared by the commands: the usage text and the error that means 'exit 2'.
export const USAGE = `用法 Usage:
  yusuan build <data.yaml>... [--out DIR] [--format md,html,pdf,txt,xlsx,docx] [--templates DIR] [--strict]
  yusuan check <data.yaml>... [--strict] [--format text|json]
  yusuan draft <data.yaml> --year YYYY [--out FILE] [--empty] [--force]
  yusuan diff <old.yaml> <new.yaml> [--format text|html]
  yusuan import <workbook.xlsx|.xls>... (--out data.yaml [--force] | --into data.yaml) [--year YYYY]`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command gets its arguments and returns the exit code: 0 ok, 1 errors in the data, 2 usage. */
export type Command = (args: string[]) => Promise<number>;
