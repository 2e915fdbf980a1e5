#!/usr/bin/env node
import { main } from '../dist/cli/index.js';

// Should the command ever be left waiting on nothing (node then ends on its own), that is a failure,
// never a silent success.
let finished = false;
process.on('exit', (code) => {
  if (finished || code !== 0) return;
  process.stderr.write('yusuan: 内部错误：命令未完成即退出。 Internal error: the command ended before it finished.\n');
  process.exitCode = 1;
});
process.exitCode = await main(process.argv.slice(2));
finished = true;
