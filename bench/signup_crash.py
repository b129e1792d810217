#!/usr/bin/env python3
"""Signs up distinct addresses from several threads and writes every acknowledged one (302) to a file, until killed
or until the site stops answering. Used by bench/signup.sh to check that nothing acknowledged is lost by kill -9."""
import http.client, sys, threading, time, urllib.parse

host, port, out_path, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
deadline = time.time() + seconds
lock = threading.Lock()
out = open(out_path, "w")

def worker(n):
    conn, i = None, 0
    while time.time() < deadline:
        i += 1
        email = f"crash-{n}-{i}@example.de"
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, port, timeout=5)
            body = urllib.parse.urlencode({"email": email, "quelle": "/news/crash"})
            conn.request("POST", "/newsletter", body, {"Content-Type": "application/x-www-form-urlencoded"})
            r = conn.getresponse(); r.read()
            if r.status == 302:
                with lock:
                    out.write(email + "\n"); out.flush()
        except Exception:
            conn = None
            time.sleep(0.05)

threads = [threading.Thread(target=worker, args=(n,)) for n in range(16)]
for t in threads: t.start()
for t in threads: t.join()
out.close()
