"""A virtual ESC/POS network printer for tests: a TCP server on 127.0.0.1
that records the bytes it receives and answers the paper sensor query as
a real one does (or is out of paper, hangs, or drops the connection);
and a decoder of the ESC/POS the till sends, into text lines (each with
its code page, bold and size), cuts, drawer kicks and barcodes."""

import socket
import threading
from dataclasses import dataclass, field

OK, NO_PAPER, HANG, DROP = "ok", "no paper", "hang", "drop"
_PAPER_OK, _PAPER_OUT = 0x12, 0x72  # DLE EOT 4 answers: roll present; paper end (bits 5, 6)


class FakePrinter:
    """``with FakePrinter() as printer``: ``printer.port`` takes jobs;
    ``printer.received`` holds every connection's bytes, in order."""

    def __init__(self, mode: str = OK):
        self.mode = mode
        self.received: list[bytes] = []
        self.jobs_done = threading.Event()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._server.close()
        for held in self._held:
            held.close()
        self._thread.join(5)

    def _serve(self) -> None:
        self._server.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.mode == DROP:
                conn.close()
                continue
            if self.mode == HANG:
                self._held.append(conn)  # accepted, never read nor answered
                continue
            self._receive(conn)

    def _receive(self, conn: socket.socket) -> None:
        data = bytearray()
        conn.settimeout(5)
        with conn:
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                if data.endswith(b"\x10\x04\x04"):
                    conn.sendall(bytes([_PAPER_OUT if self.mode == NO_PAPER else _PAPER_OK]))
        self.received.append(bytes(data))
        self.jobs_done.set()

    def wait_for_job(self, timeout: float = 10) -> bytes:
        assert self.jobs_done.wait(timeout), "the printer received nothing"
        self.jobs_done.clear()
        return self.received[-1]


# The code page numbers (ESC t n) of python-escpos's default profile that the tests meet.
CODE_PAGES = {
    0: "cp437",
    2: "cp850",
    15: "iso8859_7",
    16: "cp1252",
    17: "cp866",
    19: "cp858",
    40: "iso8859_15",
    46: "cp1251",
}


@dataclass
class Line:
    text: str
    bold: bool = False
    double: bool = False
    centred: bool = False
    code_pages: set = field(default_factory=set)


@dataclass
class Decoded:
    lines: list[Line] = field(default_factory=list)
    cuts: int = 0
    kicks: list[int] = field(default_factory=list)  # the pin of each drawer pulse (ESC p m: 0 -> pin 2, 1 -> pin 5)
    barcodes: list[tuple[int, bytes]] = field(default_factory=list)  # (GS k m, data)
    qr_codes: list[bytes] = field(default_factory=list)  # what each printed QR code (GS ( k) says
    qr_dots: list[int] = field(default_factory=list)  # each one's module size (GS ( k 1 C n)
    pictures: list[tuple[int, int, bytes]] = field(default_factory=list)  # GS v 0: (width bytes, height, bits)
    paper_queries: int = 0

    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


def code_pages_of(profile: str) -> dict[int, str]:
    """ESC t n's tables in a python-escpos printer profile other than the default."""
    from escpos.capabilities import CAPABILITIES

    encodings = CAPABILITIES["encodings"]
    pages = CAPABILITIES["profiles"][profile]["codePages"]
    return {int(n): encodings.get(name, {}).get("python_encode", name) for n, name in pages.items()}


