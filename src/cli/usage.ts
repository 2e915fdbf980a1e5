// Shared by the commands: the usage text and the error that means 'exit 2'.
export const USAGE = `用法 Usage:
  yusuan build <data.yaml>... [--out DIR] [--format md,html,pdf,txt] [--templates DIR] [--strict]
               [--max-pages N (1000)] [--timeout SECONDS (600)]
  yusuan check <data.yaml>... [--strict] [--format text|json]
  yusuan draft <data.yaml> --year YYYY [--out FILE] [--empty] [--force]
  yusuan diff <old.yaml> <new.yaml> [--format text|html]`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command gets its arguments and returns the exit code: 0 ok, 1 errors in the data, 2 usage. */
export type Command = (args: string[]) => Promise<number>;
