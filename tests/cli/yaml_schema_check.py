#!/usr/bin/env python3
"""Validates YAML files against a JSON Schema the way an editor's YAML language server
does: YAML 1.2 core types (a plain 2026-10-15 is text, `yes` is text, only true/false
are booleans), then python3-jsonschema's Draft 7 validator.

Usage: yaml_schema_check.py SCHEMA FILE...   Prints FILE: PATH: MESSAGE per error;
exit 1 when any file fails, 0 when all pass.
"""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1; these resolvers are YAML 1.2's core schema."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    failed = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            document = yaml.load(f, Loader=Yaml12Loader)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "(top)"
            print("%s: %s: %s" % (path, where, error.message))
        failed += 1 if errors else 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
