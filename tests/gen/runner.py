#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""runner.py - read a step's log as the GitHub Actions runner does and print
the workflow commands it would act on, one JSON object per line (tests only).

usage: runner.py LOG

Follows actions/runner's ActionCommandManager: a line is a command when,
after leading blanks, it is "::NAME[ PROPS]::DATA" (v2) or "##[NAME PROPS]DATA"
(v1) and NAME is a registered command; "::stop-commands::TOKEN" ignores every
command until "::TOKEN::". Properties are "k=v" pairs split on ","; data and
properties are unescaped (%25 %0D %0A, and %3A %2C in properties).
"""
import json
import sys

REGISTERED = {"error", "warning", "notice", "debug", "group", "endgroup", "add-mask",
              "set-output", "save-state", "add-path", "set-env", "echo", "add-matcher",
              "remove-matcher", "stop-commands"}


def unescape(s, prop):
    s = s.replace("%0D", "\r").replace("%0A", "\n")
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%25", "%")


def parse(line, registered):
    m = line.lstrip()
    if m.startswith("::"):
        end = m.find("::", 2)
        if end < 0:
            return None
        info, data = m[2:end], m[end + 2:]
    elif m.startswith("##["):
        end = m.find("]", 3)
        if end < 0:
            return None
        info, data = m[3:end], m[end + 1:]
    else:
        return None
    name, _, props = info.partition(" ")
    if name.lower() not in registered:
        return None
    properties = {}
    for pair in filter(None, props.replace(";", ",").split(",")):
        k, _, v = pair.partition("=")
        properties[k] = unescape(v, True)
    return {"command": name.lower(), "properties": properties, "data": unescape(data, False)}


def main():
    registered = set(REGISTERED)
    stop_token = None
    with open(sys.argv[1], encoding="utf-8", errors="replace", newline="\n") as f:
        for line in f.read().split("\n"):
            cmd = parse(line.rstrip("\r"), registered)
            if cmd is None:
                continue
            if stop_token is not None:
                if cmd["command"] == stop_token.lower():
                    stop_token = None
                    print(json.dumps({"command": "resume-commands"}))
                continue
            if cmd["command"] == "stop-commands":
                stop_token = cmd["data"]
                registered.add(stop_token.lower())
            print(json.dumps(cmd))


if __name__ == "__main__":
    main()
