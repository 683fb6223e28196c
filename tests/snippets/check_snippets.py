#!/usr/bin/env python3
"""Compile and run the coding expert's code snippets (models/knowledge/coding.json).

Input: knowledge files whose intents carry "snippets": {"python": "<code>", "javascript": ..., "c": ...,
"cpp": ..., "java": ..., "go": ..., "rust": ...}, or plain {"<intent id>": {"<language>": "<code>"}} files.

Each snippet is written to its own temporary directory (which is also the working
directory when it runs), compiled where needed (--compile-timeout, default 60 s) and
run (--timeout, default 10 s).
A snippet fails on a compile error, a compiler warning (unless --allow-warnings),
a non-zero exit status, a crash or a timeout. Exit status: 0 all passed, 1 any
failure, 2 bad usage or unreadable input.

Toolchains: python3, node, gcc, g++, javac + java, rustc. Go is checked only when a
go binary is given with --go or found on PATH (then `go build` plus a gofmt check);
otherwise Go snippets are skipped and the summary says so.

Usage:
    python3 tests/snippets/check_snippets.py models/knowledge/coding.json
    python3 tests/snippets/check_snippets.py --languages c,cpp --jobs 4 models/knowledge/coding.json
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

LANGUAGES = ["python", "javascript", "c", "cpp", "java", "go", "rust"]


def java_class_name(code):
    m = re.search(r"\bpublic\s+(?:final\s+)?class\s+(\w+)", code)
    return m.group(1) if m else "Main"


def build_plans(args):
    """Return {language: plan or reason-string-why-skipped}."""
    werror_c = [] if args.allow_warnings else ["-Werror"]
    plans = {}

    def need(*tools):
        missing = [t for t in tools if shutil.which(t) is None]
        return "no " + "/".join(missing) + " on PATH" if missing else None

    plans["python"] = need("python3") or {
        "file": lambda code: "main.py",
        "compile": None,
        "run": lambda f: ["python3", f],
    }
    plans["javascript"] = need("node") or {
        "file": lambda code: "main.js",
        "compile": None,
        "run": lambda f: ["node", f],
    }
    plans["c"] = need("gcc") or {
        "file": lambda code: "main.c",
        "compile": lambda f: ["gcc", "-std=c11", "-Wall", *werror_c, "-o", "main", f,
                              "-lm", "-pthread"],
        "run": lambda f: ["./main"],
    }
    plans["cpp"] = need("g++") or {
        "file": lambda code: "main.cpp",
        "compile": lambda f: ["g++", "-std=c++17", "-Wall", *werror_c, "-o", "main", f,
                              "-pthread"],
        "run": lambda f: ["./main"],
    }
    plans["java"] = need("javac", "java") or {
        "file": lambda code: java_class_name(code) + ".java",
        "compile": lambda f: ["javac", *([] if args.allow_warnings else ["-Werror"]),
                              "-d", ".", f],
        "run": lambda f: ["java", "-cp", ".", f[:-len(".java")]],
    }
    plans["rust"] = need("rustc") or {
        "file": lambda code: "main.rs",
        "compile": lambda f: ["rustc", "--edition", args.rust_edition,
                              *([] if args.allow_warnings else ["-D", "warnings"]),
                              "-o", "main", f],
        "run": lambda f: ["./main"],
    }
    go = args.go or shutil.which("go")
    if go is None:
        plans["go"] = "no go toolchain (pass --go PATH to check Go snippets)"
    else:
        gofmt = os.path.join(os.path.dirname(go), "gofmt")
        if not os.path.exists(gofmt):
            gofmt = shutil.which("gofmt")
        plans["go"] = {
            "file": lambda code: "main.go",
            "compile": lambda f: [go, "build", "-o", "main", f],
            "gofmt": gofmt,
            "run": lambda f: ["./main"],
        }
    return plans


def run_step(cmd, cwd, timeout, env):
    """Run cmd in its own process group; on timeout kill the whole group (compiler
    subprocesses, worker threads) so nothing is left running."""
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
    except OSError as e:
        return -1, "", str(e)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, _ = p.communicate()
        return None, out.decode("utf-8", "replace"), "timed out after %s s" % timeout
    return p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def describe_rc(rc):
    if rc is None:
        return "timeout"
    if rc < 0:
        return "killed by signal %d" % -rc
    return "exit status %d" % rc


def check_one(intent, lang, code, plan, args):
    """Return (status, stage, message, stdout); status is 'pass' or 'fail'."""
    workdir = tempfile.mkdtemp(prefix="snip-%s-%s-" % (intent[:20], lang))
    env = dict(os.environ)
    env.setdefault("GOCACHE", os.path.join(tempfile.gettempdir(), "check-snippets-gocache"))
    env["GO111MODULE"] = env.get("GO111MODULE", "auto")
    try:
        fname = plan["file"](code)
        with open(os.path.join(workdir, fname), "w", encoding="utf-8") as f:
            f.write(code if code.endswith("\n") else code + "\n")
        if plan.get("gofmt"):
            rc, out, err = run_step([plan["gofmt"], "-d", fname], workdir, args.compile_timeout, env)
            if rc != 0 or out.strip():
                return "fail", "gofmt", (out + err).strip() or "gofmt failed", ""
        if plan["compile"]:
            rc, out, err = run_step(plan["compile"](fname), workdir, args.compile_timeout, env)
            if rc != 0:
                return "fail", "compile", "%s\n%s" % (describe_rc(rc), (err + out).strip()), ""
            if err.strip() and not args.allow_warnings and lang != "java":
                return "fail", "compile", "compiler output:\n" + err.strip(), ""
        rc, out, err = run_step(plan["run"](fname), workdir, args.timeout, env)
        if rc != 0:
            return "fail", "run", "%s\n%s" % (describe_rc(rc), err.strip()), out
        return "pass", "run", err.strip(), out
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print("kept %s" % workdir, file=sys.stderr)


def comment_lines(lang, code):
    """Rough count of lines holding a comment (string literals are blanked first)."""
    blank = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', code)
    if lang in ("javascript", "go"):
        blank = re.sub(r"`[^`]*`", "``", blank)
    marker = "#" if lang == "python" else r"//|/\*"
    return sum(1 for line in blank.splitlines() if re.search(marker, line))


def lint(lang, code, max_comments):
    problems = []
    n = len(code.rstrip("\n").splitlines())
    if not 5 <= n <= 25:
        problems.append("%d lines (want 5-25)" % n)
    c = comment_lines(lang, code)
    if c > max_comments:
        problems.append("about %d comment lines (want at most %d)" % (c, max_comments))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", help="snippets JSON files")
    ap.add_argument("--languages", default=",".join(LANGUAGES),
                    help="comma-separated subset of: " + ",".join(LANGUAGES))
    ap.add_argument("--intents", default="", help="comma-separated intent ids to check (default all)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel checks (default 2)")
    ap.add_argument("--timeout", type=float, default=10, help="seconds a program may run (default 10)")
    ap.add_argument("--compile-timeout", type=float, default=60,
                    help="seconds a compile step may take (default 60: g++/javac are slow on a busy machine)")
    ap.add_argument("--allow-warnings", action="store_true", help="do not fail on compiler warnings")
    ap.add_argument("--rust-edition", default="2021")
    ap.add_argument("--go", help="path to a go binary (default: go on PATH, else Go is skipped)")
    ap.add_argument("--lint", action="store_true",
                    help="also fail snippets outside 5-25 lines or with more than 2 comment lines (heuristic)")
    ap.add_argument("--max-comments", type=int, default=2)
    ap.add_argument("--keep", action="store_true", help="keep the temporary directories")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every result and program output")
    args = ap.parse_args()

    langs = [l.strip() for l in args.languages.split(",") if l.strip()]
    unknown = [l for l in langs if l not in LANGUAGES]
    if unknown:
        ap.error("unknown language(s): %s" % ", ".join(unknown))
    only_intents = {i.strip() for i in args.intents.split(",") if i.strip()}

    tasks, problems, seen = [], [], {}
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            print("error: cannot read %s: %s" % (path, e), file=sys.stderr)
            return 2
        if not isinstance(data, dict):
            print("error: %s: top level must be an object" % path, file=sys.stderr)
            return 2
        if isinstance(data.get("intents"), list):  # a knowledge file: take each intent's "snippets"
            data = {i.get("id"): i["snippets"] for i in data["intents"] if isinstance(i, dict) and "snippets" in i}
        for intent, snippets in data.items():
            if only_intents and intent not in only_intents:
                continue
            if intent in seen:
                problems.append((intent, "-", "input", "also defined in %s" % seen[intent]))
            seen[intent] = path
            if not isinstance(snippets, dict):
                problems.append((intent, "-", "input", "value is not an object"))
                continue
            for lang in snippets:
                if lang not in LANGUAGES:
                    problems.append((intent, lang, "input", "unknown language key"))
            for lang in langs:
                code = snippets.get(lang)
                if code is None:
                    problems.append((intent, lang, "input", "missing snippet"))
                elif not isinstance(code, str) or not code.strip():
                    problems.append((intent, lang, "input", "snippet is not a non-empty string"))
                else:
                    tasks.append((intent, lang, code))

    plans = build_plans(args)
    results, skipped = [], {}
    runnable = []
    for intent, lang, code in tasks:
        plan = plans[lang]
        if isinstance(plan, str):
            skipped[lang] = skipped.get(lang, 0) + 1
        else:
            runnable.append((intent, lang, code))
        if args.lint:
            for p in lint(lang, code, args.max_comments):
                problems.append((intent, lang, "lint", p))

    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(check_one, i, l, c, plans[l], args) for i, l, c in runnable]
        for (intent, lang, _), fut in zip(runnable, futures):
            status, stage, msg, out = fut.result()
            results.append((intent, lang, status, stage, msg, out))
            if args.verbose or status != "pass":
                print("%s %s/%s (%s)" % (status.upper(), intent, lang, stage))
                if msg and (status != "pass" or args.verbose):
                    print("    " + msg[:3000].replace("\n", "\n    "))
                if args.verbose and out:
                    print("    stdout: " + out[:600].rstrip().replace("\n", "\n            "))

    for intent, lang, stage, msg in problems:
        print("FAIL %s/%s (%s): %s" % (intent, lang, stage, msg))

    passed = sum(1 for r in results if r[2] == "pass")
    failed = sum(1 for r in results if r[2] != "pass") + len(problems)
    n_skipped = sum(skipped.values())
    for lang, n in sorted(skipped.items()):
        print("skipped %d %s snippet(s): %s" % (n, lang, plans[lang]))
    by_lang = {}
    for r in results:
        d = by_lang.setdefault(r[1], [0, 0])
        d[0 if r[2] == "pass" else 1] += 1
    print("per language: " + ", ".join("%s %d/%d" % (l, v[0], v[0] + v[1])
                                       for l, v in sorted(by_lang.items())))
    print("%d intents, %d snippets checked in %.0f s" % (len(seen), len(results), time.time() - start))
    print("summary: %d passed, %d failed, %d skipped" % (passed, failed, n_skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
