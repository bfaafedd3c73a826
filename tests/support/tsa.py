#!/usr/bin/env python3
"""A time-stamp authority for tests: RFC 3161 over HTTP on 127.0.0.1, each reply made by
`openssl ts -reply` with the test's TSA key. Prints the port it listens on, then serves
until killed.

It also serves the *.crl files of the configuration's folder on GET, as a CA's CRL
distribution point would.

Usage: tsa.py OPENSSL-TS-CONFIG [MODE]
  good           answer each query (the default)
  other-imprint  answer a query for other data, as a broken or hostile authority would
  http-error     answer HTTP 500
  not-a-reply    answer 200 with bytes that are no timestamp reply
"""
import http.server
import os
import subprocess
import sys
import tempfile

CONFIG = sys.argv[1]
MODE = sys.argv[2] if len(sys.argv) > 2 else "good"


def reply_for(query: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        query_file = os.path.join(folder, "query.tsq")
        reply_file = os.path.join(folder, "reply.tsr")
        if MODE == "other-imprint":
            data_file = os.path.join(folder, "other")
            with open(data_file, "wb") as out:
                out.write(b"not the signature")
            subprocess.run(["openssl", "ts", "-query", "-data", data_file, "-sha256", "-cert",
                            "-out", query_file], check=True, capture_output=True)
        else:
            with open(query_file, "wb") as out:
                out.write(query)
        subprocess.run(["openssl", "ts", "-reply", "-config", CONFIG, "-queryfile", query_file,
                        "-out", reply_file], check=True, capture_output=True)
        with open(reply_file, "rb") as reply:
            return reply.read()


class Authority(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if MODE == "http-error":
            self.send_error(500, "broken on purpose")
            return
        body = b"<html>no</html>" if MODE == "not-a-reply" else reply_for(query)
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        """A CRL distribution point: GET /NAME.crl serves NAME.crl from the config's folder."""
        name = os.path.basename(self.path)
        path = os.path.join(os.path.dirname(os.path.abspath(CONFIG)), name)
        if not name.endswith(".crl") or not os.path.isfile(path):
            self.send_error(404)
            return
        body = open(path, "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "application/pkix-crl")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Authority)
print(server.server_address[1], flush=True)
server.serve_forever()
