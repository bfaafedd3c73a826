"""Helpers for hand-made incremental updates (classic xref)."""
import re, subprocess, os
B = os.environ.get("DISCRETION", "discretion")
TEXT = b"ENFORCEMENT PRIORITY: oppose dismissal; seek an order of removal."

def last_trailer(data):
    t = data[data.rindex(b"trailer"):]
    f = {}
    for key in (b"Root", b"Info"):
        m = re.search(rb"/" + key + rb"\s*(\d+\s+\d+\s+R)", t)
        if m: f[key] = m.group(1)
    f[b"Size"] = int(re.search(rb"/Size\s*(\d+)", t).group(1))
    f[b"startxref"] = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    m = re.search(rb"/ID\s*(\[[^\]]*\])", t)
    if m: f[b"ID"] = m.group(1)
    return f

def show(path, n, *extra):
    return subprocess.run(["qpdf", "--show-object=%d" % n, *extra, path], check=True,
                          capture_output=True).stdout.strip()

def append(data, objects, size=None, prev=None, extra_trailer=b""):
    """objects: {(num, gen): body} or {num: body}."""
    tr = last_trailer(data)
    out = data + (b"" if data.endswith(b"\n") else b"\n")
    ents = {}
    for k in sorted(objects, key=lambda k: k if isinstance(k, tuple) else (k, 0)):
        n, g = k if isinstance(k, tuple) else (k, 0)
        ents[n] = (len(out), g)
        out += b"%d %d obj\n" % (n, g) + objects[k] + b"\nendobj\n"
    sz = size or max([tr[b"Size"]] + [n + 1 for n in ents])
    xref_at = len(out)
    out += b"xref\n"
    for n in sorted(ents):
        out += b"%d 1\n%010d %05d n \n" % (n, ents[n][0], ents[n][1])
    out += b"trailer\n<</Size %d /Root %s" % (sz, tr[b"Root"])
    if b"Info" in tr: out += b" /Info %s" % tr[b"Info"]
    if b"ID" in tr: out += b" /ID %s" % tr[b"ID"]
    out += b" /Prev %d%s>>\n" % (prev if prev is not None else tr[b"startxref"], extra_trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return out

def stream(data, dict_extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), dict_extra) + data + b"\nendstream"

def forged_page1_content(path):
    """Page 1's signed content, decompressed, with a white box over the policy conclusion
    and forged text painted there."""
    orig = subprocess.run(["qpdf", "--show-object=13", "--filtered-stream-data", path],
                          check=True, capture_output=True).stdout
    over = (b"q 1 1 1 rg 58 136 520 44 re f Q BT /FForged 11 Tf 0.8 0 0 rg 62 167 Td (" + TEXT +
            b") Tj ET")
    return b"q\n" + orig + b"\nQ\n" + over

def forged_resources(path):
    r = show(path, 15)
    return r.replace(b"/Font <<", b"/Font << /FForged << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", 1)

def verify(path):
    r = subprocess.run([B, "verify", path, "--trust", "ca.pem"], capture_output=True, text=True,
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60)
    return r.returncode, r.stdout, r.stderr

def report(path):
    rc, out, err = verify(path)
    keep = [l for l in out.splitlines() if l.startswith(("VALID", "INVALID", "CHANGED", "NOT", "level:"))
            or "added after" in l or "changed after" in l]
    print("== %s rc=%d" % (path, rc))
    for l in keep: print("   " + l[:300])
    if rc not in (0, 1, 2) or not keep:
        print("   STDOUT:", out[-600:]); print("   STDERR:", err[-600:])
    t = subprocess.run(["pdftotext", "-f", "1", "-l", "3", path, "-"], capture_output=True).stdout
    print("   reader shows forged text:", b"ENFORCEMENT PRIORITY" in t or b"removal." in t and b"oppose" in t.lower())
    return rc, out
