"""wrk's text output -> (req/s, p50 ms, p99 ms, errors): shared by the bench scripts.
Errors are wrk's socket errors plus non-2xx/3xx answers."""
import re


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def parse(path):
    text = path.read_text()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", text)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
    non2 = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return (float(rps.group(1)) if rps else 0.0, _ms(*p50.groups()) if p50 else 0, _ms(*p99.groups()) if p99 else 0,
            errors + (int(non2.group(1)) if non2 else 0))
