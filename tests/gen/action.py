#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run a composite GitHub Action's steps here, as the runner would.

action.py ACTION_DIR WORKSPACE REPORT.json [NAME=VALUE]...

Each `run:` step runs as written under `bash --noprofile --norc -eo pipefail`,
in WORKSPACE, with the step's `env:` evaluated from the inputs (NAME=VALUE,
else the action's defaults), a fresh $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY
per step, $GITHUB_PATH additions put on PATH for the later steps, and
$GITHUB_ACTION_PATH set to ACTION_DIR. As on GitHub, a failed step skips the
later steps unless their `if:` holds after a failure (always()). A `uses:`
step cannot run here: its `if:` is evaluated and its `with:` recorded.

REPORT.json gets, per step, its name, status (null when skipped), stdout and
stderr merged as the log shows them, and summary; the outputs of every step
with an id; the action's outputs; the PATH additions; the `uses:` steps that
would run. Exit status: 0, or 2 when the action itself is malformed (a `run:`
that interpolates an expression, an expression this harness cannot read).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Malformed(Exception):
    pass


def lookup(path, ctx):
    """inputs.x and steps.id.outputs.x: '' when missing, as on GitHub."""
    parts = path.split(".")
    if parts[0] == "inputs" and len(parts) == 2:
        return ctx["inputs"].get(parts[1], "")
    if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
        return ctx["steps"].get(parts[1], {}).get(parts[3], "")
    raise Malformed("cannot evaluate %r" % path)


def evaluate(expr, ctx):
    """The small part of the expression language action.yml uses:
    always(), success(), failure(), cancelled(), ==, !=, &&, ||, !, parentheses,
    '...' and context paths."""
    tokens = re.findall(r"(?:always|success|failure|cancelled)\(\)|==|!=|&&|\|\||!|\(|\)"
                        r"|'(?:[^']|'')*'|[A-Za-z_][\w.-]*", expr)
    if re.sub(r"\s+", "", "".join(tokens)) != re.sub(r"\s+", "", expr):
        raise Malformed("cannot parse %r" % expr)
    py = []
    for t in tokens:
        if t == "always()":
            py.append("True")
        elif t == "success()":
            py.append(repr(not ctx["failed"]))
        elif t == "failure()":
            py.append(repr(ctx["failed"]))
        elif t == "cancelled()":
            py.append("False")
        elif t in ("==", "!=", "(", ")"):
            py.append(t)
        elif t == "!":
            py.append(" not ")
        elif t == "&&":
            py.append(" and ")
        elif t == "||":
            py.append(" or ")
        elif t.startswith("'"):
            py.append(repr(t[1:-1].replace("''", "'")))
        else:
            py.append(repr(lookup(t, ctx)))
    return eval("".join(py), {"__builtins__": {}})  # our own tokens only


def interpolate(value, ctx):
    return EXPR.sub(lambda m: str(evaluate(m.group(1), ctx)), str(value))


def should_run(step, ctx):
    cond = step.get("if")
    if cond is None:
        return not ctx["failed"]
    cond = EXPR.sub(lambda m: m.group(1), str(cond))
    # GitHub adds success() unless the condition names a status function
    if not re.search(r"\b(always|success|failure|cancelled)\(\)", cond):
        cond = "success() && (%s)" % cond
    return bool(evaluate(cond, ctx))


def read_outputs(path):
    """name=value lines and name<<DELIMITER blocks, as the runner reads them."""
    out, lines = {}, open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            j = lines.index(delim, i + 1)
            out[name] = "\n".join(lines[i + 1:j])
            i = j + 1
            continue
        if "=" in line:
            name, value = line.split("=", 1)
            out[name] = value
        elif line:
            raise Malformed("GITHUB_OUTPUT line without '=': %r" % line)
        i += 1
    return out


def main(argv):
    action_dir, workspace, report = argv[1:4]
    action = yaml.safe_load(open(os.path.join(action_dir, "action.yml"), encoding="utf-8"))
    if action["runs"]["using"] != "composite":
        raise Malformed("not a composite action")
    given = dict(a.split("=", 1) for a in argv[4:])
    unknown = set(given) - set(action.get("inputs", {}))
    if unknown:
        raise Malformed("no such input: %s" % ", ".join(sorted(unknown)))
    inputs = {k: str(v.get("default", "")) for k, v in action.get("inputs", {}).items()}
    inputs.update(given)
    ctx = {"inputs": inputs, "steps": {}, "failed": False}
    env = dict(os.environ, GITHUB_ACTION_PATH=action_dir, GITHUB_WORKSPACE=workspace,
               GITHUB_ACTIONS="true", CI="true")
    result = {"steps": [], "path_added": [], "uses": []}
    with tempfile.TemporaryDirectory(prefix="action.") as tmp:
        for n, step in enumerate(action["runs"]["steps"]):
            record = {"name": step.get("name", step.get("uses")), "status": None}
            result["steps"].append(record)
            if not should_run(step, ctx):
                continue
            if "uses" in step:
                result["uses"].append({"uses": step["uses"],
                                       "with": {k: interpolate(v, ctx) for k, v in step.get("with", {}).items()}})
                continue
            if EXPR.search(step["run"]):
                raise Malformed("step %r interpolates an expression into its script" % record["name"])
            if step.get("shell") != "bash":
                raise Malformed("step %r: shell is not bash" % record["name"])
            files = {k: os.path.join(tmp, "%s.%d" % (k, n)) for k in ("output", "summary", "path", "script")}
            for f in files.values():
                open(f, "w").close()
            open(files["script"], "w", encoding="utf-8").write(step["run"])
            step_env = dict(env, GITHUB_OUTPUT=files["output"], GITHUB_STEP_SUMMARY=files["summary"],
                            GITHUB_PATH=files["path"])
            step_env.update({k: interpolate(v, ctx) for k, v in step.get("env", {}).items()})
            p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", files["script"]],
                               cwd=workspace, env=step_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            record["status"] = p.returncode
            record["log"] = p.stdout.decode("utf-8", "replace")
            record["summary"] = open(files["summary"], encoding="utf-8").read()
            if "id" in step:
                ctx["steps"][step["id"]] = read_outputs(files["output"])
            added = [l for l in open(files["path"], encoding="utf-8").read().split("\n") if l]
            result["path_added"] += added
            env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
            if p.returncode != 0:
                ctx["failed"] = True
    result["step_outputs"] = ctx["steps"]
    result["outputs"] = {k: interpolate(v["value"], ctx) for k, v in action.get("outputs", {}).items()}
    json.dump(result, open(report, "w", encoding="utf-8"), indent=1)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Malformed as e:
        print("action.py: %s" % e, file=sys.stderr)
        sys.exit(2)