def decode(data: bytes, code_pages: dict[int, str] = CODE_PAGES) -> Decoded:
    """The ESC/POS subset python-escpos writes for the till, decoded; an
    unknown command fails the test rather than being skipped."""
    out = Decoded()
    qr_stored = b""
    page, bold, double, centred = "cp437", False, False, False
    text = bytearray()
    pages: set = set()
    i = 0

    def flush_text():
        nonlocal text
        if text:
            current.append(text.decode(page))
            text = bytearray()

    current: list[str] = []
    while i < len(data):
        b = data[i]
        if b == 0x0A:  # LF
            flush_text()
            out.lines.append(Line("".join(current), bold, double, centred, pages))
            current, pages = [], set()
            i += 1
        elif b == 0x1B:  # ESC
            cmd = data[i + 1]
            flush_text()
            if cmd == ord("@"):
                page, bold, double, centred = "cp437", False, False, False
                i += 2
            elif cmd == ord("t"):
                page = code_pages[data[i + 2]]
                i += 3
            elif cmd == ord("E"):
                bold = bool(data[i + 2])
                i += 3
            elif cmd == ord("!"):
                double = bool(data[i + 2] & 0x30)
                i += 3
            elif cmd == ord("a"):
                centred = data[i + 2] == 1
                i += 3
            elif cmd in (ord("-"), ord("G"), ord("M"), ord("{"), ord("d"), ord("V"), ord("J")):
                i += 3
            elif cmd == ord("p"):
                out.kicks.append(2 if data[i + 2] in (0, 48) else 5)
                i += 5
            else:
                raise AssertionError(f"unknown ESC {chr(cmd)!r} at {i}")
        elif b == 0x1D:  # GS
            cmd = data[i + 1]
            flush_text()
            if cmd == ord("V"):
                out.cuts += 1
                i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
            elif cmd == ord("!"):
                double = bool(data[i + 2] & 0x11)
                i += 3
            elif cmd in (ord("h"), ord("w"), ord("f"), ord("H"), ord("B"), ord("b")):
                i += 3
            elif cmd == ord("k"):
                kind = data[i + 2]
                if kind >= 65:  # function B: a length byte
                    length = data[i + 3]
                    out.barcodes.append((kind, data[i + 4 : i + 4 + length]))
                    i += 4 + length
                else:
                    end = data.index(0, i + 3)
                    out.barcodes.append((kind, data[i + 3 : end]))
                    i = end + 1
            elif cmd == ord("("):
                length = data[i + 3] + 256 * data[i + 4]
                body = data[i + 5 : i + 5 + length]
                if data[i + 2] == ord("k") and body[:1] == b"1":  # a QR code: store, size, print
                    if body[1] == ord("P"):
                        qr_stored = body[3:]
                    elif body[1] == ord("C"):
                        out.qr_dots.append(body[2])
                    elif body[1] == ord("Q"):
                        out.qr_codes.append(qr_stored)
                i += 5 + length
            elif cmd == ord("v") and data[i + 2] == ord("0"):  # GS v 0 m xL xH yL yH: a raster picture
                width = data[i + 4] + 256 * data[i + 5]
                height = data[i + 6] + 256 * data[i + 7]
                out.pictures.append((width, height, data[i + 8 : i + 8 + width * height]))
                i += 8 + width * height
            else:
                raise AssertionError(f"unknown GS {chr(cmd)!r} at {i}")
        elif b == 0x10 and data[i + 1] == 0x04:  # DLE EOT n: a status query
            if data[i + 2] == 4:
                out.paper_queries += 1
            i += 3
        else:
            text.append(b)
            if b >= 0x80:
                pages.add(page)
            i += 1
    flush_text()
    if current:
        out.lines.append(Line("".join(current), bold, double, centred, pages))
    return out


def scan_picture(picture: tuple[int, int, bytes], tmp_path) -> list[str]:
    """What zbarimg reads in a GS v 0 picture (set bits print black), on a
    white margin as paper has: the codes' texts."""
    import subprocess

    from PIL import Image, ImageOps

    width, height, bits = picture
    image = ImageOps.invert(Image.frombytes("1", (width * 8, height), bits).convert("L"))
    image = ImageOps.expand(image, border=40, fill=255)
    image = image.resize((image.width * 3, image.height * 3), Image.Resampling.NEAREST)
    path = tmp_path / "picture.png"
    image.save(path)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, check=False)
    return result.stdout.split()
