"""A webhook receiver for the tests: its own process on 127.0.0.1.

POST anything: recorded (path, lower-cased headers, body); answered 500 for the first --fail requests, then 200.
GET /_received: every recorded request so far, as a JSON array.
"""
import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--fail", type=int, default=0)
args = parser.parse_args()

received = []
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = self.rfile.read(length).decode("utf-8")
        with lock:
            received.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})
            failing = len(received) <= args.fail
        self.answer(500 if failing else 200, b"not yet" if failing else b"ok")

    def do_GET(self):
        if self.path != "/_received":
            self.answer(404, b"")
            return
        with lock:
            payload = json.dumps(received).encode("utf-8")
        self.answer(200, payload)

    def answer(self, status, payload):
        self.send_response(status)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *values):
        pass


ThreadingHTTPServer(("127.0.0.1", args.port), Receiver).serve_forever()
