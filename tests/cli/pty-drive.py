# Runs a command on a pseudo-terminal and answers its prompts: argv[1] is JSON
# {"cwd", "argv", "answers": [[text the prompt contains, answer], ...]}. Prints the whole
# terminal output, then the exit code on the last line.
import json, os, pty, select, sys

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execv(spec["argv"][0], spec["argv"])

out = b""

def read_until(fragment, start):
    global out
    while fragment.encode() not in out[start:]:
        ready, _, _ = select.select([fd], [], [], 20)
        if not ready:
            raise SystemExit("timeout waiting for %r; got %r" % (fragment, out.decode(errors="replace")))
        out += os.read(fd, 4096)

start = 0
for prompt, answer in spec["answers"]:
    read_until(prompt, start)
    start = len(out)
    os.write(fd, answer.encode() + b"\r")
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace"))
sys.stdout.write("\n%d\n" % os.waitstatus_to_exitcode(status))
