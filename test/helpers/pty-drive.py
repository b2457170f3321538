"""Run a command in a pseudo-terminal and answer its prompts, like a person at a keyboard.

argv[1]: JSON {"argv": [...], "cwd": "...", "steps": [[regex, text-to-send], ...], "timeout": s}
Prints JSON {"code": exit code or -signal, "output": everything the terminal showed (ANSI stripped)}.
"""
import json, os, pty, re, select, sys, time

spec = json.loads(sys.argv[1])
ansi = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r")
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execvpe(spec["argv"][0], spec["argv"], {**os.environ, "NO_COLOR": "1", "TERM": "xterm"})

raw = b""
deadline = time.time() + spec.get("timeout", 20)

def read_some(wait):
    global raw
    r, _, _ = select.select([fd], [], [], wait)
    if r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
    return True

seen = 0
for pattern, send in spec["steps"]:
    rx = re.compile(pattern)
    while True:
        text = ansi.sub("", raw.decode("utf8", "replace"))
        m = rx.search(text, seen)
        if m:
            seen = m.end()
            break
        if time.time() > deadline or not read_some(0.2):
            print(json.dumps({"code": None, "output": text, "stuck": pattern}))
            sys.exit(0)
    time.sleep(0.15)
    os.write(fd, send.encode("utf8"))

while read_some(0.5) and time.time() < deadline:
    pass
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"code": code, "output": ansi.sub("", raw.decode("utf8", "replace"))}))
