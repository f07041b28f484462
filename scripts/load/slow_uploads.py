"""Opens N uploads to POST /api/validate on 127.0.0.1 that send their multipart body at one byte every 2 s, holds
them for SECONDS, then closes them and prints how the server answered: refused at once (429/503, its connection
closed) or still open (a server thread waiting on it). Traffic goes to 127.0.0.1 only; count and time are bounded.

    python3 slow_uploads.py PORT N SECONDS
"""
import select
import socket
import sys
import time

port, count, seconds = int(sys.argv[1]), min(int(sys.argv[2]), 1000), min(float(sys.argv[3]), 600)
head = (b"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        b"Content-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\n\r\n")
uploads = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(head)
    s.setblocking(False)
    uploads.append(s)
print(f"   {count} slow uploads open", flush=True)

answers = {}
end = time.time() + seconds
while time.time() < end:
    for s in uploads:
        if s in answers:
            continue
        try:
            s.send(b"x")
        except OSError:
            answers[s] = answers.get(s, "closed")
    readable, _, _ = select.select([s for s in uploads if s not in answers], [], [], 0)
    for s in readable:
        try:
            line = s.recv(64).split(b"\r\n")[0].decode("ascii", "replace")
        except OSError:
            line = "reset"
        answers[s] = line.split(" ")[1] if line.startswith("HTTP/") else (line or "closed")
    time.sleep(2)

counts = {}
for s in uploads:
    key = answers.get(s, "still open")
    counts[key] = counts.get(key, 0) + 1
    s.close()
print(f"   after {seconds:.0f} s: {counts}", flush=True)
